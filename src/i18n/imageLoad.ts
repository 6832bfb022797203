// What a reader is told when their own image cannot be used, in both languages, for every figure that
// takes one. The kinds come from ImageLoadError (src/ui/images/imageLoad.ts); anything else
// thrown while decoding is told as unreadable.
import type { LoadErrorKind } from '../ui/images/imageLoad';

type Lang = 'en' | 'ja';

const strings: Record<Lang, Record<LoadErrorKind, string>> = {
  en: {
    unreadable: 'That file could not be read as an image ({name}). Try a PNG, JPEG, WebP or GIF file.',
    'not-image': 'That is not an image file ({name}).',
    'too-large': 'That image is too large to open safely ({w}×{h} pixels). Please use one under 200 megapixels.',
    'too-big': 'That file is too big ({mb} MB). Please use one under 50 MB.',
  },
  ja: {
    unreadable: 'このファイルは画像として読み込めませんでした（{name}）。PNG、JPEG、WebP、GIF をお試しください。',
    'not-image': '画像ファイルではありません（{name}）。',
    'too-large': '画像が大きすぎて安全に開けません（{w}×{h} 画素）。2 億画素未満の画像をお使いください。',
    'too-big': 'ファイルが大きすぎます（{mb} MB）。50 MB 未満のファイルをお使いください。',
  },
};

export const imageLoadStrings = strings;

/** The sentence for a failed image load: `err` an ImageLoadError (its kind and detail), else unreadable. */
export function imageLoadMessage(lang: Lang, err: unknown, name: string): string {
  const e = err as { kind?: unknown; detail?: { name?: string; w?: number; h?: number; mb?: number } } | null;
  const kind: LoadErrorKind = typeof e?.kind === 'string' && Object.hasOwn(strings.en, e.kind) ? (e.kind as LoadErrorKind) : 'unreadable';
  const d = e?.detail ?? {};
  const vars: Record<string, string | number> = { name: d.name ?? name, w: d.w ?? 0, h: d.h ?? 0, mb: d.mb ?? 0 };
  return strings[lang][kind].replace(/\{(\w+)\}/g, (m, k: string) => String(vars[k] ?? m));
}
