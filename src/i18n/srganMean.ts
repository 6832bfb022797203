// Chapter 2 (SRGAN): figure: why MSE blurs. One dictionary per locale in the site's one shape (./strings.ts);
// `{name}` placeholders are filled by `fill()`.
import { bilingual, type Strings } from './strings';

const en = {
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
const ja: Strings<typeof en> = {
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
export const srganMeanStrings = bilingual(en, ja);
