// What the reader is told when a live figure fails, in both languages. The engine's errors carry codes
// (WeightError.code, RuntimeError.code, NoBackendError.attempts[].reason); `classifyFailure` reads only
// those fields, never the English message, and the sentences below say what failed and what the reader
// can do. The figure adds what still works (`kept`). The engine's own message is kept as `detail`, shown
// as a secondary technical detail (see src/ui/failureStatus.ts).
import type { BackendAttempt, BackendFailure, BackendName } from '../sr/backend';
import type { ErrorCode } from '../sr/runtime/protocol';

type Lang = 'en' | 'ja';

/** Every kind of failure a reader can be told about. */
export const FAILURE_KINDS = [
  'no-backend',
  'missing',
  'card',
  'network',
  'truncated',
  'corrupt',
  'shape',
  'format',
  'unsafe',
  'unsupported',
  'aborted',
  'device-lost',
  'run',
  'worker',
  'asset',
  'unknown',
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

/** Each engine code and the kind it is told as (a Record, so a new code fails type checking until it is mapped). */
export const CODE_KIND: Record<ErrorCode, FailureKind> = {
  missing: 'missing',
  card: 'card',
  network: 'network',
  truncated: 'truncated',
  corrupt: 'corrupt',
  shape: 'shape',
  format: 'format',
  unsafe: 'unsafe',
  unsupported: 'unsupported',
  aborted: 'aborted',
  backend: 'no-backend',
  'device-lost': 'device-lost',
  run: 'run',
  worker: 'worker',
};

export const BACKEND_FAILURES = ['unsupported', 'no-adapter', 'blocked', 'failed'] as const satisfies readonly BackendFailure[];

/** What still works after the failure, as the figure knows it. */
export type Kept = 'static' | 'last' | 'none';

interface FailureStrings {
  kinds: Record<FailureKind, string>;
  reasons: Record<BackendFailure, string>;
  backends: Record<BackendName, string>;
  /** "{backend}: {why}", one per failed backend, joined by `listSep` and wrapped in `listOpen`/`listClose`. */
  attempt: string;
  listSep: string;
  listOpen: string;
  listClose: string;
  kept: Record<Exclude<Kept, 'none'>, string>;
  /** Between two sentences. */
  sentenceSep: string;
  /** Summary of the collapsed technical details. */
  detailsLabel: string;
}

const en: FailureStrings = {
  kinds: {
    'no-backend':
      'No compute backend could start in this browser{reasons}. A browser with WebGPU or WebGL turned on, such as a current Chrome, Edge, Firefox or Safari, can run the live figures.',
    missing: 'The network’s weight file was not found on the server. This is a fault of the site, not of your browser; reloading will not help.',
    card: 'The description file of the network (its model card) on the server is damaged or incomplete, so its weights cannot be checked or used. This is a fault of the site; reloading will not help.',
    network:
      'The network’s weights could not be downloaded: the connection failed or the server answered with an error. Check your connection and reload the page.',
    truncated: 'The network’s weight file arrived incomplete. Reloading the page downloads it again.',
    corrupt:
      'The network’s weight file is damaged: its contents do not match the checksum the site publishes. Reloading the page downloads it again; if this keeps happening, the file on the server is broken.',
    shape:
      'The network’s weight file does not fit the network it belongs to (a tensor has the wrong shape). This is a fault of the site; reloading will not help.',
    format:
      'The network’s weight file is in a form this page cannot read. Reloading the page, so that the newest version of the site is used, may help.',
    unsafe:
      'The model file asks to run program code when it is opened (a Python pickle naming a function that is not a weight). Nothing in it was run; it was refused. Use a file that holds only weights, or the same weights as .safetensors.',
    unsupported:
      'This browser lacks a feature needed to unpack or check the network’s weights (compressed downloads or WebCrypto, which needs an https page). A current Chrome, Edge, Firefox or Safari has both.',
    aborted: 'The download of the network’s weights was cancelled before it finished. Changing a setting or reloading the page starts it again.',
    'device-lost':
      'The graphics device stopped responding while the network ran, and restarting it did not help. Closing other tabs that use the graphics card and reloading the page may help.',
    run: 'The network failed while computing. Reloading the page may help.',
    worker:
      'The background task that runs the networks could not start: its script did not load or stopped while starting. Reloading the page may help; an extension that blocks scripts can also cause this.',
    asset:
      'A photograph or picture this figure needs could not be downloaded from the site. Check your connection and reload the page.',
    unknown: 'Something unexpected went wrong in the live figure. Reloading the page may help.',
  },
  reasons: {
    unsupported: 'not supported by this browser',
    'no-adapter': 'no suitable graphics adapter',
    blocked: 'blocked by the browser or its settings',
    failed: 'it failed to start',
  },
  backends: { webgpu: 'WebGPU', webgl: 'WebGL', cpu: 'the CPU' },
  attempt: '{backend}: {why}',
  listSep: '; ',
  listOpen: ' (',
  listClose: ')',
  kept: {
    static: 'The pictures computed in advance stay on screen.',
    last: 'The results already on screen stay there.',
  },
  sentenceSep: ' ',
  detailsLabel: 'Technical details',
};

const ja: FailureStrings = {
  kinds: {
    'no-backend':
      'このブラウザでは計算バックエンドをどれも起動できませんでした{reasons}。WebGPU か WebGL が有効なブラウザ（最新の Chrome、Edge、Firefox、Safari など）なら、動く図を実行できます。',
    missing: 'ネットワークの重みファイルがサーバー上に見つかりませんでした。ブラウザではなくサイト側の問題なので、再読み込みしても直りません。',
    card: 'サーバー上のネットワークの説明ファイル（モデルカード）が壊れているか欠けているため、重みを検証も使用もできません。サイト側の問題なので、再読み込みしても直りません。',
    network:
      'ネットワークの重みをダウンロードできませんでした（接続に失敗したか、サーバーがエラーを返しました）。接続を確かめてから、ページを再読み込みしてください。',
    truncated: 'ネットワークの重みファイルが途中までしか届きませんでした。ページを再読み込みすると、もう一度ダウンロードします。',
    corrupt:
      'ネットワークの重みファイルが壊れています（中身が、サイトが公開しているチェックサムと一致しません）。ページを再読み込みするともう一度ダウンロードします。何度も起きる場合は、サーバー上のファイルが壊れています。',
    shape:
      'ネットワークの重みファイルが、対応するネットワークの形と合いません（テンソルの形が違います）。サイト側の問題なので、再読み込みしても直りません。',
    format: 'ネットワークの重みファイルが、このページでは読めない形式です。ページを再読み込みして最新版のサイトを使うと、直ることがあります。',
    unsafe:
      'このモデルファイルは、開くときにプログラムを実行するよう求めています（重みではない関数を名指しする Python の pickle）。中身は何も実行せずに拒否しました。重みだけを収めたファイルか、同じ重みの .safetensors を使ってください。',
    unsupported:
      'このブラウザには、ネットワークの重みを展開または検証するための機能（圧縮されたダウンロードの展開、または https のページで使える WebCrypto）がありません。最新の Chrome、Edge、Firefox、Safari にはどちらも備わっています。',
    aborted: 'ネットワークの重みのダウンロードが、終わる前に中止されました。設定を変えるか、ページを再読み込みすると、もう一度始まります。',
    'device-lost':
      'ネットワークの実行中にグラフィックスデバイスが応答しなくなり、再起動しても回復しませんでした。グラフィックスカードを使うほかのタブを閉じてから、ページを再読み込みすると直ることがあります。',
    run: 'ネットワークの計算中にエラーが起きました。ページを再読み込みすると直ることがあります。',
    worker:
      'ネットワークを動かすバックグラウンド処理を起動できませんでした（スクリプトが読み込めなかったか、起動中に止まりました）。ページを再読み込みすると直ることがあります。スクリプトをブロックする拡張機能が原因のこともあります。',
    asset: 'この図に必要な写真または画像をサイトからダウンロードできませんでした。接続を確かめてから、ページを再読み込みしてください。',
    unknown: '動く図で予期しないエラーが起きました。ページを再読み込みすると直ることがあります。',
  },
  reasons: {
    unsupported: 'このブラウザは対応していません',
    'no-adapter': '使えるグラフィックスアダプタがありません',
    blocked: 'ブラウザまたはその設定によりブロックされました',
    failed: '起動に失敗しました',
  },
  backends: { webgpu: 'WebGPU', webgl: 'WebGL', cpu: 'CPU' },
  attempt: '{backend}：{why}',
  listSep: '、',
  listOpen: '（',
  listClose: '）',
  kept: {
    static: '事前に計算した画像はそのまま表示しています。',
    last: 'すでに表示している結果はそのまま残しています。',
  },
  sentenceSep: '',
  detailsLabel: '技術的な詳細',
};

export const failureStrings = { en, ja } satisfies Record<Lang, FailureStrings>;

/** A failure as the reader is told about it: its kind, the backends tried (for `no-backend`), the engine's message. */
export interface Failure {
  kind: FailureKind;
  attempts: BackendAttempt[];
  /** The engine's own (English) message: a technical detail, never the main text. */
  detail: string;
}

const isKnownCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(CODE_KIND, code);

/**
 * The kind of failure `err` is, from its structured fields only: `attempts` (NoBackendError, or a
 * RuntimeError carrying them), `code` (WeightError, RuntimeError),
 * `name === 'AbortError'`; `code: 'asset'` (AssetError: a file the site ships could not be fetched).
 * Anything else is `unknown`.
 */
export function classifyFailure(err: unknown): Failure {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; attempts?: unknown; name?: unknown; message?: unknown };
  const detail = typeof e.message === 'string' && e.message ? e.message : String(err);
  const attempts = Array.isArray(e.attempts) ? (e.attempts as BackendAttempt[]) : [];
  if (attempts.length && attempts.every((a) => !a.ok)) return { kind: 'no-backend', attempts, detail };
  if (isKnownCode(e.code)) return { kind: CODE_KIND[e.code], attempts: [], detail };
  if (e.code === 'asset') return { kind: 'asset', attempts: [], detail };
  if (e.name === 'AbortError') return { kind: 'aborted', attempts: [], detail };
  return { kind: 'unknown', attempts: [], detail };
}

const fillIn = (template: string, vars: Record<string, string>): string => template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);

/** Why one backend did not run, e.g. "WebGPU: no suitable graphics adapter". */
export function attemptText(lang: Lang, a: BackendAttempt): string {
  const s = failureStrings[lang];
  return fillIn(s.attempt, { backend: s.backends[a.name], why: s.reasons[a.reason ?? 'failed'] });
}

/** The sentence(s) for a failure: what failed (for no backend, why each one did not start) and what the reader can do. */
export function failureText(lang: Lang, f: Pick<Failure, 'kind' | 'attempts'>): string {
  const s = failureStrings[lang];
  const failed = f.attempts.filter((a) => !a.ok);
  const reasons = failed.length ? s.listOpen + failed.map((a) => attemptText(lang, a)).join(s.listSep) + s.listClose : '';
  return fillIn(s.kinds[f.kind], { reasons });
}

/** The whole status message: the failure's sentences, then what still works. */
export function failureMessage(lang: Lang, f: Pick<Failure, 'kind' | 'attempts'>, kept: Kept): string {
  const s = failureStrings[lang];
  const text = failureText(lang, f);
  return kept === 'none' ? text : text + s.sentenceSep + s.kept[kept];
}
