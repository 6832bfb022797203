/**
 * The weight loader: binary16 decoding, int8 dequantisation, TF layouts, and a clear WeightError for
 * every way a file can be wrong (truncated, corrupted, wrong shapes, missing), never a silent result.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkShapes, type WeightIndex } from '../../src/sr/weights/card';
import { decodeWeightFile, dequantize } from '../../src/sr/weights/decode';
import { download } from '../../src/sr/weights/download';
import { WeightError } from '../../src/sr/weights/errors';
import { gunzip, isGzip } from '../../src/sr/weights/gzip';
import { decodeF16, halfToFloat } from '../../src/sr/weights/half';
import { checkCard, decodeVerified, loadModel } from '../../src/sr/weights/load';
import { parseSafetensors } from '../../src/sr/weights/safetensors';
import { toTFLayout } from '../../src/sr/weights/tensors';
import { sha256Hex, verifyWeightFile } from '../../src/sr/weights/verify';
import { modelIds, readCard, readWeightBytes, WEIGHTS_DIR } from './models-disk';

/** Builds a safetensors file the way training/srt/io/safetensors.py does. */
function makeFile(tensors: Record<string, { dtype: string; shape: number[]; bytes: Uint8Array }>, meta = {}): Uint8Array {
  const header: Record<string, unknown> = {};
  let offset = 0;
  for (const [name, t] of Object.entries(tensors)) {
    header[name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + t.bytes.length] };
    offset += t.bytes.length;
  }
  header.__metadata__ = meta;
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (json.length % 8)) % 8);
  const head = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + head.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(head.length), true);
  out.set(head, 8);
  let at = 8 + head.length;
  for (const t of Object.values(tensors)) {
    out.set(t.bytes, at);
    at += t.bytes.length;
  }
  return out;
}

const f32 = (values: number[]) => new Uint8Array(Float32Array.from(values).buffer);
const i8 = (values: number[]) => new Uint8Array(Int8Array.from(values).buffer);
const u16 = (values: number[]) => new Uint8Array(Uint16Array.from(values).buffer);

async function errorOf(p: Promise<unknown> | (() => unknown)): Promise<WeightError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    expect(err).toBeInstanceOf(WeightError);
    return err as WeightError;
  }
  throw new Error('expected a WeightError, nothing was thrown');
}

describe('binary16', () => {
  it('decodes normal, subnormal and special values', () => {
    expect(halfToFloat(0x3c00)).toBe(1);
    expect(halfToFloat(0xc000)).toBe(-2);
    expect(halfToFloat(0x3555)).toBeCloseTo(0.333251953125, 12);
    expect(halfToFloat(0x7bff)).toBe(65504);
    expect(halfToFloat(0x0001)).toBe(2 ** -24);
    expect(halfToFloat(0x0400)).toBe(2 ** -14);
    expect(Object.is(halfToFloat(0x8000), -0)).toBe(true);
    expect(halfToFloat(0x7c00)).toBe(Infinity);
    expect(halfToFloat(0xfc00)).toBe(-Infinity);
    expect(halfToFloat(0x7e00)).toBeNaN();
    expect(Array.from(decodeF16(u16([0x3c00, 0xbc00, 0x3800])))).toEqual([1, -1, 0.5]);
  });
});

describe('dequantisation and layouts', () => {
  it('multiplies int8 weights by their per-output-channel scale and decodes F16 biases', () => {
    const file = makeFile({
      'c.weight': { dtype: 'I8', shape: [2, 1, 1, 2], bytes: i8([1, -2, 127, -127]) },
      'c.weight.scale': { dtype: 'F32', shape: [2], bytes: f32([0.5, 0.25]) },
      'c.bias': { dtype: 'F16', shape: [2], bytes: u16([0x3c00, 0xc000]) },
    });
    const d = dequantize(parseSafetensors(file));
    expect([...d.keys()]).toEqual(['c.weight', 'c.bias']);
    expect(Array.from(d.get('c.weight')!.data)).toEqual([0.5, -1, 31.75, -31.75]);
    expect(Array.from(d.get('c.bias')!.data)).toEqual([1, -2]);
  });

  it('transposes conv weights [out, in, kh, kw] to [kh, kw, in, out] and linear [out, in] to [in, out]', () => {
    const data = Float32Array.from({ length: 2 * 3 * 2 * 2 }, (_, i) => i);
    const conv = toTFLayout({ shape: [2, 3, 2, 2], data });
    expect(conv.shape).toEqual([2, 2, 3, 2]);
    // element (o=1, i=2, y=0, x=1) -> [0, 1, 2, 1]
    expect(conv.data[((0 * 2 + 1) * 3 + 2) * 2 + 1]).toBe(data[((1 * 3 + 2) * 2 + 0) * 2 + 1]);
    const lin = toTFLayout({ shape: [2, 3], data: Float32Array.from([0, 1, 2, 3, 4, 5]) });
    expect(lin.shape).toEqual([3, 2]);
    expect(Array.from(lin.data)).toEqual([0, 3, 1, 4, 2, 5]);
  });
});

