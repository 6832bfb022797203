// What a reader is told when a live figure fails (src/i18n/failures.ts): every kind of failure and every
// reason a backend did not start has a sentence in English and in Japanese, and the kind comes from the
// engine's codes (WeightError, RuntimeError, NoBackendError), never from the
// English message text.
import { describe, expect, it } from 'vitest';
import { NoBackendError, type BackendAttempt } from '../../src/sr/backend';
import { RuntimeClient, RuntimeError, type WorkerLike } from '../../src/sr/runtime/client';
import { WeightError, type WeightErrorCode } from '../../src/sr/weights/errors';
import { AssetError, fetchAsset } from '../../src/ui/assetError';
import {
  attemptText,
  BACKEND_FAILURES,
  classifyFailure,
  CODE_KIND,
  FAILURE_KINDS,
  failureMessage,
  failureStrings,
  failureText,
} from '../../src/i18n/failures';
import { inProcessWorker } from './runtime-inprocess';

const JAPANESE = /[ぁ-んァ-ヶ一-龠]/;
const LANGS = ['en', 'ja'] as const;

describe('every failure has a sentence in both languages', () => {
  it('each kind: a non-empty sentence, English in en, Japanese in ja, no stray placeholder', () => {
    for (const kind of FAILURE_KINDS) {
      const en = failureText('en', { kind, attempts: [] });
      const ja = failureText('ja', { kind, attempts: [] });
      expect(en.length, kind).toBeGreaterThan(40);
      expect(ja.length, kind).toBeGreaterThan(20);
      expect(en, kind).not.toMatch(JAPANESE);
      expect(ja, kind).toMatch(JAPANESE);
      for (const text of [en, ja]) expect(text, kind).not.toMatch(/[{}]/);
    }
    // The dictionaries have exactly the kinds, nothing stale.
    for (const lang of LANGS) expect(Object.keys(failureStrings[lang].kinds).sort()).toEqual([...FAILURE_KINDS].sort());
  });

  it('each reason a backend did not start, and each backend, is named in both languages', () => {
    for (const lang of LANGS) {
      expect(Object.keys(failureStrings[lang].reasons).sort()).toEqual([...BACKEND_FAILURES].sort());
      for (const reason of BACKEND_FAILURES) {
        const text = attemptText(lang, { name: 'webgpu', ok: false, reason });
        expect(text.startsWith('WebGPU')).toBe(true);
        expect(text.length).toBeGreaterThan(10);
        if (lang === 'ja') expect(text).toMatch(JAPANESE);
        else expect(text).not.toMatch(JAPANESE);
      }
      for (const name of ['webgpu', 'webgl', 'cpu'] as const) expect(failureStrings[lang].backends[name]).toBeTruthy();
    }
  });

  it('what still works is said after the failure, in the same language', () => {
    for (const lang of LANGS) {
      const s = failureStrings[lang];
      const base = failureText(lang, { kind: 'network', attempts: [] });
      expect(failureMessage(lang, { kind: 'network', attempts: [] }, 'static')).toBe(base + s.sentenceSep + s.kept.static);
      expect(failureMessage(lang, { kind: 'network', attempts: [] }, 'last')).toBe(base + s.sentenceSep + s.kept.last);
      expect(failureMessage(lang, { kind: 'network', attempts: [] }, 'none')).toBe(base);
      expect(s.detailsLabel).toBeTruthy();
    }
    expect(failureStrings.ja.kept.static).toMatch(JAPANESE);
  });
});

