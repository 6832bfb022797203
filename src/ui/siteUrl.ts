// The absolute URL of a file the site ships, from a figure's root: its `data-base` is the site's base path (set at
// build time from Astro's BASE_URL), so the same code works at `/` and under a sub-path.
export function siteUrl(root: HTMLElement, path: string): string {
  const base = root.dataset.base ?? '/';
  return new URL((base.endsWith('/') ? base : `${base}/`) + path.replace(/^\//, ''), location.href).href;
}
