import { describe, expect, it } from 'vitest';
import { box, cubic, kernelFor, KERNEL_SUPPORT, lanczos, sinc, triangle, type Method } from '../../src/sr/kernels';

/** Trapezoid rule over [-r, r]. */
function integral(f: (x: number) => number, r: number, steps = 24_000): number {
  const h = (2 * r) / steps;
  let s = (f(-r) + f(r)) / 2;
  for (let i = 1; i < steps; i++) s += f(-r + i * h);
  return s * h;
}

/** Sum over integer shifts: sum_k f(x - k) * k^p, which equals x^p when the kernel reproduces degree p. */
function moment(f: (x: number) => number, x: number, p: number): number {
  let s = 0;
  for (let k = -8; k <= 8; k++) s += f(x - k) * k ** p;
  return s;
}

describe('cubic (Keys 1981)', () => {
  it('interpolates: 1 at 0, 0 at the other integers', () => {
    for (const a of [-0.5, -0.75]) {
      expect(cubic(0, a)).toBe(1);
      for (const k of [1, 2, -1, -2, 3]) expect(cubic(k, a)).toBeCloseTo(0, 14);
    }
  });

  it('has the textbook values at half-integers', () => {
    expect(cubic(0.5)).toBeCloseTo(0.5625, 14);
    expect(cubic(-0.5)).toBeCloseTo(0.5625, 14);
    expect(cubic(1.5)).toBeCloseTo(-0.0625, 14);
    expect(cubic(0.5, -0.75)).toBeCloseTo(0.59375, 14);
    expect(cubic(1.5, -0.75)).toBeCloseTo(-0.09375, 14);
    expect(cubic(2.5)).toBe(0);
  });

  it('integrates to 1 and is a partition of unity', () => {
    expect(integral((x) => cubic(x), 2)).toBeCloseTo(1, 6);
    for (const x of [0.1, 0.37, 0.5, 0.93]) expect(moment((t) => cubic(t, -0.75), x, 0)).toBeCloseTo(1, 12);
  });

  it('reproduces x^2 only for a = -0.5', () => {
    for (const x of [0.2, 0.5, 0.8]) {
      expect(moment((t) => cubic(t, -0.5), x, 2)).toBeCloseTo(x * x, 12);
      expect(Math.abs(moment((t) => cubic(t, -0.75), x, 2) - x * x)).toBeGreaterThan(1e-3);
    }
  });

  it('is continuous with a continuous slope at |x| = 1', () => {
    const e = 1e-7;
    expect(cubic(1 - e)).toBeCloseTo(cubic(1 + e), 6);
    const left = (cubic(1 - e) - cubic(1 - 2 * e)) / e;
    const right = (cubic(1 + 2 * e) - cubic(1 + e)) / e;
    expect(left).toBeCloseTo(right, 4);
  });
});

describe('triangle, box, lanczos', () => {
  it('triangle is the linear-interpolation tent', () => {
    expect(triangle(0)).toBe(1);
    expect(triangle(0.25)).toBe(0.75);
    expect(triangle(-0.75)).toBe(0.25);
    expect(triangle(1)).toBe(0);
    expect(integral(triangle, 1)).toBeCloseTo(1, 8);
  });

  it('box is half-open so that ties pick exactly one pixel', () => {
    expect(box(-0.5)).toBe(1);
    expect(box(0.5)).toBe(0);
    expect(box(0.49)).toBe(1);
    for (const x of [-0.5, -0.2, 0.3, 0.499]) expect(moment(box, x, 0)).toBe(1);
  });

  it('lanczos3 interpolates and is close to a partition of unity', () => {
    expect(sinc(0)).toBe(1);
    expect(sinc(0.5)).toBeCloseTo(2 / Math.PI, 14);
    expect(lanczos(0)).toBe(1);
    for (const k of [1, 2, -2, 3]) expect(lanczos(k)).toBeCloseTo(0, 14);
    expect(lanczos(3.0001)).toBe(0);
    expect(lanczos(0.5)).toBeCloseTo(sinc(0.5) * sinc(0.5 / 3), 14);
    expect(integral((x) => lanczos(x), 3)).toBeCloseTo(1, 2);
    expect(moment((x) => lanczos(x), 0.5, 0)).toBeCloseTo(1, 1);
  });

  it('kernelFor maps every method to a kernel within its support', () => {
    for (const method of Object.keys(KERNEL_SUPPORT) as Method[]) {
      const k = kernelFor(method);
      expect(k(0)).toBe(1);
      expect(k(KERNEL_SUPPORT[method] + 1e-9)).toBe(0);
    }
    expect(kernelFor('bicubic', -0.75)(0.5)).toBeCloseTo(0.59375, 14);
    expect(() => kernelFor('area' as Method)).toThrow(/unknown/);
  });
});
