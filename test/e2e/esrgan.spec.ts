// Chapter 3 (ESRGAN) figures on the built site, WebGPU on SwiftShader: network interpolation
// reproduces both end models exactly at α = 0 and α = 1 and differs from pixel blending in between;
// the animation drops frames instead of stalling; the BatchNorm figure's numbers match its pixels;
// the ablation table and the discriminator curves print the cards' and logs' numbers.
import { readFileSync, existsSync } from 'node:fs';
import { chromium, type Locator, type Page } from '@playwright/test';
import { chromiumExecutable } from './browser';
import { test, expect } from './fixtures';
import { type CanvasPixels, canvasPixels, maxChannelDifference, stats } from './widget';
import { watchMainThread } from './mainThread';
import { expectFailure, noWebgpuMessages } from './failureText';
import { failureMessage } from '../../src/i18n/failures';
import { decodePNG } from '../../src/data/png';
import { nextCropSide, type CropLadder } from '../../src/ui/cropBudget';
import { interpLadder } from '../../src/figures/interp/compute';
import { bnLadder } from '../../src/figures/bn/compute';

const CHAPTER = 'chapters/esrgan/';
const CHAPTER_JA = 'ja/chapters/esrgan/';
const dist = process.env.E2E_DIST ?? 'dist';
const READY = 170_000;

/**
 * The crop a figure settled on: its time asks for no bigger side (on SwiftShader, seconds per run: the smallest; a
 * faster device may grow it first, so this waits), the input panel is that big, and the note says the side and the
 * measured time.
 */
async function expectSettledCrop(root: Locator, ladder: CropLadder, lang: 'en' | 'ja' = 'en'): Promise<number> {
  const read = async () => ({ crop: Number(await root.getAttribute('data-crop')), ms: Number(await root.getAttribute('data-crop-ms')), status: await root.getAttribute('data-status') });
  await expect.poll(async () => {
    const r = await read();
    return r.status === 'ready' && r.ms > 0 && nextCropSide(ladder, r.crop, r.ms) <= r.crop;
  }, { timeout: READY }).toBe(true);
  const { crop, ms } = await read();
  console.log(`${await root.getAttribute('data-figure')}: crop ${crop}², a warm run ${ms} ms (budget ${ladder.budgetMs} ms)`);
  expect(ladder.sides).toContain(crop);
  expect(Number.isInteger(ms)).toBe(true);
  const input = await canvasPixels(root, 'canvas[data-model="input"]');
  expect([input.width, input.height]).toEqual([crop, crop]);
  await expect(root.locator('[data-role="input-title"]')).toHaveText(lang === 'en' ? `Input: ${crop}×${crop} pixels` : `入力：${crop}×${crop} 画素`);
  await expect(root.locator('[data-role="crop-note"]')).toContainText(`${crop}×${crop}`);
  await expect(root.locator('[data-role="crop-note"]')).toContainText(`${ms} ms`);
  return crop;
}

