// Chapter 2 (SRGAN): backend / runtime status, shared by the two figures that run networks. One dictionary per locale in the site's one shape (./strings.ts);
// `{name}` placeholders are filled by `fill()`.
import { bilingual, type Strings } from './strings';

const en = {
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
const ja: Strings<typeof en> = {
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
export const srganRuntimeStrings = bilingual(en, ja);
