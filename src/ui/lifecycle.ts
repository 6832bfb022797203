// How every live figure starts and pauses (ui/figure.ts `bootFigure`): nothing but this observer runs
// until the figure comes within 200 px of the viewport; then its code is imported and mounted once, and
// from then on it is told when it leaves or re-enters the viewport.

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
