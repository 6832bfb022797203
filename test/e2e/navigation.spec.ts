// Under the sub-path, a reader can click from the home page to chapter 1, on to the credits,
// and switch language while staying on the same page; every response is a 200.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { BASE_PATH, ORIGIN, PAGES, siteUrl } from './site';

/** Clicks the first visible link pointing at `path` (below the base) and waits for the page. */
async function follow(page: Page, path: string): Promise<void> {
  const href = BASE_PATH + path;
  const link = page.locator(`a[href="${href}"], a[href="${siteUrl(path)}"]`).filter({ visible: true });
  await expect(link.first(), `a visible link to ${href} on ${page.url()}`).toBeVisible();
  await Promise.all([page.waitForURL(siteUrl(path)), link.first().click()]);
  await page.waitForLoadState('load');
}

test('home -> chapter 1 -> credits -> Japanese -> English, all under the sub-path', async ({
  page,
  siteWatch,
}) => {
  const statuses: string[] = [];
  page.on('response', (r) => statuses.push(`${r.status()} ${r.url()}`));

  await page.goto('');
  await follow(page, 'chapters/interpolation/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await follow(page, 'credits/');
  await follow(page, 'ja/credits/'); // the language switch keeps the page
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await follow(page, 'ja/'); // a link back to the Japanese home page
  await follow(page, 'ja/chapters/interpolation/');
  await follow(page, 'chapters/interpolation/'); // and back to English, same chapter
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  expect(statuses.length).toBeGreaterThan(6);
  expect(statuses.filter((s) => !s.startsWith('200 '))).toEqual([]);
  expect(siteWatch.requests.every((url) => !url.startsWith('http') || url.includes(BASE_PATH))).toBe(
    true,
  );
});

for (const sitePage of PAGES) {
  test(`language switch on ${BASE_PATH}${sitePage.path} leads to the same page`, async ({ page }) => {
    await page.goto(sitePage.path);
    await follow(page, sitePage.counterpart);
    await expect(page.locator('html')).toHaveAttribute('lang', sitePage.lang === 'en' ? 'ja' : 'en');
  });
}

test('a malformed #hash (#%, #%E0%A4%A) throws nothing and the language switch drops it', async ({ page }) => {
  for (const [path, counterpart] of [['chapters/interpolation/', 'ja/chapters/interpolation/'], ['ja/', '']] as const) {
    for (const hash of ['#%', '#%E0%A4%A']) {
      await page.goto(path + hash);
      await page.waitForLoadState('load');
      await expect(page.locator('[data-lang-switch]')).toHaveAttribute('href', BASE_PATH + counterpart);
    }
  }
  // A well-formed hash naming a heading of the page is still carried over.
  await page.goto('chapters/interpolation/');
  const id = await page.locator('main h2[id]').first().getAttribute('id');
  await page.goto(`chapters/interpolation/#${id}`);
  await expect(page.locator('[data-lang-switch]')).toHaveAttribute('href', `${BASE_PATH}ja/chapters/interpolation/#${id}`);
  // Nothing thrown: the fixture fails the test on any page error.
});

test('every chapter ends with links to its neighbours, the Models page and the playground; the last says what comes next; the home page links the playground', async ({ request }) => {
  const chapters = ['chapters/interpolation/', 'chapters/srgan/', 'chapters/esrgan/', 'chapters/realesrgan/'];
  for (const prefix of ['', 'ja/']) {
    for (const [i, chapter] of chapters.entries()) {
      const html = await (await request.get(siteUrl(prefix + chapter))).text();
      const nav = html.match(/<nav[^>]*data-role="chapter-nav"[^>]*>([\s\S]*?)<\/nav>/)?.[1] ?? '';
      const link = (role: string) => nav.match(new RegExp(`href="([^"]+)"[^>]*data-link="${role}"`))?.[1];
      expect(link('prev'), `${prefix}${chapter}: previous`).toBe(i > 0 ? BASE_PATH + prefix + chapters[i - 1] : undefined);
      expect(link('next'), `${prefix}${chapter}: next`).toBe(i < chapters.length - 1 ? BASE_PATH + prefix + chapters[i + 1] : undefined);
      expect(link('models'), `${prefix}${chapter}: Models`).toBe(`${BASE_PATH}${prefix}models/`);
      expect(link('playground'), `${prefix}${chapter}: playground`).toBe(`${BASE_PATH}${prefix}playground/`);
      expect(nav.includes('data-link="coming-next"'), `${prefix}${chapter}: what comes next`).toBe(i === chapters.length - 1);
      for (const target of [link('prev'), link('next'), link('models'), link('playground')].filter(Boolean)) {
        expect((await request.get(`${ORIGIN}${target}`)).status(), target).toBe(200);
      }
    }
    // the home page's table of contents ends with the Models page and the playground
    const home = await (await request.get(siteUrl(prefix))).text();
    const entry = home.match(/<p[^>]*data-page="playground"[^>]*>\s*<a[^>]*href="([^"]+)"/)?.[1];
    expect(entry, `${prefix || 'en/'} home: playground`).toBe(`${BASE_PATH}${prefix}playground/`);
  }
});

test('"reset every figure" drops the figures\' URL settings: chapter 1 goes back to its default scale', async ({ page }) => {
  await page.goto('chapters/interpolation/?interp.scale=2');
  const scale = page.locator('[data-control="scale"]').first();
  await scale.scrollIntoViewIfNeeded(); // the figure reads its settings when it starts, in view
  await expect(scale).toHaveValue('2');
  const reset = page.locator('[data-role="reset-figures"]');
  await Promise.all([page.waitForURL(siteUrl('chapters/interpolation/')), reset.click()]);
  expect(new URL(page.url()).search).toBe('');
  await scale.scrollIntoViewIfNeeded();
  await expect(scale).toHaveValue('4');
  await page.waitForTimeout(500); // a settled figure does not write its settings back into the URL
  expect(new URL(page.url()).search).toBe('');
  // The same link, in Japanese, on the Japanese page.
  await page.goto('ja/chapters/interpolation/?interp.scale=2');
  await expect(page.locator('[data-role="reset-figures"]')).toHaveText('このページの図をすべて最初の設定に戻す');
});
