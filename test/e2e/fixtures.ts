// The `test` every spec uses: Playwright's, plus an automatic watch on each page that
// records console errors, uncaught exceptions, failed requests and every request URL, and
// after the test fails it on any request that left the site's origin, and (unless the test
// said errors are expected) on console errors, page errors and HTTP errors. A Content-Security-Policy
// violation in a document fails every test, expected errors or not: the site's own code must never trip it.
import { test as base, expect, type Page, type Request } from '@playwright/test';
import { ORIGIN } from './site';

export interface SiteWatch {
  /** Every URL the page requested (documents, scripts, images, fetches, workers...). */
  requests: string[];
  /** Requests whose origin is not ORIGIN (data: and blob: URLs never leave the browser). */
  external: string[];
  consoleErrors: string[];
  pageErrors: string[];
  /** Responses with status >= 400 and requests that failed outright (cancelled ones: see `abortedBySite`). */
  httpErrors: string[];
  /** Requests cancelled (net::ERR_ABORTED) that no later change of document explains; asked at the test's end,
   * because the browser reports the cancellations before the new document's `framenavigated`. */
  abortedBySite(): string[];
  /** `securitypolicyviolation` events of the page's documents: directive, blocked URI, source. */
  cspViolations: string[];
  /** Set by a test that provokes failures on purpose: errors are then not fatal. */
  errorsExpected: boolean;
}

function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    return new URL(url).origin === ORIGIN;
  } catch {
    return false;
  }
}

function isMainFrameNavigation(page: Page, request: Request): boolean {
  try {
    return request.isNavigationRequest() && request.frame() === page.mainFrame();
  } catch {
    return false; // a popup's first navigation has no frame yet
  }
}

export function watchPage(page: Page): SiteWatch {
  const watch: SiteWatch = {
    requests: [],
    external: [],
    consoleErrors: [],
    pageErrors: [],
    httpErrors: [],
    cspViolations: [],
    errorsExpected: false,
    abortedBySite: () => aborted.filter((a) => documents <= a.documentsAtStart).map((a) => a.line),
  };
  const aborted: Array<{ line: string; documentsAtStart: number }> = [];
  // A request still in flight when the page navigates on is cancelled by the browser (net::ERR_ABORTED) as the new
  // document replaces the old one: that is the navigation's doing, not a site error. Each request remembers how
  // many documents had replaced one another when it was made; a cancellation counts unless one did so since. A
  // replacement is a main-frame navigation request followed by `framenavigated` (that event alone also fires
  // for same-document changes such as the figures' `history.replaceState`, which cancel nothing).
  let documents = 0;
  let navigationPending = false;
  const documentsAtStart = new WeakMap<Request, number>();
  page.context().on('request', (request) => {
    const url = request.url();
    watch.requests.push(url);
    if (!isLocal(url)) watch.external.push(url);
    if (isMainFrameNavigation(page, request)) navigationPending = true;
    documentsAtStart.set(request, documents);
  });
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame() || !navigationPending) return;
    navigationPending = false;
    documents += 1;
  });
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location().url;
      watch.consoleErrors.push(`${message.text()}${where ? ` (${where})` : ''}`);
    }
  });
  page.on('pageerror', (error) => watch.pageErrors.push(String(error.stack ?? error)));
  page.on('response', (response) => {
    if (response.status() >= 400) watch.httpErrors.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    const why = request.failure()?.errorText;
    const line = `failed (${why}) ${request.url()}`;
    // CI, 2026-12-04 and -05: the favicon fetch and the playground's lazily imported modules were cancelled by a language switch
    if (why === 'net::ERR_ABORTED') aborted.push({ line, documentsAtStart: documentsAtStart.get(request) ?? documents });
    else watch.httpErrors.push(line);
  });
  return watch;
}

/** Records every CSP violation of `page`'s documents into `watch.cspViolations`. */
async function watchCsp(page: Page, watch: SiteWatch): Promise<void> {
  await page.exposeFunction('__srReportCspViolation', (v: string) => void watch.cspViolations.push(v));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __srReportCspViolation(v: string): void }).__srReportCspViolation(
        `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      ),
    ),
  );
}

export const test = base.extend<{ siteWatch: SiteWatch }>({
  siteWatch: [
    async ({ page }, use) => {
      const watch = watchPage(page);
      await watchCsp(page, watch);
      await use(watch);
      const problems = {
        external: watch.external,
        cspViolations: watch.cspViolations,
        ...(watch.errorsExpected
          ? {}
          : { pageErrors: watch.pageErrors, consoleErrors: watch.consoleErrors, httpErrors: [...watch.httpErrors, ...watch.abortedBySite()] }),
      };
      const found = Object.fromEntries(Object.entries(problems).filter(([, list]) => list.length > 0));
      expect(found, 'external requests / page errors / console errors / HTTP errors').toEqual({});
    },
    { auto: true },
  ],
});

export { expect };
