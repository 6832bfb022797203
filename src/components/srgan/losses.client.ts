// Entry script of LossesFigure.astro: only watches visibility; the widget (and the runtime Worker with
// TensorFlow.js) load on first view.
import { fill, srganRuntimeStrings } from '../../i18n/srgan';
import { startWhenVisible } from './shared';

export function boot(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-widget="srgan-losses"]')) {
    if (root.dataset.booted) continue;
    root.dataset.booted = 'true';
    const rs = srganRuntimeStrings[root.dataset.lang === 'ja' ? 'ja' : 'en'];
    startWhenVisible(
      root,
      async () => (await import('./losses')).mountLosses(root),
      (err) => {
        root.dataset.status = 'error';
        root.dataset.backend = 'none';
        const m = root.querySelector('[data-role="status-message"]');
        if (m) m.textContent = fill(rs.statusFailed, { details: String(err) });
      },
    );
  }
}
