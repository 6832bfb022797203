// Entry script of LossesFigure.astro: only watches visibility; the widget (and the runtime Worker with
// TensorFlow.js) load on first view.
import { showFailure } from '../../ui/failureStatus';
import { startWhenVisible } from './shared';

export function boot(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-widget="srgan-losses"]')) {
    if (root.dataset.booted) continue;
    root.dataset.booted = 'true';
    const lang = root.dataset.lang === 'ja' ? 'ja' : 'en';
    startWhenVisible(
      root,
      async () => (await import('./losses')).mountLosses(root),
      (err) => {
        root.dataset.status = 'error';
        root.dataset.backend = 'none';
        const m = root.querySelector<HTMLElement>('[data-role="status-message"]');
        if (m) showFailure(m, lang, err, 'static');
      },
    );
  }
}
