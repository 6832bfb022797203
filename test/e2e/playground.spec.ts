// The playground on WebGPU (SwiftShader), one shared page: a demo photo upscaled in 4 tiles equals the untiled
// result; the PNG download is the result; a reader's model file is detected and runs; a hostile file is refused
// in the page's language and the page still works; a run cancelled half-way leaves the page ready for the next;
// nothing the reader chose leaves the browser.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { canvasPixels, maxChannelDifference } from './widget';
import { siteUrl } from './site';
import { decodePNG } from '../../src/data/png';
import { failureMessage } from '../../src/i18n/failures';

const READY = 170_000;
const fixture = (name: string) => readFileSync(`test/fixtures/modelfiles/${name}`);

async function runAndWait(page: Page, root: ReturnType<Page['locator']>) {
  await root.locator('[data-role="run"]').click();
  await expect(root.locator('[data-role="run"]')).toBeEnabled({ timeout: READY });
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

  await runAndWait(page, root);
  await expect(root).toHaveAttribute('data-backend', 'webgpu');
  const output = root.locator('canvas[data-result="output"]');
  await expect(output).toHaveAttribute('data-tiles', '4');
  const tiled = await canvasPixels(root, 'canvas[data-result="output"]');
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

  await root.locator('[data-role="model-file"]').setInputFiles({ name: 'os-system.pth', mimeType: 'application/octet-stream', buffer: fixture('hostile/os-system.pth') });
  await expect(root.locator('[data-role="status-message"]')).toHaveAttribute('data-failure', 'unsafe');
  await expect(root.locator('[data-role="status-message"]')).toContainText(failureMessage('en', { kind: 'unsafe', attempts: [] }, 'last').slice(0, 30));
  await expect(root.locator('[data-role="model-info"]')).toContainText('SRVGGNetCompact');

  await root.locator('[data-role="model-file"]').setInputFiles({ name: 'rrdbnet-basicsr.safetensors', mimeType: 'application/octet-stream', buffer: fixture('rrdbnet-basicsr.safetensors') });
  await expect(root.locator('[data-role="model-info"]')).toContainText('rrdbnet (num_feat');
  await expect(root.locator('[data-role="model"]')).toHaveValue('file');
  await runAndWait(page, root);
  await expect(output).toHaveAttribute('data-model', 'rrdbnet-basicsr.safetensors');
  expect(maxChannelDifference(await canvasPixels(root, 'canvas[data-result="output"]'), whole)).toBeGreaterThan(8);

  // SRCNN reads the picture enlarged ×4: 64 px → 256 px in tiles of 32, 64 tiles; cancelled after the first
  await root.locator('[data-role="model"]').selectOption('srcnn');
  await root.locator('[data-role="max-side"]').selectOption('64');
  await root.locator('[data-role="tile"]').selectOption('32');
  await root.locator('[data-role="run"]').click();
  await expect(root.locator('[data-role="status-message"]')).toContainText('Tile 1 of 64', { timeout: READY });
  await root.locator('[data-role="cancel"]').click();
  await expect(root.locator('[data-role="status-message"]')).toContainText('Cancelled', { timeout: READY });
  expect(Number(await root.locator('[data-role="progress"]').getAttribute('value'))).toBeLessThan(64);
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
