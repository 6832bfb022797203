// Chapter 2 (SRGAN) figures on the built site: they run live on WebGPU (SwiftShader here), and every
// number they print is re-derived here from the pixels they draw.
import type { Locator, Page } from '@playwright/test';
import { chromiumExecutable } from './browser';
import { test, expect } from './fixtures';
import { ssimY } from '../../src/sr/metrics';

const CHAPTER_2 = 'chapters/srgan/';
const CHAPTER_2_JA = 'ja/chapters/srgan/';
/** Three SRResNets on a 32×32 input, plus weights download, on SwiftShader with two CPU cores. */
const LIVE_TIMEOUT = 170_000;
const OUTPUTS = ['bicubic', 'srresnet', 'srresnet_vgg', 'srgan'] as const;

interface Pixels {
  width: number;
  height: number;
  data: number[];
}

/** RGBA bytes of the canvases matching `selector` inside `root`, keyed by `attr`. */
async function canvases(root: Locator, selector: string, attr: string): Promise<Record<string, Pixels>> {
  return root.evaluate(
    (el, [sel, a]) => {
      const out: Record<string, Pixels> = {};
      for (const c of el.querySelectorAll<HTMLCanvasElement>(sel)) {
        const ctx = c.getContext('2d')!;
        out[c.getAttribute(a)!] = { width: c.width, height: c.height, data: Array.from(ctx.getImageData(0, 0, c.width, c.height).data) };
      }
      return out;
    },
    [selector, attr] as const,
  );
}

/** BT.601 luma on 0..255 from RGBA bytes, as the papers (and src/sr/metrics.ts) define it. */
function luma(p: Pixels): Float64Array {
  const y = new Float64Array(p.width * p.height);
  for (let i = 0; i < y.length; i++) y[i] = 16 + (65.481 * p.data[4 * i] + 128.553 * p.data[4 * i + 1] + 24.966 * p.data[4 * i + 2]) / 255;
  return y;
}

/** PSNR of Y with `border` pixels cropped: an independent re-implementation for the check. */
function psnrY(a: Pixels, b: Pixels, border: number): number {
  const ya = luma(a);
  const yb = luma(b);
  let se = 0;
  let n = 0;
  for (let r = border; r < a.height - border; r++)
    for (let c = border; c < a.width - border; c++) {
      const d = ya[r * a.width + c] - yb[r * a.width + c];
      se += d * d;
      n++;
    }
  return 10 * Math.log10((255 * 255) / (se / n));
}

const toRGB = (p: Pixels) => ({
  width: p.width,
  height: p.height,
  data: Float32Array.from({ length: p.width * p.height * 3 }, (_, i) => p.data[Math.floor(i / 3) * 4 + (i % 3)] / 255),
});

function maxDiff(a: Pixels, b: Pixels): number {
  let m = 0;
  for (let i = 0; i < a.data.length; i++) if (i % 4 !== 3) m = Math.max(m, Math.abs(a.data[i] - b.data[i]));
  return m;
}

function meanAbsDiff(a: Pixels, b: Pixels): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < a.data.length; i++)
    if (i % 4 !== 3) {
      s += Math.abs(a.data[i] - b.data[i]);
      n++;
    }
  return s / n;
}

/** Decodes a site image in the page and returns its RGBA bytes. */
async function pngPixels(page: Page, path: string): Promise<Pixels> {
  return page.evaluate(async (url) => {
    const bitmap = await createImageBitmap(await (await fetch(url)).blob());
    const c = document.createElement('canvas');
    c.width = bitmap.width;
    c.height = bitmap.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    return { width: c.width, height: c.height, data: Array.from(ctx.getImageData(0, 0, c.width, c.height).data) };
  }, path);
}

function parseMetrics(text: string): { psnr: number; ssim: number } {
  const m = /PSNR\s+([\d.]+)\s*dB.*SSIM\s+([\d.]+)/.exec(text);
  if (!m) throw new Error(`no PSNR/SSIM in "${text}"`);
  return { psnr: Number(m[1]), ssim: Number(m[2]) };
}

