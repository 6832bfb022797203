// The chapter plan shown on the home pages. `route` is locale-neutral (see src/i18n/index.ts).
import type { SiteKey } from '../i18n/site';

export interface ChapterEntry {
  number: number;
  /** Locale-neutral route, or null while the chapter is not written yet. */
  route: string | null;
  titleKey: SiteKey;
  summaryKey: SiteKey;
}

export const chapters: ChapterEntry[] = [
  { number: 1, route: '/chapters/interpolation/', titleKey: 'chapter1Title', summaryKey: 'chapter1Summary' },
  { number: 2, route: '/chapters/srgan/', titleKey: 'chapter2Title', summaryKey: 'chapter2Summary' },
  { number: 3, route: '/chapters/esrgan/', titleKey: 'chapter3Title', summaryKey: 'chapter3Summary' },
  { number: 4, route: '/chapters/realesrgan/', titleKey: 'chapter4Title', summaryKey: 'chapter4Summary' },
];
