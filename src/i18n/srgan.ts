// UI strings of chapter 2 (SRGAN), one dictionary per widget family (src/components/srgan), each with
// the same keys in English and Japanese (the `satisfies` clauses make TypeScript check it). `{name}`
// placeholders are filled by `fill()`.

type Lang = 'en' | 'ja';

export { fill } from './fill';

// --- Scores table (build time) -------------------------------------------------------------------
const scoreEn = {
  caption:
    'Measured on this site’s weights as the browser runs them: PSNR and SSIM on Y (BT.601) with a 4-pixel border, NIQE on Y (lower is more natural). Bold: best in the column.',
  model: 'Model',
  bicubic: 'Bicubic',
  psnr: 'PSNR (dB)',
  ssim: 'SSIM',
  niqe: 'NIQE',
};
const scoreJa: typeof scoreEn = {
  caption:
    'このサイトの重みをブラウザで動かすときと同じ形で測った値。PSNR と SSIM は Y（BT.601）で境界 4 画素を除外、NIQE も Y で計算（小さいほど自然）。太字は各列の最良値。',
  model: 'モデル',
  bicubic: 'バイキュービック',
  psnr: 'PSNR（dB）',
  ssim: 'SSIM',
  niqe: 'NIQE',
};
export const srganScoreStrings = { en: scoreEn, ja: scoreJa } satisfies Record<Lang, typeof scoreEn>;

// --- Content-layer table (build time) ------------------------------------------------------------
const layerEn = {
  caption:
    'The content-loss fine-tune of our SRResNet on each layer of the random VGG-19, stopped after about 120 steps (CPU runs, measured on Set5 and Set14). Grid: the power at the frequencies of a pattern repeating every 4 pixels, relative to the frequencies around them; photographs score 1 to 3.',
  layer: 'Content layer',
  steps: 'Steps',
  psnr: 'Set5 PSNR (dB)',
  grid5: 'Grid, Set5',
  grid14: 'Grid, Set14',
  start: 'Start: SRResNet',
};
const layerJa: typeof layerEn = {
  caption:
    'ランダムな VGG-19 の各層を内容損失に使い、このサイトの SRResNet を約 120 ステップ微調整したところで止めた結果（CPU での実行、Set5 と Set14 で測定）。グリッド：4 画素ごとに繰り返す模様の周波数のパワーを、その周りの周波数と比べた値。写真は 1〜3 程度。',
  layer: '内容損失の層',
  steps: 'ステップ',
  psnr: 'Set5 PSNR（dB）',
  grid5: 'グリッド（Set5）',
  grid14: 'グリッド（Set14）',
  start: '出発点：SRResNet',
};
export const srganLayerStrings = { en: layerEn, ja: layerJa } satisfies Record<Lang, typeof layerEn>;

// --- Backend / runtime status, shared by the two figures that run networks ------------------------
const runtimeEn = {
  statusStatic: 'Showing pictures computed in advance. The networks start in your browser when the figure scrolls into view.',
  statusStarting: 'Starting the compute backend…',
  statusLoading: 'Loading {model} ({pct} %)…',
  statusRunning: 'Running {model} on {backend}…',
  statusReady: 'Computed live in your browser on {backend} ({ms} ms for the networks).',
  backendWebgpu: 'WebGPU',
  backendWebgl: 'WebGL',
  backendCpu: 'the CPU',
  noscript: 'JavaScript is off: these pictures and numbers were computed in advance from the same trained weights.',
};
const runtimeJa: typeof runtimeEn = {
  statusStatic: '事前に計算した画像を表示しています。図が画面に入ると、ブラウザでネットワークが動き始めます。',
  statusStarting: '計算バックエンドを起動しています…',
  statusLoading: '{model} を読み込んでいます（{pct} %）…',
  statusRunning: '{backend} で {model} を実行しています…',
  statusReady: 'ブラウザ上の {backend} でその場で計算しました（ネットワーク全体で {ms} ms）。',
  backendWebgpu: 'WebGPU',
  backendWebgl: 'WebGL',
  backendCpu: 'CPU',
  noscript: 'JavaScript が無効です。ここに表示している画像と数値は、同じ学習済みの重みで事前に計算したものです。',
};
export const srganRuntimeStrings = { en: runtimeEn, ja: runtimeJa } satisfies Record<Lang, typeof runtimeEn>;

