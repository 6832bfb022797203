// The four interpolation methods shown side by side, with their plot colours and dash patterns
// (colour-blind-safe Okabe–Ito hues, plus dashes so colour is never the only cue).
import type { Method } from '../../sr/resample';
import type { InterpolationKey } from '../../i18n/interpolation';

export interface MethodInfo {
  id: Method;
  labelKey: InterpolationKey;
  color: string;
  dash: string;
}

export const methods: readonly MethodInfo[] = [
  { id: 'nearest', labelKey: 'methodNearest', color: '#b35a00', dash: '6 3' },
  { id: 'bilinear', labelKey: 'methodBilinear', color: '#0072b2', dash: '2 3' },
  { id: 'bicubic', labelKey: 'methodBicubic', color: '#007a5a', dash: '' },
  { id: 'lanczos3', labelKey: 'methodLanczos3', color: '#a23b85', dash: '10 3 2 3' },
];
