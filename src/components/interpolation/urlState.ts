// Read and write the widget state in the page URL. Parameters are namespaced `interp.*` so other
// widgets on the page can share the query string; `backend` is the site-wide backend override.
import { clampUnit, defaultState, normalizeA, normalizeScale, type Point, type WidgetState } from './state';

export const PARAM_PREFIX = 'interp.';

function num(params: URLSearchParams, key: string): number | undefined {
  const raw = params.get(PARAM_PREFIX + key);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

function point(params: URLSearchParams, kx: string, ky: string, fallback: Point): Point {
  return clampUnit({ x: num(params, kx) ?? fallback.x, y: num(params, ky) ?? fallback.y });
}

/** State described by `search` (missing or invalid values fall back to the defaults). */
export function readState(search: string, isKnownImage: (id: string) => boolean): WidgetState {
  const params = new URLSearchParams(search);
  const image = params.get(PARAM_PREFIX + 'img');
  let line = defaultState.line;
  const rawLine = params.get(PARAM_PREFIX + 'line');
  if (rawLine) {
    const v = rawLine.split(',').map(Number);
    if (v.length === 4 && v.every(Number.isFinite)) {
      line = [clampUnit({ x: v[0], y: v[1] }), clampUnit({ x: v[2], y: v[3] })];
    }
  }
  return {
    image: image && isKnownImage(image) ? image : defaultState.image,
    scale: normalizeScale(num(params, 'scale') ?? defaultState.scale),
    a: normalizeA(num(params, 'a') ?? defaultState.a),
    crop: point(params, 'cx', 'cy', defaultState.crop),
    loupe: point(params, 'lx', 'ly', defaultState.loupe),
    line,
  };
}

const r3 = (v: number): string => String(Math.round(v * 1000) / 1000);

/** `search` with this widget's parameters replaced by `state` (other parameters are kept). */
export function writeState(search: string, state: WidgetState): string {
  const params = new URLSearchParams(search);
  for (const key of [...params.keys()]) if (key.startsWith(PARAM_PREFIX)) params.delete(key);
  // The reader's own image cannot be shared through a URL; the other settings still are.
  if (state.image !== 'own') params.set(PARAM_PREFIX + 'img', state.image);
  params.set(PARAM_PREFIX + 'scale', String(state.scale));
  params.set(PARAM_PREFIX + 'a', r3(state.a));
  params.set(PARAM_PREFIX + 'cx', r3(state.crop.x));
  params.set(PARAM_PREFIX + 'cy', r3(state.crop.y));
  params.set(PARAM_PREFIX + 'lx', r3(state.loupe.x));
  params.set(PARAM_PREFIX + 'ly', r3(state.loupe.y));
  params.set(PARAM_PREFIX + 'line', state.line.map((p) => `${r3(p.x)},${r3(p.y)}`).join(','));
  const out = params.toString();
  return out ? `?${out}` : '';
}