// --- Figure: why MSE blurs ------------------------------------------------------------------------
const meanEn = {
  caption:
    'Eight candidate HR patches (32 × 32) that all reduce to the same 8 × 8 LR patch under a 4 × 4 box average, and the pixel-wise mean of the ones you select: the answer a network trained with squared error converges to. PSNR is on Y; sharpness is the mean luma gradient.',
  controlsLabel: 'Figure controls',
  textureLabel: 'Texture',
  textureGrass: 'Grass',
  textureGravel: 'Gravel',
  textureBrick: 'Brick wall',
  redraw: 'Draw other crops',
  seedValue: 'crop set {n}',
  lrTitle: 'The LR patch (8 × 8)',
  candidatesTitle: 'Candidates: each reduces exactly to the LR patch',
  candidate: 'Candidate {n}',
  candidateFirst: 'Candidate 1 (the crop the LR patch was made from)',
  include: 'count as plausible',
  meanTitle: 'Mean of the {n} selected candidates',
  psnrOfMean: 'mean vs this: {v} dB',
  sharpness: 'sharpness {v}',
  summaryMean: 'The mean against all selected candidates: {v} dB (PSNR of the average squared error). Sharpness {s}.',
  summaryBest: 'The best single candidate against the other selected ones: {v} dB. Average sharpness of the candidates: {s}.',
  summaryOne: 'Select a second candidate to compare the mean with a single guess.',
  needOne: 'Select at least one candidate: the mean of nothing is undefined.',
  statusReady: 'Computed in this page with plain arithmetic; no GPU is needed for this figure.',
  statusStatic: 'Showing the default selection computed in advance.',
  noscript: 'JavaScript is off: the pictures and numbers show the default selection, computed in advance.',
};
const meanJa: typeof meanEn = {
  caption:
    '4 × 4 のブロック平均で縮小すると、どれも同じ 8 × 8 の LR パッチになる 8 つの HR 候補（32 × 32）と、選んだ候補の画素ごとの平均。二乗誤差で学習したネットワークが行き着く答えがこの平均です。PSNR は Y で計算し、鮮鋭度は輝度の勾配の大きさの平均です。',
  controlsLabel: '図の操作',
  textureLabel: 'テクスチャ',
  textureGrass: '草',
  textureGravel: '砂利',
  textureBrick: 'レンガの壁',
  redraw: '別の切り抜きにする',
  seedValue: '切り抜き {n}',
  lrTitle: 'LR パッチ（8 × 8）',
  candidatesTitle: '候補：どれも縮小すると LR パッチにぴったり一致します',
  candidate: '候補 {n}',
  candidateFirst: '候補 1（LR パッチの元になった切り抜き）',
  include: 'もっともらしい候補に含める',
  meanTitle: '選んだ {n} 個の候補の平均',
  psnrOfMean: '平均との PSNR：{v} dB',
  sharpness: '鮮鋭度 {v}',
  summaryMean: '選んだ候補すべてに対する平均の PSNR：{v} dB（二乗誤差の平均から計算）。鮮鋭度 {s}。',
  summaryBest: 'ほかの候補に対していちばん良い単独の候補：{v} dB。候補の鮮鋭度の平均：{s}。',
  summaryOne: '候補を 2 つ以上選ぶと、平均と単独の候補を比べられます。',
  needOne: '候補を 1 つ以上選んでください。何も選ばないと平均は定まりません。',
  statusReady: 'このページ内で通常の計算をしています。この図には GPU は必要ありません。',
  statusStatic: '事前に計算した既定の選択を表示しています。',
  noscript: 'JavaScript が無効です。画像と数値は、事前に計算した既定の選択のものです。',
};
export const srganMeanStrings = { en: meanEn, ja: meanJa } satisfies Record<Lang, typeof meanEn>;