async function longTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __long: number[] }).__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) (window as unknown as { __long: number[] }).__long.push(e.duration);
    }).observe({ type: 'longtask' });
  });
}

test.describe('three losses, one network', () => {
  test('runs the three generators live on WebGPU; the PSNR and SSIM shown are those of the drawn pixels', async ({ page }) => {
    const started = Date.now();
    await page.goto(CHAPTER_2);
    const root = page.locator('[data-widget="srgan-losses"]');
    // Rule 6: nothing starts before the figure is near the viewport.
    await expect(root).toHaveAttribute('data-status', 'loading');
    await root.scrollIntoViewIfNeeded();
    await expect(root).toHaveAttribute('data-computed', 'chelsea', { timeout: LIVE_TIMEOUT });
    await expect(root).toHaveAttribute('data-status', 'ready');
    await expect(root).toHaveAttribute('data-backend', 'webgpu');
    await expect(root.locator('[data-role="status-message"]')).toContainText('WebGPU');
    const liveAfter = (Date.now() - started) / 1000;

    const px = await canvases(root, 'canvas[data-model]', 'data-model');
    const truth = px.hr;
    expect(truth.width).toBe(128);
    const report: string[] = [];
    for (const id of OUTPUTS) {
      const out = px[id];
      expect(out.width, id).toBe(128);
      const shown = parseMetrics((await root.locator(`[data-role="metrics"][data-model="${id}"]`).textContent()) ?? '');
      const psnr = psnrY(out, truth, 4);
      const ssim = ssimY(toRGB(out), toRGB(truth), 4);
      // The printed values are these, rounded to 2 and 4 decimals.
      expect(Math.abs(shown.psnr - psnr), `${id} PSNR shown ${shown.psnr} vs recomputed ${psnr}`).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(shown.ssim - ssim), `${id} SSIM shown ${shown.ssim} vs recomputed ${ssim}`).toBeLessThanOrEqual(0.00005 + 1e-9);
      report.push(`${id} ${psnr.toFixed(2)} dB / ${ssim.toFixed(4)}`);
    }
    // The live networks are the trained ones: their outputs match PyTorch's pre-computed pictures.
    for (const id of ['srresnet', 'srresnet_vgg', 'srgan'] as const) {
      expect(await root.locator(`canvas[data-model="${id}"]`).getAttribute('data-live')).toBe('true');
      const reference = await pngPixels(page, `/super-resolution/data/srgan/chelsea-${id}.png`);
      const mad = meanAbsDiff(px[id], reference);
      report.push(`${id} vs PyTorch: mean |diff| ${mad.toFixed(3)}, max ${maxDiff(px[id], reference)}`);
      expect(mad, `${id}: mean absolute difference to the PyTorch output (0..255)`).toBeLessThan(0.5);
    }
    // What the text says about the spectrum: the MSE network has less high-frequency power than the
    // ground truth (top quarter of the frequencies).
    const spectra = JSON.parse((await root.locator('[data-role="spectrum"]').getAttribute('data-spectra')) ?? '{}') as Record<string, number[]>;
    const high = (v: number[]) => v.slice(Math.floor(v.length * 0.75)).reduce((a, b) => a + b, 0);
    expect(high(spectra.srresnet)).toBeLessThan(high(spectra.hr));
    console.log(`srgan-losses: live on webgpu after ${liveAfter.toFixed(1)} s; ${report.join('; ')}`);
  });

  test('keyboard: loupe and wipe move, state survives a reload, no long tasks', async ({ page }) => {
    await page.goto(CHAPTER_2);
    const root = page.locator('[data-widget="srgan-losses"]');
    await root.scrollIntoViewIfNeeded();
    // The pre-computed pictures are drawn first; the controls work while the networks still run.
    await expect(root.locator('canvas[data-loupe="srgan"]')).toBeVisible({ timeout: LIVE_TIMEOUT });
    await longTasks(page);
    const handle = root.locator('[data-role="loupe"]');
    const before = await handle.getAttribute('aria-valuetext');
    const loupeBefore = (await canvases(root, 'canvas[data-loupe]', 'data-loupe')).srgan;
    await handle.focus();
    await expect(handle).toBeFocused();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('ArrowDown');
    const after = await handle.getAttribute('aria-valuetext');
    expect(after).not.toBe(before);
    expect(after).toMatch(/x 64, y 61/);
    const loupeAfter = (await canvases(root, 'canvas[data-loupe]', 'data-loupe')).srgan;
    expect(maxDiff(loupeBefore, loupeAfter)).toBeGreaterThan(0);
    // Wipe view by keyboard.
    await root.locator('select[data-control="view"]').selectOption('wipe');
    await expect(root.locator('[data-role="wipe"]')).toBeVisible();
    const wipe = root.locator('input[data-control="wipe"]');
    await wipe.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(wipe).toHaveAttribute('aria-valuetext', /48/);
    await expect(root.locator('canvas[data-wipe="b"]')).toHaveAttribute('style', /inset\(0px 0px 0px 48%\)|inset\(0 0 0 48%\)/);
    const wiped = await canvases(root, 'canvas[data-wipe]', 'data-wipe');
    const panels = await canvases(root, 'canvas[data-model]', 'data-model');
    expect(maxDiff(wiped.a, panels.srresnet)).toBe(0);
    expect(maxDiff(wiped.b, panels.srgan)).toBe(0);
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    expect(long, 'main-thread tasks over 50 ms during interaction').toEqual([]);
    // The URL carries the state; a reload restores it.
    await page.waitForFunction(() => location.search.includes('srgan.wipe=48'));
    const url = page.url();
    expect(url).toContain('srgan.lx=64');
    await page.goto(url);
    const again = page.locator('[data-widget="srgan-losses"]');
    await again.scrollIntoViewIfNeeded();
    await expect(again.locator('[data-role="loupe"]')).toHaveAttribute('aria-valuetext', after!, { timeout: LIVE_TIMEOUT });
    await expect(again.locator('input[data-control="wipe"]')).toHaveValue('48');
    await expect(again.locator('select[data-control="view"]')).toHaveValue('wipe');
  });
});

