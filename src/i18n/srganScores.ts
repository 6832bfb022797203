// Chapter 2 (SRGAN): scores table (build time). One dictionary per locale in the site's one shape (./strings.ts);
// `{name}` placeholders are filled by `fill()`.
import { bilingual, type Strings } from './strings';

const en = {
  caption:
    'Measured on this site’s weights as the browser runs them: PSNR and SSIM on Y (BT.601) with a 4-pixel border, NIQE on Y (lower is more natural). Bold: best in the column.',
  model: 'Model',
  bicubic: 'Bicubic',
  psnr: 'PSNR (dB)',
  ssim: 'SSIM',
  niqe: 'NIQE',
};
const ja: Strings<typeof en> = {
  caption:
    'このサイトの重みをブラウザで動かすときと同じ形で測った値。PSNR と SSIM は Y（BT.601）で境界 4 画素を除外、NIQE も Y で計算（小さいほど自然）。太字は各列の最良値。',
  model: 'モデル',
  bicubic: 'バイキュービック',
  psnr: 'PSNR（dB）',
  ssim: 'SSIM',
  niqe: 'NIQE',
};
export const srganScoreStrings = bilingual(en, ja);
