// Chapter 1's live figure (kit figure): a low-resolution crop enlarged by nearest, bilinear, bicubic and Lanczos-3
// on the page's runtime (`client.resize`, WebGPU first, off the main thread), and at ×4 by SRCNN in the background
// (srcnn.ts). A new crop or scale computes the four methods again, a new `a` bicubic alone; the loupe and the
// profile line only redraw. The pre-computed pictures stand in until the first result.
import type { RGBImage } from '../../sr/image';
import type { Method } from '../../sr/resample';
import type { Failure } from '../../i18n/failures';
import { interpolationStrings } from '../../i18n/interpolation';
import { perFrame } from '../../ui/draw/perFrame';
import { showDetail } from '../../ui/failureStatus';
import type { Figure, FigureContext } from '../../ui/figure';
import { cropImage } from '../../ui/images/crop';
import { findDemoImage } from '../../ui/images/demoImages';
import { demoPhotoLoader } from '../../ui/images/imageLoad';
import type { OwnPicture } from '../../ui/images/ownPicture';
import { bicubicKey, defaultResampleState, inputKey, OWN_IMAGE, resampleSchema, viewOf, type ResampleState, type View } from './compute';
import { bindControls } from './controls';
import { methods, SRCNN_SCALE, type OutputId } from './methods';
import { output, resamplePanels, type Output } from './panels';
import { isPatternId, makePattern, type PatternId } from './patterns';
import { srcnnPanel, type SrcnnJob, type SrcnnPanel, type SrcnnPhase } from './srcnn';

const PATTERN_SIZE = 256;

type Client = NonNullable<Awaited<ReturnType<FigureContext<ResampleState>['runtime']>>>['client'];

const patterns = new Map<string, Promise<RGBImage>>();

/** A test pattern, drawn once per page in a Worker (in the page where no Worker starts). */
function patternImage(id: PatternId): Promise<RGBImage> {
  let made = patterns.get(id);
  if (!made) {
    made = new Promise<RGBImage>((resolve) => {
      try {
        const worker = new Worker(new URL('./patterns.worker.ts', import.meta.url), { type: 'module' });
        worker.onmessage = (e: MessageEvent<RGBImage>) => (resolve(e.data), worker.terminate());
        worker.onerror = () => (resolve(makePattern(id, PATTERN_SIZE)), worker.terminate());
        worker.postMessage({ id, size: PATTERN_SIZE });
      } catch {
        resolve(makePattern(id, PATTERN_SIZE));
      }
    });
    patterns.set(id, made);
  }
  return made;
}

/** The picture a state names, with a key that changes when it does (a new file of the reader's is a new key). */
async function pictureOf(photos: (id: string) => Promise<RGBImage>, own: OwnPicture, { img }: ResampleState): Promise<{ key: string; image: RGBImage }> {
  const mine = img === OWN_IMAGE ? own.whole() : null;
  if (mine) return { key: own.key(img), image: mine };
  if (isPatternId(img)) return { key: img, image: await patternImage(img) };
  const id = findDemoImage(img) ? img : 'chelsea';
  return { key: id, image: await photos(id) };
}

/** `methods` of `input` at the view's size, one after another; null when `stale` turned true between two. */
async function resampleAll(client: Client, input: RGBImage, v: View, a: number, todo: readonly Method[], stale: () => boolean) {
  const out = new Map<Method, Output>();
  for (const m of todo) {
    out.set(m, output((await client.resize(input, v.outW, v.outH, m, a)).image));
    if (stale()) return null;
  }
  return out;
}

/** A panel's pixels: SRCNN's own once ready, the bicubic ones while it is pending or failed, none at other scales. */
function shownOutput(outputs: ReadonlyMap<OutputId, Output>, phase: SrcnnPhase, id: OutputId): Output | undefined {
  if (id !== 'srcnn') return outputs.get(id);
  return phase === 'ready' ? outputs.get('srcnn') : phase === 'off' ? undefined : outputs.get('bicubic');
}

/** The status line: the backend's (or the reader's file's) sentence, then SRCNN's, and why SRCNN failed. */
function statusLine(ctx: FigureContext<ResampleState>, join: string) {
  let [base, srcnn, failure] = ['', '', null as Failure | null];
  const say = () => {
    ctx.say(srcnn ? `${base}${join}${srcnn}` : base);
    if (!failure) return;
    const line = ctx.el('status-message');
    line.dataset.failure = failure.kind;
    showDetail(line, ctx.lang, failure.detail);
  };
  return {
    say,
    base: (text: string) => ((base = text), say()),
    srcnn: (text: string, why: Failure | null) => (([srcnn, failure] = [text, why]), say()),
  };
}

