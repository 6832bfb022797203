// Browser helpers shared by the chapter-2 figures: start on first view and pause off screen (rule 6/7),
// the `?backend=` order (rule 9), the shared generator runtime, canvases, and URL parameters (rule 16).
import { toRGBA, type RGBImage } from '../../sr/image';
import { backendOrder } from '../../ui/backendChoice';
import { siteUrl as siteAsset } from '../../ui/siteUrl';

export type { Mounted } from '../../ui/lifecycle';
/** `siteAsset(root, path)`: the absolute URL of a file under the site's base. */
export { backendOrder, siteAsset };

export async function runtime(root: HTMLElement) {
  const { sharedRuntime } = await import('../../sr/runtime/client');
  return sharedRuntime({ weightsBase: siteAsset(root, 'weights/'), order: backendOrder(location.search) });
}

export function draw(canvas: HTMLCanvasElement, img: RGBImage): void {
  const rgba = toRGBA(img);
  canvas.width = img.width;
  canvas.height = img.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas is not available');
  ctx.putImageData(new ImageData(new Uint8ClampedArray(rgba.data), img.width, img.height), 0, 0);
  canvas.hidden = false;
}

/** Debounced history.replaceState of this widget's parameters (prefix `p`), keeping all others. */
export function urlWriter(prefix: string): (values: Record<string, string | number | null>) => void {
  let timer = 0;
  return (values) => {
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      const params = new URLSearchParams(location.search);
      for (const [k, v] of Object.entries(values)) {
        if (v === null) params.delete(prefix + k);
        else params.set(prefix + k, String(v));
      }
      const q = params.toString();
      history.replaceState(history.state, '', `${location.pathname}${q ? `?${q}` : ''}${location.hash}`);
    }, 250);
  };
}

export function urlParam(prefix: string, key: string): string | null {
  return new URLSearchParams(location.search).get(prefix + key);
}

/** Decode a site image URL into an RGBImage (chapter 1's loader; an AssetError when it cannot be fetched). */
export { loadUrl as loadImage } from '../../ui/images/imageLoad';

/** Waits for the browser to be idle-ish between chunks of main-thread work (keeps tasks short). */
export const yieldToPage = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** The page's runtime as `runtime()` or a kit figure's `ctx.runtime()` gives it. */
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
