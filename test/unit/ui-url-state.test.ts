// The kit's URL state (src/ui/urlState.ts): a hostile or malformed query string reads as a legal state, a
// written state reads back as itself, and other figures' parameters survive.
import { describe, expect, it } from 'vitest';
import { bitsField, intField, jsonField, numberField, oneOfField, optionalField, readPresent, readState, writeState, type Schema } from '../../src/ui/urlState';

interface S {
  seed: number;
  amount: number;
  mode: 'a' | 'b';
  pick: number | null;
  extra: { n: number } | null;
}
const schema: Schema<S> = {
  seed: intField(0, 1000, 7),
  amount: numberField(0, 1, 0.5),
  mode: oneOfField(['a', 'b'] as const, 'a'),
  pick: optionalField(intField(1, 3, 2)),
  extra: jsonField((v) => (typeof v === 'object' && v !== null && typeof (v as { n: unknown }).n === 'number' ? { n: (v as { n: number }).n } : null)),
};

describe('URL state from a typed schema', () => {
  it('defaults when nothing is given', () => {
    expect(readState('', 'f', schema)).toEqual({ seed: 7, amount: 0.5, mode: 'a', pick: null, extra: null });
  });

  it('clamps, rounds and rejects hostile values', () => {
    const q = '?f.seed=1e9&f.amount=-3&f.mode=%3Cscript%3E&f.pick=2.6&f.extra=%7B%22n%22%3A%22x%22%7D';
    expect(readState(q, 'f', schema)).toEqual({ seed: 1000, amount: 0, mode: 'a', pick: 3, extra: null });
    expect(readState('?f.seed=NaN&f.amount=Infinity&f.extra={bad', 'f', schema)).toMatchObject({ seed: 7, amount: 0.5, extra: null });
    expect(readState(`?f.extra=${encodeURIComponent(JSON.stringify({ n: 1, pad: 'x'.repeat(3000) }))}`, 'f', schema).extra).toBeNull();
    expect(readState(`?f.seed=${'9'.repeat(40)}`, 'f', schema).seed).toBe(7);
  });

  it('reads a bit mask of ticked boxes only as given: anything else is the default, never a clamped mask', () => {
    const bits = bitsField(3, 7);
    expect(bits.read('5')).toBe(5);
    expect(bits.read('7')).toBe(7);
    for (const bad of [null, '', '0', '8', '-1', '2.5', '1e1', ' 3', '0x3', '99999999999']) expect(bits.read(bad), String(bad)).toBe(7);
    expect(bits.write(3)).toBe('3');
  });

  it('writes a state that reads back as itself and keeps other parameters', () => {
    const state: S = { seed: 42, amount: 0.1234567, mode: 'b', pick: 1, extra: { n: 3 } };
    const q = writeState('?other=1&f.old=2', 'f', schema, state);
    expect(new URLSearchParams(q).get('other')).toBe('1');
    expect(new URLSearchParams(q).has('f.old')).toBe(false);
    expect(readState(q, 'f', schema)).toEqual({ ...state, amount: 0.123 });
    expect(new URLSearchParams(writeState('', 'f', schema, { ...state, pick: null, extra: null })).has('f.pick')).toBe(false);
  });

  it('readPresent gives only the fields the URL names, so a figure’s own initial state fills the rest', () => {
    expect(readPresent('?f.seed=3&f.mode=zzz&other=1', 'f', schema)).toEqual({ seed: 3, mode: 'a' });
    expect(readPresent('', 'f', schema)).toEqual({});
  });
});
