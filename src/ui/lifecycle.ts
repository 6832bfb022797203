// How every live figure starts and pauses (widget conventions 6 and 7): nothing but this observer runs
// until the figure comes within 200 px of the viewport; then its code is imported and mounted once, and
// from then on it is told when it leaves or re-enters the viewport.
import type { Lang } from '../i18n';
import { showFailure } from './failureStatus';

export interface Mounted {
  setVisible(visible: boolean): void;
}

/** Watches `root`; imports and mounts the widget on first approach, then reports visibility changes. */
export function startWhenVisible(root: HTMLElement, mount: () => Promise<Mounted>, onError: (err: unknown) => void): void {
  let handle: Mounted | null = null;
  let starting = false;
  let visible = false;
  new IntersectionObserver(
    (entries) => {
      visible = entries.some((e) => e.isIntersecting);
      if (handle) handle.setVisible(visible);
      else if (visible && !starting) {
        starting = true;
        mount()
          .then((h) => {
            handle = h;
            h.setVisible(visible);
          })
          .catch(onError);
      }
    },
    { rootMargin: '200px 0px' },
  ).observe(root);
}

/**
 * The entry script of a figure that mounts itself (chapters 1-3; the kit's own figures use `bootFigure`): every
 * `[data-widget="<name>"]` root is started once, on first approach; when its code cannot load or mount, the root
 * says `error` and its status line tells why in the page's language while the static pictures stay. `staticText`
 * fills an empty status line before that.
 */
export function bootWidget(name: string, mount: (root: HTMLElement) => Promise<Mounted>, staticText?: (lang: Lang) => string): void {
  for (const root of document.querySelectorAll<HTMLElement>(`[data-widget="${name}"]`)) {
    if (root.dataset.booted) continue;
    root.dataset.booted = 'true';
    const lang: Lang = root.dataset.lang === 'ja' ? 'ja' : 'en';
    const message = root.querySelector<HTMLElement>('[data-role="status-message"]');
    if (message && !message.textContent && staticText) message.textContent = staticText(lang);
    startWhenVisible(
      root,
      () => mount(root),
      (err) => {
        root.dataset.status = 'error';
        root.dataset.backend = 'none';
        if (message) showFailure(message, lang, err, 'static');
      },
    );
  }
}
