// Chapter 3 (ESRGAN) figures on the built site, WebGPU on SwiftShader: network interpolation
// reproduces both end models exactly at α = 0 and α = 1 and differs from pixel blending in between;
// the animation drops frames instead of stalling; the BatchNorm figure's numbers match its pixels;
// the ablation table and the discriminator curves print the cards' and logs' numbers.
import { readFileSync, existsSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { type CanvasPixels, maxChannelDifference, stats } from './widget';

const CHAPTER = 'chapters/esrgan/';
const CHAPTER_JA = 'ja/chapters/esrgan/';
const dist = process.env.E2E_DIST ?? 'dist';
const READY = 170_000;

async function ready(page: Page, name: string): Promise<Locator> {
  const root = page.locator(`[data-widget="${name}"]`).first();
  await root.scrollIntoViewIfNeeded();
  await expect(root).toHaveAttribute('data-status', /^(ready|error)$/, { timeout: READY });
  return root;
}

/** Pixels of one canvas (copied through a 2D canvas). */
async function canvasPixels(root: Locator, selector: string): Promise<CanvasPixels> {
  return root.locator(selector).evaluate((canvas: HTMLCanvasElement) => {
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0);
    return { width: copy.width, height: copy.height, data: Array.from(ctx.getImageData(0, 0, copy.width, copy.height).data) };
  });
}

function meanAbsDifference(a: CanvasPixels, b: CanvasPixels): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < a.data.length; i++) {
    if (i % 4 === 3) continue;
    sum += Math.abs(a.data[i] - b.data[i]);
    n++;
  }
  return sum / n;
}

