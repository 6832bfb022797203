// Chapter 4 (Real-ESRGAN) live figures on the built site, WebGPU on SwiftShader. The degradation explorer: a seed
// in the URL draws the same picture every time (and another seed another one); the kernel it shows sums to 1 and
// is the Python pipeline's kernel; a parameter moved by keyboard changes the picture and the shared URL; a result
// saves as the PNG of its pixels; the reader’s own picture is degraded (its centre), never enters the URL, and is
// said to be scaled down when it was. The comparison runs both networks on a seeded degradation, of a demo photo
// and of the reader’s picture.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { canvasPixels, maxChannelDifference } from './widget';
import { siteUrl } from './site';
import { fromRGBA } from '../../src/sr/image';
import { psnrY } from '../../src/sr/metrics';
import { decodePNG, encodePNG } from '../../src/data/png';

const CHAPTER = 'chapters/realesrgan/';
const READY = 170_000;

async function explorer(page: Page, query: string): Promise<Locator> {
  await page.goto(siteUrl(`${CHAPTER}?${query}`));
  const root = page.locator('[data-figure="degradation"]');
  await root.scrollIntoViewIfNeeded();
  await expect(root).toHaveAttribute('data-status', 'ready', { timeout: READY });
  return root;
}

test.describe('degradation explorer', () => {
  test('a seed from the URL reproduces its picture; the kernel shown is Python’s; a slider moves by keyboard', async ({ page }) => {
    const seeded = await explorer(page, 'deg.seed=11');
    await expect(seeded).toHaveAttribute('data-backend', 'webgpu');
    await expect(seeded.locator('[data-role="status-message"]')).toContainText('Degraded live');
    const first = await canvasPixels(seeded, '[data-result="second"]');
    expect([first.width, first.height]).toEqual([32, 32]);
    await expect(seeded.locator('[data-stage-canvas="resize1"]')).toBeVisible();
    await expect(seeded.locator('img[data-static="lr"]')).toBeHidden();

    const again = await explorer(page, 'deg.seed=11');
    expect(maxChannelDifference(await canvasPixels(again, '[data-result="second"]'), first)).toBe(0);
    const other = await explorer(page, 'deg.seed=12');
    expect(maxChannelDifference(await canvasPixels(other, '[data-result="second"]'), first)).toBeGreaterThan(8);

    const fx = JSON.parse(readFileSync('test/fixtures/degrade.json', 'utf8')) as { kernels: { spec: { kind: string } | null; kernel: number[] }[] };
    const python = fx.kernels.find((k) => k.spec?.kind === 'generalized_aniso')!;
    const withKernel = await explorer(page, `deg.p=${encodeURIComponent(JSON.stringify({ kernel1: python.spec }))}`);
    const kernel = withKernel.locator('[data-kernel="kernel1"]');
    const shown = JSON.parse((await kernel.getAttribute('data-values'))!) as number[];
    expect(shown).toHaveLength(21 * 21);
    expect(Math.max(...shown.map((v, i) => Math.abs(v - python.kernel[i])))).toBeLessThan(1e-6);
    expect(Math.abs(Number(await kernel.getAttribute('data-sum')) - 1)).toBeLessThan(1e-9);

    await withKernel.locator('summary').click();
    const sigma = withKernel.locator('[data-param="kernel1.sigma_x"]');
    const before = await canvasPixels(withKernel, '[data-result="second"]');
    const shownKey = await withKernel.getAttribute('data-shown');
    await sigma.focus();
    await page.keyboard.press('End');
    await expect(sigma).toHaveAttribute('aria-valuetext', '3.00');
    await expect(withKernel).not.toHaveAttribute('data-shown', shownKey!, { timeout: READY });
    await expect.poll(() => new URL(page.url()).searchParams.get('deg.p') ?? '').toContain('"sigma_x":3');
    expect(maxChannelDifference(await canvasPixels(withKernel, '[data-result="second"]'), before)).toBeGreaterThan(0);

    // Each result saves the pixels it shows.
    const shownLr = await canvasPixels(withKernel, '[data-result="second"]');
    const [file] = await Promise.all([page.waitForEvent('download'), withKernel.locator('[data-panel="second"] button[data-save]').click()]);
    expect(file.suggestedFilename()).toBe('realesrgan-degraded-second.png');
    const saved = decodePNG(readFileSync(await file.path()));
    expect(maxChannelDifference({ ...saved, data: [...saved.data] }, shownLr)).toBe(0);

    // The reader's own picture: one under 128 pixels is refused in words; else its centre is what gets degraded,
    // and the URL never names it.
    const ownFile = withKernel.locator('input[data-role="own-file"]');
    await ownFile.setInputFiles('public/data/realesrgan/strip-lr.png');
    await expect(withKernel.locator('[data-role="status-message"]')).toContainText('at least 128 × 128 pixels');
    const demoKey = await withKernel.getAttribute('data-shown');
    await ownFile.setInputFiles('public/images/demo/coffee.png');
    await expect(withKernel.locator('[data-role="photo"]')).toHaveValue('own');
    await expect(withKernel).not.toHaveAttribute('data-shown', demoKey!, { timeout: READY });
    const ownHr = await canvasPixels(withKernel, '[data-result="hr"]');
    const photo = decodePNG(readFileSync('public/images/demo/coffee.png'));
    const corner = (photo.width - 128) / 2;
    let off = 0;
    for (let y = 0; y < 128; y++)
      for (let x = 0; x < 128; x++)
        for (let c = 0; c < 3; c++) off = Math.max(off, Math.abs(ownHr.data[(y * 128 + x) * 4 + c] - photo.data[((y + corner) * photo.width + x + corner) * 4 + c]));
    expect(off).toBe(0);
    expect(maxChannelDifference(await canvasPixels(withKernel, '[data-result="second"]'), shownLr)).toBeGreaterThan(8);
    expect(page.url()).not.toContain('deg.img=own');
    // A picture over 512 pixels is scaled down in the browser, and the figure says so for as long as it shows it.
    const note = withKernel.locator('[data-role="own-note"]');
    await expect(note).toBeHidden();
    const big = { width: 600, height: 600, data: new Uint8Array(600 * 600 * 4).map((_, i) => (i % 4 === 3 ? 255 : (i * 7) % 256)) };
    await ownFile.setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: encodePNG(big) });
    await expect(note).toHaveText('Your picture (600 × 600 pixels) was scaled down to 512 × 512 in your browser; the figure uses its centre.');
    await withKernel.locator('[data-role="photo"]').selectOption('coffee');
    await expect(note).toBeHidden();
  });
});

