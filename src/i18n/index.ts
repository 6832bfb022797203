// Locale helpers: the list of locales, UI-string lookup, and URL building that respects the
// deployment sub-path (import.meta.env.BASE_URL, set from SITE_BASE in astro.config.mjs).
import { site, type SiteKey } from './site';
import { fill } from './fill';

export const locales = ['en', 'ja'] as const;
export type Lang = (typeof locales)[number];
export const defaultLang: Lang = 'en';

/** UI string for `key` in `lang`. */
export function t(lang: Lang, key: SiteKey): string {
  return site[lang][key];
}

/** UI string with `{name}` placeholders filled in, e.g. tf('ja', 'chapterLabel', { n: 1 }) -> "第1章". */
export function tf(lang: Lang, key: SiteKey, vars: Record<string, string | number>): string {
  return fill(t(lang, key), vars);
}

/**
 * Prefix a site-absolute path ("/credits/") with the configured base ("/super-resolution/").
 * Works whether or not BASE_URL carries a trailing slash.
 */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  const cleanPath = path.startsWith('/') ? path : `/${path}`;
  return `${trimmedBase}${cleanPath}`;
}

/**
 * Path of a page in the given locale, before the base is applied. `route` is the
 * locale-neutral route such as "/" or "/chapters/interpolation/". English is unprefixed.
 */
export function localizedPath(lang: Lang, route: string): string {
  const clean = route.startsWith('/') ? route : `/${route}`;
  return lang === defaultLang ? clean : `/${lang}${clean}`;
}

/** Full href (base + locale prefix + route). */
export function href(lang: Lang, route: string): string {
  return withBase(localizedPath(lang, route));
}

export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'ja' : 'en';
}
