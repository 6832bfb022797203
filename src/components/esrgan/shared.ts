// Pieces every chapter-3 figure shares: the page's one runtime, status sentences, drawing helpers.
import type { BackendName } from '../../sr/backend';
import type { RGBImage } from '../../sr/image';
import { sharedRuntime } from '../../sr/runtime/client';
import { fill, type EsrganStrings } from '../../i18n/esrgan';
import { backendOrder } from '../interpolation/backendChoice';
import { startWhenVisible, type Mounted } from '../site/figureLifecycle';

export function siteUrl(root: HTMLElement, path: string): string {
  const base = root.dataset.base ?? '/';
  return (base.endsWith('/') ? base : `${base}/`) + path;
}

export function runtimeFor(root: HTMLElement) {
  const weightsBase = new URL(siteUrl(root, 'weights/'), location.href).href;
  return sharedRuntime({ weightsBase, order: backendOrder(location.search) });
}

export function backendName(s: EsrganStrings, name: BackendName): string {
  return (name === 'webgpu' ? s.backendWebgpu : name === 'webgl' ? s.backendWebgl : s.backendCpu).trim();
}

export function readyText(s: EsrganStrings, name: BackendName): string {
  return fill(s.statusReady, { backend: name === 'webgpu' ? s.backendWebgpu : name === 'webgl' ? s.backendWebgl : s.backendCpu });
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A copy of an image (the runtime takes ownership of the buffers it is sent). */
export function copyImage(img: RGBImage): RGBImage {
  return { width: img.width, height: img.height, data: img.data.slice() };
}

export const isAbort = (err: unknown): boolean => err instanceof DOMException && err.name === 'AbortError';

/** Shows true pixels when a canvas is enlarged, browser filtering when it is shown smaller. */
export function fitRendering(canvases: HTMLCanvasElement[]): void {
  for (const c of canvases) {
    if (c.hidden || c.clientWidth === 0) continue;
    c.style.imageRendering = c.clientWidth * devicePixelRatio >= c.width ? 'pixelated' : 'auto';
  }
}

/** Starts the figure in view (see ../site/figureLifecycle.ts); if it cannot start, says why and keeps the static pictures. */
export function watchVisibility(
  root: HTMLElement,
  staticText: string,
  failText: (err: unknown) => string,
  mount: () => Promise<Mounted>,
): void {
  const message = root.querySelector<HTMLElement>('[data-role="status-message"]');
  if (message && !message.textContent) message.textContent = staticText;
  startWhenVisible(root, mount, (err) => {
    root.dataset.status = 'error';
    root.dataset.backend = 'none';
    if (message) message.textContent = failText(err);
  });
}

/**
 * The reader-facing reason why no backend started, in the page's language, from the runtime's error
 * ("no TensorFlow.js backend could start: webgpu: no-adapter (…); cpu: failed (…)"); anything else
 * is shown as it is.
 */
export function failureDetails(s: EsrganStrings, err: unknown): string {
  const text = errorText(err);
  const why: Record<string, string> = { 'no-adapter': s.whyNoAdapter, blocked: s.whyBlocked, unsupported: s.whyUnsupported };
  const parts = [...text.matchAll(/\b(webgpu|webgl|cpu): ([a-z-]+)/g)].map(
    ([, name, reason]) => `${backendName(s, name as BackendName)}: ${why[reason] ?? s.whyFailed}`,
  );
  return parts.length ? parts.join('; ') : text;
}
