// Strings of the figure kit (src/ui): what every live figure says the same way. Figures add their own in
// src/i18n/<figure>.ts, in the same shape ({ en, ja } with identical keys, checked by `satisfies`).
const en = {
  statusStatic: 'Showing pre-computed pictures. The live figure starts when it scrolls into view.',
  statusStarting: 'Starting the compute backend…',
  statusReady: 'Live on {backend}.',
  statusWorking: 'Working on {backend}…',
  backendWebgpu: 'WebGPU',
  backendWebgl: 'WebGL',
  backendCpu: 'the CPU',
  loupeValueText: 'loupe centred at x {x}, y {y} of {w} by {h} pixels',
};
type Dict = typeof en;

const ja = {
  statusStatic: '事前に計算した画像を表示しています。図が画面に入ると動き始めます。',
  statusStarting: '計算バックエンドを起動しています…',
  statusReady: '{backend}で動いています。',
  statusWorking: '{backend}で計算しています…',
  backendWebgpu: 'WebGPU ',
  backendWebgl: 'WebGL ',
  backendCpu: 'CPU ',
  loupeValueText: '{w}×{h} 画素のうち x {x}、y {y} を中心とするルーペ',
} satisfies Dict;

export const kitStrings = { en, ja } satisfies Record<'en' | 'ja', Dict>;
export type KitStrings = Dict;
export { fill } from './fill';
