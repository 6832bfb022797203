// The dark theme (the reader's system setting): every piece of HTML text keeps WCAG AA contrast against what is
// behind it (4.5:1, 3:1 for large text), the page itself is dark, and figures sit on their light panels.
import { test, expect } from './fixtures';

test.use({ colorScheme: 'dark' });

const PAGES = ['', 'chapters/interpolation/', 'chapters/srgan/', 'chapters/esrgan/', 'models/', 'ja/chapters/srgan/'];

test('dark theme: dark page, light figure panels, AA contrast for every text on six pages', async ({ page }) => {
  test.setTimeout(180_000);
  for (const path of PAGES) {
    await page.goto(path);
    await page.waitForLoadState('load');
    const found = await page.evaluate(() => {
      const rgb = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
      const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      const lum = ([r, g, b]: number[]) => 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      const ratio = (a: number[], b: number[]) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
      const behind = (el: Element | null): number[] => {
        for (let e = el; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
        }
        return rgb(getComputedStyle(document.body).backgroundColor).slice(0, 3);
      };
      const bad: string[] = [];
      for (const el of document.body.querySelectorAll('*')) {
        if (el.closest('svg, [aria-hidden="true"], .katex-mathml, [hidden]')) continue;
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
        if (!own || el.getClientRects().length === 0) continue;
        const st = getComputedStyle(el);
        if (st.visibility === 'hidden' || Number(st.opacity) === 0) continue;
        const size = parseFloat(st.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(st.fontWeight) >= 700);
        const r = ratio(rgb(st.color).slice(0, 3), behind(el));
        if (r < (large ? 3 : 4.5)) bad.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${el.textContent!.trim().slice(0, 30)}" ${r.toFixed(2)}`);
      }
      const figure = document.querySelector('[data-widget], [data-figure], .figure-body');
      return {
        page: lum(rgb(getComputedStyle(document.body).backgroundColor)),
        figure: figure ? lum(rgb(getComputedStyle(figure).backgroundColor)) : null,
        bad: [...new Set(bad)],
      };
    });
    expect(found.page, `${path}: page background`).toBeLessThan(0.05);
    if (found.figure !== null) expect(found.figure, `${path}: figure panel`).toBeGreaterThan(0.9);
    expect(found.bad, `${path}: text below AA contrast`).toEqual([]);
  }
});
