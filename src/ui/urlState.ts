// A figure's state in the page URL, from a typed schema: each field knows how to read itself from one query
// parameter (anything missing, malformed, out of range or too long falls back to its default, so a hostile
// URL can only ever select a legal state) and how to write itself back. Parameters are namespaced
// `<prefix>.<key>` so several figures share one query string; other parameters are kept.

export interface Field<T> {
  read(raw: string | null): T;
  /** null leaves the parameter out of the URL (e.g. the reader's own picture, which cannot be shared). */
  write(value: T): string | null;
}

export type Schema<S> = { [K in keyof S]: Field<S[K]> };

/** Longest parameter value a field reads; longer ones are ignored (defaults apply). */
export const MAX_PARAM_LENGTH = 2000;

const numeric = (raw: string | null): number | undefined => {
  if (raw === null || raw.trim() === '' || raw.length > 32) return undefined;
  const v = Number(raw);
  return Number.isFinite(v) ? v : undefined;
};

/** An integer in [lo, hi]; out-of-range values are clamped, fractions rounded. */
export function intField(lo: number, hi: number, fallback: number): Field<number> {
  return {
    read: (raw) => {
      const v = numeric(raw);
      return v === undefined ? fallback : Math.min(hi, Math.max(lo, Math.round(v)));
    },
    write: (v) => String(v),
  };
}

/**
 * A non-empty subset of `count` things (ticked boxes) as a bit mask, written as an integer. Anything else (not an
 * integer, 0, a bit past `count`) reads as `fallback`: clamping a mask would tick boxes the URL never named.
 */
export function bitsField(count: number, fallback: number): Field<number> {
  const all = 2 ** count - 1;
  return {
    read: (raw) => {
      const v = raw !== null && /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
      return Number.isInteger(v) && v >= 1 && v <= all ? v : fallback;
    },
    write: (v) => String(v),
  };
}

/** A number in [lo, hi], written with `digits` decimals. */
export function numberField(lo: number, hi: number, fallback: number, digits = 3): Field<number> {
  return {
    read: (raw) => {
      const v = numeric(raw);
      return v === undefined ? fallback : Math.min(hi, Math.max(lo, v));
    },
    write: (v) => String(Math.round(v * 10 ** digits) / 10 ** digits),
  };
}

/** One of a fixed list of strings. */
export function oneOfField<T extends string>(values: readonly T[], fallback: T): Field<T> {
  return { read: (raw) => (values.includes(raw as T) ? (raw as T) : fallback), write: (v) => v };
}

/** A value that may be absent (`null`), otherwise read by `inner`: an empty or missing parameter is null. */
export function optionalField<T>(inner: Field<T>): Field<T | null> {
  return { read: (raw) => (raw === null || raw === '' ? null : inner.read(raw)), write: (v) => (v === null ? null : inner.write(v)) };
}

/** `inner`, except that `hidden` is never written (e.g. 'own', the reader's picture, which cannot be shared). */
export function withheldField<T>(inner: Field<T>, hidden: T): Field<T> {
  return { read: inner.read, write: (v) => (v === hidden ? null : inner.write(v)) };
}

/** State that never enters the URL: it always reads as `value`. */
export function localField<T>(value: T): Field<T> {
  return { read: () => value, write: () => null };
}

/** JSON checked by `validate` (which returns null for anything it does not accept); compact in the URL. */
export function jsonField<T>(validate: (value: unknown) => T | null, fallback: T | null = null): Field<T | null> {
  return {
    read: (raw) => {
      if (raw === null || raw.length > MAX_PARAM_LENGTH) return fallback;
      try {
        return validate(JSON.parse(raw)) ?? fallback;
      } catch {
        return fallback;
      }
    },
    write: (v) => (v === null ? null : JSON.stringify(v)),
  };
}

/** The state `search` describes. */
export function readState<S>(search: string, prefix: string, schema: Schema<S>): S {
  const params = new URLSearchParams(search);
  const out = {} as S;
  for (const key of Object.keys(schema) as (keyof S & string)[]) out[key] = schema[key].read(params.get(`${prefix}.${key}`));
  return out;
}

/** Only the fields `search` names (the figure's own initial state fills the rest). */
export function readPresent<S>(search: string, prefix: string, schema: Schema<S>): Partial<S> {
  const params = new URLSearchParams(search);
  const out: Partial<S> = {};
  for (const key of Object.keys(schema) as (keyof S & string)[]) {
    if (params.has(`${prefix}.${key}`)) out[key] = schema[key].read(params.get(`${prefix}.${key}`));
  }
  return out;
}

/** `search` with this figure's parameters replaced by `state`'s (other parameters kept), with its leading '?'. */
export function writeState<S>(search: string, prefix: string, schema: Schema<S>, state: S): string {
  const params = new URLSearchParams(search);
  for (const key of [...params.keys()]) if (key.startsWith(`${prefix}.`)) params.delete(key);
  for (const key of Object.keys(schema) as (keyof S & string)[]) {
    const raw = schema[key].write(state[key]);
    if (raw !== null) params.set(`${prefix}.${key}`, raw);
  }
  const out = params.toString();
  return out ? `?${out}` : '';
}
