// The compute loop the chapter-3 figures share: one run at a time, always towards the state the
// controls name now (a change during a run makes the loop go round again; a stale result is dropped),
// only while the figure is visible, `aria-busy` after 300 ms, and `data-status` ready / error.

export interface LatestStateOptions {
  root: HTMLElement;
  isVisible: () => boolean;
  /** The state the controls ask for, as a string. */
  key: () => string;
  /** Computes and draws the current state; returns false when `stale()` says the controls changed meanwhile (nothing drawn). */
  render: (stale: () => boolean) => Promise<boolean>;
  onShown: () => void;
  onError: (err: unknown) => void;
  /** True while an animation drives the state: no `aria-busy` for its frames. */
  quiet?: () => boolean;
}

/** Returns `pump`: call it after every change and whenever the figure becomes visible. */
export function latestStateRunner(o: LatestStateOptions): () => Promise<void> {
  let running = false;
  let shownKey = '';
  return async function pump(): Promise<void> {
    if (running || !o.isVisible()) return;
    running = true;
    const slow = setTimeout(() => {
      if (!o.quiet?.()) o.root.setAttribute('aria-busy', 'true');
    }, 300);
    try {
      while (o.isVisible()) {
        const key = o.key();
        if (key === shownKey) break;
        if (!(await o.render(() => o.key() !== key))) continue;
        shownKey = key;
        o.root.dataset.shown = key;
        if (o.root.dataset.status !== 'ready') o.root.dataset.status = 'ready';
        o.onShown();
      }
    } catch (err) {
      o.onError(err);
      if (o.root.dataset.status !== 'ready') o.root.dataset.status = 'error';
    } finally {
      clearTimeout(slow);
      o.root.removeAttribute('aria-busy');
      running = false;
    }
  };
}