test.describe('bicubic- vs degradation-trained', () => {
  test('both networks run on WebGPU on a seeded degradation; the loupes show the canvases’ pixels; PSNR as printed', async ({ page }) => {
    await page.goto(siteUrl(`${CHAPTER}?cmp.seed=3`));
    const root = page.locator('[data-figure="compare"]');
    await root.scrollIntoViewIfNeeded();
    await expect(root).toHaveAttribute('data-status', 'ready', { timeout: READY });
    await expect(root).toHaveAttribute('data-backend', 'webgpu');
    await expect(root).toHaveAttribute('data-drawn', 'chelsea/3');
    const columns = ['lr', 'bicubic', 'rrdb_psnr', 'realesrnet', 'hr'];
    const full: Record<string, Awaited<ReturnType<typeof canvasPixels>>> = {};
    for (const c of columns) {
      full[c] = await canvasPixels(root, `canvas[data-column="${c}"]`);
      expect([full[c].width, full[c].height], c).toEqual([128, 128]);
    }
    expect(maxChannelDifference(full.rrdb_psnr, full.realesrnet)).toBeGreaterThan(8);
    const image = (px: { width: number; height: number; data: number[] }) => fromRGBA({ width: px.width, height: px.height, data: Uint8ClampedArray.from(px.data) });
    for (const c of ['bicubic', 'rrdb_psnr', 'realesrnet']) {
      const shown = Number(await root.locator(`[data-role="psnr"][data-for="${c}"]`).getAttribute('data-psnr'));
      // the figure scores the float outputs; the canvases hold them rounded to 8 bits
      expect(Math.abs(shown - psnrY(image(full[c]), image(full.hr), 4)), c).toBeLessThan(0.1);
    }

    const strip = root.locator('[data-role="loupes"]');
    await strip.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('PageUp');
    await expect(strip).toHaveAttribute('aria-valuetext', /x 12, y 12 of 128 by 128/);
    await expect.poll(() => new URL(page.url()).searchParams.get('cmp.lx')).not.toBeNull();
    for (const c of columns) {
      const loupe = await canvasPixels(root, `canvas[data-loupe="${c}"]`);
      expect([loupe.width, loupe.height], c).toEqual([24, 24]);
      for (let y = 0; y < 24; y++) {
        const row = loupe.data.slice(y * 24 * 4, (y + 1) * 24 * 4);
        expect(row, `${c} row ${y}`).toEqual(full[c].data.slice(y * 128 * 4, (y * 128 + 24) * 4));
      }
    }

    // The reader's own picture runs through the same seed's degradation and both networks.
    await root.locator('input[data-role="own-file"]').setInputFiles('public/images/demo/coffee.png');
    await expect(root).toHaveAttribute('data-drawn', 'own-1/3', { timeout: READY });
    const ownHr = await canvasPixels(root, 'canvas[data-column="hr"]');
    expect(maxChannelDifference(ownHr, full.hr)).toBeGreaterThan(8);
    const ownNet = await canvasPixels(root, 'canvas[data-column="realesrnet"]');
    const ownPsnr = Number(await root.locator('[data-role="psnr"][data-for="realesrnet"]').getAttribute('data-psnr'));
    expect(Math.abs(ownPsnr - psnrY(image(ownNet), image(ownHr), 4))).toBeLessThan(0.1);
    expect(page.url()).not.toContain('cmp.img=own');
  });
});

