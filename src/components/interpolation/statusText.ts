// Reader-facing sentences about the compute backend (which one runs, why others did not). Failures are
// told by ../../i18n/failures.ts (through ../../ui/failureStatus.ts).
import type { BackendAttempt, BackendName, BackendReport } from '../../sr/backend';
import { failureStrings } from '../../i18n/failures';
import { fill, type InterpolationStrings } from '../../i18n/interpolation';

export function backendLabel(s: InterpolationStrings, name: BackendName): string {
  return (name === 'webgpu' ? s.backendWebgpu : name === 'webgl' ? s.backendWebgl : s.backendCpu).trim();
}

/** Why a backend did not run, in `lang`, from its attempt's reason code. */
export function reasonText(lang: 'en' | 'ja', a: BackendAttempt): string {
  return failureStrings[lang].reasons[a.reason ?? 'failed'];
}

/** "Running on WebGPU." or "Running on WebGL; WebGPU was not available (…)." */
export function readyText(s: InterpolationStrings, lang: 'en' | 'ja', report: BackendReport): string {
  const backend = (report.name === 'webgpu' ? s.backendWebgpu : report.name === 'webgl' ? s.backendWebgl : s.backendCpu);
  const failed = report.attempts.filter((a) => !a.ok);
  if (failed.length === 0) return fill(s.statusReady, { backend });
  const first = failed[0];
  return fill(s.statusFallback, {
    backend,
    tried: first.name === 'webgpu' ? s.backendWebgpu : first.name === 'webgl' ? s.backendWebgl : s.backendCpu,
    why: reasonText(lang, first),
  });
}
