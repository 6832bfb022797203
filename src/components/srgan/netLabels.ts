// Reader-facing name of a diagram block (strings from src/i18n/srgan.ts).
import { fill, type srganNetsStrings } from '../../i18n/srgan';
import type { Block } from './netBlocks';

type S = (typeof srganNetsStrings)['en'];

export function blockLabel(s: S, b: Block): string {
  if (b.id === 'conv_first') return s.blockConvFirst;
  if (b.id.startsWith('body.')) return fill(s.blockRes, { n: Number(b.id.slice(5)) + 1 });
  if (b.id === 'conv_body') return s.blockConvBody;
  if (b.id.startsWith('upconv')) return s.blockUp;
  if (b.id === 'conv_last') return s.blockConvLast;
  if (b.id === 'conv0_0') return s.blockD0;
  if (b.id === 'linear1') return s.blockLinear1;
  if (b.id === 'linear2') return s.blockLinear2;
  return b.id.endsWith('_1') ? s.blockDStride : s.blockDConv;
}

export const shapeText = (shape: number[]): string => shape.join(' × ');
