// Which compute backends to try, from the page URL: `?backend=webgpu|webgl|cpu` tries only that
// one (so tests can force a backend); otherwise WebGPU, then WebGL, then the CPU.
import type { BackendName } from '../sr/backend';

export const defaultOrder: BackendName[] = ['webgpu', 'webgl', 'cpu'];

export function backendOrder(search: string): BackendName[] {
  const forced = new URLSearchParams(search).get('backend');
  if (forced === 'webgpu' || forced === 'webgl' || forced === 'cpu') return [forced];
  return [...defaultOrder];
}
