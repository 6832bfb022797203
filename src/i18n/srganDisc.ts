// Chapter 2 (SRGAN): figure: what the discriminator sees. One dictionary per locale in the site's one shape (./strings.ts);
// `{name}` placeholders are filled by `fill()`.
import { bilingual, type Strings } from './strings';

const en = {
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
const ja: Strings<typeof en> = {
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
export const srganDiscStrings = bilingual(en, ja);
