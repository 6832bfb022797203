// Measures which script a page's visible prose is written in.
import type { Page } from '@playwright/test';

export interface ScriptShare {
  /** Hiragana, Katakana and CJK ideograph characters. */
  japaneseChars: number;
  /** Runs of other letters (Latin words, names, titles). */
  otherWords: number;
  /** japaneseChars / (japaneseChars + otherWords). */
  share: number;
}

/**
 * How much of the page's visible prose is Japanese. A Japanese character and a Latin word count
 * as one unit each (they carry roughly as much text). Left out: math (KaTeX), code, hidden
 * elements, and elements marked with a `lang` other than the page's own (such as the language
 * switch's "日本語" on an English page or an English paper title on a Japanese one).
 */
export async function japaneseShare(page: Page): Promise<ScriptShare> {
  const text = await page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const skip = 'script, style, noscript, template, code, pre, .katex, math, svg';
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(skip)) continue;
      if (!parent.checkVisibility()) continue;
      const lang = parent.closest('[lang]')?.getAttribute('lang') ?? pageLang;
      if (lang.split('-')[0] !== pageLang) continue;
      parts.push(node.nodeValue ?? '');
    }
    return parts.join(' ');
  });
  const japanese = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
  const japaneseChars = text.match(new RegExp(japanese.source, 'gu'))?.length ?? 0;
  const otherWords =
    text
      .replace(new RegExp(japanese.source, 'gu'), ' ')
      .match(/\p{L}+/gu)?.length ?? 0;
  const total = japaneseChars + otherWords;
  return { japaneseChars, otherWords, share: total === 0 ? 0 : japaneseChars / total };
}
