// The sentence a reader gets when their own image cannot be used (src/i18n/imageLoad.ts), shared by every
// figure that takes one: each kind of ImageLoadError has its own sentence in both languages (chapter 2 used to
// call a too-large image unreadable), and anything else thrown while decoding is told as unreadable.
import { describe, expect, it } from 'vitest';
import { ImageLoadError } from '../../src/ui/images/imageLoad';
import { imageLoadMessage, imageLoadStrings } from '../../src/i18n/imageLoad';

const JAPANESE = /[ぁ-んァ-ヶ一-龠]/;

describe('image-load messages', () => {
  it('a 20000 × 12000 image is "too large", with its size, in both languages', () => {
    const err = new ImageLoadError('too-large', { name: 'big.jpg', w: 20000, h: 12000 });
    expect(imageLoadMessage('en', err, 'big.jpg')).toBe('That image is too large to open safely (20000×12000 pixels). Please use one under 200 megapixels.');
    expect(imageLoadMessage('ja', err, 'big.jpg')).toBe('画像が大きすぎて安全に開けません（20000×12000 画素）。2 億画素未満の画像をお使いください。');
  });

  it('each kind its own sentence; no placeholder left; an unknown error is "unreadable"', () => {
    for (const lang of ['en', 'ja'] as const) {
      const seen = new Set<string>();
      for (const kind of ['unreadable', 'not-image', 'too-large', 'too-big'] as const) {
        const text = imageLoadMessage(lang, new ImageLoadError(kind, { name: 'a.png', w: 1, h: 2, mb: 60 }), 'a.png');
        expect(text).not.toMatch(/[{}]/);
        if (lang === 'ja') expect(text).toMatch(JAPANESE);
        else expect(text).not.toMatch(JAPANESE);
        seen.add(text);
      }
      expect(seen.size).toBe(4);
      expect(imageLoadMessage(lang, new TypeError('boom'), '<img src=x onerror=alert(1)>.png')).toBe(
        imageLoadStrings[lang].unreadable.replace('{name}', '<img src=x onerror=alert(1)>.png'),
      );
    }
  });
});
