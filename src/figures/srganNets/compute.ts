// "The two networks, inspectable" (chapter 2), its arithmetic (no DOM): which block's feature maps are shown, and
// each kept channel of a runtime feature map as a grey picture stretched to its own range. URL fields: nets.img (a
// pre-computed crop), nets.g (the generator), nets.b (the block the reader chose: `g:<tap>` or `d:<tap>`). A block
// only hovered is `peek`: shown, never written into the URL.
import { manifest, NETWORKS, type OutputId } from '../../components/srgan/data';
import type { RGBImage } from '../../sr/image';
import type { FeatureMap } from '../../sr/runtime/session';
import { localField, oneOfField, type Field, type Schema } from '../../ui/urlState';

/** Channels shown per block. */
export const KEEP = 4;
export const DEFAULT_BLOCK = 'g:conv_first';
const CROPS = manifest.crops.map((c) => c.image);

export interface NetsState {
  img: string;
  g: (typeof NETWORKS)[number];
  /** The chosen block (a click or keyboard focus). */
  b: string;
  /** The hovered block, shown instead of `b` while set. */
  peek: string | null;
}

/** A block key as the diagram's buttons name them; whether that block exists is the figure's to check. */
const blockField: Field<string> = {
  read: (raw) => (raw !== null && /^[gd]:[A-Za-z0-9_.]{1,40}$/.test(raw) ? raw : DEFAULT_BLOCK),
  write: (v) => v,
};
export const netsSchema: Schema<NetsState> = { img: oneOfField(CROPS, CROPS[0]), g: oneOfField(NETWORKS, 'srresnet'), b: blockField, peek: localField(null) };
export const defaultNetsState: NetsState = { img: CROPS[0], g: 'srresnet', b: DEFAULT_BLOCK, peek: null };

/** The block shown: the hovered one, else the chosen one, else the default when the diagram has no such block. */
export function shownBlock(state: NetsState, known: readonly string[]): string {
  const key = state.peek ?? state.b;
  return known.includes(key) ? key : DEFAULT_BLOCK;
}

/** Which network and input the runtime runs for a block: the generator on the LR crop, srgan_d on the HR patch. */
export function featureRun(block: string, generator: OutputId | string): { net: 'g' | 'd'; tap: string; model: string } {
  const [net, tap] = block.split(':') as ['g' | 'd', string];
  return { net, tap, model: net === 'g' ? generator : 'srgan_d' };
}

/** Each kept channel as a grey picture, stretched from its own minimum (black) to its maximum (white); a constant one is black. */
export function channelPictures(layer: FeatureMap): RGBImage[] {
  const n = layer.height * layer.width;
  return Array.from({ length: layer.kept }, (_, ch) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let p = 0; p < n; p++) {
      const v = layer.data[p * layer.kept + ch];
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    const span = hi - lo || 1;
    const img: RGBImage = { width: layer.width, height: layer.height, data: new Float32Array(n * 3) };
    for (let p = 0; p < n; p++) img.data.fill((layer.data[p * layer.kept + ch] - lo) / span, p * 3, p * 3 + 3);
    return img;
  });
}
