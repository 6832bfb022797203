// Labels of the models page (tables, model sections, curve figure) in both languages. The intro prose lives in
// ModelsIntro.astro. `satisfies` makes a key missing from the Japanese dictionary a type error.

const en = {
  title: 'The trained models',
  description:
    'Every network this site runs in the browser: architecture, size, training budget and Set5 / Set14 scores, plus what is not good yet.',
  notYetHeading: 'What is not good yet',
  generatorsHeading: 'Generators',
  generatorsCaption: 'Generators (×4) against bicubic interpolation on Set5 and Set14',
  generatorsNote:
    'PSNR (dB) and SSIM are computed on the luminance channel with a 4-pixel border removed; for NIQE, lower means more natural-looking. All scores are for the stored weights the browser runs. Click a name for its training details.',
  generatorsRegion: 'Table of generators (scrolls sideways)',
  model: 'Model',
  architecture: 'Architecture',
  parameters: 'Parameters',
  storage: 'Storage and size',
  iterations: 'Iterations',
  gpuMinutes: 'Training minutes',
  psnr: 'PSNR',
  ssim: 'SSIM',
  niqe: 'NIQE',
  bicubicRow: 'Bicubic interpolation (baseline)',
  bicubicNote: 'no network',
  gpuMinutesNote:
    'Training minutes: this model’s share of the wall time of the group of models trained side by side, on one NVIDIA GPU (H100 or H200; the card names it), or on a 2-core CPU where marked “CPU”.',
  cpuMark: 'CPU',
  issueCheckerboard: 'checkerboard artefacts, to be retrained',
  issueBelowTarget: 'below its PSNR target',
  discriminatorsHeading: 'Discriminators',
  discriminatorsIntro:
    'The GAN generators were trained against these critics. They are published because chapters 2 and 3 show what a discriminator thinks of an image (the SRGAN critic, then standard against relativistic); a reader never needs them to enlarge one.',
  discriminatorsCaption: 'Discriminators (input: 128 × 128 RGB patch, output: one raw score)',
  discriminatorsRegion: 'Table of discriminators (scrolls sideways)',
  ganType: 'GAN loss',
  pairedWith: 'Trained with',
  detailsHeading: 'Model by model',
  detailsIntro:
    'How each generator was trained, where its weights are, and how its Set5 PSNR moved during training. The cost of a storage format is the fp32 PSNR minus the PSNR of the weights in that format; a negative cost means the stored weights happened to score higher.',
  losses: 'Loss (weight)',
  init: 'Initialised from',
  initRandom: 'random initialisation',
  initFrom: 'the weights of {id}',
  batchPatch: 'Batch / HR patch',
  batchPatchValue: '{batch} patches of {patch} × {patch} pixels',
  learningRate: 'Learning rate',
  speed: 'Training speed',
  speedValue: '{ips} iterations per second',
  budget: 'Budget',
  budgetValue: '{iterations} iterations, {minutes} GPU minutes',
  budgetValueCpu: '{iterations} iterations, {minutes} minutes on a CPU ({threads} threads)',
  sha256: 'Weights sha256',
  formatCost: 'Cost of the storage format',
  formatCostValue: '{format}: Set5 {set5} dB, Set14 {set14} dB',
  chosen: ' (stored)',
  card: 'Model card',
  cardLink: 'card.json of {id}',
  lossMse: 'pixel MSE',
  lossL1: 'pixel L1',
  lossVgg: 'perceptual: random VGG19, {layer}, {distance}',
  lossGan: 'adversarial ({gan})',
  ganStandard: 'standard',
  ganRelativistic: 'relativistic average',
  curveTitle: 'Set5 PSNR of {name} during training',
  curveDesc:
    'Line chart of Set5 PSNR against training iteration, measured {n} times between iteration {first} and {last}. It starts at {start} dB and ends at {end} dB; the highest value is {max} dB at iteration {maxStep}. A dashed line marks bicubic interpolation at {bicubic} dB.',
  curveDescNoBicubic:
    'Line chart of Set5 PSNR against training iteration, measured {n} times between iteration {first} and {last}. It starts at {start} dB and ends at {end} dB; the highest value is {max} dB at iteration {maxStep}.',
  curveOffChart: 'Iteration 0 ({value} dB, before training) lies below the chart.',
  curveX: 'iteration',
  curveY: 'Set5 PSNR (dB)',
  curveBicubic: 'bicubic',
  curveNone: 'No training curve was exported for this model.',
  missingModels: 'Listed in index.json but without a readable card (not shown): {ids}.',
  formatLink: ' The file format of the weights and cards is described in',
  formatLinkAfter: 'of the repository.',
} as const;

type Strings = { readonly [K in keyof typeof en]: string };

