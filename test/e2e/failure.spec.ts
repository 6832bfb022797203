// When the preferred backend cannot start, the reader is told so in words and never sees a
// black picture: the widget falls back (WebGPU -> WebGL/CPU), and when the only backend allowed
// fails it keeps the pre-computed static pictures.
//
// Here Chromium is launched WITHOUT the SwiftShader WebGPU adapter (so requestAdapter() returns
// null, in the page and in the widget's worker alike) and with WebGL disabled in documents.
import { chromiumExecutable } from './browser';
import { test, expect } from './fixtures';
import { CHAPTER_1, METHODS, outputPixels, stats, waitForWidget } from './widget';

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
  const text = (await message.textContent())?.trim() ?? '';
  console.log(`forced-failure message: ${text}`);
  expect(text.length).toBeGreaterThan(20);

  for (const method of METHODS) {
    // No canvas takes the place of the static picture...
    await expect(root.locator(`canvas[data-method="${method}"]`)).toBeHidden();
  }
  // ...and the static pictures are shown, actually loaded, and not black.
  const statics = root.locator('[data-role="output-view"] img');
  await expect(statics).toHaveCount(METHODS.length);
  for (const img of await statics.all()) {
    await expect(img).toBeVisible();
    const { loaded, mean } = await img.evaluate(async (el: HTMLImageElement) => {
      await el.decode().catch(() => undefined);
      const c = document.createElement('canvas');
      c.width = el.naturalWidth;
      c.height = el.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(el, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let sum = 0;
      for (let i = 0; i < d.length; i += 4) sum += d[i] + d[i + 1] + d[i + 2];
      return { loaded: el.complete && el.naturalWidth > 0, mean: sum / Math.max(1, (d.length / 4) * 3) };
    });
    expect(loaded).toBe(true);
    expect(mean).toBeGreaterThan(10);
  }
  // The message is also announced to screen readers.
  await expect(message).toHaveAttribute('role', 'status');
});