async function ready(page: Page, name: string): Promise<Locator> {
  const root = page.locator(`[data-figure="${name}"]`).first();
  await root.scrollIntoViewIfNeeded();
  await expect(root).toHaveAttribute('data-status', /^(ready|error)$/, { timeout: READY });
  return root;
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
    const crop = await expectSettledCrop(root, interpLadder(24));
    expect(a.width).toBe(4 * crop);
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
    // The perception–distortion marker sits on the α = 0 point, then on the α = 1 point.
    const pdSvg = root.locator('[data-role="pd-chart"] svg');
    const pts = JSON.parse((await pdSvg.getAttribute('data-points')) ?? '[]') as Array<{ alpha: number; x: number; y: number }>;
    expect(pts.length).toBeGreaterThan(2);
    const marker = pdSvg.locator('[data-role="pd-marker"]');
    await expect(marker).toHaveAttribute('cx', pts[0].x.toFixed(1));
    expect(maxChannelDifference(w0, a), 'α = 0 equals rrdb_psnr').toBe(0);
    await page.keyboard.press('End');
    await expect(slider).toHaveAttribute('aria-valuetext', 'α = 1.00');
    await expect(interp).toHaveAttribute('data-alpha', '1.00', { timeout: READY });
    const w1 = await canvasPixels(root, 'canvas[data-model="interp"]');
    await expect(marker).toHaveAttribute('cx', pts[pts.length - 1].x.toFixed(1));
    expect(maxChannelDifference(w1, b), 'α = 1 equals esrgan').toBe(0);
    // The loupe captions name the α on screen, as the panel titles do.
    await expect(root.locator('[data-loupe-label="interp"]')).toHaveText('Weights blended, α = 1.00');
    await expect(root.locator('[data-loupe-label="blend"]')).toHaveText('Pixels blended, α = 1.00');

    // A crop too big for the device is made smaller, not waited for: forced to 32² (test hook), the figure runs
    // there, times a frame, and goes back to the side that time asks for (on SwiftShader the smallest).
    await root.evaluate((el) => {
      const seen: string[] = [];
      (window as unknown as { cropsSeen: string[] }).cropsSeen = seen;
      new MutationObserver(() => seen.push(el.getAttribute('data-crop') ?? '')).observe(el, { attributeFilter: ['data-crop'] });
      el.dispatchEvent(new CustomEvent('sr-test:crop', { detail: 32 }));
    });
    await expect.poll(() => page.evaluate(() => (window as unknown as { cropsSeen: string[] }).cropsSeen.join(' ')), { timeout: READY }).toMatch(/^32 (\d+)$/);
    const seen = await page.evaluate(() => (window as unknown as { cropsSeen: string[] }).cropsSeen);
    const back = Number(seen[1]);
    expect(back).toBeLessThan(32);
    await expect(root).toHaveAttribute('data-drawn', `chelsea|${back}|1.00`, { timeout: READY });
    expect(await expectSettledCrop(root, interpLadder(24))).toBe(back);
    expect((await canvasPixels(root, 'canvas[data-model="interp"]')).width).toBe(4 * back);

    // Shareable state: the URL carries α and a reload restores it.
    await expect.poll(() => new URL(page.url()).searchParams.get('esr.alpha')).toBe('1.00');
    await page.goto(page.url());
    const again = page.locator('[data-figure="esrgan-interp"]');
    await again.scrollIntoViewIfNeeded();
    await expect(again.locator('[data-role="alpha"]')).toHaveValue('1', { timeout: READY });
    await expect(again.locator('[data-role="alpha"]')).toHaveAttribute('aria-valuetext', 'α = 1.00');
  });

  test('starts in view, pauses off screen; loupe by keyboard; play drops frames instead of stalling; no long tasks', async ({ page }) => {
    test.setTimeout(480_000);
    await page.goto(CHAPTER);
    const lazy = page.locator('[data-figure="esrgan-interp"]');
    await page.waitForTimeout(2000);
    await expect(lazy, 'nothing starts before the figure is scrolled into view').toHaveAttribute('data-status', 'loading');
    const root = await ready(page, 'esrgan-interp');
    await expect(root).toHaveAttribute('data-status', 'ready');
    // Off screen: a changed α is not computed until the figure comes back.
    const interp = root.locator('canvas[data-model="interp"]');
    await expect(interp).toHaveAttribute('data-alpha', '0.50');
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(root).not.toBeInViewport();
    await root.locator('[data-role="alpha"]').evaluate((el: HTMLInputElement) => {
      el.value = '0.8';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForTimeout(4000);
    await expect(interp).toHaveAttribute('data-alpha', '0.50');
    await root.scrollIntoViewIfNeeded();
    await expect(interp).toHaveAttribute('data-alpha', '0.80', { timeout: READY });
    const loupe = root.locator('[data-role="loupe"]');
    const before = await loupe.getAttribute('aria-valuetext');
    await loupe.focus();
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(loupe).not.toHaveAttribute('aria-valuetext', before ?? '');
    await expect(loupe).toHaveAttribute('aria-valuetext', /x 40, y 48 of 96 by 96/);
    const loupeCanvas = root.locator('canvas[data-loupe="interp"]');
    await expect(loupeCanvas).toBeVisible();

    const mainThread = await watchMainThread(page);
    const play = root.locator('[data-role="play"]');
    await expect(play).toBeEnabled();
    await play.click();
    await expect(play).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => Number((await root.getAttribute('data-frames')) ?? 0), { timeout: 240_000 }).toBeGreaterThanOrEqual(3);
    const alphas = new Set<string>();
    for (let i = 0; i < 3; i++) {
      // The slider and its number show the α whose pictures are on screen, not the one being computed.
      const [slider, step, printed, shown] = await root.evaluate((el) => [
        el.querySelector<HTMLInputElement>('[data-role="alpha"]')!.value,
        el.querySelector<HTMLInputElement>('[data-role="alpha"]')!.step,
        el.querySelector<HTMLOutputElement>('[data-role="alpha-value"]')!.textContent ?? '',
        el.querySelector<HTMLCanvasElement>('canvas[data-model="interp"]')!.dataset.alpha ?? '',
      ]);
      expect(printed, `number ${printed}, pictures ${shown}`).toBe(shown);
      expect(Math.abs(Number(slider) - Number(shown)), `slider ${slider} (step ${step}), pictures ${shown}`).toBeLessThanOrEqual(Number(step) / 2 + 1e-9);
      alphas.add(shown);
      await page.waitForTimeout(1500);
    }
    // The page stays responsive while frames are computed in the worker.
    const t0 = Date.now();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const rafDelay = Date.now() - t0;
    await play.click();
    await expect(play).toHaveAttribute('aria-pressed', 'false');
    const { longTasks, scripts } = await mainThread.read();
    console.log(
      `animation: ${await root.getAttribute('data-frames')} frames, α seen ${[...alphas].join(', ')}, rAF delay ${rafDelay} ms, ` +
        `long tasks [${longTasks.map((d) => d.toFixed(0)).join(', ')}], longest script in a long frame ${Math.max(0, ...scripts.map((x) => x.ms)).toFixed(0)} ms; ` +
        `${await root.locator('[data-role="fps"]').textContent()}`,
    );
    expect(rafDelay).toBeLessThan(500);
    // Long tasks are logged above; the assertion uses the script attribution of long animation frames,
    // because on two shared CPU cores running WebGPU in software a short task can exceed 50 ms of wall time.
    expect(scripts.filter((x) => x.ms > 50)).toEqual([]);
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

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * For both discriminators: four real and four generated rows; the shown D = σ(C) and D_Ra = σ(C − mean C of
 * the other set), recomputed here from the shown logits C; the table prints the same numbers rounded.
 */
async function checkOutputs(root: Locator, source: string): Promise<void> {
  for (const d of ['esrgan_d', 'esrgan_std_d']) {
    const rows = await root.locator(`[data-disc="${d}"] tbody tr`).evaluateAll((trs) =>
      trs.map((tr) => ({
        kind: (tr as HTMLElement).dataset.kind!,
        c: Number((tr as HTMLElement).dataset.c),
        d: Number((tr as HTMLElement).dataset.d),
        dra: Number((tr as HTMLElement).dataset.dra),
        text: Array.from(tr.querySelectorAll('td'), (td) => td.textContent!.replace('−', '-')),
      })),
    );
    expect(rows.filter((r) => r.kind === 'real')).toHaveLength(4);
    expect(rows.filter((r) => r.kind === 'fake')).toHaveLength(4);
    const mean = (k: string) => rows.filter((r) => r.kind === k).reduce((sum, r) => sum + r.c, 0) / 4;
    const [mr, mf] = [mean('real'), mean('fake')];
    for (const r of rows) {
      expect(Number.isFinite(r.c)).toBe(true);
      expect(r.d).toBeCloseTo(sigmoid(r.c), 12);
      expect(r.dra).toBeCloseTo(sigmoid(r.c - (r.kind === 'real' ? mf : mr)), 12);
      // The table prints the same numbers, rounded to two decimals.
      expect(r.text).toEqual([r.c, r.d, r.dra].map((v) => v.toFixed(2)));
    }
    await expect(root.locator(`[data-disc="${d}"] [data-role="plot-outputs"] svg`)).toBeVisible();
    console.log(`${d}: mean C real ${mr.toFixed(3)}, generated (${source}) ${mf.toFixed(3)}`);
  }
}

test.describe('standard and relativistic discriminators', () => {
  test('D = σ(C) and D_Ra = σ(C − mean C of the other set), recomputed from the shown logits', async ({ page }) => {
    test.setTimeout(300_000);
    await page.goto(`${CHAPTER}?disc.fake=bicubic`);
    const root = await ready(page, 'esrgan-disc');
    await expect(root).toHaveAttribute('data-status', 'ready');
    await expect(root).toHaveAttribute('data-backend', 'webgpu');
    await expect(root).toHaveAttribute('data-drawn', 'chelsea|bicubic');
    await expect(root.locator('[data-role="fake"]')).toHaveValue('bicubic');
    await checkOutputs(root, 'bicubic');
    // The two discriminators are different networks: their logits differ.
    const first = await root.locator('tbody tr[data-kind="real"]').evaluateAll((trs) => trs.map((t) => (t as HTMLElement).dataset.c));
    expect(first.slice(0, 4)).not.toEqual(first.slice(4, 8));
    await expect.poll(() => new URL(page.url()).searchParams.get('disc.fake')).toBe('bicubic');

    // Another photograph, chosen by keyboard: recomputed and redrawn without long main-thread work.
    // Long tasks are logged; the assertion uses the script attribution of long animation frames, since
    // on two shared CPU cores running WebGPU in software a short task can take over 50 ms of wall time.
    const mainThread = await watchMainThread(page);
    const select = root.locator('[data-role="image"]');
    await select.focus();
    await page.keyboard.press('ArrowDown');
    await expect(select).toHaveValue('coffee');
    await expect(root).toHaveAttribute('data-drawn', 'coffee|bicubic', { timeout: READY });
    await page.waitForTimeout(500);
    const { longTasks, scripts } = await mainThread.read();
    const longest = Math.max(0, ...scripts.map((x) => x.ms));
    console.log(`discriminator figure, new photograph: long tasks [${longTasks.map((d) => d.toFixed(0)).join(', ')}], longest script in a long frame ${longest.toFixed(0)} ms`);
    expect(scripts.filter((x) => x.ms > 50)).toEqual([]);
  });

  test('esrgan_std is the pipeline\'s pre-computed picture: its weights are never requested, D and D_Ra still follow from C', async ({ page }) => {
    test.setTimeout(400_000);
    const stdWeights: string[] = [];
    const pictures: string[] = [];
    page.context().on('request', (req) => {
      const path = new URL(req.url()).pathname;
      if (/\/weights\/esrgan_std\/weights/.test(path)) stdWeights.push(path);
      if (/\/data\/esrgan\/disc-[a-z]+-esrgan_std\.png$/.test(path)) pictures.push(path);
    });
    await page.goto(`${CHAPTER}?disc.fake=bicubic`);
    const root = await ready(page, 'esrgan-disc');
    await expect(root).toHaveAttribute('data-drawn', 'chelsea|bicubic');
    // The figure says, in words, that this one source is pre-computed and why.
    const note = root.locator('[data-role="precomputed-note"]');
    await expect(note).toBeVisible();
    await expect(note).toContainText('pre-computed');
    await expect(note).toContainText('download budget');
    const fakeSelect = root.locator('[data-role="fake"]');
    await expect(fakeSelect.locator('option[value="esrgan_std"]')).toHaveText('esrgan_std (pre-computed)');

    // Choose it by keyboard (End: the last choice).
    await fakeSelect.focus();
    await page.keyboard.press('End');
    await expect(fakeSelect).toHaveValue('esrgan_std');
    await expect(root).toHaveAttribute('data-drawn', 'chelsea|esrgan_std', { timeout: READY });
    await expect(root.locator('[data-role="fake-title"]')).toContainText('esrgan_std (pre-computed)');
    await checkOutputs(root, 'esrgan_std, pre-computed');
    // The generated canvas shows exactly the pipeline's picture.
    const diff = await root.locator('canvas[data-model="fake"]').evaluate(async (canvas: HTMLCanvasElement) => {
      const fig = canvas.closest<HTMLElement>('[data-figure="esrgan-disc"]')!;
      const path = (JSON.parse(fig.dataset.precomputed ?? '{}') as Record<string, Record<string, string>>).esrgan_std?.chelsea;
      const base = fig.dataset.base ?? '/';
      const img = new Image();
      img.src = new URL((base.endsWith('/') ? base : `${base}/`) + path, location.href).href;
      await img.decode();
      const read = (source: CanvasImageSource, w: number, h: number) => {
        const c = document.createElement('canvas');
        c.width = w;
        c.height = h;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(source, 0, 0);
        return ctx.getImageData(0, 0, w, h).data;
      };
      const a = read(canvas, canvas.width, canvas.height);
      const b = read(img, img.naturalWidth, img.naturalHeight);
      if (a.length !== b.length) return Infinity;
      let worst = 0;
      for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
      return worst;
    });
    expect(diff, 'generated canvas = disc-chelsea-esrgan_std.png').toBe(0);
    await expect.poll(() => new URL(page.url()).searchParams.get('disc.fake')).toBe('esrgan_std');

    // The copied URL restores the choice; another photograph, chosen by keyboard, uses its own picture.
    await page.goto(page.url());
    const again = await ready(page, 'esrgan-disc');
    await expect(again.locator('[data-role="fake"]')).toHaveValue('esrgan_std');
    await expect(again).toHaveAttribute('data-drawn', 'chelsea|esrgan_std', { timeout: READY });
    const image = again.locator('[data-role="image"]');
    await image.focus();
    await page.keyboard.press('ArrowDown');
    await expect(image).toHaveValue('coffee');
    await expect(again).toHaveAttribute('data-drawn', 'coffee|esrgan_std', { timeout: READY });
    await checkOutputs(again, 'esrgan_std on coffee, pre-computed');
    await page.waitForTimeout(1000);
    console.log(`esrgan_std pictures fetched: ${pictures.join(', ')}`);
    expect(pictures.some((p) => p.endsWith('/disc-coffee-esrgan_std.png'))).toBe(true);
    expect(stdWeights, 'no request for public/weights/esrgan_std/weights*').toEqual([]);
  });
});

test.describe('batch normalisation', () => {
  test('esrgan vs esrgan_bn: stored and per-input statistics; heat-map numbers match the pixels', async ({ page }) => {
    test.setTimeout(400_000);
    // Every status sentence the figure says while it computes (it names each network as it runs it).
    await page.addInitScript(() => {
      const said: string[] = [];
      (window as unknown as { bnSaid: string[] }).bnSaid = said;
      document.addEventListener('DOMContentLoaded', () => {
        const el = document.querySelector('[data-figure="esrgan-bn"] [data-role="status-message"]');
        if (el) new MutationObserver(() => said.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
      });
    });
    await page.goto(`${CHAPTER}?bn.input=flat`);
    const root = await ready(page, 'esrgan-bn');
    await expect(root).toHaveAttribute('data-status', 'ready');
    await expect(root).toHaveAttribute('data-backend', 'webgpu');
    await expect(root).toHaveAttribute('data-drawn', 'chelsea|flat');
    await expectSettledCrop(root, bnLadder(24));
    const plain = await canvasPixels(root, 'canvas[data-model="esrgan"]');
    const stored = await canvasPixels(root, 'canvas[data-model="esrgan_bn"]');
    const perInput = await canvasPixels(root, 'canvas[data-model="esrgan_bn_input"]');
    const a = meanAbsDifference(stored, plain);
    const b = meanAbsDifference(perInput, stored);
    const shownA = Number(await root.locator('canvas[data-model="heat-bn"]').getAttribute('data-mean'));
    const shownB = Number(await root.locator('canvas[data-model="heat-input"]').getAttribute('data-mean'));
    console.log(`flat input: |bn stored − esrgan| ${a.toFixed(2)}, |bn input − bn stored| ${b.toFixed(2)} (shown ${shownA}, ${shownB})`);
    // Shown means are computed on the unrounded outputs: within half an 8-bit step of the pixels'.
    expect(Math.abs(shownA - a)).toBeLessThan(0.5);
    expect(Math.abs(shownB - b)).toBeLessThan(0.5);
    await expect(root.locator('[data-role="bn-numbers"]')).toContainText(shownA.toFixed(1));
    // Per-input statistics really change the result of the BN model (and only of it).
    expect(b).toBeGreaterThan(0.5);
    expect(maxChannelDifference(perInput, stored)).toBeGreaterThan(10);
    const said = await page.evaluate(() => (window as unknown as { bnSaid: string[] }).bnSaid);
    for (const step of ['Running esrgan on WebGPU: network 1 of 3', 'Running esrgan_bn on WebGPU: network 3 of 3'])
      expect(said.some((t) => t.includes(step)), `${step} in ${JSON.stringify(said)}`).toBe(true);
    // With no loupe in the URL the loupes sit where |BN stored − esrgan| is largest (the shown pixels, so within 10%).
    const box = 24;
    const windowSum = (x0: number, y0: number): number => {
      let sum = 0;
      for (let y = y0; y < y0 + box; y++)
        for (let x = x0; x < x0 + box; x++) {
          const i = (y * stored.width + x) * 4;
          sum += Math.max(...[0, 1, 2].map((c) => Math.abs(stored.data[i + c] - plain.data[i + c])));
        }
      return sum;
    };
    let best = 0;
    for (let y = 0; y + box <= stored.height; y += 2) for (let x = 0; x + box <= stored.width; x += 2) best = Math.max(best, windowSum(x, y));
    const at = /x (\d+), y (\d+)/.exec((await root.locator('[data-role="loupe"]').getAttribute('aria-valuetext')) ?? '');
    expect(at, 'loupe position').not.toBeNull();
    const shownSum = windowSum(Number(at![1]) - box / 2, Number(at![2]) - box / 2);
    console.log(`BN loupe at ${at![1]}, ${at![2]}: window difference ${shownSum} of the largest ${best}`);
    expect(shownSum).toBeGreaterThanOrEqual(0.9 * best);
    // Each panel saves the picture it shows, pixel for pixel.
    const [file] = await Promise.all([page.waitForEvent('download'), root.locator('[data-panel="esrgan_bn"] button[data-save]').click()]);
    expect(file.suggestedFilename()).toBe('esrgan-bn-esrgan_bn.png');
    const saved = decodePNG(readFileSync(await file.path()));
    expect(maxChannelDifference({ ...saved, data: [...saved.data] }, stored)).toBe(0);
    // The input selector changes what runs.
    await root.locator('[data-role="variant"]').selectOption('original');
    await expect(root).toHaveAttribute('data-drawn', 'chelsea|original', { timeout: READY });
    await expect.poll(() => new URL(page.url()).searchParams.get('bn.input')).toBe('original');
    // The reader's own picture: refused in words when it is not one; else its centre runs, and the URL never names it.
    const ownFile = root.locator('input[data-role="own-file"]');
    await ownFile.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
    await expect(root.locator('[data-role="status-message"]')).toContainText('notes.txt');
    await ownFile.setInputFiles('public/images/demo/coffee.png');
    await expect(root).toHaveAttribute('data-drawn', 'own-1|original', { timeout: READY });
    await expect(root.locator('[data-role="image"]')).toHaveValue('own');
    const input = await canvasPixels(root, 'canvas[data-model="input"]');
    const photo = decodePNG(readFileSync('public/images/demo/coffee.png'));
    const corner = (photo.width - input.width) / 2;
    let off = 0;
    for (let y = 0; y < input.height; y++)
      for (let x = 0; x < input.width; x++)
        for (let c = 0; c < 3; c++) off = Math.max(off, Math.abs(input.data[(y * input.width + x) * 4 + c] - photo.data[((y + corner) * photo.width + x + corner) * 4 + c]));
    expect(off).toBe(0);
    expect(page.url()).not.toContain('bn.img=own');
  });
});

test.describe('static content', () => {
  test('ablation table prints the cards’ numbers', async ({ page }) => {
    await page.goto(CHAPTER);
    const table = page.locator('#fig-ablation table');
    for (const id of ['rrdb_psnr', 'esrgan', 'esrgan_std', 'esrgan_bn']) {
      const card = JSON.parse(readFileSync(`${dist}/weights/${id}/card.json`, 'utf8'));
      const row = table.locator(`tr[data-model="${id}"]`);
      for (const set of ['set5', 'set14'])
        for (const [key, digits] of [['psnr', 2], ['ssim', 4], ['niqe', 2]] as const)
          await expect(row.locator(`[data-metric="${set}.${key}"]`)).toHaveText(card.metrics[set][key].toFixed(digits));
      await expect(row.locator('[data-metric="parameters"]')).toHaveText(card.parameters.toLocaleString('en-US'));
      await expect(row.locator('[data-metric="bytes"]')).toHaveText(`${Math.round(card.weights.bytes / 1024).toLocaleString('en-US')} kB`);
    }
    // Numbers in the prose come from the same cards.
    const esrgan = JSON.parse(readFileSync(`${dist}/weights/esrgan/card.json`, 'utf8'));
    await expect(page.locator('[data-num="esrgan:set5.niqe"]').first()).toHaveText(esrgan.metrics.set5.niqe.toFixed(2));
    await expect(page.locator('[data-num="esrgan:parameters"]').first()).toHaveText(esrgan.parameters.toLocaleString('en-US'));
    // Every number in the prose was found at build time (a missing one prints a dash).
    const nums = await page.locator('[data-num]').allTextContents();
    expect(nums.length).toBeGreaterThan(20);
    expect(nums.filter((t) => !/\d/.test(t))).toEqual([]);
    // The RRDB diagram: no line runs through a label, no label overlaps another or another node's shape.
    const clashes = await page.locator('[data-figure="esrgan-rrdb"] svg').evaluate((svg: SVGSVGElement) => {
      type Box = { x: number; y: number; width: number; height: number };
      const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent?.trim()).map((t) => ({ el: t, name: t.textContent!, box: t.getBBox() }));
      const out = new Set<string>();
      for (const path of svg.querySelectorAll<SVGPathElement>('path')) {
        if (path.closest('marker')) continue;
        for (let d = 0; d <= path.getTotalLength(); d += 1) {
          const q = path.getPointAtLength(d);
          for (const t of texts) if (overlap(t.box, { x: q.x, y: q.y, width: 0, height: 0 })) out.add(`"${t.name}" × line ${path.getAttribute('d')!.slice(0, 16)}`);
        }
      }
      texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => overlap(a.box, b.box) && out.add(`"${a.name}" × "${b.name}"`)));
      for (const shape of svg.querySelectorAll<SVGGraphicsElement>('rect, circle'))
        for (const t of texts) if (t.el.parentNode !== shape.parentNode && overlap(t.box, shape.getBBox())) out.add(`"${t.name}" × a node`);
      return [...out];
    });
    expect(clashes).toEqual([]);
  });

  test('discriminator curves summarise the last logged step of both runs', async ({ page }) => {
    await page.goto(CHAPTER);
    for (const id of ['esrgan', 'esrgan_std']) {
      const c = JSON.parse(readFileSync(`public/weights/${id}/curves.json`, 'utf8'));
      const lastOf = (k: string) => (c[k] as Array<number | null>).filter((v): v is number => typeof v === 'number').at(-1)!;
      const text = await page.locator(`[data-run="${id}"] .esr-small`).textContent();
      // negative values with the typographic minus, as the tables print them
      for (const k of ['c_real', 'c_fake', 'd_real', 'd_fake']) expect(text).toContain(lastOf(k).toFixed(2).replace('-', '−'));
    }
  });

  test('perception–distortion curve: one point per measured α, labelled with its numbers', async ({ page }) => {
    const file = `${dist}/data/esrgan/perception-distortion.json`;
    expect(existsSync(file)).toBe(true);
    const pd = JSON.parse(readFileSync(file, 'utf8'));
    await page.goto(`${CHAPTER}?esr.alpha=0.00`);
    const chart = page.locator('[data-figure="esrgan-interp"] [data-role="pd-chart"] svg');
    await expect(chart.locator('circle.pd-point')).toHaveCount(pd.set5.length);
    const titles = await chart.locator('circle.pd-point title').allTextContents();
    expect(titles[0]).toContain(pd.set5[0].psnr.toFixed(2));
  });

  test('activation table prints the pipeline’s shares of zeros (mean over the photographs)', async ({ page }) => {
    const a = JSON.parse(readFileSync(`${dist}/data/esrgan/vgg-activations.json`, 'utf8'));
    await page.goto(CHAPTER);
    for (const layer of a.layers as string[]) {
      for (const side of ['before', 'after']) {
        const mean = (a.images as string[]).reduce((sum, img) => sum + a.stats[img][layer][side].zeroFraction, 0) / a.images.length;
        await expect(page.locator(`#fig-features tr[data-layer="${layer}"] td[data-zero="${side}"]`)).toHaveText(`${(100 * mean).toFixed(1)} %`);
      }
    }
    await expect(page.locator('[data-num="vgg:conv5_4.after"]').first()).toHaveText(
      ((100 * (a.images as string[]).reduce((sum, img) => sum + a.stats[img].conv5_4.after.zeroFraction, 0)) / a.images.length).toFixed(0),
    );
  });

  test('without JavaScript the figures show pictures, not empty boxes', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(CHAPTER);
    for (const name of ['esrgan-bn', 'esrgan-interp', 'esrgan-disc']) {
      const root = page.locator(`[data-figure="${name}"]`);
      await expect(root).toHaveAttribute('data-status', 'loading');
      const imgs = root.locator('img[data-role="static"]');
      expect(await imgs.count(), name).toBeGreaterThan(0);
      for (const img of await imgs.all()) {
        await img.scrollIntoViewIfNeeded();
        await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
      }
      expect(await root.locator('canvas:not([hidden])').count(), `${name}: no visible empty canvas`).toBe(0);
    }
    await context.close();
  });

  test('Japanese page, the runtime Worker throws while it loads: the BN figure says so in Japanese, static pictures stay', async ({ page, siteWatch }) => {
    siteWatch.errorsExpected = true; // the broken script is the point
    await page.route('**/_astro/worker-*.js', (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("the Worker failed while loading");' }),
    );
    await page.goto(CHAPTER_JA);
    const root = page.locator('[data-figure="esrgan-bn"]');
    await root.scrollIntoViewIfNeeded();
    const message = root.locator('[data-role="status-message"]');
    await expect(message).toHaveAttribute('data-failure', 'worker', { timeout: READY });
    const text = await expectFailure(message, 'ja', 'worker', [failureMessage('ja', { kind: 'worker', attempts: [] }, 'static')]);
    console.log(`esrgan-bn (ja), runtime Worker throws: ${text}`);
    await expect(root).toHaveAttribute('data-status', 'error');
    await expect(root.locator('img[data-role="static"]').first()).toBeVisible();
  });

  test('Japanese page: the figures speak Japanese', async ({ page }) => {
    await page.goto(CHAPTER_JA);
    await expect(page.locator('[data-figure="esrgan-interp"] [data-role="play"]')).toHaveText('再生');
    await expect(page.locator('[data-figure="esrgan-bn"] [data-role="variant"] option').first()).toHaveText('撮影したまま');
    await expect(page.locator('#fig-ablation th').first()).toHaveText('モデル');
    await expect(page.locator('[data-figure="esrgan-disc"] [data-role="precomputed-note"]')).toContainText('事前計算');
    await expect(page.locator('[data-figure="esrgan-disc"] option[value="esrgan_std"]')).toHaveText('esrgan_std（事前計算）');
  });
});

test.describe('no WebGPU adapter', () => {
  // A second Chromium without the SwiftShader WebGPU adapter and without WebGL (as failure.spec.ts, which
  // sets this per file; here one browser is launched for the one test).
  test('a forced WebGPU backend that cannot start: message in words, static pictures stay', async ({ baseURL }) => {
    test.setTimeout(120_000);
    const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--disable-webgl', '--disable-3d-apis'] });
    try {
      const page = await browser.newPage({ baseURL });
      await page.goto(`${CHAPTER}?backend=webgpu`);
      const root = await ready(page, 'esrgan-interp');
      await expect(root).toHaveAttribute('data-status', 'error');
      await expect(root).toHaveAttribute('data-backend', 'none');
      const message = root.locator('[data-role="status-message"]');
      await expect(message).toBeVisible();
      // The sentence for "no backend" (src/i18n/failures.ts), the engine's message only as a detail.
      const text = await expectFailure(message, 'en', 'no-backend', noWebgpuMessages('en', 'static'));
      console.log(`esrgan-interp forced-failure message: ${text}`);
      await expect(root.locator('canvas[data-model="interp"]')).toBeHidden();
      const statics = root.locator('[data-panel] img[data-role="static"]');
      expect(await statics.count()).toBe(4);
      for (const img of await statics.all()) {
        await expect(img).toBeVisible();
        expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
      }
      await expect(root.locator('[data-role="alpha"]')).toBeDisabled();
    } finally {
      await browser.close();
    }
  });
});
