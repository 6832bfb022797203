import { test } from './fixtures';
test('shots', async ({ page }) => {
  test.setTimeout(300_000);
  for (const [w, name] of [[1280, 'wide'], [360, 'narrow']] as const) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.goto('chapters/esrgan/?backend=none');
    for (const id of ['fig-bn', 'fig-relativistic', 'fig-features', 'fig-interpolation', 'fig-ablation']) {
      await page.locator(`#${id}`).screenshot({ path: `/tmp/shot-${name}-${id}.png` });
    }
    console.log(name, await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]));
  }
});
