// Helpers for the chapter-1 interpolation widget (common contract 6): wait for it, read its
// canvases' pixels.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

export const CHAPTER_1 = 'chapters/interpolation/';
export const METHODS = ['nearest', 'bilinear', 'bicubic', 'lanczos3'] as const;

/** SwiftShader runs WebGPU on the CPU: the first results can take a while on two cores. */
export const READY_TIMEOUT = 150_000;

export function widgetRoot(page: Page): Locator {
  return page.locator('[data-figure="resample"]').first();
}

/** Scrolls the widget into view (it starts when it becomes visible) and waits for a final status. */
export async function waitForWidget(page: Page): Promise<Locator> {
  const root = widgetRoot(page);
  await root.scrollIntoViewIfNeeded();
  await expect(root).toHaveAttribute('data-status', /^(ready|error)$/, { timeout: READY_TIMEOUT });
  return root;
}

export interface CanvasPixels {
  width: number;
  height: number;
  /** RGBA bytes, as a plain array so it crosses the page boundary. */
  data: number[];
}

/** Pixels of every output canvas (`canvas[data-method]`) of the widget, by method. */
export async function outputPixels(root: Locator): Promise<Record<string, CanvasPixels>> {
  return root.evaluate((el) => {
    const out: Record<string, CanvasPixels> = {};
    for (const canvas of el.querySelectorAll<HTMLCanvasElement>('canvas[data-method]')) {
      // Copy through a fresh 2D canvas: works whatever context the widget drew with.
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0);
      const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
      out[canvas.dataset.method!] = { width: copy.width, height: copy.height, data: Array.from(data) };
    }
    return out;
  });
}

/** Pixels of one canvas (copied through a 2D canvas). */
export async function canvasPixels(root: Locator, selector: string): Promise<CanvasPixels> {
  return root.locator(selector).evaluate((canvas: HTMLCanvasElement) => {
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0);
    return { width: copy.width, height: copy.height, data: Array.from(ctx.getImageData(0, 0, copy.width, copy.height).data) };
  });
}

/** Largest per-channel difference (0..255) between two pictures of the same size. */
export function maxChannelDifference(a: CanvasPixels, b: CanvasPixels): number {
  if (a.width !== b.width || a.height !== b.height) return Infinity;
  let max = 0;
  for (let i = 0; i < a.data.length; i++) max = Math.max(max, Math.abs(a.data[i] - b.data[i]));
  return max;
}

/** Mean and standard deviation of the RGB values (alpha left out): a black or flat canvas has sd 0. */
export function stats(p: CanvasPixels): { mean: number; sd: number } {
  let sum = 0;
  let sq = 0;
  let n = 0;
  for (let i = 0; i < p.data.length; i++) {
    if (i % 4 === 3) continue;
    sum += p.data[i];
    sq += p.data[i] * p.data[i];
    n++;
  }
  const mean = n ? sum / n : 0;
  return { mean, sd: n ? Math.sqrt(Math.max(0, sq / n - mean * mean)) : 0 };
}
