// The playground on WebGPU (SwiftShader), one shared page: the plan's cost, the probe's estimate, and a question
// before a long run; a demo photo upscaled in 4 tiles equals the untiled result; the loupes show the result; the
// PNG download is the result; a reader's model file is detected and runs; a hostile file is refused in the page's
// language and the page still works; a run cancelled half-way leaves the page ready for the next; nothing the
// reader chose leaves the browser.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { canvasPixels, maxChannelDifference, type CanvasPixels } from './widget';
import { siteUrl } from './site';
import { decodePNG } from '../../src/data/png';
import { failureMessage } from '../../src/i18n/failures';

const READY = 170_000;
/** The hostile fixtures (training/srt/site/modelfile_fixtures.py) and the failure kind each is told as. */
const HOSTILE = [
  ['os-system.pth', 'unsafe'],
  ['builtins-eval.pth', 'unsafe'],
  ['truncated.pth', 'truncated'],
  ['huge-header.safetensors', 'corrupt'],
  ['wrong-shape.safetensors', 'shape'],
  ['unknown-arch.safetensors', 'format'],
  ['legacy.pth', 'format'],
] as const;
const fixture = (name: string) => readFileSync(`test/fixtures/modelfiles/${name}`);

async function runAndWait(page: Page, root: ReturnType<Page['locator']>) {
  await root.locator('[data-role="run"]').click();
  await expect(root.locator('[data-role="run"]')).toBeEnabled({ timeout: READY });
}

/** The loupes follow the keys, and show the network's pixels and the input's, repeated ×4, at the frame. */
async function expectLoupesOnResult(page: Page, root: ReturnType<Page['locator']>, result: CanvasPixels) {
  await expect(root.locator('[data-role="loupes-row"]')).toBeVisible();
  const strip = root.locator('[data-role="loupes"]');
  await strip.focus();
  await page.keyboard.press('End'); // to the right edge
  await expect(strip).toHaveAttribute('aria-valuetext', /^loupe centred at x 104, y 64 of 128 by 128 pixels$/);
  const input = await canvasPixels(root, 'canvas[data-result="input"]');
  const [network, nearest] = [await canvasPixels(root, 'canvas[data-loupe="network"]'), await canvasPixels(root, 'canvas[data-loupe="nearest"]')];
  expect([network.width, network.height, nearest.width, nearest.height]).toEqual([48, 48, 48, 48]);
  let worst = 0;
  for (let y = 0; y < 48; y++) {
    for (let x = 0; x < 48; x++) {
      for (let c = 0; c < 4; c++) {
        const at = (y * 48 + x) * 4 + c;
        worst = Math.max(worst, Math.abs(network.data[at] - result.data[((40 + y) * 128 + 80 + x) * 4 + c]));
        worst = Math.max(worst, Math.abs(nearest.data[at] - input.data[(Math.floor((40 + y) / 4) * 32 + Math.floor((80 + x) / 4)) * 4 + c]));
      }
    }
  }
  expect(worst).toBe(0);
}