describe('clear errors for bad files', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  const good = makeFile({ 'a.weight': { dtype: 'F32', shape: [2, 2], bytes: f32([1, 2, 3, 4]) } });

  it('a file cut short is "truncated"', async () => {
    expect((await errorOf(() => parseSafetensors(good.slice(0, 5)))).code).toBe('truncated');
    expect((await errorOf(() => parseSafetensors(good.slice(0, 20)))).code).toBe('truncated');
    const e = await errorOf(() => parseSafetensors(good.slice(0, good.length - 3)));
    expect(e.code).toBe('truncated');
    expect(e.message).toContain('"a.weight"');
  });

  it('a damaged header is "corrupt"', async () => {
    const bad = good.slice();
    bad[10] ^= 0xff;
    expect((await errorOf(() => parseSafetensors(bad))).code).toBe('corrupt');
    const huge = good.slice();
    huge[6] = 0xff;
    expect((await errorOf(() => parseSafetensors(huge))).code).toBe('corrupt');
  });

  it('a corrupt or truncated gzip stream gives the corrupt-weights error', async () => {
    const packed = new Uint8Array(gzipSync(good, { level: 9 }));
    expect(isGzip(packed)).toBe(true);
    expect(Array.from(await gunzip(packed))).toEqual(Array.from(good));
    const cut = await errorOf(gunzip(packed.slice(0, packed.length - 6), 'toy'));
    expect(cut.code).toBe('corrupt');
    expect(cut.message).toMatch(/^toy: the gzip data cannot be decompressed \(.+\): the file is damaged or cut short$/);
    const damaged = packed.slice();
    damaged[12] ^= 0xff;
    const bad = await errorOf(gunzip(damaged, 'toy'));
    expect(bad.code).toBe('corrupt');
    expect(bad.message).toContain('the gzip data cannot be decompressed');
    // Through the loader's check: a cut gzip with a stale card size still ends as 'corrupt', never as weights.
    const card = { file: 'w.gz', encoding: 'gzip' as const, bytes: packed.length - 6, decoded_bytes: good.length, sha256: await sha256Hex(good), quantization: 'int8' as const };
    expect((await errorOf(verifyWeightFile(packed.slice(0, packed.length - 6), card, 'toy'))).code).toBe('corrupt');
  });

  it('without DecompressionStream the error names the missing API', async () => {
    const packed = new Uint8Array(gzipSync(good));
    vi.stubGlobal('DecompressionStream', undefined);
    const e = await errorOf(gunzip(packed, 'toy'));
    expect(e.code).toBe('unsupported');
    expect(e.message).toBe(
      'toy: this browser has no DecompressionStream (the Compression Streams API), which is needed to unpack the ' +
        'gzip-compressed weight file; a current Chrome, Edge, Firefox or Safari (16.4 or later) has it',
    );
    // Bytes that are already unpacked need no DecompressionStream.
    const card = { file: 'w.gz', encoding: 'gzip' as const, bytes: packed.length, decoded_bytes: good.length, sha256: await sha256Hex(good), quantization: 'int8' as const };
    expect(Array.from(await verifyWeightFile(good, card))).toEqual(Array.from(good));
    expect((await errorOf(verifyWeightFile(packed, card, 'toy'))).code).toBe('unsupported');
  });

  it('an unknown encoding is a "format" error', async () => {
    const e = await errorOf(verifyWeightFile(good, { file: 'w.br', encoding: 'br' as 'gzip', bytes: 1, decoded_bytes: good.length, sha256: '', quantization: 'int8' }));
    expect(e.code).toBe('format');
    expect(e.message).toContain('"br"');
  });

  it('an unknown dtype is a "format" error', async () => {
    const file = makeFile({ x: { dtype: 'BF16', shape: [1], bytes: new Uint8Array(2) } });
    expect((await errorOf(() => parseSafetensors(file))).code).toBe('format');
  });

  it('a shape mismatch names the first mismatching tensor', async () => {
    const e = await errorOf(() => decodeWeightFile(good, { id: 'toy', tensors: { 'a.weight': [4, 1] } }));
    expect(e.code).toBe('shape');
    expect(e.message).toBe('toy: tensor "a.weight" has shape [2, 2] in the weight file, expected [4, 1]');
    const missing = await errorOf(() => decodeWeightFile(good, { id: 'toy', tensors: { 'a.weight': [2, 2], 'a.bias': [2] } }));
    expect(missing.message).toContain('"a.bias"');
    const extra = await errorOf(() => checkShapes({}, new Map([['x', { shape: [1] }]]), 'toy'));
    expect(extra.message).toContain('"x"');
  });
});

