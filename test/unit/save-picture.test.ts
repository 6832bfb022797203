// The file names the figures' save buttons give their pictures (src/ui/savePicture.ts).
import { describe, expect, it } from 'vitest';
import { savedName } from '../../src/ui/savePicture';

describe('savedName', () => {
  it('is the stem, the α a panel shows, and .png; nothing outside [A-Za-z0-9._-] reaches the file name', () => {
    expect(savedName('esrgan-bn-esrgan_bn')).toBe('esrgan-bn-esrgan_bn.png');
    expect(savedName('esrgan-interp-interp', '0.50')).toBe('esrgan-interp-interp-alpha-0.50.png');
    expect(savedName('a/../b <c>')).toBe('a-..-b-c-.png');
  });
});
