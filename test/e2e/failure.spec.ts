// When the preferred backend cannot start, the reader is told so in words and never sees a
// black picture: the widget falls back (WebGPU -> WebGL/CPU), and when the only backend allowed
// fails it keeps the pre-computed static pictures.
//
// Here Chromium is launched WITHOUT the SwiftShader WebGPU adapter (so requestAdapter() returns
// null, in the page and in the widget's worker alike) and with WebGL disabled in documents.
import type { Locator } from '@playwright/test';
import { chromiumExecutable } from './browser';
import { test, expect } from './fixtures';
import { CHAPTER_1, METHODS, outputPixels, stats, waitForWidget } from './widget';
import { expectFailure, noWebgpuMessages } from './failureText';

test.use({
  launchOptions: { executablePath: chromiumExecutable(), args: ['--disable-webgl', '--disable-3d-apis'] },
});

test('no WebGPU adapter: the widget falls back and says why', async ({ page }) => {
  await page.goto(CHAPTER_1);
  expect(await page.evaluate(async () => (await navigator.gpu?.requestAdapter()) ?? null)).toBeNull();
  const root = await waitForWidget(page);
  await expect(root).toHaveAttribute('data-status', 'ready');
  const backend = await root.getAttribute('data-backend');
  console.log(`fallback backend without a WebGPU adapter: ${backend}`);
  expect(['webgl', 'cpu']).toContain(backend);
  const message = root.locator('[data-role="status-message"]');
  await expect(message).toBeVisible();
  await expect(message).toContainText('WebGPU'); // names what was not available
  const pixels = await outputPixels(root);
  for (const method of METHODS) {
    expect(stats(pixels[method]).sd, `${method} is not blank`).toBeGreaterThan(5);
  }
});

test('forced backend that cannot start: visible message, static pictures stay', async ({
  page,
  siteWatch,
}) => {
  siteWatch.errorsExpected = true; // the failure is the point of this test
  await page.goto(`${CHAPTER_1}?backend=webgpu`);
  const root = await waitForWidget(page);
  await expect(root).toHaveAttribute('data-status', 'error');
  const message = root.locator('[data-role="status-message"]');
  await expect(message).toBeVisible();
  await expect(message).toContainText('WebGPU');
  // The sentence for "no backend" from src/i18n/failures.ts; the engine's message only as details.
  const text = await expectFailure(message, 'en', 'no-backend', noWebgpuMessages('en', 'static'));
  console.log(`forced-failure message: ${text}`);

  for (const method of METHODS) {
    // No canvas takes the place of the static picture...
    await expect(root.locator(`canvas[data-method="${method}"]`)).toBeHidden();
  }
  // ...and the static pictures are shown, actually loaded, and not black.
  const statics = root.locator('[data-role="output-view"] img');
  await expect(statics).toHaveCount(METHODS.length);
  for (const img of await statics.all()) {
    await expect(img).toBeVisible();
    const { loaded, mean } = await pictureMean(img);
    expect(loaded).toBe(true);
    expect(mean).toBeGreaterThan(10);
  }
  // The message is also announced to screen readers.
  await expect(message).toHaveAttribute('role', 'status');
  // The kernel plot is plain arithmetic: its slider still works and redraws it; the controls that need a backend are off.
  await expect(root.locator('select[data-control="image"]')).toBeDisabled();
  const plot = root.locator('[data-role="kernel-plot"] svg');
  const before = await plot.innerHTML();
  await root.locator('input[data-control="a"]').fill('-0.75');
  await expect.poll(() => plot.innerHTML()).not.toBe(before);
});

test('Japanese chapter 2 without a backend: the reason in Japanese, the static feature maps stay', async ({ page, siteWatch }) => {
  siteWatch.errorsExpected = true;
  await page.goto('ja/chapters/srgan/?backend=webgpu');
  const root = page.locator('[data-figure="srgan-nets"]');
  // Before the figure is in view: the pipeline's feature maps (static first), titled and described in Japanese.
  await expect(root).toHaveAttribute('data-status', 'loading');
  const statics = root.locator('[data-role="feature-grid"] img.sg-static');
  await expect(statics).toHaveCount(4);
  await root.scrollIntoViewIfNeeded();
  await expect(root).toHaveAttribute('data-status', 'error', { timeout: 120_000 });
  await expect(root).toHaveAttribute('data-backend', 'none');
  const message = root.locator('[data-role="status-message"]');
  await expect(message).toBeVisible();
  // Exactly the Japanese sentence for "no backend" (src/i18n/failures.ts), then what still works.
  const text = await expectFailure(message, 'ja', 'no-backend', noWebgpuMessages('ja', 'static'));
  console.log(`srgan-nets (ja) without a backend: ${text}`);
  // The static picture is kept, loaded, not black, with Japanese alt text; no canvas replaced it.
  await expect(root.locator('[data-role="feature-grid"]')).toHaveAttribute('data-source', 'static');
  await expect(root.locator('[data-role="feature-grid"] canvas')).toHaveCount(0);
  await expect(root.locator('[data-role="features-title"]')).toContainText('事前に計算');
  for (const img of await statics.all()) {
    await expect(img).toBeVisible();
    expect(await img.getAttribute('alt')).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    const { loaded, width, mean } = await pictureMean(img);
    expect(loaded).toBe(true);
    expect(width).toBe(32);
    expect(mean).toBeGreaterThan(10);
  }
  // The other network figures on the page say the same, in Japanese.
  for (const w of ['srgan-losses', 'srgan-disc']) {
    const other = page.locator(`[data-widget="${w}"], [data-figure="${w}"]`);
    await other.scrollIntoViewIfNeeded();
    await expect(other).toHaveAttribute('data-status', 'error', { timeout: 120_000 });
    await expectFailure(other.locator('[data-role="status-message"]'), 'ja', 'no-backend', noWebgpuMessages('ja', 'static'));
  }
});

/** Whether an <img> is decoded, its natural width and its mean RGB level (0–255): a black or missing picture reads ~0. */
function pictureMean(img: Locator): Promise<{ loaded: boolean; width: number; mean: number }> {
  return img.evaluate(async (el: HTMLImageElement) => {
    await el.decode().catch(() => undefined);
    const c = document.createElement('canvas');
    c.width = el.naturalWidth;
    c.height = el.naturalHeight;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(el, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let sum = 0;
    for (let i = 0; i < d.length; i += 4) sum += d[i] + d[i + 1] + d[i + 2];
    return { loaded: el.complete && el.naturalWidth > 0, width: el.naturalWidth, mean: sum / Math.max(1, (d.length / 4) * 3) };
  });
}