const ids = modelIds();
const exported = ids.length ? ids[0] : undefined;

describe.runIf(exported)('exported files', () => {
  it('the real files verify (sizes, SHA-256 of the unpacked safetensors) and match their cards and architectures', async () => {
    for (const id of ids) {
      const card = readCard(id);
      checkCard(card);
      const bytes = readWeightBytes(card);
      expect(bytes.length).toBe(card.weights.bytes);
      if (card.weights.encoding === 'gzip') {
        // Stored gzip-compressed; the hash and decoded_bytes name the safetensors bytes inside.
        expect(isGzip(bytes)).toBe(true);
        const content = await gunzip(bytes, id);
        expect(content.length).toBe(card.weights.decoded_bytes);
        expect(await sha256Hex(content)).toBe(card.weights.sha256);
        expect(content.length).toBeGreaterThan(bytes.length);
      } else {
        expect(await sha256Hex(bytes)).toBe(card.weights.sha256);
      }
      const weights = await decodeVerified(bytes, card);
      expect([...weights.keys()].sort()).toEqual(Object.keys(card.tensors).sort());
      const count = [...weights.values()].reduce((n, t) => n + t.data.length, 0);
      const bn = [...weights.keys()].filter((n) => /running_(mean|var)$/.test(n)).reduce((n, k) => n + weights.get(k)!.data.length, 0);
      expect(count - bn).toBe(card.parameters);
    }
  });

  it('the whole folder stays within the 24 MB download budget, and index.json adds up its weight files', () => {
    const files = readdirSync(WEIGHTS_DIR, { recursive: true, encoding: 'utf8' }).map((name) => statSync(join(WEIGHTS_DIR, name)));
    const onDisk = files.filter((f) => f.isFile()).reduce((n, f) => n + f.size, 0);
    expect(onDisk).toBeLessThanOrEqual(24e6);
    // Each card's byte count is checked against its file in the test above; the index must agree with the cards.
    const index = JSON.parse(readFileSync(join(WEIGHTS_DIR, 'index.json'), 'utf8')) as WeightIndex;
    for (const m of index.models) expect(m.bytes, m.id).toBe(readCard(m.id).weights.bytes);
    expect(index.total_bytes).toBe(index.models.reduce((n, m) => n + m.bytes, 0));
  });

  it('a truncated download is reported as truncated, a flipped byte as corrupt', async () => {
    const card = readCard(exported!);
    const bytes = readWeightBytes(card);
    const cut = await errorOf(decodeVerified(bytes.slice(0, bytes.length - 1000), card));
    expect(cut.code).toBe('truncated');
    expect(cut.message).toMatch(/received \d+ of \d+ bytes/);
    // A flipped byte in the compressed data, and one in the gzip trailer's CRC-32: the decompressor refuses both.
    for (const at of [Math.floor(bytes.length / 2), bytes.length - 7]) {
      const flipped = bytes.slice();
      flipped[at] ^= 0x10;
      const bad = await errorOf(decodeVerified(flipped, card));
      expect(bad.code).toBe('corrupt');
      expect(bad.message).toMatch(new RegExp(`^${card.id}: the gzip data cannot be decompressed \\(.+\\): the file is damaged or cut short$`));
    }
  });

  it('a well-formed gzip file of other bytes fails the SHA-256 of the content', async () => {
    const card = readCard(exported!);
    const content = await gunzip(readWeightBytes(card));
    content[content.length - 3] ^= 0x01;
    // Same length after compression as the card's file, so only the content hash can tell.
    const other = new Uint8Array(gzipSync(content, { level: 9 }));
    const e = await errorOf(verifyWeightFile(other, { ...card.weights, bytes: other.length }, card.id));
    expect(e.code).toBe('corrupt');
    expect(e.message).toContain('SHA-256');
    expect(e.message).toContain('the file is damaged or stale');
  });

  it('bytes the HTTP layer already decompressed (Content-Encoding: gzip) are accepted when they are the content', async () => {
    const card = readCard(exported!);
    const content = await gunzip(readWeightBytes(card));
    const weights = await decodeVerified(content, card);
    expect(weights.size).toBe(Object.keys(card.tensors).length);
    const neither = await errorOf(decodeVerified(content.slice(0, 1000), card));
    expect(neither.code).toBe('corrupt');
    expect(neither.message).toContain('neither the gzip file');
  });

  it('a card whose shapes disagree with the architecture is rejected before downloading', async () => {
    const card = readCard(exported!);
    const name = Object.keys(card.tensors)[0];
    card.tensors[name] = [...card.tensors[name]].reverse().concat(1);
    const e = await errorOf(() => checkCard(card));
    expect(e.code).toBe('shape');
    expect(e.message).toContain(`"${name}"`);
  });

  it('loadModel downloads with progress, then verifies; a 404 is "missing"', async () => {
    const card = readCard(exported!);
    const bytes = readWeightBytes(card);
    const served = (chunks: number) =>
      (async (url: string | URL | Request) => {
        const u = String(url);
        if (u.endsWith(`/${card.id}/card.json`)) return new Response(JSON.stringify(card));
        if (u.endsWith(`/${card.id}/${card.weights.file}`)) {
          const step = Math.ceil(bytes.length / chunks);
          const body = new ReadableStream<Uint8Array>({
            start(c) {
              for (let i = 0; i < bytes.length; i += step) c.enqueue(bytes.slice(i, i + step));
              c.close();
            },
          });
          return new Response(body, { headers: { 'content-length': String(bytes.length) } });
        }
        return new Response('no', { status: 404 });
      }) as typeof fetch;
    const seen: number[] = [];
    const loaded = await loadModel('http://test.invalid/weights/', card.id, {
      fetch: served(5),
      onProgress: (p) => seen.push(p.loaded / p.total),
    });
    expect(loaded.fromCache).toBe(false);
    expect(loaded.weights.size).toBe(Object.keys(card.tensors).length);
    expect(seen.length).toBeGreaterThanOrEqual(6);
    expect(seen.at(-1)).toBe(1);
    // Progress counts the weight file only: the card's bytes are never reported as weights (no early 100 %).
    const totals: number[] = [];
    await loadModel('http://test.invalid/weights/', card.id, { fetch: served(5), cache: false, onProgress: (p) => totals.push(p.total) });
    expect(new Set(totals)).toEqual(new Set([card.weights.bytes]));
    const e = await errorOf(loadModel('http://test.invalid/weights/', 'no_such_model', { fetch: served(1) }));
    expect(e.code).toBe('missing');
    expect(e.message).toContain('no_such_model');
  });

  it('a damaged or incomplete card is "card" (not a damaged weight file); a whole file of another size is "corrupt", not "truncated"', async () => {
    const card = readCard(exported!);
    const bytes = readWeightBytes(card);
    const serving = (cardText: string, weights = bytes) =>
      (async (url: string | URL | Request) => {
        const u = String(url);
        if (u.endsWith('/card.json')) return new Response(cardText);
        if (u.endsWith(`/${card.weights.file}`)) return new Response(weights as Uint8Array<ArrayBuffer>);
        return new Response('no', { status: 404 });
      }) as typeof fetch;
    const load = (cardText: string, weights?: Uint8Array) =>
      errorOf(loadModel('http://test.invalid/weights/', card.id, { fetch: serving(cardText, weights), cache: false }));
    for (const text of ['{', '{}', 'null', '[]', JSON.stringify({ ...card, weights: { ...card.weights, sha256: 'x' } }),
      JSON.stringify({ ...card, tensors: { a: [3, -1] } }), JSON.stringify({ ...card, architecture: null }),
      JSON.stringify({ ...card, weights: { ...card.weights, file: '../index.json' } })]) {
      const e = await load(text);
      expect(e.code, text.slice(0, 60)).toBe('card');
      expect(e.message).toContain('card.json');
    }
    // The file the server sends in full has another length than the card's (e.g. another model's file).
    const e = await load(JSON.stringify(card), bytes.slice(0, bytes.length - 100));
    expect(e.code).toBe('corrupt');
    expect(e.message).toContain('not the file the card describes');
  });

  it('download() reports "aborted" when its signal fires', async () => {
    const controller = new AbortController();
    controller.abort();
    const fetchAbortable = (async (_u: string, init?: RequestInit) => {
      if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      return new Response('x');
    }) as typeof fetch;
    const e = await errorOf(download('http://test.invalid/x', { fetch: fetchAbortable, signal: controller.signal }));
    expect(e.code).toBe('aborted');
  });
});