export const figure: Figure<ResampleState> = {
  url: { prefix: 'interp', schema: resampleSchema },
  initial: () => ({ ...defaultResampleState }),
  async setup(ctx) {
    const { root, lang } = ctx;
    const s = interpolationStrings[lang];
    const panels = resamplePanels(root, s);
    const outputs = new Map<OutputId, Output>();
    let srcnn: SrcnnPanel | null = null;
    /** What is on screen: the picture, the view, the keys its four methods and its bicubic were computed for, SRCNN's job. */
    let picture: { key: string; image: RGBImage } | null = null;
    let view: View | null = null;
    const drawn = { input: '', bicubic: '', job: null as SrcnnJob | null };
    const photos = demoPhotoLoader(ctx.url); // each photo fetched and decoded once
    /** The status line's first sentence: the backend's, or what the reader's picture became while it is shown. */
    let [ready, ownText] = ['', ''];
    const status = statusLine(ctx, s.statusJoin);
    const shown = (id: OutputId) => shownOutput(outputs, srcnn?.phase ?? 'off', id);
    const drawSrcnn = () => {
      const out = shown('srcnn');
      const at = srcnn?.phase === 'ready' ? srcnnView : view;
      if (out && at) panels.panel(panels.panels.find((q) => q.id === 'srcnn')!, out, at, srcnn?.phase === 'ready' ? '' : ctx.el('srcnn-pending').textContent ?? '');
    };
    let srcnnView: View | null = null;
    const overlays = perFrame(() => view && panels.overlays(ctx.state, view, shown, srcnn?.phase === 'ready'));
    const controls = bindControls({
      root, lang, s, panels, overlays,
      state: () => ctx.state,
      set: (patch) => ctx.set(patch),
      source: () => picture?.image ?? null,
      view: () => view,
      say: (text) => ctx.say(text),
      loaded: (text) => (ownText = text),
      fail: (err) => ctx.fail(err, 'last'),
    });
    controls.reflect(ctx.state); // the URL's values, also when no backend ever renders
    panels.kernel(ctx.state.a);
    panels.resized(() => (panels.kernel(ctx.state.a), overlays(), panels.fit()));

    const rt = await ctx.runtime();
    if (rt) {
      ready = ctx.readyText(rt.backend);
      status.base(ready);
      srcnn = srcnnPanel({
        root, lang, s, client: rt.client,
        onPhase: () => (drawSrcnn(), overlays()),
        onResult: (image, at) => (outputs.set('srcnn', output(image)), (srcnnView = at)),
        onText: (text, failure) => status.srcnn(text, failure),
      });
    }

    return {
      visible: (v) => srcnn?.visible(v),
      async render(state) {
        controls.reflect(state);
        if (!rt || !srcnn) return true;
        const next = await pictureOf(photos, controls.own, state);
        const v = viewOf(next.image.width, next.image.height, state);
        const [ik, bk] = [inputKey(next.key, v), bicubicKey(next.key, v, state.a)];
        if (ik !== drawn.input || bk !== drawn.bicubic) {
          // only another input (or `a`, for bicubic) makes this run stale; the loupe and the line do not
          const wants = (st: ResampleState) => [st.img, st.own, st.scale, st.cx, st.cy, st.a].join('|');
          const input = cropImage(next.image, v.crop);
          const todo = ik !== drawn.input ? methods.map((m) => m.id) : (['bicubic'] as const);
          if (ik !== drawn.input) srcnn.cancel(); // its input is about to change: the four methods go first
          const results = await resampleAll(rt.client, input, v, state.a, todo, () => wants(ctx.state) !== wants(state));
          if (!results) return false;
          [picture, view, drawn.input, drawn.bicubic] = [next, v, ik, bk];
          for (const [m, out] of results) outputs.set(m, out);
          for (const p of panels.panels) if (results.has(p.id as Method)) panels.panel(p, results.get(p.id as Method)!, v);
          panels.source(next.image, v.crop, { x: state.cx, y: state.cy });
          drawn.job = state.scale === SRCNN_SCALE ? { key: ik, input, view: v } : null;
          srcnn.want(drawn.job);
          if (srcnn.phase !== 'ready') drawSrcnn(); // the new bicubic, dimmed
          panels.fit();
          status.base(state.img === OWN_IMAGE && ownText ? ownText : ready);
        }
        srcnn.want(drawn.job); // again after a pass that went stale and cancelled it (nothing when it runs or ran)
        overlays();
        return true;
      },
    };
  },
};
