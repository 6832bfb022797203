// Chapter 2 (SRGAN): content-layer table (build time). One dictionary per locale in the site's one shape (./strings.ts);
// `{name}` placeholders are filled by `fill()`.
import { bilingual, type Strings } from './strings';

const en = {
  caption:
    'The content-loss fine-tune of our SRResNet on each layer of the random VGG-19, stopped after about 120 steps (CPU runs, measured on Set5 and Set14). Grid: the power at the frequencies of a pattern repeating every 4 pixels, relative to the frequencies around them; photographs score 1 to 3.',
  layer: 'Content layer',
  steps: 'Steps',
  psnr: 'Set5 PSNR (dB)',
  grid5: 'Grid, Set5',
  grid14: 'Grid, Set14',
  start: 'Start: SRResNet',
};
const ja: Strings<typeof en> = {
  caption:
    'ランダムな VGG-19 の各層を内容損失に使い、このサイトの SRResNet を約 120 ステップ微調整したところで止めた結果（CPU での実行、Set5 と Set14 で測定）。グリッド：4 画素ごとに繰り返す模様の周波数のパワーを、その周りの周波数と比べた値。写真は 1〜3 程度。',
  layer: '内容損失の層',
  steps: 'ステップ',
  psnr: 'Set5 PSNR（dB）',
  grid5: 'グリッド（Set5）',
  grid14: 'グリッド（Set14）',
  start: '出発点：SRResNet',
};
export const srganLayerStrings = bilingual(en, ja);