test.describe('network interpolation', () => {
  test('α = 0 and α = 1 reproduce rrdb_psnr and esrgan exactly; in between, weights ≠ pixels', async ({ page }) => {
    test.setTimeout(400_000);
    const started = Date.now();
    await page.goto(CHAPTER);
    const root = await ready(page, 'esrgan-interp');
    await expect(root).toHaveAttribute('data-status', 'ready');
    await expect(root).toHaveAttribute('data-backend', 'webgpu');
    await expect(root.locator('[data-role="status-message"]')).toContainText('WebGPU');
    console.log(`esrgan-interp ready on webgpu after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // Default α = 0.5: the pixel blend is the mean of the two end outputs (within 8-bit rounding),
    // and the weight blend is a different picture.
    const interp = root.locator('canvas[data-model="interp"]');
    await expect(interp).toHaveAttribute('data-alpha', '0.50');
    const a = await canvasPixels(root, 'canvas[data-model="rrdb_psnr"]');
    const b = await canvasPixels(root, 'canvas[data-model="esrgan"]');
    const w = await canvasPixels(root, 'canvas[data-model="interp"]');
    const p = await canvasPixels(root, 'canvas[data-model="blend"]');
    expect(a.width).toBe(96);
    for (const img of [a, b, w, p]) expect(stats(img).sd).toBeGreaterThan(3);
    expect(maxChannelDifference(a, b), 'the two end models differ').toBeGreaterThan(20);
    let blendErr = 0;
    for (let i = 0; i < p.data.length; i++) if (i % 4 !== 3) blendErr = Math.max(blendErr, Math.abs(p.data[i] - (a.data[i] + b.data[i]) / 2));
    expect(blendErr, 'pixel blend = (A + B) / 2').toBeLessThanOrEqual(1);
    const weightsVsPixels = meanAbsDifference(w, p);
    console.log(`α = 0.5: weights vs pixels mean |Δ| ${weightsVsPixels.toFixed(2)}, max ${maxChannelDifference(w, p)} of 255`);
    expect(weightsVsPixels).toBeGreaterThan(0.5);
    // The heat-map's maximum is computed on the unrounded outputs: within one 8-bit step of the pixels'.
    const shownMax = Number(await root.locator('canvas[data-model="diff"]').getAttribute('data-max'));
    expect(Math.abs(shownMax - maxChannelDifference(w, p))).toBeLessThanOrEqual(1);
    await expect(root.locator('[data-role="diff-value"]')).toContainText(`${shownMax} of 255`);

    // Keyboard: Home → α = 0, End → α = 1; the network output must equal the end models' pixels.
    const slider = root.locator('[data-role="alpha"]');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect(slider).toHaveAttribute('aria-valuetext', 'α = 0.00');
    await expect(interp).toHaveAttribute('data-alpha', '0.00', { timeout: READY });
    const w0 = await canvasPixels(root, 'canvas[data-model="interp"]');
    expect(maxChannelDifference(w0, a), 'α = 0 equals rrdb_psnr').toBe(0);
    await page.keyboard.press('End');
    await expect(slider).toHaveAttribute('aria-valuetext', 'α = 1.00');
    await expect(interp).toHaveAttribute('data-alpha', '1.00', { timeout: READY });
    const w1 = await canvasPixels(root, 'canvas[data-model="interp"]');
    expect(maxChannelDifference(w1, b), 'α = 1 equals esrgan').toBe(0);

    // Shareable state: the URL carries α and a reload restores it.
    await expect.poll(() => new URL(page.url()).searchParams.get('esr.alpha')).toBe('1.00');
    await page.goto(page.url());
    await expect(page.locator('[data-widget="esrgan-interp"] [data-role="alpha"]')).toHaveValue('1');
  });

  test('loupe moves by keyboard; play drops frames instead of stalling; no long tasks', async ({ page }) => {
    test.setTimeout(400_000);
    await page.goto(CHAPTER);
    const root = await ready(page, 'esrgan-interp');
    await expect(root).toHaveAttribute('data-status', 'ready');
    const loupe = root.locator('[data-role="loupe"]');
    const before = await loupe.getAttribute('aria-valuetext');
    await loupe.focus();
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(loupe).not.toHaveAttribute('aria-valuetext', before ?? '');
    await expect(loupe).toHaveAttribute('aria-valuetext', /x 40, y 48 of 96 by 96/);
    const loupeCanvas = root.locator('canvas[data-loupe="interp"]');
    await expect(loupeCanvas).toBeVisible();

    await page.evaluate(() => {
      (window as unknown as { longTasks: number[] }).longTasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => (window as unknown as { longTasks: number[] }).longTasks.push(e.duration))).observe({ type: 'longtask' });
    });
    const play = root.locator('[data-role="play"]');
    await expect(play).toBeEnabled();
    await play.click();
    await expect(play).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => Number((await root.getAttribute('data-frames')) ?? 0), { timeout: 240_000 }).toBeGreaterThanOrEqual(3);
    const alphas = new Set<string>();
    for (let i = 0; i < 3; i++) {
      alphas.add((await root.locator('canvas[data-model="interp"]').getAttribute('data-alpha')) ?? '');
      await page.waitForTimeout(1500);
    }
    // The page stays responsive while frames are computed in the worker.
    const t0 = Date.now();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const rafDelay = Date.now() - t0;
    await play.click();
    await expect(play).toHaveAttribute('aria-pressed', 'false');
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    console.log(`animation: ${await root.getAttribute('data-frames')} frames, α seen ${[...alphas].join(', ')}, rAF delay ${rafDelay} ms, long tasks [${longTasks.map((d) => d.toFixed(0)).join(', ')}]; ${await root.locator('[data-role="fps"]').textContent()}`);
    expect(rafDelay).toBeLessThan(500);
    expect(longTasks.filter((d) => d > 50)).toEqual([]);
  });

  test('reduced motion: no animation, play disabled with a reason', async ({ browser }) => {
    test.setTimeout(300_000);
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(CHAPTER);
    const root = await ready(page, 'esrgan-interp');
    await expect(root).toHaveAttribute('data-status', 'ready');
    await expect(root.locator('[data-role="play"]')).toBeDisabled();
    await expect(root.locator('[data-role="play-hint"]')).toContainText('reduced motion');
    const duration = await root.locator('[data-role="play"]').evaluate((el) => getComputedStyle(el).transitionDuration);
    expect(duration).toBe('0s');
    await context.close();
  });
});
