// Entry point of the discriminator figure: watches visibility only; the figure's code loads in view.
import { esrganStrings } from '../../i18n/esrgan';
import { watchVisibility } from './shared';

export function boot(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-widget="esrgan-disc"]')) {
    if (root.dataset.booted) continue;
    root.dataset.booted = 'true';
    const s = esrganStrings[root.dataset.lang === 'ja' ? 'ja' : 'en'];
    watchVisibility(
      root,
      s.statusStatic,
      () => import('./discWidget').then((m) => m.mountDisc(root)),
    );
  }
}
