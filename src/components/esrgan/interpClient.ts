// Entry point of the network-interpolation figure: watches visibility only; the runtime and the
// figure's code load the first time it comes near the viewport.
import { esrganStrings } from '../../i18n/esrgan';
import { watchVisibility } from './shared';

export function boot(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-widget="esrgan-interp"]')) {
    if (root.dataset.booted) continue;
    root.dataset.booted = 'true';
    const s = esrganStrings[root.dataset.lang === 'ja' ? 'ja' : 'en'];
    watchVisibility(
      root,
      s.statusStatic,
      () => import('./interpWidget').then((m) => m.mountInterp(root)),
    );
  }
}
