// Where the end-to-end tests find the site, and which pages it has (common contract 7).

/** The only origin the site may load anything from (E2E_PORT picks another port, e.g. for two runs at once). */
export const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4327}`;

/** The sub-path the test build is served under (SITE_BASE at build time). */
export const BASE_PATH = '/super-resolution/';

export type Lang = 'en' | 'ja';

export interface SitePage {
  /** Path below BASE_PATH, with its trailing slash ('' is the home page). */
  path: string;
  lang: Lang;
  /** The same page in the other language. */
  counterpart: string;
}

export const PAGES: SitePage[] = [
  { path: '', lang: 'en', counterpart: 'ja/' },
  { path: 'ja/', lang: 'ja', counterpart: '' },
  { path: 'chapters/interpolation/', lang: 'en', counterpart: 'ja/chapters/interpolation/' },
  { path: 'ja/chapters/interpolation/', lang: 'ja', counterpart: 'chapters/interpolation/' },
  { path: 'chapters/srgan/', lang: 'en', counterpart: 'ja/chapters/srgan/' },
  { path: 'ja/chapters/srgan/', lang: 'ja', counterpart: 'chapters/srgan/' },
  { path: 'chapters/esrgan/', lang: 'en', counterpart: 'ja/chapters/esrgan/' },
  { path: 'ja/chapters/esrgan/', lang: 'ja', counterpart: 'chapters/esrgan/' },
  { path: 'chapters/realesrgan/', lang: 'en', counterpart: 'ja/chapters/realesrgan/' },
  { path: 'ja/chapters/realesrgan/', lang: 'ja', counterpart: 'chapters/realesrgan/' },
  { path: 'credits/', lang: 'en', counterpart: 'ja/credits/' },
  { path: 'ja/credits/', lang: 'ja', counterpart: 'credits/' },
  { path: 'models/', lang: 'en', counterpart: 'ja/models/' },
  { path: 'ja/models/', lang: 'ja', counterpart: 'models/' },
  { path: 'playground/', lang: 'en', counterpart: 'ja/playground/' },
  { path: 'ja/playground/', lang: 'ja', counterpart: 'playground/' },
];

/** Absolute URL of a page path below the base. */
export function siteUrl(path: string): string {
  return ORIGIN + BASE_PATH + path;
}

/** A label for test titles: '/super-resolution/ja/credits/'. */
export function label(path: string): string {
  return BASE_PATH + path;
}