const ja = {
  title: '学習済みモデル',
  description:
    'このサイトがブラウザで動かすネットワークの一覧。構成、大きさ、学習量、Set5・Set14 での評価値と、まだ良くない点をまとめています。',
  notYetHeading: 'まだ良くない点',
  generatorsHeading: '生成器',
  generatorsCaption: '生成器（4 倍）とバイキュービック補間の Set5・Set14 での評価',
  generatorsNote:
    'PSNR（dB）と SSIM は輝度チャンネルで、周囲 4 画素を除いて計算しています。NIQE は低いほど自然に見えることを表します。値はすべて、ブラウザが実際に使う保存形式の重みで測ったものです。名前を選ぶと学習の詳細に移ります。',
  generatorsRegion: '生成器の表（横にスクロールできます）',
  model: 'モデル',
  architecture: '構造',
  parameters: 'パラメータ数',
  storage: '保存形式とサイズ',
  iterations: '反復回数',
  gpuMinutes: '学習時間（分）',
  psnr: 'PSNR',
  ssim: 'SSIM',
  niqe: 'NIQE',
  bicubicRow: 'バイキュービック補間（基準）',
  bicubicNote: 'ネットワークなし',
  gpuMinutesNote:
    '学習時間：並行して学習したモデル群の経過時間のうち、このモデルが占めた分。NVIDIA GPU 1 枚（H100 か H200。どちらかはモデルカードに記載）で学習したもの、または「CPU」と記したものは 2 コアの CPU で学習したもの。',
  cpuMark: 'CPU',
  issueCheckerboard: '市松模様のアーティファクトあり・再学習予定',
  issueBelowTarget: 'PSNR 目標に未達',
  discriminatorsHeading: '識別器',
  discriminatorsIntro:
    'GAN の生成器は、これらの識別器を相手に学習しました。第2章と第3章で、識別器が画像をどう判定するか（SRGAN の識別器、そして標準型と相対型の比較）を見せるために公開しています。画像を拡大するだけなら必要ありません。',
  discriminatorsCaption: '識別器（入力：128 × 128 画素の RGB パッチ、出力：生のスコア 1 つ）',
  discriminatorsRegion: '識別器の表（横にスクロールできます）',
  ganType: 'GAN 損失',
  pairedWith: '組になる生成器',
  detailsHeading: 'モデルごとの詳細',
  detailsIntro:
    '各生成器の学習条件、重みファイル、学習中の Set5 PSNR の推移です。保存形式による劣化は、fp32 での PSNR からその形式の重みでの PSNR を引いた値で、負の値は保存形式のほうがたまたま高かったことを示します。',
  losses: '損失（重み）',
  init: '初期値',
  initRandom: 'ランダム初期化',
  initFrom: '{id} の重みから',
  batchPatch: 'バッチ／高解像度パッチ',
  batchPatchValue: '{patch} × {patch} 画素のパッチを {batch} 枚',
  learningRate: '学習率',
  speed: '学習速度',
  speedValue: '毎秒 {ips} 反復',
  budget: '学習量',
  budgetValue: '{iterations} 反復、GPU {minutes} 分',
  budgetValueCpu: '{iterations} 反復、CPU（{threads} スレッド）で {minutes} 分',
  sha256: '重みの sha256',
  formatCost: '保存形式による劣化',
  formatCostValue: '{format}：Set5 {set5} dB、Set14 {set14} dB',
  chosen: '（採用）',
  card: 'モデルカード',
  cardLink: '{id} の card.json',
  lossMse: '画素の二乗誤差（MSE）',
  lossL1: '画素の絶対誤差（L1）',
  lossVgg: '知覚損失：ランダム VGG19、{layer}、{distance}',
  lossGan: '敵対的損失（{gan}）',
  ganStandard: '標準',
  ganRelativistic: '相対的平均',
  curveTitle: '{name} の学習中の Set5 PSNR',
  curveDesc:
    '学習の反復回数に対する Set5 PSNR の折れ線グラフ。反復 {first} から {last} までに {n} 回測定。{start} dB から始まり {end} dB で終わる。最高は反復 {maxStep} での {max} dB。破線はバイキュービック補間の {bicubic} dB。',
  curveDescNoBicubic:
    '学習の反復回数に対する Set5 PSNR の折れ線グラフ。反復 {first} から {last} までに {n} 回測定。{start} dB から始まり {end} dB で終わる。最高は反復 {maxStep} での {max} dB。',
  curveOffChart: '反復 0（学習前、{value} dB）はグラフの下端より下にあります。',
  curveX: '反復回数',
  curveY: 'Set5 PSNR（dB）',
  curveBicubic: 'バイキュービック',
  curveNone: 'このモデルの学習曲線は出力されていません。',
  missingModels: 'index.json にあるがカードを読めなかったモデル（表示していません）：{ids}。',
  formatLink: '重みファイルとモデルカードの形式は、リポジトリの',
  formatLinkAfter: 'で説明しています。',
} as const satisfies Strings;

export const modelsStrings = { en, ja } as const;
export type ModelsKey = keyof typeof en;

/** Label of the models page, with `{name}` placeholders filled in. */
export function ms(lang: 'en' | 'ja', key: ModelsKey, vars: Record<string, string | number> = {}): string {
  return modelsStrings[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}
