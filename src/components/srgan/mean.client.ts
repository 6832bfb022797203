// Entry script of MeanFigure.astro: only watches visibility; mean.ts loads on first view.
import { showFailure } from '../../ui/failureStatus';
import { startWhenVisible } from './shared';

export function boot(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-widget="srgan-mean"]')) {
    if (root.dataset.booted) continue;
    root.dataset.booted = 'true';
    startWhenVisible(
      root,
      async () => (await import('./mean')).mountMean(root),
      (err) => {
        root.dataset.status = 'error';
        root.dataset.backend = 'none';
        const m = root.querySelector<HTMLElement>('[data-role="status-message"]');
        if (m) showFailure(m, root.dataset.lang === 'ja' ? 'ja' : 'en', err, 'static');
      },
    );
  }
}