test('tiles, download, model files, hostile files, cancel; no request carries the reader’s files', async ({ page }) => {
  test.setTimeout(400_000);
  const posts: string[] = [];
  page.on('request', (r) => r.method() !== 'GET' && posts.push(`${r.method()} ${r.url()}`));
  await page.goto(siteUrl('playground/?pg.picture=chelsea&pg.side=32&pg.model=srcnn&pg.tile=64'));
  const root = page.locator('[data-figure="playground"]');
  await expect(root).toHaveAttribute('data-status', 'ready', { timeout: READY });
  await expect(root).toHaveAttribute('data-backend', ''); // nothing heavy loads before the reader asks
  await expect(root.locator('[data-role="plan"]')).toContainText('32 × 32 → 128 × 128');
  await expect(root.locator('[data-role="plan"]')).toContainText('4 tiles');

  await expect(root.locator('[data-role="plan"]')).toContainText('billion multiply-accumulates');
  await expect(root.locator('[data-role="plan"]')).toContainText('measured on this device when you press Upscale');

  await runAndWait(page, root);
  await expect(root).toHaveAttribute('data-backend', 'webgpu');
  const output = root.locator('canvas[data-result="output"]');
  await expect(output).toHaveAttribute('data-tiles', '4');
  const tiled = await canvasPixels(root, 'canvas[data-result="output"]');
  // after the probe: the time estimate in the plan; after the run: the useful work's GFLOP/s
  await expect(root.locator('[data-role="plan"]')).toContainText(/About \d+ (s|min) on this device/);
  await expect(root.locator('[data-role="status-message"]')).toContainText(/GFLOP\/s of useful work/);
  const rate = Number(await output.getAttribute('data-gflops'));
  console.log(`playground: srcnn 32 px in 4 tiles, ${rate} GFLOP/s of useful work on SwiftShader`);
  expect(rate).toBeGreaterThan(0);
  await expectLoupesOnResult(page, root, tiled);
  await root.locator('[data-role="tile"]').selectOption('256');
  await runAndWait(page, root);
  await expect(output).toHaveAttribute('data-tiles', '1');
  const whole = await canvasPixels(root, 'canvas[data-result="output"]');
  expect([whole.width, whole.height]).toEqual([128, 128]);
  expect(maxChannelDifference(tiled, whole)).toBeLessThanOrEqual(1); // float results within 1e-4 round alike but at a level's edge

  const [file] = await Promise.all([page.waitForEvent('download'), root.locator('[data-role="download"]').click()]);
  const png = decodePNG(readFileSync(await file.path()));
  expect([png.width, png.height]).toEqual([128, 128]);
  let worst = 0;
  for (let i = 0; i < png.data.length; i++) worst = Math.max(worst, Math.abs(png.data[i] - whole.data[i]));
  expect(worst).toBe(0);

  // every hostile file is refused with the message of its kind; the page goes on (a model file runs below)
  const status = root.locator('[data-role="status-message"]');
  for (const [name, kind] of HOSTILE) {
    await status.evaluate((el) => el.removeAttribute('data-failure'));
    await root.locator('[data-role="model-file"]').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: fixture(`hostile/${name}`) });
    await expect(status, name).toHaveAttribute('data-failure', kind);
    await expect(status, name).toContainText(failureMessage('en', { kind, attempts: [] }, 'last').slice(0, 30));
    await expect(root.locator('[data-role="model-info"]')).toContainText('SRVGGNetCompact');
    await expect(root.locator('[data-role="model"]')).toHaveValue('srcnn');
  }

  await root.locator('[data-role="model-file"]').setInputFiles({ name: 'rrdbnet-basicsr.safetensors', mimeType: 'application/octet-stream', buffer: fixture('rrdbnet-basicsr.safetensors') });
  await expect(root.locator('[data-role="model-info"]')).toContainText('rrdbnet (num_feat');
  await expect(root.locator('[data-role="model"]')).toHaveValue('file');
  await runAndWait(page, root);
  await expect(output).toHaveAttribute('data-model', 'rrdbnet-basicsr.safetensors');
  expect(maxChannelDifference(await canvasPixels(root, 'canvas[data-result="output"]'), whole)).toBeGreaterThan(8);

  // SRCNN on chelsea at full size (256 × 256) reads it enlarged ×4, 1024 × 1024 in tiles of 32: 1024 tiles, 160
  // billion multiply-accumulates with the overlap, far above the 30 s on SwiftShader that need a yes. "Not now" runs nothing;
  // "Run it" runs, and the run is cancelled once a tile is done.
  await root.locator('[data-role="model"]').selectOption('srcnn');
  await root.locator('[data-role="max-side"]').selectOption('1024');
  await root.locator('[data-role="tile"]').selectOption('32');
  await expect(root.locator('[data-role="plan"]')).toContainText('1024 tiles');
  await root.locator('[data-role="run"]').click();
  await expect(root.locator('[data-role="confirm"]')).toBeVisible({ timeout: READY });
  await expect(root.locator('[data-role="confirm-text"]')).toContainText(/This run is long: about \d+ (s|min)/);
  await expect(root.locator('[data-role="confirm-run"]')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // "Not now"
  await expect(root.locator('[data-role="confirm"]')).toBeHidden();
  await expect(root.locator('[data-role="status-message"]')).toContainText('Not run.');
  await expect(output).toHaveAttribute('data-model', 'rrdbnet-basicsr.safetensors'); // the last result stays
  await root.locator('[data-role="run"]').click();
  await root.locator('[data-role="confirm-run"]').click();
  // the first tiles pass quickly on the fused path: any tile's line will do (the check polls; it may miss tile 1)
  await expect(root.locator('[data-role="status-message"]')).toContainText(/Tile \d+ of 1024: [\d.]+ s so far, about \d+ (s|min) left/, { timeout: READY });
  await root.locator('[data-role="cancel"]').click();
  await expect(root.locator('[data-role="status-message"]')).toContainText('Cancelled', { timeout: READY });
  expect(Number(await root.locator('[data-role="progress"]').getAttribute('value'))).toBeLessThan(1024);
  await root.locator('[data-role="max-side"]').selectOption('32');
  await root.locator('[data-role="tile"]').selectOption('auto');
  await runAndWait(page, root);
  await expect(root.locator('[data-role="status-message"]')).toContainText('Done on WebGPU');
  await root.locator('[data-role="model"]').selectOption('esrgan');
  await expect(root.locator('[data-role="alpha-row"]')).toBeVisible();
  await expect(root.locator('[data-role="alpha-row"]')).toContainText('0: rrdb_psnr, 1: esrgan');
  await root.locator('[data-role="model"]').selectOption('srcnn');
  await expect(root.locator('[data-role="alpha-row"]')).toBeHidden();
  expect(posts).toEqual([]);

  // a URL cannot ask for the reader's files or anything out of range: the page starts on legal choices
  await page.goto(siteUrl('playground/?pg.picture=own&pg.model=file&pg.side=99999&pg.tile=%3Cb%3E'));
  const fresh = page.locator('[data-figure="playground"]');
  await expect(fresh).toHaveAttribute('data-status', 'ready', { timeout: READY });
  await expect(fresh.locator('[data-role="picture"]')).toHaveValue('chelsea');
  await expect(fresh.locator('[data-role="model"]')).toHaveValue('srcnn');
  await expect(fresh.locator('[data-role="max-side"]')).toHaveValue('1024');
  await expect(fresh.locator('[data-role="run"]')).toBeEnabled();
});
