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
    const layout = await page.evaluate(() => {
      const title = document.querySelector<HTMLElement>('.site-header .title')!;
      // Elements that scroll sideways right now, and whether they show it (a scroll shadow background).
      const scrollers = [...document.querySelectorAll<HTMLElement>('main *')]
        .filter((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1)
        .map((e) => ({ what: `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`, shadow: getComputedStyle(e).backgroundImage.includes('gradient') }));
      const numeric = /^[−+-]?[\d.,]+\s*(dB|%|[kKM]?B|M|K)?$/;
      const cellWrap = [...new Set([...document.querySelectorAll('main td, main th')].filter((c) => numeric.test((c.textContent ?? '').trim())).map((c) => getComputedStyle(c).overflowWrap))];
      return { titleCut: title.scrollWidth > title.clientWidth, scrollers, cellWrap };
    });
    expect(layout.titleCut, 'site title cut off').toBe(false);
    expect(layout.scrollers.filter((x) => !x.shadow).map((x) => x.what), 'sideways scrollers without a sign').toEqual([]);
    // Japanese body text may break anywhere, a number in a table cell never mid-token
    expect(layout.cellWrap.filter((w) => w === 'anywhere')).toEqual([]);
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
