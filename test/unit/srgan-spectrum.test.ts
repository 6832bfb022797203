// src/sr/spectrum.ts: the FFT against the direct DFT, Parseval's theorem, and where a pure cosine's
// energy lands in the radial average.
import { describe, expect, it } from 'vitest';
import { dft, powerSpectrum2D, radialSpectrumOfPlane } from '../../src/sr/spectrum';

function naive(re: number[], im: number[]): [number[], number[]] {
  const n = re.length;
  const or: number[] = [];
  const oi: number[] = [];
  for (let k = 0; k < n; k++) {
    let sr = 0;
    let si = 0;
    for (let t = 0; t < n; t++) {
      const a = (-2 * Math.PI * k * t) / n;
      sr += re[t] * Math.cos(a) - im[t] * Math.sin(a);
      si += re[t] * Math.sin(a) + im[t] * Math.cos(a);
    }
    or.push(sr);
    oi.push(si);
  }
  return [or, oi];
}

describe('dft', () => {
  for (const n of [8, 64, 12]) {
    it(`matches the direct sum for n = ${n}`, () => {
      const re0 = Array.from({ length: n }, (_, i) => Math.sin(i * 1.7) + (i % 3));
      const im0 = Array.from({ length: n }, (_, i) => Math.cos(i * 0.3));
      const re = Float64Array.from(re0);
      const im = Float64Array.from(im0);
      dft(re, im);
      const [er, ei] = naive(re0, im0);
      for (let k = 0; k < n; k++) {
        expect(re[k]).toBeCloseTo(er[k], 9);
        expect(im[k]).toBeCloseTo(ei[k], 9);
      }
    });
  }
});

describe('radial spectrum', () => {
  const size = 64;
  const plane = (f: (x: number, y: number) => number) => {
    const data = new Float64Array(size * size);
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) data[y * size + x] = f(x, y);
    return { width: size, height: size, data };
  };

  it('satisfies Parseval: total power equals the windowed signal energy', () => {
    const p = plane((x, y) => 100 + 40 * Math.sin(x * 0.9) * Math.cos(y * 0.4) + ((x * 7 + y * 13) % 11));
    const ps = powerSpectrum2D(p);
    let mean = 0;
    for (const v of p.data) mean += v;
    mean /= p.data.length;
    const hann = (i: number) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (size - 1));
    let energy = 0;
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) energy += ((p.data[y * size + x] - mean) * hann(x) * hann(y)) ** 2;
    const total = ps.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(energy, 6);
  });

  it('puts a cosine of 0.25 cycles per pixel into the ring around 0.25', () => {
    const p = plane((x) => 128 + 50 * Math.cos(2 * Math.PI * 0.25 * x));
    const { freq, power } = radialSpectrumOfPlane(p, 16);
    const peak = power.indexOf(Math.max(...power.filter((v) => !Number.isNaN(v))));
    expect(freq[peak]).toBeGreaterThan(0.22);
    expect(freq[peak]).toBeLessThan(0.28);
    expect(freq).toHaveLength(16);
  });

  it('gives a flat image zero power', () => {
    const { power } = radialSpectrumOfPlane(plane(() => 77), 8);
    for (const v of power) expect(v).toBeCloseTo(0, 12);
  });
});
