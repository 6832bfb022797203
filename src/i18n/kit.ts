// Strings of the figure kit (src/ui): what every live figure says the same way. Figures add their own in
// src/i18n/<figure>.ts, in the same shape (./strings.ts).
import { bilingual, type Strings } from './strings';
export { fill } from './fill';
export type KitStrings = Strings<typeof en>;

const en = {
  statusStatic: 'Showing pre-computed pictures. The live figure starts when it scrolls into view.',
  statusStarting: 'Starting the compute backend…',
  statusReady: 'Live on {backend}.',
  /** When the first backend tried did not start: which one, and why (a reason from failures.ts). */
  statusFallback: 'Live on {backend}; {tried} was not available ({why}).',
  statusWorking: 'Working on {backend}…',
  backendWebgpu: 'WebGPU',
  backendWebgl: 'WebGL',
  backendCpu: 'the CPU',
  loupeValueText: 'loupe centred at x {x}, y {y} of {w} by {h} pixels',
  /** "Your own picture" (ui/images/ownPicture.ts): the select's option, the button, the refusal of a small one. */
  ownOption: 'Your own picture',
  ownButton: 'Use your own picture…',
  ownTooSmall: 'This figure needs a picture of at least {n} × {n} pixels.',
  ownScaled: 'Your picture ({w0} × {h0} pixels) was scaled down to {w} × {h} in your browser; the figure uses its centre.',
};
const ja: Strings<typeof en> = {
  statusStatic: '事前に計算した画像を表示しています。図が画面に入ると動き始めます。',
  statusStarting: '計算バックエンドを起動しています…',
  statusReady: '{backend}で動いています。',
  statusFallback: '{backend}で動いています（{tried}は使えませんでした：{why}）。',
  statusWorking: '{backend}で計算しています…',
  backendWebgpu: 'WebGPU ',
  backendWebgl: 'WebGL ',
  backendCpu: 'CPU ',
  loupeValueText: '{w}×{h} 画素のうち x {x}、y {y} を中心とするルーペ',
  ownOption: '自分の画像',
  ownButton: '自分の画像を使う…',
  ownTooSmall: 'この図には、少なくとも {n} × {n} 画素の画像が必要です。',
  ownScaled: 'あなたの画像（{w0} × {h0} 画素）はブラウザの中で {w} × {h} 画素に縮小しました。図はその中央を使います。',
};

export const kitStrings = bilingual(en, ja);
