// Reader-facing sentences about the compute backend (which one runs, why others did not).
import type { BackendAttempt, BackendName, BackendReport } from '../../sr/backend';
import { fill, type InterpolationStrings } from '../../i18n/interpolation';

export function backendLabel(s: InterpolationStrings, name: BackendName): string {
  return (name === 'webgpu' ? s.backendWebgpu : name === 'webgl' ? s.backendWebgl : s.backendCpu).trim();
}

export function reasonText(s: InterpolationStrings, a: BackendAttempt): string {
  switch (a.reason) {
    case 'no-adapter':
      return s.whyNoAdapter;
    case 'blocked':
      return s.whyBlocked;
    case 'unsupported':
      return s.whyUnsupported;
    default:
      return s.whyFailed;
  }
}

/** "Running on WebGPU." or "Running on WebGL; WebGPU was not available (…)." */
export function readyText(s: InterpolationStrings, report: BackendReport): string {
  const backend = (report.name === 'webgpu' ? s.backendWebgpu : report.name === 'webgl' ? s.backendWebgl : s.backendCpu);
  const failed = report.attempts.filter((a) => !a.ok);
  if (failed.length === 0) return fill(s.statusReady, { backend });
  const first = failed[0];
  return fill(s.statusFallback, {
    backend,
    tried: first.name === 'webgpu' ? s.backendWebgpu : first.name === 'webgl' ? s.backendWebgl : s.backendCpu,
    why: reasonText(s, first),
  });
}

/** Message when no backend started; lists each attempt briefly. */
export function allFailedText(s: InterpolationStrings, attempts: BackendAttempt[] | undefined, err: unknown): string {
  const details = attempts?.length
    ? attempts.map((a) => `${backendLabel(s, a.name)}: ${reasonText(s, a)}`).join('; ')
    : String(err);
  return fill(s.statusAllFailed, { details });
}