// --- Figure: three losses, one network ------------------------------------------------------------
const lossesEn = {
  caption:
    'The same 32 × 32 LR crop enlarged ×4 by bicubic interpolation and by the site’s three SRResNet generators, trained with squared error, with the (random-VGG) content loss, and with content plus adversarial loss. PSNR and SSIM against the ground truth on Y with a 4-pixel border; the plot is the radially averaged power spectrum of each result’s luma.',
  controlsLabel: 'Figure controls',
  imageLabel: 'Image',
  ownOption: 'Your image (stays in this browser)',
  upload: 'Open your own image…',
  dropHint: 'It is processed only in your browser.',
  ownModeLabel: 'Your image',
  ownDownscale: 'reduce it first (a ground truth exists)',
  ownAsIs: 'enlarge it as it is (no ground truth)',
  regionLabel: 'Part of your picture',
  regions: {
    tl: 'top left', t: 'top', tr: 'top right',
    l: 'left', c: 'centre', r: 'right',
    bl: 'bottom left', b: 'bottom', br: 'bottom right',
  },
  viewLabel: 'View',
  viewSide: 'Side by side',
  viewWipe: 'Wipe',
  wipeLeft: 'Left of the wipe',
  wipeRight: 'Right of the wipe',
  wipeLabel: 'Wipe position',
  wipeValue: '{p} % from the left',
  loupeLabel: 'Loupe position (the same spot in every result)',
  loupeValue: 'loupe centred at x {x}, y {y} of {w} by {h} pixels',
  loupesTitle: 'Loupes: {n} × {n} output pixels',
  modelTruth: 'Ground truth (HR)',
  modelInput: 'Input (LR, 32 × 32)',
  modelBicubic: 'Bicubic',
  modelSrresnet: 'SRResNet (MSE)',
  modelSrresnetVgg: 'Content loss (random VGG)',
  modelSrgan: 'SRGAN (content + adversarial)',
  metrics: 'PSNR {p} dB · SSIM {s}',
  noTruth: 'no ground truth',
  pending: 'not computed yet',
  spectrumTitle: 'Radially averaged power spectrum of the luma',
  spectrumX: 'spatial frequency (cycles per pixel)',
  spectrumY: 'log₁₀ power',
  precomputed: 'pre-computed',
  fileTooSmall: 'That image is too small: it needs at least {n} pixels on each side.',
  fileScaled: 'Your image was scaled down to {w} × {h} pixels first; the figure uses the part you pick below (the centre at first).',
};
const lossesJa: typeof lossesEn = {
  caption:
    '同じ 32 × 32 の LR 画像を、バイキュービック補間と、このサイトの 3 つの SRResNet 生成器（二乗誤差、乱数 VGG によるコンテンツ損失、コンテンツ損失＋敵対的損失でそれぞれ学習）で 4 倍に拡大した結果。PSNR と SSIM は正解画像と比べ、Y で境界 4 画素を除いて計算しています。グラフは各結果の輝度の動径平均パワースペクトルです。',
  controlsLabel: '図の操作',
  imageLabel: '画像',
  ownOption: '手元の画像（ブラウザの外には出ません）',
  upload: '手元の画像を開く…',
  dropHint: '画像はブラウザの中だけで処理されます。',
  ownModeLabel: '手元の画像',
  ownDownscale: '先に縮小する（正解画像あり）',
  ownAsIs: 'そのまま拡大する（正解画像なし）',
  regionLabel: '画像のどの部分を使うか',
  regions: {
    tl: '左上', t: '上', tr: '右上',
    l: '左', c: '中央', r: '右',
    bl: '左下', b: '下', br: '右下',
  },
  viewLabel: '表示',
  viewSide: '並べて表示',
  viewWipe: 'ワイプ',
  wipeLeft: 'ワイプの左側',
  wipeRight: 'ワイプの右側',
  wipeLabel: 'ワイプの位置',
  wipeValue: '左から {p} %',
  loupeLabel: 'ルーペの位置（どの結果でも同じ場所）',
  loupeValue: '{w} × {h} 画素のうち x {x}、y {y} を中心とするルーペ',
  loupesTitle: 'ルーペ：出力の {n} × {n} 画素',
  modelTruth: '正解画像（HR）',
  modelInput: '入力（LR、32 × 32）',
  modelBicubic: 'バイキュービック',
  modelSrresnet: 'SRResNet（MSE）',
  modelSrresnetVgg: 'コンテンツ損失（乱数 VGG）',
  modelSrgan: 'SRGAN（コンテンツ＋敵対的損失）',
  metrics: 'PSNR {p} dB・SSIM {s}',
  noTruth: '正解画像なし',
  pending: '未計算',
  spectrumTitle: '輝度の動径平均パワースペクトル',
  spectrumX: '空間周波数（サイクル／画素）',
  spectrumY: 'パワーの常用対数',
  precomputed: '事前計算',
  fileTooSmall: '画像が小さすぎます。縦横とも {n} 画素以上必要です。',
  fileScaled: '画像を先に {w} × {h} 画素へ縮小しました。図では下で選んだ部分（最初は中央）を使います。',
};
export const srganLossesStrings = { en: lossesEn, ja: lossesJa } satisfies Record<Lang, typeof lossesEn>;

