/**
 * Starts a TensorFlow.js backend: WebGPU, then WebGL, then CPU (or a given order), and records why each
 * backend that was skipped did not run, so pages can tell readers what happened.
 *
 * Backend packages are imported lazily, only once their probe passes, so CPU-only use (Node, tests)
 * never loads the WebGPU or WebGL code.
 */
import * as tf from '@tensorflow/tfjs-core';

export type BackendName = 'webgpu' | 'webgl' | 'cpu';

/** Why a backend was not used. */
export type BackendFailure = 'no-adapter' | 'blocked' | 'failed' | 'unsupported';

export interface BackendAttempt {
  name: BackendName;
  ok: boolean;
  reason?: BackendFailure;
  message?: string;
}

export interface BackendReport {
  /** The backend now active in TensorFlow.js. */
  name: BackendName;
  /** Every backend tried, in order, ending with the one that started. */
  attempts: BackendAttempt[];
}

export const DEFAULT_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'cpu'];

/** Thrown by initBackend when no backend in the order could start; carries every attempt. */
export class NoBackendError extends Error {
  constructor(readonly attempts: BackendAttempt[]) {
    super(`no TensorFlow.js backend could start: ${attempts.map(describeAttempt).join('; ')}`);
    this.name = 'NoBackendError';
  }
}

/** Tries each backend in turn and activates the first that starts. */
export async function initBackend(opts: { order?: BackendName[] } = {}): Promise<BackendReport> {
  const attempts: BackendAttempt[] = [];
  for (const name of opts.order ?? DEFAULT_ORDER) {
    const attempt = await tryBackend(name);
    attempts.push(attempt);
    if (attempt.ok) return { name, attempts };
  }
  throw new NoBackendError(attempts);
}

/**
 * Messages WebGPU implementations use when the GPUDevice is gone (TF.js surfaces them as plain Errors). A read
 * in flight when the device is destroyed fails with "Buffer was unmapped before mapping was resolved" (Chromium).
 */
export function isDeviceLost(err: unknown): boolean {
  return /device (was |is )?lost|devicelost|GPUDevice.*(destroyed|lost)|context lost|unmapped before mapping was resolved/i.test(
    String((err as Error)?.message ?? err),
  );
}

/** The WebGPU device of the active backend, or undefined on WebGL / the CPU. */
export function activeGpuDevice(): GPUDevice | undefined {
  return tf.getBackend() === 'webgpu' ? (tf.backend() as unknown as { device?: GPUDevice }).device : undefined;
}

/**
 * After a lost GPU device: drops the active backend instance and registers its factory again, so the next
 * `initBackend` makes a fresh one (for WebGPU a new adapter and device). Tensors of the old instance are gone:
 * callers start the backend again, then upload their weights again.
 */
export function resetBackend(): void {
  const name = tf.getBackend();
  const factory = tf.findBackendFactory(name);
  tf.removeBackend(name);
  if (factory) tf.registerBackend(name, factory, name === 'webgpu' ? 3 : 2);
}

/** One line per attempt, for status messages and logs, e.g. "webgpu: no-adapter (…)". */
export function describeAttempt(a: BackendAttempt): string {
  if (a.ok) return `${a.name}: ok`;
  return `${a.name}: ${a.reason}${a.message ? ` (${a.message})` : ''}`;
}

async function tryBackend(name: BackendName): Promise<BackendAttempt> {
  const refusal = await PROBES[name]();
  if (refusal) return { name, ok: false, ...refusal };
  const warnings: string[] = [];
  try {
    await LOADERS[name]();
    const started = await withWarningsCaptured(warnings, () => tf.setBackend(name));
    if (!started) {
      const detail = warnings.join(' ').trim();
      return { name, ok: false, reason: 'failed', message: detail || `tf.setBackend('${name}') returned false` };
    }
    await tf.ready();
    return { name, ok: true };
  } catch (err) {
    return { name, ok: false, reason: 'failed', message: errorText(err) };
  }
}

type Refusal = { reason: BackendFailure; message: string } | null;

const PROBES: Record<BackendName, () => Promise<Refusal>> = {
  webgpu: probeWebGPU,
  webgl: probeWebGL,
  cpu: async () => null,
};

const LOADERS: Record<BackendName, () => Promise<unknown>> = {
  webgpu: () => import('@tensorflow/tfjs-backend-webgpu'),
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
  cpu: () => import('@tensorflow/tfjs-backend-cpu'),
};

interface GPULike {
  requestAdapter(options?: object): Promise<unknown>;
}

/** Checks that WebGPU exists and offers an adapter, without loading the tfjs backend. */
export async function probeWebGPU(): Promise<Refusal> {
  const scope = globalThis as { navigator?: { gpu?: GPULike }; isSecureContext?: boolean };
  const gpu = scope.navigator?.gpu;
  if (!gpu) {
    const hint = scope.isSecureContext === false ? ' (WebGPU needs a secure context: https or localhost)' : '';
    return { reason: 'unsupported', message: `navigator.gpu is not available in this runtime${hint}` };
  }
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) {
      return { reason: 'no-adapter', message: 'navigator.gpu.requestAdapter() returned null (no usable GPU adapter)' };
    }
    return null;
  } catch (err) {
    return { reason: isBlockedError(err) ? 'blocked' : 'failed', message: errorText(err) };
  }
}

interface CanvasLike {
  getContext(kind: string): unknown;
}

/** Checks that a WebGL context can be created (WebGL 2, else 1), then releases it. */
export async function probeWebGL(): Promise<Refusal> {
  const scope = globalThis as {
    OffscreenCanvas?: new (w: number, h: number) => CanvasLike;
    document?: { createElement(tag: string): unknown };
    WebGLRenderingContext?: unknown;
  };
  let canvas: CanvasLike;
  try {
    if (scope.OffscreenCanvas) canvas = new scope.OffscreenCanvas(1, 1);
    else if (scope.document) canvas = scope.document.createElement('canvas') as CanvasLike;
    else return { reason: 'unsupported', message: 'no canvas to draw with (neither document nor OffscreenCanvas exists)' };
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLLike | null;
    if (!gl) {
      return scope.WebGLRenderingContext
        ? { reason: 'blocked', message: 'getContext("webgl2"/"webgl") returned null (WebGL disabled or GPU blocklisted)' }
        : { reason: 'unsupported', message: 'this runtime has no WebGL' };
    }
    gl.getExtension?.('WEBGL_lose_context')?.loseContext();
    return null;
  } catch (err) {
    return { reason: isBlockedError(err) ? 'blocked' : 'failed', message: errorText(err) };
  }
}

interface WebGLLike {
  getExtension?(name: string): { loseContext(): void } | null;
}

function isBlockedError(err: unknown): boolean {
  const name = (err as { name?: unknown })?.name;
  return name === 'SecurityError' || name === 'NotAllowedError' || /\bblocked\b/i.test(errorText(err));
}

function errorText(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}

/** Runs `fn`, copying console.warn output into `sink` (tfjs reports backend start-up errors only there). */
async function withWarningsCaptured<T>(sink: string[], fn: () => Promise<T>): Promise<T> {
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    sink.push(args.map((a) => (a instanceof Error ? errorText(a) : String(a)).split('\n')[0]).join(' '));
    original.apply(console, args);
  };
  try {
    return await fn();
  } finally {
    console.warn = original;
  }
}
