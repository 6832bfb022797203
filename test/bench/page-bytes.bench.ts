// Benchmark, not a test: what a reader downloads on each chapter page when every figure on it runs with
// its default choices, and then after the choices listed in STEPS (cumulative: the page's heaviest
// reachable states). Prints the bytes per kind, raw and with the text parts gzip-compressed (what a
// static host that compresses would send), against the product budget of 12 MB per article page.
// Run: npm run bench:pages -- page-bytes
import { test } from '@playwright/test';
import { gzipSync } from 'node:zlib';

const PAGES = ['chapters/interpolation/', 'chapters/srgan/', 'chapters/esrgan/'];
const BUDGET = 12e6;

function kindOf(url: string): string {
  if (url.includes('/weights/')) return 'weights';
  const ext = new URL(url).pathname.match(/\.([a-z0-9]+)$/)?.[1];
  return ext ?? 'html';
}

const TEXT = new Set(['html', 'js', 'css', 'json', 'svg']);

/**
 * Choices made after the defaults, in order, each awaited until its figure shows it (`data-shown`).
 * Chapter 3: the discriminator figure's one source that no other figure loads (esrgan_std, a pre-computed
 * picture), then the photograph whose esrgan_std picture is the largest.
 */
const STEPS: Record<string, Array<{ widget: string; role: string; value: string }>> = {
  'chapters/esrgan/': [
    { widget: 'esrgan-disc', role: 'fake', value: 'esrgan_std' },
    { widget: 'esrgan-disc', role: 'image', value: 'grass' },
  ],
};

for (const path of PAGES) {
  test(path, async ({ page }) => {
    test.setTimeout(900_000);
    const raw: Record<string, number> = {};
    const gz: Record<string, number> = {};
    const pending: Promise<void>[] = [];
    // Bytes received per finished http(s) request: the body Playwright kept, or, where it kept none (a body
    // the page read as a stream: fetch + blob, as the figures load pictures), the network's count
    // (`sizes().responseBodySize`, which in turn reads 0 for a worker's own script). blob: URLs, which an
    // image decoder opens on bytes already counted, are no downloads and are skipped.
    page.on('requestfinished', (req) =>
      pending.push(
        (async () => {
          if (!/^https?:/.test(req.url())) return;
          const response = await req.response();
          if (!response) return;
          const body = await response.body().catch(() => null);
          const sizes = await req.sizes().catch(() => null);
          const bytes = Math.max(body?.length ?? 0, sizes?.responseBodySize ?? 0);
          if (bytes <= 0) return;
          const kind = kindOf(req.url());
          raw[kind] = (raw[kind] ?? 0) + bytes;
          gz[kind] = (gz[kind] ?? 0) + (TEXT.has(kind) && body && body.length === bytes ? gzipSync(body).length : bytes);
        })().catch(() => undefined), // a page closing under a request
      ),
    );
    await page.goto(path);
    const widgets = page.locator('[data-widget], [data-figure]');
    const count = await widgets.count();
    for (let i = 0; i < count; i++) {
      await widgets.nth(i).scrollIntoViewIfNeeded();
      await widgets.nth(i).evaluate(async (el) => {
        for (let t = 0; t < 600 && el.getAttribute('data-status') === 'loading'; t++) await new Promise((r) => setTimeout(r, 500));
      });
    }
    const mb = (o: Record<string, number>) => Object.entries(o).sort().map(([k, v]) => `${k} ${(v / 1e6).toFixed(2)}`).join(', ');
    const total = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    const report = async (label: string) => {
      await page.waitForTimeout(2000);
      await Promise.all(pending);
      const statuses = await widgets.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-widget') ?? e.getAttribute('data-figure')}=${e.getAttribute('data-status')}`));
      console.log(
        `${label}: ${(total(raw) / 1e6).toFixed(2)} MB raw (${mb(raw)}); ${(total(gz) / 1e6).toFixed(2)} MB with gzip text; ` +
          `budget ${BUDGET / 1e6} MB: raw ${total(raw) <= BUDGET ? 'within' : 'OVER'}, with gzip text ${total(gz) <= BUDGET ? 'within' : 'OVER'}; ` +
          `widgets ${statuses.join(' ')}`,
      );
    };
    await report(path);
    let label = path;
    for (const step of STEPS[path] ?? []) {
      const root = page.locator(`[data-widget="${step.widget}"], [data-figure="${step.widget}"]`);
      await root.scrollIntoViewIfNeeded();
      await root.locator(`[data-role="${step.role}"]`).selectOption(step.value);
      await root.evaluate(async (el, value) => {
        for (let t = 0; t < 600 && !(el.getAttribute('data-drawn') ?? el.getAttribute('data-shown') ?? '').split('|').includes(value); t++) await new Promise((r) => setTimeout(r, 500));
      }, step.value);
      label += ` + ${step.role}=${step.value}`;
      await report(label);
    }
  });
}
