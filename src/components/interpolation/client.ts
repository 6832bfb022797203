// Entry point loaded by InterpolationFigure.astro. It only watches visibility: the engine, the
// compute backend and the interactive code are loaded the first time a figure comes near the
// viewport, and each figure is told when it leaves or re-enters the screen (to pause rendering).
import { interpolationStrings } from '../../i18n/interpolation';
import { showFailure } from '../../ui/failureStatus';

interface Visible {
  setVisible(visible: boolean): void;
}

function setupFigure(root: HTMLElement): void {
  const lang = root.dataset.lang === 'ja' ? 'ja' : 'en';
  const message = root.querySelector<HTMLElement>('[data-role="status-message"]');
  if (message) message.textContent = interpolationStrings[lang].statusStatic;

  let handle: Visible | null = null;
  let starting = false;
  let visible = false;
  const observer = new IntersectionObserver(
    (entries) => {
      visible = entries.some((e) => e.isIntersecting);
      if (handle) handle.setVisible(visible);
      else if (visible && !starting) {
        starting = true;
        import('./widget')
          .then(async ({ mountWidget }) => {
            handle = await mountWidget(root);
            handle.setVisible(visible);
          })
          .catch((err: unknown) => {
            root.dataset.status = 'error';
            root.dataset.backend = 'none';
            if (message) showFailure(message, lang, err, 'static');
          });
      }
    },
    { rootMargin: '200px 0px' },
  );
  observer.observe(root);
}

export function boot(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-widget="interpolation"]')) {
    if (root.dataset.booted) continue;
    root.dataset.booted = 'true';
    setupFigure(root);
  }
}
