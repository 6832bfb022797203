/// <reference types="node" />
/** Shared test helpers: load the JSON fixtures made by test/fixtures/make_fixtures.py as engine images. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createImage, type RGBImage } from '../../src/sr/image';
import type { Method } from '../../src/sr/kernels';

export interface FixtureTensor {
  h: number;
  w: number;
  c: number;
  data?: number[];
  u8?: number[];
}

/** A case of imresize.json: MATLAB `imresize(in, scale, 'bicubic')` by the NumPy port. */
export interface ImresizeCase {
  name: string;
  scale: number;
  in: FixtureTensor;
  out: FixtureTensor;
}

/** A case of resample.json: other kernels and options, resized to the size of `out`. */
export interface ResampleCase {
  name: string;
  method: Method;
  a?: number;
  antialias: boolean;
  in: FixtureTensor;
  out: FixtureTensor;
}

/** Parses test/fixtures/<name>. */
export function loadFixture<T>(name: string): T {
  const path = fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Converts a fixture tensor ({h, w, c, data} floats or {u8} bytes) to an RGBImage (float32). */
export function toImage(t: FixtureTensor): RGBImage {
  if (t.c !== 3) throw new Error(`fixture has ${t.c} channels`);
  const values = t.data ?? t.u8?.map((v) => v / 255);
  if (!values) throw new Error('fixture tensor has neither data nor u8');
  return createImage(t.w, t.h, Float32Array.from(values));
}

/** Largest |a - b| over the pixels in rows x cols (all pixels when omitted). */
export function maxAbsDiff(a: RGBImage, b: RGBImage, rows?: number[], cols?: number[]): number {
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`size mismatch ${a.width}x${a.height} vs ${b.width}x${b.height}`);
  }
  const rs = rows ?? range(a.height);
  const cs = cols ?? range(a.width);
  let worst = 0;
  for (const r of rs) {
    for (const c of cs) {
      for (let k = 0; k < 3; k++) {
        const i = (r * a.width + c) * 3 + k;
        worst = Math.max(worst, Math.abs(a.data[i] - b.data[i]));
      }
    }
  }
  return worst;
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