// --- Figure: what the discriminator sees ----------------------------------------------------------
const discEn = {
  caption:
    'The site’s SRGAN discriminator (srgan_d) on 128 × 128 patches: the real HR crop and what each method made from its 32 × 32 LR version. C(x) is the raw score the network outputs; D(x) = σ(C(x)) is its probability that the patch is a real photograph.',
  controlsLabel: 'Figure controls',
  imageLabel: 'Image',
  patchesLabel: 'Patches to score',
  real: 'Real photograph (HR)',
  logit: 'C(x) = {v}',
  prob: 'D(x) = {v}',
  barLabel: 'D(x) of {name}: {v}',
  notScored: 'not scored',
  precomputed: 'pre-computed',
  verdictReal: 'judged real',
  verdictFake: 'judged generated',
  summaryWeak:
    'Ours is not even a confident critic. On the {total} crops of the figure it gives every patch a D(x) between {lo} and {hi}, and in {n} of them it rates at least one generated patch as more real than the photograph: in its short adversarial training it has not learned what makes a photograph a photograph.',
  summaryOk:
    'On the {total} crops of the figure it gives every patch a D(x) between {lo} and {hi}, and it rates the photograph above every generated patch in each crop.',
};
const discJa: typeof discEn = {
  caption:
    'このサイトの SRGAN 識別器（srgan_d）を 128 × 128 のパッチにかけた結果。本物の HR 画像と、その 32 × 32 の LR 版から各手法が作った画像です。C(x) はネットワークが出力する生のスコア、D(x) = σ(C(x)) はパッチが本物の写真である確率の推定値です。',
  controlsLabel: '図の操作',
  imageLabel: '画像',
  patchesLabel: '判定させるパッチ',
  real: '本物の写真（HR）',
  logit: 'C(x) = {v}',
  prob: 'D(x) = {v}',
  barLabel: '{name} の D(x)：{v}',
  notScored: '判定なし',
  precomputed: '事前計算',
  verdictReal: '本物と判定',
  verdictFake: '生成画像と判定',
  summaryWeak:
    '私たちの識別器は、自信のある審査員ですらありません。この図の {total} つの切り抜きでは、D(x) はどのパッチでも {lo} から {hi} の間に収まり、そのうち {n} つでは、生成されたパッチの少なくとも 1 つを本物の写真より本物らしいと判定しています。短い敵対的学習のあいだに、写真を写真たらしめているものを学ぶには至らなかったのです。',
  summaryOk:
    'この図の {total} つの切り抜きでは、D(x) はどのパッチでも {lo} から {hi} の間に収まり、どの切り抜きでも本物の写真を生成されたすべてのパッチより本物らしいと判定しています。',
};
export const srganDiscStrings = { en: discEn, ja: discJa } satisfies Record<Lang, typeof discEn>;

