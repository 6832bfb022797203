// Every page, served under the sub-path: loads cleanly (no console errors, no request that
// leaves the site), declares its language, is written in that language, and axe-core finds
// no serious or critical accessibility violations.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { PAGES, label } from './site';
import { japaneseShare } from './text';

for (const sitePage of PAGES) {
  test.describe(label(sitePage.path), () => {
    test('loads cleanly in its own language', async ({ page, siteWatch }) => {
      const response = await page.goto(sitePage.path, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      await page.waitForLoadState('networkidle');

      await expect(page.locator('html')).toHaveAttribute('lang', sitePage.lang);
      await expect(page.locator('h1')).toHaveCount(1);
      // A Content-Security-Policy in the head: scripts only from the site and Astro's hashes, never inline
      // code or eval, nothing fetched from elsewhere (violations fail every test, see fixtures.ts).
      const csp = (await page.locator('head meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
      const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
      expect(directives['script-src'], csp).toContain("'self'");
      expect(directives['script-src']).not.toContain("'unsafe-inline'");
      expect(directives['script-src']).not.toContain("'unsafe-eval'");
      expect(directives['connect-src']).toEqual(["'self'"]);
      expect(directives['default-src']).toEqual(["'self'"]);
      expect(directives['object-src']).toEqual(["'none'"]);
      expect((await page.title()).trim().length).toBeGreaterThan(0);

      // Negative numbers take the typographic minus (U+2212), as the tables do: never "-0.53" in text or a chart.
      const hyphenated = await page.evaluate(() => {
        const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
        main.querySelectorAll('.katex, script, style').forEach((e) => e.remove());
        return (main.textContent ?? '').match(/(?<![\w\-–—./:#])-\d[\d.,]*/g) ?? [];
      });
      expect(hyphenated, 'numbers written with a hyphen-minus').toEqual([]);

      const script = await japaneseShare(page);
      console.log(
        `${label(sitePage.path)}: ${script.japaneseChars} Japanese characters, ${script.otherWords} ` +
          `other words (${(100 * script.share).toFixed(1)}% Japanese), ${siteWatch.requests.length} requests`,
      );
      expect(script.japaneseChars + script.otherWords, 'amount of text').toBeGreaterThan(100);
      if (sitePage.lang === 'ja') {
        expect(script.share, 'share of Japanese in a /ja/ page').toBeGreaterThan(0.5);
      } else {
        expect(script.share, 'share of Japanese in an English page').toBeLessThan(0.05);
      }
    });

    test('has no serious or critical axe-core violations', async ({ page }) => {
      await page.goto(sitePage.path);
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).analyze();
      const severe = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
        }));
      expect(severe).toEqual([]);
    });
  });
}
