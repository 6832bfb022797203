// The chapter-1 widget runs on WebGPU (SwiftShader in CI), draws real pictures, and gives the
// same pixels on WebGPU as on the CPU backend.
import { test, expect } from './fixtures';
import {
  CHAPTER_1,
  METHODS,
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
  const where = await root.getAttribute('data-compute');
  const adapter = await page.evaluate(async () => {
    const a = await navigator.gpu?.requestAdapter();
    return a ? `${a.info?.vendor ?? '?'} / ${a.info?.architecture ?? '?'}` : 'none';
  });
  // The CI log shows which backend the widget used.
  console.log(
    `interpolation widget backend: ${backend} (compute in ${where}, WebGPU adapter ${adapter}, ` +
      `ready after ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  await expect(root).toHaveAttribute('data-status', 'ready');
  expect(backend).toBe('webgpu');
  await expect(root.locator('[data-role="status-message"]')).toContainText('WebGPU');

  const pixels = await outputPixels(root);
  expect(Object.keys(pixels).sort()).toEqual([...METHODS].sort());
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
});