describe('the kind comes from the error’s code', () => {
  const attempts: BackendAttempt[] = [
    { name: 'webgpu', ok: false, reason: 'no-adapter', message: 'navigator.gpu.requestAdapter() returned null' },
    { name: 'webgl', ok: false, reason: 'blocked', message: 'getContext returned null' },
    { name: 'cpu', ok: false, reason: 'failed', message: 'boom' },
  ];

  it('no backend: every attempt, with its reason, in the page’s language; the engine’s message is the detail', () => {
    const err = new NoBackendError(attempts);
    const f = classifyFailure(err);
    expect(f.kind).toBe('no-backend');
    expect(f.detail).toBe(err.message);
    expect(failureText('en', f)).toBe(
      'No compute backend could start in this browser (WebGPU: no suitable graphics adapter; WebGL: blocked by the browser or its settings; the CPU: it failed to start). ' +
        'A browser with WebGPU or WebGL turned on, such as a current Chrome, Edge, Firefox or Safari, can run the live figures.',
    );
    expect(failureText('ja', f)).toBe(
      'このブラウザでは計算バックエンドをどれも起動できませんでした（WebGPU：使えるグラフィックスアダプタがありません、WebGL：ブラウザまたはその設定によりブロックされました、CPU：起動に失敗しました）。' +
        'WebGPU か WebGL が有効なブラウザ（最新の Chrome、Edge、Firefox、Safari など）なら、動く図を実行できます。',
    );
    // The same through the runtime's RuntimeError.
    expect(classifyFailure(new RuntimeError('backend', err.message, attempts))).toMatchObject({ kind: 'no-backend', attempts });
    // Without the list, the sentence drops the parentheses.
    expect(failureText('en', classifyFailure(new RuntimeError('backend', 'x')))).toMatch(/^No compute backend could start in this browser\. /);
  });

  it('every weight-file code and every runtime code is its own kind', () => {
    const weightCodes: WeightErrorCode[] = ['missing', 'network', 'truncated', 'corrupt', 'shape', 'format', 'unsupported', 'aborted'];
    for (const code of weightCodes) {
      expect(classifyFailure(new WeightError(code, 'some English text', 'srresnet')).kind).toBe(code);
      expect(classifyFailure(new RuntimeError(code, 'some English text')).kind).toBe(code);
    }
    for (const [code, kind] of Object.entries(CODE_KIND)) {
      expect(FAILURE_KINDS).toContain(kind);
      expect(classifyFailure(new RuntimeError(code as keyof typeof CODE_KIND, 'x')).kind).toBe(kind);
    }
    expect(CODE_KIND['device-lost']).toBe('device-lost');
    expect(CODE_KIND.run).toBe('run');
  });

  it('a site file that cannot be fetched (demo photograph, pre-computed picture) is its own kind, in both languages', async () => {
    const real = globalThis.fetch;
    try {
      globalThis.fetch = (async () => new Response('', { status: 404 })) as typeof fetch;
      const notFound = await fetchAsset('/images/demo/nope.png').catch((e: unknown) => e);
      expect(notFound).toBeInstanceOf(AssetError);
      expect(notFound).toMatchObject({ code: 'asset', status: 404 });
      globalThis.fetch = (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch;
      const offline = await fetchAsset('/images/demo/chelsea.png').catch((e: unknown) => e);
      expect(offline).toMatchObject({ code: 'asset', status: undefined });
    } finally {
      globalThis.fetch = real;
    }
    const f = classifyFailure(new AssetError('/images/demo/nope.png', 404));
    expect(f).toEqual({ kind: 'asset', attempts: [], detail: 'HTTP 404 for /images/demo/nope.png' });
    expect(failureText('en', f)).toMatch(/^A photograph or picture this figure needs could not be downloaded/);
    expect(failureText('ja', f)).toMatch(/^この図に必要な写真または画像/);
    // Same words, no code: not an asset failure.
    expect(classifyFailure(new Error('HTTP 404 for /images/demo/nope.png')).kind).toBe('unknown');
  });

  it('the message text is never read: an error without a code is "unknown", whatever it says', () => {
    for (const text of ['no TensorFlow.js backend could start: webgpu: no-adapter', 'HTTP 404', 'GPUDevice was lost']) {
      expect(classifyFailure(new Error(text))).toEqual({ kind: 'unknown', attempts: [], detail: text });
    }
    expect(classifyFailure('a string').kind).toBe('unknown');
    expect(classifyFailure(new DOMException('cancelled', 'AbortError')).kind).toBe('aborted');
    expect(classifyFailure({ code: 'not-a-code' }).kind).toBe('unknown');
  });
});

describe('the runtime Worker sends the codes across', () => {
  it('a backend that cannot start: code "backend" and every attempt with its reason', async () => {
    const client = new RuntimeClient(inProcessWorker(async () => Promise.reject(new Error('unused'))));
    const err = await client.init({ weightsBase: 'http://unused.invalid/', order: ['webgpu'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RuntimeError);
    expect((err as RuntimeError).code).toBe('backend');
    expect((err as RuntimeError).attempts).toEqual([expect.objectContaining({ name: 'webgpu', ok: false, reason: 'unsupported' })]);
    expect(classifyFailure(err).kind).toBe('no-backend');
  });

  it('weight errors keep their code; a lost GPU device is "device-lost"; anything else "run"', async () => {
    const errors: Record<string, Error> = {
      corrupt: new WeightError('corrupt', 'SHA-256 differs', 'm'),
      lost: new Error('GPUDevice was lost'),
      other: new Error('something else'),
    };
    const client = new RuntimeClient(inProcessWorker(async (id) => Promise.reject(errors[id])));
    await client.init({ weightsBase: 'http://unused.invalid/', order: ['cpu'] });
    const codeOf = async (id: string) => ((await client.load(id).catch((e: unknown) => e)) as RuntimeError).code;
    expect(await codeOf('corrupt')).toBe('corrupt');
    expect(await codeOf('lost')).toBe('device-lost');
    expect(await codeOf('other')).toBe('run');
  });

  it('a Worker that fails to load (script 404, or it throws while starting) rejects every request with code "worker"', async () => {
    const listeners: Record<string, Array<(e: { message?: string }) => void>> = {};
    let posted = 0;
    const broken = {
      postMessage: () => void posted++,
      addEventListener: (type: string, l: (e: { message?: string }) => void) => void (listeners[type] ??= []).push(l),
    } as unknown as WorkerLike;
    const client = new RuntimeClient(broken);
    const starting = client.init({ weightsBase: 'http://unused.invalid/', order: ['webgpu'] }).catch((e: unknown) => e);
    expect(listeners.error).toHaveLength(1);
    listeners.error[0]({ message: 'Uncaught SyntaxError: Unexpected token' });
    const err = await starting;
    expect(err).toBeInstanceOf(RuntimeError);
    expect((err as RuntimeError).code).toBe('worker');
    expect((err as RuntimeError).message).toContain('Unexpected token');
    expect(classifyFailure(err).kind).toBe('worker');
    // A later request does not wait for an answer that cannot come, and is not even posted.
    const later = await client.load('srcnn').catch((e: unknown) => e);
    expect((later as RuntimeError).code).toBe('worker');
    expect(posted).toBe(1);
    expect(failureText('en', classifyFailure(err))).toMatch(/^The background task that runs the networks could not start/);
    expect(failureText('ja', classifyFailure(err))).toMatch(JAPANESE);
  });
});

describe('the ready sentence of a kit figure', () => {
  it('names the backend, and the one tried first when it did not start, with why, in both languages', async () => {
    const { readyText } = await import('../../src/ui/mount');
    expect(readyText('en', 'webgpu')).toBe('Live on WebGPU.');
    const noGpu = { name: 'webgpu', ok: false, reason: 'no-adapter' } as const;
    expect(readyText('en', 'webgl', noGpu)).toBe('Live on WebGL; WebGPU was not available (no suitable graphics adapter).');
    expect(readyText('ja', 'cpu', noGpu)).toBe('CPU で動いています（WebGPU は使えませんでした：使えるグラフィックスアダプタがありません）。');
  });
});
