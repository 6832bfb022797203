// Strings of chapter 4's kernel figure (src/figures/kernels), one dictionary per locale with the same keys.
import { bilingual, type Strings } from './strings';
export { fill } from './fill';

const en = {
  label: 'The blur-kernel families of the degradation model: pick one and change its parameters',
  pick: 'Show the {name} kernel below, with its controls',
  kernel: 'the kernel, 21 × 21 taps',
  spectrum: 'its spectrum: white passes, black is removed',
  stepTitle: 'A step edge from 0 to 1 blurred by the kernel (middle row)',
  stepX: 'pixel',
  stepY: 'value',
  overshoot: 'overshoot {v}%',
  done: 'Live: kernel, spectrum and step edge computed in this page.',
};
const ja: Strings<typeof en> = {
  label: '劣化モデルのぼかしカーネルの種類。1 つ選んでパラメータを変えられる図',
  pick: '{name}のカーネルを下に表示し、操作できるようにする',
  kernel: 'カーネル（21 × 21 タップ）',
  spectrum: 'スペクトル：白は通し、黒は取り除く',
  stepTitle: '0 から 1 への段差をカーネルでぼかしたもの（中央の行）',
  stepX: '画素',
  stepY: '値',
  overshoot: 'オーバーシュート {v}%',
  done: 'その場で計算しています：カーネル、スペクトル、段差の応答をこのページの中で求めました。',
};

export const kernelsStrings = bilingual(en, ja);