test.describe('without a compute backend', () => {
  test('forced WebGPU that cannot start: message, pre-computed pictures and numbers stay', async ({ playwright, baseURL }) => {
    // A browser without the SwiftShader WebGPU adapter and without WebGL (as failure.spec.ts uses).
    const browser = await playwright.chromium.launch({ executablePath: chromiumExecutable(), args: ['--disable-webgl', '--disable-3d-apis'] });
    try {
      const page = await browser.newPage();
      await page.goto(`${baseURL}${CHAPTER_2}?backend=webgpu`);
      const root = page.locator('[data-widget="srgan-losses"]');
      await root.scrollIntoViewIfNeeded();
      await expect(root).toHaveAttribute('data-status', 'error', { timeout: LIVE_TIMEOUT });
      await expect(root).toHaveAttribute('data-backend', 'none');
      const message = root.locator('[data-role="status-message"]');
      await expect(message).toBeVisible();
      const text = ((await message.textContent()) ?? '').trim();
      console.log(`srgan-losses without a backend: ${text}`);
      expect(text.length).toBeGreaterThan(30);
      await expect(root.locator('canvas[data-model="srgan"]')).toBeVisible();
      const px = await canvases(root, 'canvas[data-model]', 'data-model');
      for (const id of OUTPUTS) {
        const shown = parseMetrics((await root.locator(`[data-role="metrics"][data-model="${id}"]`).textContent()) ?? '');
        expect(Math.abs(shown.psnr - psnrY(px[id], px.hr, 4)), id).toBeLessThanOrEqual(0.005 + 1e-9);
      }
      // The fallback pictures are the pre-computed ones.
      const reference = await pngPixels(page, '/super-resolution/data/srgan/chelsea-srgan.png');
      expect(maxDiff(px.srgan, reference)).toBe(0);
    } finally {
      await browser.close();
    }
  });
});
