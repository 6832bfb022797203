// The sentence chapter 2 prints under its discriminator figure about the scale of the scores
// (src/components/discModes/DiscModes.astro; the numbers come from public/data/disc-modes.json).
import { bilingual, type Strings } from './strings';

const en = {
  lead:
    'Why even photographs can score below 0.5: our SRGAN discriminator, like the paper\'s, uses batch normalisation, and in training every batch of photographs and every batch of generated patches was normalised by its own statistics. The figure runs a discriminator as a finished network runs, with statistics averaged over both kinds of batch, and that moves its whole scale.',
  row: 'On the same {n} training patches, {d} gives photographs a mean D(x) of {dr} and the outputs of {g} {df} this way, against {tr} and {tf} with each batch\'s own statistics.',
  apart: 'As deployed it still ranks photographs higher on average, so read its scores against each other, not against 0.5.',
  together: 'As deployed it barely tells the two apart: its scores in the figure say little about either kind of patch.',
};
const ja: Strings<typeof en> = {
  lead:
    '本物の写真でさえ 0.5 を下回ることがあるのはなぜでしょうか。私たちの SRGAN の識別器は論文のものと同じくバッチ正規化を使っており、学習中は写真のバッチと生成パッチのバッチが、それぞれ自分自身の統計量で正規化されていました。図では学習を終えたネットワークとして、両方のバッチにわたって平均した統計量で識別器を動かすので、スコアの尺度全体がずれるのです。',
  row: '同じ {n} 枚の学習用パッチで、{d} が写真に与える D(x) の平均は {dr}、{g} の出力には {df} です。バッチごとの統計量を使う学習時の動かし方では、それぞれ {tr} と {tf} になります。',
  apart: '学習後の動かし方でも平均すれば写真のほうを高く評価するので、スコアは 0.5 と比べるのではなく、パッチどうしで比べて読んでください。',
  together: '学習後の動かし方では両者をほとんど見分けられないので、図のスコアはどちらのパッチについてもあまり多くを語りません。',
};
export const discModesStrings = bilingual(en, ja);
