// Entry point of the BatchNorm figure: watches visibility only; the figure's code loads in view.
import { esrganStrings } from '../../i18n/esrgan';
import { watchVisibility } from './shared';

export function boot(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-widget="esrgan-bn"]')) {
    if (root.dataset.booted) continue;
    root.dataset.booted = 'true';
    const s = esrganStrings[root.dataset.lang === 'ja' ? 'ja' : 'en'];
    watchVisibility(
      root,
      s.statusStatic,
      () => import('./bnWidget').then((m) => m.mountBn(root)),
    );
  }
}
