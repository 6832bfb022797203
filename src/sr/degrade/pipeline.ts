// Real-ESRGAN's second-order degradation (Wang et al. 2021) as one function of explicit parameters, returning
// every intermediate picture for the chapter's strip. JPEG is passed in (the page uses the browser's encoder);
// a null quality, or no encoder, skips that step. Python twin: `degrade` in training/srt/core/degradations.py.
import type { RGBImage } from '../image';
import { blurKernel } from './kernels';
import { addNoise, filterSquare, quantize, resizeTorch } from './ops';
import type { DegradeParams } from './params';

export type Jpeg = (img: RGBImage, quality: number) => Promise<RGBImage>;
export type StageName = 'blur1' | 'resize1' | 'noise1' | 'jpeg1' | 'blur2' | 'resize2' | 'noise2' | 'final1' | 'final2';
export interface Stage {
  name: StageName;
  image: RGBImage;
}

/**
 * hr (W and H divisible by `scale`) → the 8-bit low-resolution image of (W/scale)×(H/scale), and the stages.
 * The order: blur → resize → noise → JPEG; blur (when kernel2) → resize → noise → either {resize to 1/scale, sinc,
 * JPEG} or {JPEG, resize, sinc}.
 */
export async function degrade(
  hr: RGBImage,
  params: DegradeParams,
  jpeg?: Jpeg,
  scale = 4,
): Promise<{ lr: RGBImage; stages: Stage[] }> {
  if (hr.width % scale || hr.height % scale) throw new RangeError(`image size must be a multiple of ${scale}`);
  const stages: Stage[] = [];
  let img = hr;
  const step = async (name: StageName, f: (x: RGBImage) => RGBImage | Promise<RGBImage>) => {
    img = await f(img);
    stages.push({ name, image: img });
  };
  const compress = (q: number | null) => (x: RGBImage) => (q == null || !jpeg ? x : jpeg(x, q));
  const [w, h] = [hr.width, hr.height];
  const [lw, lh] = [w / scale, h / scale];
  await step('blur1', (x) => filterSquare(x, blurKernel(params.kernel1)));
  const r1 = params.resize1;
  await step('resize1', (x) => resizeTorch(x, Math.floor(w * r1.scale), Math.floor(h * r1.scale), r1.mode));
  await step('noise1', (x) => addNoise(x, params.noise1));
  await step('jpeg1', compress(params.jpeg1));
  await step('blur2', (x) => (params.kernel2 ? filterSquare(x, blurKernel(params.kernel2)) : x));
  const r2 = params.resize2;
  await step('resize2', (x) => resizeTorch(x, Math.floor(lw * r2.scale), Math.floor(lh * r2.scale), r2.mode));
  await step('noise2', (x) => addNoise(x, params.noise2));
  const toLow = (x: RGBImage) => filterSquare(resizeTorch(x, lw, lh, params.final_mode), blurKernel(params.sinc));
  if (params.sinc_first) {
    await step('final1', toLow);
    await step('final2', compress(params.jpeg2));
  } else {
    await step('final1', compress(params.jpeg2));
    await step('final2', toLow);
  }
  return { lr: quantize(img), stages };
}
