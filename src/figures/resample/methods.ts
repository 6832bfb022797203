// The four interpolation methods shown side by side, with their plot colours and dash patterns
// (colour-blind-safe Okabe–Ito hues, plus dashes so colour is never the only cue), and the
// outputs the figure shows: those four plus SRCNN (Dong et al. 2014), a trained network.
import type { Method } from '../../sr/resample';
import type { InterpolationKey } from '../../i18n/interpolation';

/** What an output panel shows: an interpolation method or the SRCNN network. */
export type OutputId = Method | 'srcnn';

export interface MethodInfo<Id extends OutputId = Method> {
  id: Id;
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

/** SRCNN's panel; the network was trained for ×4 only (public/weights/srcnn/card.json). */
export const srcnnOutput: MethodInfo<'srcnn'> = { id: 'srcnn', labelKey: 'methodSrcnn', color: '#1a1a1a', dash: '1 2' };
export const SRCNN_SCALE = 4;

/** Every output panel, in display order. */
export const outputs: readonly MethodInfo<OutputId>[] = [...methods, srcnnOutput];
