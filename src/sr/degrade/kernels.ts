// The degradation model's blur kernels (Real-ESRGAN, Wang et al. 2021; BasicSR `degradations.py`): isotropic and
// anisotropic Gaussians, their generalized (exp(−½ q^β)) and plateau (1 / (1 + q^β)) variants, and the circular
// low-pass "sinc" filter. Each is normalised to sum 1 and zero-padded to 21×21, row-major Float64Array.
import { KERNEL_PAD, type KernelSpec } from './params';

/** Bessel function of the first kind, order 1 (rational approximations, Numerical Recipes §6.5; ~1e-8). */
export function besselJ1(x: number): number {
  const ax = Math.abs(x);
  if (ax < 8) {
    const y = x * x;
    const num = x * (72362614232.0 + y * (-7895059235.0 + y * (242396853.1 + y * (-2972611.439 + y * (15704.4826 + y * -30.16036606)))));
    const den = 144725228442.0 + y * (2300535178.0 + y * (18583304.74 + y * (99447.43394 + y * (376.9991397 + y))));
    return num / den;
  }
  const z = 8 / ax;
  const y = z * z;
  const xx = ax - 2.356194491;
  const p = 1 + y * (0.183105e-2 + y * (-0.3516396496e-4 + y * (0.2457520174e-5 + y * -0.240337019e-6)));
  const q = 0.04687499995 + y * (-0.2002690873e-3 + y * (0.8449199096e-5 + y * (-0.88228987e-6 + y * 0.105787412e-6)));
  const ans = Math.sqrt(0.636619772 / ax) * (Math.cos(xx) * p - z * Math.sin(xx) * q);
  return x < 0 ? -ans : ans;
}

const isIsotropic = (kind: string) => kind.endsWith('iso') && !kind.endsWith('aniso');

/** The unnormalised kernel value at offset (x, y) from the centre. */
function shape(spec: KernelSpec, inv: [number, number, number]): (x: number, y: number) => number {
  if (spec.kind === 'sinc') {
    const c = spec.cutoff ?? Math.PI;
    return (x, y) => {
      const r = Math.hypot(x, y);
      return r === 0 ? (c * c) / (4 * Math.PI) : (c * besselJ1(c * r)) / (2 * Math.PI * r);
    };
  }
  const [a, b, d] = inv;
  const q = (x: number, y: number) => a * x * x + b * x * y + d * y * y;
  const beta = spec.beta ?? 1;
  if (spec.kind === 'iso' || spec.kind === 'aniso') return (x, y) => Math.exp(-0.5 * q(x, y));
  if (spec.kind.startsWith('generalized')) return (x, y) => Math.exp(-0.5 * Math.pow(q(x, y), beta));
  return (x, y) => 1 / (Math.pow(q(x, y), beta) + 1);
}

/** Σ⁻¹ of Σ = R diag(σx², σy²) Rᵀ as (a, b, d): xᵀΣ⁻¹x = a x² + b xy + d y². */
function inverseCovariance(spec: KernelSpec): [number, number, number] {
  const sx = spec.sigma_x ?? 1;
  const [sy, theta] = isIsotropic(spec.kind) ? [sx, 0] : [spec.sigma_y ?? sx, spec.theta ?? 0];
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  const [vx, vy] = [sx * sx, sy * sy];
  // Σ = [[c²vx + s²vy, cs(vx − vy)], [cs(vx − vy), s²vx + c²vy]]
  const s00 = c * c * vx + s * s * vy;
  const s01 = c * s * (vx - vy);
  const s11 = s * s * vx + c * c * vy;
  const det = s00 * s11 - s01 * s01;
  return [s11 / det, (-2 * s01) / det, s00 / det];
}

/** The normalised kernel a spec names, padded to `padTo`²; null is the identity (a single 1 in the centre). */
export function blurKernel(spec: KernelSpec | null, padTo = KERNEL_PAD): Float64Array {
  const out = new Float64Array(padTo * padTo);
  const half = (padTo - 1) / 2;
  if (!spec) {
    out[half * padTo + half] = 1;
    return out;
  }
  if (!(Number.isInteger(spec.size) && spec.size % 2 === 1 && spec.size >= 1 && spec.size <= padTo)) {
    throw new RangeError(`kernel size must be odd and at most ${padTo}, got ${spec.size}`);
  }
  const f = shape(spec, inverseCovariance(spec));
  const r = (spec.size - 1) / 2;
  let sum = 0;
  for (let y = -r; y <= r; y++) {
    for (let x = -r; x <= r; x++) {
      const v = f(x, y);
      out[(y + half) * padTo + (x + half)] = v;
      sum += v;
    }
  }
  for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}

/** OpenCV's getGaussianKernel(51, 0) (σ = 8): the unsharp mask's blur, one axis. */
export function usmKernel(radius = 50): Float64Array {
  const size = radius % 2 === 0 ? radius + 1 : radius;
  const sigma = 0.3 * ((size - 1) * 0.5 - 1) + 0.8;
  const g = new Float64Array(size);
  let sum = 0;
  for (let i = 0; i < size; i++) {
    const x = i - (size - 1) / 2;
    g[i] = Math.exp(-(x * x) / (2 * sigma * sigma));
    sum += g[i];
  }
  for (let i = 0; i < size; i++) g[i] /= sum;
  return g;
}