test.describe('kernel families', () => {
  test('the sinc shown rings as Python measured; keys move its cutoff; a Gaussian picked from the gallery does not ring', async ({ page }) => {
    await page.goto(siteUrl(CHAPTER));
    const root = page.locator('[data-figure="kernels"]');
    const over = root.locator('[data-role="overshoot"]');
    const python = (JSON.parse(readFileSync('public/data/realesrgan/kernels.json', 'utf8')) as { spec: { kind: string }; overshoot_percent: number }[]).find((k) => k.spec.kind === 'sinc')!;
    expect(Number(await over.getAttribute('data-value'))).toBeCloseTo(python.overshoot_percent, 2); // static, built by the same compute.ts
    await root.scrollIntoViewIfNeeded();
    await expect(root).toHaveAttribute('data-status', 'ready', { timeout: READY });
    await expect(root.locator('canvas[data-result="kernel"]')).toBeVisible();
    expect(Number(await over.getAttribute('data-value'))).toBeCloseTo(python.overshoot_percent, 2);
    const cutoff = root.locator('[data-param="kernel1.cutoff"]');
    await cutoff.focus();
    await page.keyboard.press('End');
    await expect(cutoff).toHaveAttribute('aria-valuetext', '1.00π');
    await expect(over).not.toHaveAttribute('data-value', String(python.overshoot_percent));
    await root.locator('[data-role="pick"][data-kind="iso"]').click();
    await expect(root.locator('[data-role="pick"][data-kind="iso"]')).toHaveAttribute('aria-pressed', 'true');
    await expect(over).toHaveAttribute('data-value', '0');
    await expect(root.locator('[data-param="kernel1.cutoff"]')).toBeHidden();
    await expect.poll(() => new URL(page.url()).searchParams.get('kern.k') ?? '').toContain('"kind":"iso"');
  });
});
