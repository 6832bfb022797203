// On a 360 px wide phone screen no page scrolls sideways, and the widget is on screen.
import { test, expect } from './fixtures';
import { PAGES, label } from './site';
import { CHAPTER_1, waitForWidget } from './widget';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

for (const sitePage of PAGES) {
  test(`${label(sitePage.path)} has no horizontal overflow at 360 px`, async ({ page }) => {
    await page.goto(sitePage.path);
    await page.waitForLoadState('networkidle');
    const widths = await page.evaluate(() => ({
      viewport: document.documentElement.clientWidth,
      document: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
    }));
    expect(widths.viewport).toBe(360);
    expect(widths.document, 'document scroll width').toBeLessThanOrEqual(widths.viewport);
    expect(widths.body, 'body scroll width').toBeLessThanOrEqual(widths.viewport);
  });
}

for (const path of [CHAPTER_1, `ja/${CHAPTER_1}`]) {
  test(`${label(path)}: the widget fits and runs at 360 px`, async ({ page }) => {
    await page.goto(path);
    const root = await waitForWidget(page);
    await expect(root).toHaveAttribute('data-status', 'ready');
    await expect(root).toBeInViewport();
    const box = await root.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    await expect(root.locator('canvas[data-method="bicubic"]')).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'horizontal overflow after the widget started').toBeLessThanOrEqual(0);
  });
}
