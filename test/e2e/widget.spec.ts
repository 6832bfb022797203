// The chapter-1 widget runs on WebGPU (SwiftShader in CI), draws real pictures, and gives the
// same pixels on WebGPU as on the CPU backend.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { decodePNG } from '../../src/data/png';
import { test, expect } from './fixtures';
import {
  CHAPTER_1,
  METHODS,
  type CanvasPixels,
  maxChannelDifference,
  outputPixels,
  stats,
  waitForWidget,
} from './widget';

test('the widget becomes ready on WebGPU and draws non-blank outputs', async ({ page }) => {
  const started = Date.now();
  await page.goto(CHAPTER_1);
  const root = await waitForWidget(page);
  const backend = await root.getAttribute('data-backend');
  const adapter = await page.evaluate(async () => {
    const a = await navigator.gpu?.requestAdapter();
    return a ? `${a.info?.vendor ?? '?'} / ${a.info?.architecture ?? '?'}` : 'none';
  });
  // The CI log shows which backend the widget used.
  console.log(
    `interpolation widget backend: ${backend} (WebGPU adapter ${adapter}, ` +
      `ready after ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  await expect(root).toHaveAttribute('data-status', 'ready');
  expect(backend).toBe('webgpu');
  await expect(root.locator('[data-role="status-message"]')).toContainText('WebGPU');

  const pixels = await outputPixels(root);
  // The four methods, plus SRCNN's panel (at ×4; its own test is below).
  expect(Object.keys(pixels).sort()).toEqual([...METHODS, 'srcnn'].sort());
  for (const method of METHODS) {
    await expect(root.locator(`canvas[data-method="${method}"]`)).toBeVisible();
    const { mean, sd } = stats(pixels[method]);
    expect(pixels[method].width, method).toBeGreaterThan(16);
    expect(mean, `${method} mean`).toBeGreaterThan(10);
    expect(sd, `${method} standard deviation`).toBeGreaterThan(5);
  }
  // The four methods really differ (nearest is blocky, the others are not).
  expect(maxChannelDifference(pixels.nearest, pixels.bilinear)).toBeGreaterThan(10);
  expect(maxChannelDifference(pixels.bilinear, pixels.bicubic)).toBeGreaterThan(0);
  // Every image option has its own value (a pattern once shared the handwritten-text photo's value).
  const values = await root.locator('select[data-control="image"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(values.length).toBeGreaterThan(8);
  expect(new Set(values).size, values.join(', ')).toBe(values.length);
  // A procedural pattern (drawn in a Worker of its own) replaces the photograph in every panel.
  await root.locator('select[data-control="image"]').selectOption('siemens');
  await expect.poll(async () => maxChannelDifference((await outputPixels(root)).bicubic, pixels.bicubic), { timeout: 60_000 }).toBeGreaterThan(0);
  expect(stats((await outputPixels(root)).nearest).sd, 'the Siemens star is not blank').toBeGreaterThan(5);
  await expect.poll(() => new URL(page.url()).searchParams.get('interp.img')).toBe('siemens');
});

test('a 108-megapixel phone photo (12000 × 9000 JPEG) opens, scaled down in a Worker', async ({ page }, info) => {
  // Written by Pillow (a smooth gradient, a few hundred kB), never committed.
  const file = info.outputPath('phone-12000x9000.jpg');
  execFileSync('/usr/bin/python3', ['-c', `from PIL import Image; Image.radial_gradient('L').resize((12000, 9000)).convert('RGB').save(${JSON.stringify(file)}, quality=85)`]);
  await page.goto(CHAPTER_1);
  const root = await waitForWidget(page);
  await expect(root).toHaveAttribute('data-status', 'ready');
  await root.locator('input[data-role="own-file"]').setInputFiles(file);
  const message = root.locator('[data-role="status-message"]');
  await expect(message).toContainText('Your image (12000×9000) was scaled down to 512×384', { timeout: 60_000 });
  // decoded and scaled down in a Worker, not on the page's main thread (test/bench/image-decode.bench.ts measures it)
  expect(page.workers().map((w) => w.url()).filter((u) => /imageDecode\.worker/.test(u))).toHaveLength(1);
  await expect(root.locator('select[data-control="image"]')).toHaveValue('own');
});

test('WebGPU and CPU outputs match within 1/255 per channel', async ({ page }) => {
  await page.goto(`${CHAPTER_1}?backend=webgpu`);
  const gpuRoot = await waitForWidget(page);
  await expect(gpuRoot).toHaveAttribute('data-status', 'ready');
  await expect(gpuRoot).toHaveAttribute('data-backend', 'webgpu');
  const gpu = await outputPixels(gpuRoot);

  await page.goto(`${CHAPTER_1}?backend=cpu`);
  const cpuRoot = await waitForWidget(page);
  await expect(cpuRoot).toHaveAttribute('data-status', 'ready');
  await expect(cpuRoot).toHaveAttribute('data-backend', 'cpu');
  const cpu = await outputPixels(cpuRoot);

  const report: string[] = [];
  for (const method of METHODS) {
    expect(gpu[method], `${method} on WebGPU`).toBeDefined();
    expect(cpu[method], `${method} on CPU`).toBeDefined();
    const diff = maxChannelDifference(gpu[method], cpu[method]);
    report.push(`${method} ${gpu[method].width}x${gpu[method].height} max diff ${diff}`);
    expect(diff, `${method}: largest per-channel difference WebGPU vs CPU`).toBeLessThanOrEqual(1);
  }
  console.log(`parity webgpu vs cpu: ${report.join('; ')}`);

  // Each panel saves its picture as a PNG: the pixels on screen, named by photo, method and scale.
  const [file] = await Promise.all([page.waitForEvent('download'), cpuRoot.locator('[data-panel="bicubic"] [data-control="save"]').click()]);
  expect(file.suggestedFilename()).toMatch(/^[a-z0-9-]+-bicubic-x4\.png$/);
  const saved = decodePNG(readFileSync(await file.path()));
  expect([saved.width, saved.height]).toEqual([cpu.bicubic.width, cpu.bicubic.height]);
  expect(maxChannelDifference({ ...saved, data: [...saved.data] }, cpu.bicubic)).toBe(0);
});

test('SRCNN at ×4: drawn on WebGPU after the four methods, a refinement of bicubic; a lost GPU device recovers; note at other scales', async ({
  page,
}) => {
  const started = Date.now();
  await page.goto(CHAPTER_1);
  const root = await waitForWidget(page);
  const readyAfter = Date.now() - started;
  await expect(root).toHaveAttribute('data-status', 'ready');
  await expect(root).toHaveAttribute('data-backend', 'webgpu');
  const panel = root.locator('[data-panel="srcnn"]');
  const canvas = root.locator('canvas[data-method="srcnn"]');
  // The classic methods come first; meanwhile SRCNN's panel shows the bicubic picture, not a black canvas, and says
  // so below the picture, not over it (the profile handles may sit anywhere on it).
  await expect(panel.locator('[data-role="srcnn-pending"]')).toHaveCount(1);
  await expect(panel.locator('[data-role="output-view"] [data-role="srcnn-pending"]')).toHaveCount(0);
  await expect(canvas).toBeVisible();
  expect(stats((await outputPixels(root)).srcnn).sd, 'SRCNN placeholder is not blank').toBeGreaterThan(5);

  await expect(panel).toHaveAttribute('data-srcnn-state', 'ready', { timeout: SRCNN_TIMEOUT });
  const srcnnAfter = Date.now() - started;
  const pixels = await outputPixels(root);
  const { srcnn, bicubic } = pixels;
  expect(srcnn.width).toBe(bicubic.width);
  expect(srcnn.height).toBe(bicubic.height);
  // SRCNN refines the bicubic enlargement: different pixels, yet close to it.
  expect(maxChannelDifference(srcnn, bicubic), 'SRCNN differs from bicubic').toBeGreaterThan(0);
  const psnr = psnrRGB(srcnn, bicubic);
  expect(Number.isFinite(psnr)).toBe(true);
  expect(psnr, 'PSNR of SRCNN against bicubic (dB)').toBeGreaterThan(20);
  const message = root.locator('[data-role="status-message"]');
  await expect(message).toContainText('SRCNN');
  const text = (await message.textContent()) ?? '';
  expect(text).not.toMatch(/could not|failed|error/i);
  console.log(
    `srcnn: ${srcnn.width}x${srcnn.height} output, widget ready after ${(readyAfter / 1000).toFixed(1)} s, ` +
      `SRCNN drawn after ${(srcnnAfter / 1000).toFixed(1)} s, PSNR vs bicubic ${psnr.toFixed(2)} dB; status: ${text.trim()}`,
  );

  // A lost GPU device (as a driver reset would cause): the next computations run on a fresh device, with the
  // same pixels, and no failure is shown. Move a (bicubic's parameter) one step and back.
  await root.evaluate((el) => el.dispatchEvent(new Event('sr-test:lose-device')));
  await expect(root).toHaveAttribute('data-device-lost', 'true');
  await root.locator('[data-control="a"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => maxChannelDifference((await outputPixels(root)).bicubic, bicubic), { timeout: 60_000 }).toBeGreaterThan(0);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => maxChannelDifference((await outputPixels(root)).bicubic, bicubic), { timeout: 60_000 }).toBe(0);
  await expect(root).toHaveAttribute('data-status', 'ready');
  const detail = (await root.locator('[data-role="failure-detail"]').allTextContents()).join(' ');
  await expect(message, detail).not.toHaveAttribute('data-failure', /.*/);

  // At another scale the panel says SRCNN was trained for ×4 instead of showing a canvas.
  await root.locator('[data-control="scale"]').evaluate((input: HTMLInputElement) => {
    input.value = '3';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(root.locator('[data-role="srcnn-note"]')).toBeVisible();
  await expect(canvas).toBeHidden();
  await expect(panel).toHaveAttribute('data-srcnn-state', 'off');
});

/** SwiftShader runs the 256×256 SRCNN input on the CPU: allow for the weights download and four tiles. */
const SRCNN_TIMEOUT = 150_000;

/** PSNR (dB) of two same-sized pictures over their RGB bytes. */
function psnrRGB(a: CanvasPixels, b: CanvasPixels): number {
  let se = 0;
  let n = 0;
  for (let i = 0; i < a.data.length; i++) {
    if (i % 4 === 3) continue;
    se += (a.data[i] - b.data[i]) ** 2;
    n++;
  }
  return 10 * Math.log10((255 * 255) / (se / n));
}
