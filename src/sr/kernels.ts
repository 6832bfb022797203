/**
 * One-dimensional interpolation kernels, as pure functions of the distance `x` in input pixels.
 *
 * Each kernel is 1 at x = 0 and 0 at every other integer, so it reproduces the samples it interpolates.
 * `KERNEL_SUPPORT` gives the half-width beyond which a kernel is zero (MATLAB's "kernel width" is twice it).
 */

/** Nearest neighbour: 1 on [-0.5, 0.5), else 0 (half-open so ties pick one pixel, as in MATLAB `box`). */
export function box(x: number): number {
  return x >= -0.5 && x < 0.5 ? 1 : 0;
}

/** Linear interpolation ("tent"): 1 - |x| on [-1, 1]. */
export function triangle(x: number): number {
  const ax = Math.abs(x);
  return ax <= 1 ? 1 - ax : 0;
}

/**
 * Keys (1981) cubic convolution kernel with free parameter `a`, support [-2, 2].
 * a = -0.5 (MATLAB `imresize`, Pillow) makes the interpolant reproduce quadratics; OpenCV uses a = -0.75.
 */
export function cubic(x: number, a = -0.5): number {
  const ax = Math.abs(x);
  const ax2 = ax * ax;
  const ax3 = ax2 * ax;
  if (ax <= 1) return (a + 2) * ax3 - (a + 3) * ax2 + 1;
  if (ax <= 2) return a * ax3 - 5 * a * ax2 + 8 * a * ax - 4 * a;
  return 0;
}

/** Normalised sinc, sin(pi x) / (pi x), with sinc(0) = 1. */
export function sinc(x: number): number {
  if (x === 0) return 1;
  const px = Math.PI * x;
  return Math.sin(px) / px;
}

/** Lanczos kernel with `lobes` lobes: sinc(x) sinc(x / lobes) for |x| < lobes, else 0. */
export function lanczos(x: number, lobes = 3): number {
  return Math.abs(x) < lobes ? sinc(x) * sinc(x / lobes) : 0;
}

/** Resampling methods the engine offers. */
export type Method = 'nearest' | 'bilinear' | 'bicubic' | 'lanczos3';

/** Half-width of each method's kernel, in input pixels (before antialias widening). */
export const KERNEL_SUPPORT: Readonly<Record<Method, number>> = {
  nearest: 0.5,
  bilinear: 1,
  bicubic: 2,
  lanczos3: 3,
};

/** The kernel function for a method; `a` is the Keys parameter used by 'bicubic'. */
export function kernelFor(method: Method, a = -0.5): (x: number) => number {
  switch (method) {
    case 'nearest':
      return box;
    case 'bilinear':
      return triangle;
    case 'bicubic':
      return (x) => cubic(x, a);
    case 'lanczos3':
      return (x) => lanczos(x, 3);
    default:
      throw new TypeError(`unknown resampling method: ${String(method)}`);
  }
}