// --- Figure: the two networks, inspectable --------------------------------------------------------
const netsEn = {
  caption:
    'The generator (any of the three trained SRResNets) and the discriminator srgan_d, block by block, built from the shapes of the shipped weights: output size for this figure’s input and number of trainable parameters. Focus, hover or click a block to see the first channels of its output for the current image, each scaled to its own range (black = lowest, white = highest).',
  controlsLabel: 'Figure controls',
  imageLabel: 'Image',
  generatorLabel: 'Generator weights',
  generatorTitle: 'Generator (input: LR 32 × 32)',
  discriminatorTitle: 'Discriminator srgan_d (input: HR patch 128 × 128)',
  total: 'total {n} parameters',
  params: '{n} parameters',
  blockConvFirst: 'Conv 9×9 + PReLU',
  blockRes: 'Residual block {n}',
  blockConvBody: 'Conv 3×3 + BN, plus the long skip',
  blockUp: 'Sub-pixel conv ×2 + PReLU',
  blockConvLast: 'Conv 9×9 → RGB',
  blockD0: 'Conv 3×3 + LeakyReLU',
  blockDConv: 'Conv 3×3 + BN + LeakyReLU',
  blockDStride: 'Conv 4×4, stride 2 + BN + LeakyReLU',
  blockLinear1: 'Dense + LeakyReLU',
  blockLinear2: 'Dense → C(x)',
  noMaps: 'a vector, not a map',
  featuresTitle: '{block}: {h} × {w} × {c}, first {k} channels',
  featuresHint: 'Focus, hover or click a block of either network to see its feature maps.',
  featuresPending: 'Computing the feature maps…',
  featuresStatic: '{block} of {generator} on “{image}”: {h} × {w} × {c}, first {k} channels, computed in advance',
  featureStaticAlt:
    '{block}, {channel}, computed in advance for the crop of “{image}” with {generator}: how one filter responds to the crop, in grey levels (black = lowest, white = highest)',
  channel: 'channel {n}',
  statusReady: 'Feature maps computed live in your browser on {backend} ({ms} ms).',
};
const netsJa: typeof netsEn = {
  caption:
    '生成器（学習済みの 3 つの SRResNet のいずれか）と識別器 srgan_d をブロックごとに示した図。配布している重みの形から組み立てており、この図の入力に対する出力の大きさと学習パラメータ数を示します。ブロックにフォーカスするか、ポインタを重ねるかクリックすると、現在の画像に対するそのブロックの出力のうち最初のいくつかのチャネルを表示します。各チャネルはそれぞれの値域で正規化しています（黒が最小、白が最大）。',
  controlsLabel: '図の操作',
  imageLabel: '画像',
  generatorLabel: '生成器の重み',
  generatorTitle: '生成器（入力：LR 32 × 32）',
  discriminatorTitle: '識別器 srgan_d（入力：HR パッチ 128 × 128）',
  total: '合計 {n} パラメータ',
  params: '{n} パラメータ',
  blockConvFirst: '畳み込み 9×9 ＋ PReLU',
  blockRes: '残差ブロック {n}',
  blockConvBody: '畳み込み 3×3 ＋ BN、長いスキップ接続',
  blockUp: 'サブピクセル畳み込み ×2 ＋ PReLU',
  blockConvLast: '畳み込み 9×9 → RGB',
  blockD0: '畳み込み 3×3 ＋ LeakyReLU',
  blockDConv: '畳み込み 3×3 ＋ BN ＋ LeakyReLU',
  blockDStride: '畳み込み 4×4、ストライド 2 ＋ BN ＋ LeakyReLU',
  blockLinear1: '全結合 ＋ LeakyReLU',
  blockLinear2: '全結合 → C(x)',
  noMaps: '特徴マップではなくベクトル',
  featuresTitle: '{block}：{h} × {w} × {c}、最初の {k} チャネル',
  featuresHint: 'どちらかのネットワークのブロックにフォーカスするか、ポインタを重ねるかクリックすると、特徴マップを表示します。',
  featuresPending: '特徴マップを計算しています…',
  featuresStatic: '「{image}」に対する {generator}の{block}：{h} × {w} × {c}、最初の {k} チャネル（事前に計算）',
  featureStaticAlt:
    '{block} の{channel}。「{image}」の切り抜きに対して {generator}で事前に計算したもので、1 つのフィルタがこの切り抜きにどう反応するかを濃淡で示します（黒が最小、白が最大）',
  channel: 'チャネル {n}',
  statusReady: 'ブラウザ上の {backend} で特徴マップをその場で計算しました（{ms} ms）。',
};
export const srganNetsStrings = { en: netsEn, ja: netsJa } satisfies Record<Lang, typeof netsEn>;
