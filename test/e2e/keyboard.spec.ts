// With the keyboard alone a reader reaches the widget's controls, changes the scale and moves
// the loupe; the outputs and the shareable URL follow.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { CHAPTER_1, maxChannelDifference, outputPixels, waitForWidget, widgetRoot } from './widget';

/** Presses Tab until the focused element matches `selector`; fails after `limit` presses. */
async function tabTo(page: Page, selector: string, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  }
  throw new Error(`${selector} not reached with ${limit} Tab presses`);
}

function param(page: Page, name: string): string | null {
  return new URL(page.url()).searchParams.get(name);
}

/** Pixels of one loupe canvas, for comparing before and after a move. */
async function loupePixels(page: Page, method: string) {
  return widgetRoot(page)
    .locator(`canvas[data-loupe="${method}"]`)
    .evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      return { width: canvas.width, height: canvas.height, data: Array.from(data) };
    });
}

test('scale and loupe can be changed with the keyboard alone', async ({ page }) => {
  await page.goto(CHAPTER_1);
  const root = await waitForWidget(page);
  await expect(root).toHaveAttribute('data-status', 'ready');
  const output = root.locator('canvas[data-method="bicubic"]');
  const widthBefore = await output.evaluate((c: HTMLCanvasElement) => c.width);
  const pixelsBefore = (await outputPixels(root)).bicubic;
  const scaleBefore = Number(await root.locator('[data-control="scale"]').inputValue());

  // Start from the top of the page, as a keyboard user would.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    (document.activeElement as HTMLElement | null)?.blur();
  });
  await tabTo(page, '[data-figure="resample"] [data-control="scale"]');
  await page.keyboard.press('ArrowRight');
  await expect(root.locator('[data-control="scale"]')).toHaveValue(String(scaleBefore + 1));
  await expect.poll(() => param(page, 'interp.scale')).toBe(String(scaleBefore + 1));
  // The outputs are recomputed at the new scale: the bicubic picture changes and its width is
  // a multiple of the new factor (the crop is a whole number of source pixels).
  await expect
    .poll(async () => maxChannelDifference(pixelsBefore, (await outputPixels(root)).bicubic), {
      timeout: 120_000,
    })
    .toBeGreaterThan(0);
  const widthAfter = await output.evaluate((c: HTMLCanvasElement) => c.width);
  expect(widthAfter % (scaleBefore + 1)).toBe(0);
  await expect(root).not.toHaveAttribute('aria-busy', 'true', { timeout: 120_000 });

  const loupe = root.locator('[data-role="loupe"]');
  // Loupes are redrawn on the next animation frame: let that happen before taking "before".
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const loupeBefore = await loupePixels(page, 'bicubic');
  const lxBefore = param(page, 'interp.lx');
  await tabTo(page, '[data-figure="resample"] [data-role="loupe"]');
  const valueBefore = await loupe.getAttribute('aria-valuetext');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(loupe).not.toHaveAttribute('aria-valuetext', valueBefore ?? '');
  await expect.poll(() => param(page, 'interp.lx')).not.toBe(lxBefore);
  await expect
    .poll(async () => maxChannelDifference(loupeBefore, await loupePixels(page, 'bicubic')))
    .toBeGreaterThan(0);
  console.log(
    `keyboard: scale ${scaleBefore} -> ${param(page, 'interp.scale')}, output width ${widthBefore} -> ` +
      `${widthAfter}, loupe x ${lxBefore} -> ${param(page, 'interp.lx')}`,
  );
});
