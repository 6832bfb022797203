// Pieces every chapter-3 figure shares: the page's one runtime, status sentences, drawing helpers.
import type { BackendName } from '../../sr/backend';
import type { RGBImage } from '../../sr/image';
import { sharedRuntime } from '../../sr/runtime/client';
import { fill, type EsrganStrings } from '../../i18n/esrgan';
import { backendOrder } from '../../ui/backendChoice';
import { setStatus, showFailure } from '../../ui/failureStatus';
import { siteUrl } from '../../ui/siteUrl';

export { siteUrl };
export { fitRendering } from '../../ui/draw/canvasDraw';

export function runtimeFor(root: HTMLElement) {
  const weightsBase = siteUrl(root, 'weights/');
  return sharedRuntime({ weightsBase, order: backendOrder(location.search) });
}

function backendWord(s: EsrganStrings, name: BackendName): string {
  return name === 'webgpu' ? s.backendWebgpu : name === 'webgl' ? s.backendWebgl : s.backendCpu;
}

export function readyText(s: EsrganStrings, name: BackendName): string {
  return fill(s.statusReady, { backend: backendWord(s, name) });
}

/** A copy of an image (the runtime takes ownership of the buffers it is sent). */
export function copyImage(img: RGBImage): RGBImage {
  return { width: img.width, height: img.height, data: img.data.slice() };
}

export const isAbort = (err: unknown): boolean => err instanceof DOMException && err.name === 'AbortError';

export const pageLang = (root: HTMLElement): 'en' | 'ja' => (root.dataset.lang === 'ja' ? 'ja' : 'en');

/** A status-line writer for a figure: plain text, or a failure in the page's language (../../i18n/failures.ts). */
export function statusLine(root: HTMLElement, message: HTMLElement) {
  const lang = pageLang(root);
  return {
    say: (text: string): void => setStatus(message, text),
    /** `kept`: 'static' before anything live was drawn, 'last' once live results are on screen. */
    fail: (err: unknown, kept: 'static' | 'last'): void => void showFailure(message, lang, err, kept),
  };
}

/**
 * Waits for the page's runtime. Ready: the root names the backend, and the result carries the client and the
 * status sentence for it. No backend: the root says `error`, the status line says why (the static pictures
 * stay), `controls` are disabled, and the result is null.
 */
export async function startRuntime(
  root: HTMLElement,
  s: EsrganStrings,
  line: ReturnType<typeof statusLine>,
  controls: (HTMLInputElement | HTMLSelectElement | HTMLButtonElement)[],
) {
  const { client, ready } = runtimeFor(root);
  let name: BackendName;
  try {
    line.say(s.statusStarting);
    name = (await ready).report.name;
  } catch (err) {
    root.dataset.status = 'error';
    root.dataset.backend = 'none';
    line.fail(err, 'static');
    for (const c of controls) c.disabled = true;
    return null;
  }
  root.dataset.backend = name;
  const backend = backendWord(s, name);
  return {
    client,
    readyMessage: readyText(s, name),
    /** "Running esrgan on WebGPU: network 2 of 3…", said before each network of a computation. */
    stepText: (model: string, i: number, n: number) => fill(s.runningStep, { model, backend, i, n }),
  };
}
