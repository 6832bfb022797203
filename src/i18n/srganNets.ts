// Chapter 2 (SRGAN): figure: the two networks, inspectable. One dictionary per locale in the site's one shape (./strings.ts);
// `{name}` placeholders are filled by `fill()`.
import { bilingual, type Strings } from './strings';

const en = {
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
const ja: Strings<typeof en> = {
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
export const srganNetsStrings = bilingual(en, ja);
