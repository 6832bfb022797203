import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../../src/sr/backend';
import { createImage, fromRGBA, toRGBA } from '../../src/sr/image';
import { imageToTensor, tensorToImage } from '../../src/sr/tensor';

describe('RGBA conversions', () => {
  it('fromRGBA scales opaque pixels to [0, 1]; toRGBA inverts it exactly', () => {
    const bytes = Uint8ClampedArray.from({ length: 5 * 3 * 4 }, (_, i) => (i % 4 === 3 ? 255 : (i * 53) % 256));
    const img = fromRGBA({ width: 5, height: 3, data: bytes });
    expect(img.data.length).toBe(45);
    expect(img.data[0]).toBe(0);
    expect(img.data[1]).toBeCloseTo(53 / 255, 7);
    const back = toRGBA(img);
    for (let p = 0; p < bytes.length; p++) expect(back.data[p]).toBe(p % 4 === 3 ? 255 : bytes[p]);
  });

  it('fromRGBA composites transparent pixels onto white: black artwork on a transparent background stays visible', () => {
    // black opaque, black fully transparent, red half transparent, white fully transparent
    const img = fromRGBA({ width: 4, height: 1, data: Uint8ClampedArray.from([0, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 128, 255, 255, 255, 0]) });
    expect(Array.from(img.data.slice(0, 3))).toEqual([0, 0, 0]);
    expect(Array.from(img.data.slice(3, 6))).toEqual([1, 1, 1]);
    expect(img.data[6]).toBeCloseTo(1, 6);
    expect(img.data[7]).toBeCloseTo(1 - 128 / 255, 6);
    expect(img.data[8]).toBeCloseTo(1 - 128 / 255, 6);
    expect(Array.from(img.data.slice(9, 12))).toEqual([1, 1, 1]);
  });

  it('toRGBA clamps out-of-range values and rounds to nearest', () => {
    const img = createImage(3, 1, Float32Array.from([-0.2, 1.3, Number.NaN, 0.5, 10.4 / 255, 10.6 / 255, 0, 1, 2]));
    expect(Array.from(toRGBA(img).data)).toEqual([0, 255, 0, 255, 128, 10, 11, 255, 0, 255, 255, 255]);
  });

  it('checks sizes', () => {
    expect(() => fromRGBA({ width: 2, height: 2, data: new Uint8Array(15) })).toThrow(RangeError);
    expect(() => createImage(2, 2, new Float32Array(11))).toThrow(RangeError);
    expect(() => createImage(0, 2)).toThrow(RangeError);
  });
});

describe('tensor layout', () => {
  it('RGBImage <-> NHWC [1, H, W, 3] keeps pixel order', async () => {
    await initBackend({ order: ['cpu'] });
    const img = createImage(4, 2, Float32Array.from({ length: 24 }, (_, i) => i / 24));
    const t = imageToTensor(img);
    expect(t.shape).toEqual([1, 2, 4, 3]);
    // Pixel (row 1, column 2), green channel.
    const g = tf.slice(t, [0, 1, 2, 1], [1, 1, 1, 1]);
    expect((await g.data())[0]).toBeCloseTo(((1 * 4 + 2) * 3 + 1) / 24, 7);
    const back = await tensorToImage(t);
    expect(back).toEqual(img);
    expect(back.data).not.toBe(img.data);
    await expect(tensorToImage(tf.zeros([2, 2, 2, 3]) as tf.Tensor4D)).rejects.toThrow(RangeError);
    tf.dispose([t, g]);
  });
});
