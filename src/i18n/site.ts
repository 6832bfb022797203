// UI strings for every piece of chrome around the articles (header, footer, switches, captions).
// Article prose lives in src/content; these are only the short labels the layout and components need.
// Every key must exist in both locales: `satisfies` below makes a missing Japanese key a type error.

const en = {
  siteTitle: 'Super-Resolution, Explained',
  siteTagline: 'From pixel interpolation to GANs, with the networks running in your browser',
  skipToContent: 'Skip to content',
  contents: 'Contents',
  credits: 'Credits',
  models: 'Models',
  modelsSummary:
    'Every network the site runs: how each was trained, its size, its Set5 / Set14 scores, and what is not good yet.',
  languageSwitchLabel: '日本語',
  languageSwitchTitle: 'Read this page in Japanese',
  primaryNav: 'Site',
  onThisPage: 'On this page',
  resetFigures: 'Reset every figure on this page to its starting settings',
  chapterLabel: 'Chapter {n}',
  coming: 'coming',
  figureLabel: 'Figure {n}',
  references: 'References',
  chapterNav: 'More chapters',
  previousChapter: 'Previous chapter',
  nextChapter: 'Next chapter',
  comingNext: 'Coming next',
  comingNextText: 'Restoration with diffusion models (DiffBIR), which the source article names as its next topic.',
  playground: 'Playground',
  playgroundSummary: 'Your own pictures through any network of these chapters, or through a model file of your own, in your browser.',
  playgroundLink: 'Try any of these networks, or a model file of your own, on your own pictures: the playground',
  modelsLink: 'Every network in these chapters, with how it was trained and its scores: the Models page',
  savePicture: 'PNG',
  savePictureLabel: 'Save the picture “{name}” as a PNG file',
  footerNote: 'Text and figures written for this site. Demo photos and datasets are credited on the ',
  footerCreditsLink: 'credits page',
  footerNoteAfter: '.',
  chapter1Title: 'From pixels to SRCNN',
  chapter1Summary:
    'Why enlarging an image is ill-posed; nearest, bilinear, bicubic and Lanczos resampling and their artefacts; how papers build their test inputs and score results; a first network that learns the mapping.',
  chapter2Title: 'SRGAN and the limits of squared error',
  chapter2Summary:
    'Why minimising pixel error produces blur, what a feature-space content loss and a discriminator change, and what the SRGAN trained for this site actually shows.',
  chapter3Title: 'ESRGAN, four changes to SRGAN',
  chapter3Summary:
    'The four changes ESRGAN makes to SRGAN (dense blocks without batch normalisation, a relativistic discriminator, features before activation, network interpolation), each undone on our own models.',
  chapter4Title: 'Real-ESRGAN, when the small image is not a clean bicubic copy',
  chapter4Summary:
    'Blur kernels, resizing, noise and JPEG applied twice: the degradation model Real-ESRGAN trains on, taken apart, and our own network trained on it against the same network trained on bicubic pairs.',
} as const;

type Strings = { readonly [K in keyof typeof en]: string };

const ja = {
  siteTitle: '超解像のしくみ',
  siteTagline: '画素の補間から GAN まで。ネットワークはブラウザの中で動きます',
  skipToContent: '本文へ移動',
  contents: '目次',
  credits: 'クレジット',
  models: 'モデル',
  modelsSummary: 'このサイトが動かすネットワークの一覧。学習方法、大きさ、Set5・Set14 での評価値、まだ良くない点。',
  languageSwitchLabel: 'English',
  languageSwitchTitle: 'このページを英語で読む',
  primaryNav: 'サイト',
  onThisPage: 'このページの内容',
  resetFigures: 'このページの図をすべて最初の設定に戻す',
  chapterLabel: '第{n}章',
  coming: '準備中',
  figureLabel: '図{n}',
  references: '参考文献',
  chapterNav: 'ほかの章',
  previousChapter: '前の章',
  nextChapter: '次の章',
  comingNext: '次に扱うこと',
  comingNextText: '元記事が次の話題に挙げている、拡散モデルによる画像復元（DiffBIR）。',
  playground: 'プレイグラウンド',
  playgroundSummary: '自分の画像を、各章のネットワークや手持ちのモデルファイルで、ブラウザの中で拡大します。',
  playgroundLink: '各章のネットワークや手持ちのモデルファイルを自分の画像で試す：プレイグラウンド',
  modelsLink: 'この章までに出てくるネットワークの学習方法と評価値は「モデル」ページにまとめています',
  savePicture: 'PNG',
  savePictureLabel: '画像「{name}」を PNG ファイルとして保存',
  footerNote: '本文と図はこのサイトのために書き下ろしたものです。デモ写真とデータセットの出典は',
  footerCreditsLink: 'クレジット',
  footerNoteAfter: 'ページにまとめています。',
  chapter1Title: '画素から SRCNN へ',
  chapter1Summary:
    '拡大がなぜ「解けない問題」なのか。最近傍・バイリニア・バイキュービック・Lanczos 補間とそれぞれが生むアーティファクト、論文での低解像度画像の作り方と評価方法、そして対応関係を学習する最初のネットワーク。',
  chapter2Title: 'SRGAN と二乗誤差の限界',
  chapter2Summary:
    '画素誤差を最小化するとなぜぼやけるのか。特徴空間で測る内容損失と識別器は何を変えるのか。そして、このサイトで学習した SRGAN が実際に見せるもの。',
  chapter3Title: 'ESRGAN：SRGAN への 4 つの変更',
  chapter3Summary:
    'ESRGAN が SRGAN に加えた 4 つの変更（BN を除いた密結合ブロック、相対論的識別器、活性化前の特徴、ネットワーク補間）を、このサイトのモデルで 1 つずつ確かめる。',
  chapter4Title: 'Real-ESRGAN：小さな画像がきれいな縮小ではないとき',
  chapter4Summary:
    'ぼかしカーネル・リサイズ・ノイズ・JPEG を 2 回重ねる、Real-ESRGAN の学習用劣化モデルを分解し、それで学習したこのサイトのネットワークを、バイキュービックのペアで学習した同じネットワークと比べる。',
} as const satisfies Strings;

export const site = { en, ja } as const;
export type SiteKey = keyof typeof en;
