// Benchmark, not a test: how long the page's main thread is blocked while chapter 1 opens a 108-megapixel
// phone photo (a 12000 × 9000 JPEG written by Pillow, never committed) and scales it down to 512 px.
// Prints the long tasks (> 50 ms) seen from choosing the file until the status line names the new size.
// Run: npm run bench:pages -- image-decode
import { test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { watchMainThread } from '../e2e/mainThread';
import { CHAPTER_1, waitForWidget } from '../e2e/widget';

test('108-megapixel JPEG in chapter 1: main-thread long tasks', async ({ page }, info) => {
  test.setTimeout(300_000);
  const file = info.outputPath('phone-12000x9000.jpg');
  execFileSync('/usr/bin/python3', ['-c', `from PIL import Image; Image.radial_gradient('L').resize((12000, 9000)).convert('RGB').save(${JSON.stringify(file)}, quality=85)`]);
  for (let run = 1; run <= 2; run++) {
    await page.goto(CHAPTER_1);
    const root = await waitForWidget(page);
    await page.waitForFunction(() => document.querySelector('[data-status="ready"]'));
    await page.waitForTimeout(2000);
    const watch = await watchMainThread(page);
    const t0 = Date.now();
    await root.locator('input[data-role="own-file"]').setInputFiles(file);
    await root.locator('[data-role="status-message"]', { hasText: '12000×9000' }).waitFor({ timeout: 120_000 });
    const wall = Date.now() - t0;
    const { longTasks } = await watch.read();
    const total = longTasks.reduce((a, b) => a + b, 0);
    console.log(`run ${run}: ${wall} ms until the message; long tasks ${longTasks.map((t) => Math.round(t)).join(', ') || 'none'} (sum ${Math.round(total)} ms, longest ${Math.round(Math.max(0, ...longTasks))} ms)`);
  }
});
