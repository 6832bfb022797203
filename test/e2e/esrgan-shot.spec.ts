import { test } from './fixtures';
test('shots', async ({ browser }) => {
  test.setTimeout(300_000);
  for (const [w, name] of [[1280, 'wide'], [360, 'narrow']] as const) {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: w, height: 900 } });
    const page = await context.newPage();
    await page.goto('chapters/esrgan/');
    for (const id of ['fig-rrdb', 'fig-bn', 'fig-relativistic', 'fig-features', 'fig-interpolation', 'fig-ablation']) {
      await page.locator(`#${id}`).screenshot({ path: `/tmp/shot-${name}-${id}.png` });
    }
    console.log(name, await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]));
    await context.close();
  }
});
