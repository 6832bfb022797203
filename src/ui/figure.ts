// A live figure, as the kit defines it. The page's entry script calls `bootFigure` only: nothing else is loaded
// until the figure's root comes within 200 px of the viewport (ui/lifecycle.ts); then the figure's code and the
// kit's mount (ui/mount.ts) are imported and `setup` runs once. After that the kit owns what every figure
// repeats: language, base URL, status and failure line, the page's one runtime, URL state, and the
// latest-state loop that renders only while the figure is on screen.
import type { BackendName } from '../sr/backend';
import type { RuntimeClient } from '../sr/runtime/client';
import type { Lang } from '../i18n';
import type { Schema } from './urlState';

export interface FigureContext<S> {
  root: HTMLElement;
  lang: Lang;
  /** An absolute URL for a file the site ships, e.g. `url('images/demo/chelsea.png')`. */
  url(path: string): string;
  /** The element with `data-role="<role>"` inside the figure (throws when the markup lacks it). */
  el<T extends Element = HTMLElement>(role: string): T;
  all<T extends Element = HTMLElement>(role: string): T[];
  /** The state the controls name now; `set` changes it, writes the URL and renders when visible. */
  readonly state: S;
  set(patch: Partial<S>): void;
  /** The status line: `say` plain text; `fail` an error as a sentence in the page's language. */
  say(text: string): void;
  fail(err: unknown, kept: 'static' | 'last' | 'none'): void;
  /** The page's runtime, started once; null when no backend starts (the figure then keeps its static pictures). */
  runtime(): Promise<{ client: RuntimeClient; backend: BackendName } | null>;
  /** "Live on WebGPU." and friends, in the page's language. */
  readyText(backend: BackendName): string;
  /** The backend's name as the prose says it ("WebGPU", "the CPU"). */
  backendWord(backend: BackendName): string;
}

export interface Figure<S> {
  /** URL parameters `<prefix>.<key>`; omit for a figure without shareable state. */
  url?: { prefix: string; schema: Schema<S> };
  /** What stays when no backend starts: pre-computed pictures ('static', the default) or nothing ('none'). */
  kept?: 'static' | 'none';
  /** State before the URL is read (may read the root's data attributes); the URL's parameters override it. */
  initial(root: HTMLElement): S;
  /** Wires the controls once; returns how to draw a state. */
  setup(ctx: FigureContext<S>): Promise<FigureView<S>> | FigureView<S>;
}

export interface FigureView<S> {
  /** Computes and draws `state`; return false when `stale()` turned true and nothing was drawn. */
  render(state: S, stale: () => boolean): Promise<boolean>;
  /** Told when the figure comes into view and leaves it (after the first time: an animation stops off screen). */
  visible?(v: boolean): void;
  /** True while an animation drives the state: its frames do not mark the figure `aria-busy` and are not written
   * into the URL (the state when it stops is). */
  quiet?(): boolean;
}

/** Boots every `[data-figure="<name>"]` on the page; `load` imports the figure's module (its `figure` export). */
export function bootFigure<S>(name: string, load: () => Promise<Figure<S>>): void {
  for (const root of document.querySelectorAll<HTMLElement>(`[data-figure="${name}"]`)) {
    if (root.dataset.booted) continue;
    root.dataset.booted = 'true';
    void import('./lifecycle').then(({ startWhenVisible }) =>
      startWhenVisible(
        root,
        async () => {
          const [{ mountFigure }, figure] = await Promise.all([import('./mount'), load()]);
          return mountFigure(root, figure);
        },
        (err) => void import('./mount').then((m) => m.failBeforeStart(root, err)),
      ),
    );
  }
}
