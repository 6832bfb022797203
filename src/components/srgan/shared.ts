// What chapter 2's live figures share in the browser: drawing an engine image on a canvas, and each generator's
// output for a crop, computed once per page (the "three losses" and discriminator figures show the same crops).
import { toRGBA, type RGBImage } from '../../sr/image';

export function draw(canvas: HTMLCanvasElement, img: RGBImage): void {
  const rgba = toRGBA(img);
  canvas.width = img.width;
  canvas.height = img.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas is not available');
  ctx.putImageData(new ImageData(new Uint8ClampedArray(rgba.data), img.width, img.height), 0, 0);
  canvas.hidden = false;
}

/** The page's runtime as a kit figure's `ctx.runtime()` gives it. */
type Runtime = { client: import('../../sr/runtime/client').RuntimeClient };
/** Generator outputs already computed on this page, by `<crop>:<model>`: both figures use the same crops. */
const generated = new Map<string, Promise<{ image: RGBImage; ms: number }>>();

/**
 * ×4 output of `model` for the LR image `lr` (8-bit values), computed once per page for a demo crop
 * (`cacheKey`), or every time for a reader's image (`cacheKey` null). Each crop/model pair has its own
 * runtime channel, so the two figures never cancel each other's runs.
 */
export function generate(
  rt: Runtime,
  cacheKey: string | null,
  model: string,
  lr: RGBImage,
  onProgress?: (p: { phase: string; done: number; total: number }) => void,
): Promise<{ image: RGBImage; ms: number }> {
  const key = cacheKey ? `${cacheKey}:${model}` : null;
  const hit = key ? generated.get(key) : undefined;
  if (hit) return hit;
  const run = rt.client
    .upscale({
      channel: key ?? `own:${model}`,
      model,
      image: { width: lr.width, height: lr.height, data: lr.data.slice() },
      onProgress,
    })
    .then((r) => ({ image: r.image, ms: r.ms }));
  if (key) {
    generated.set(key, run);
    run.catch(() => generated.delete(key));
  }
  return run;
}
