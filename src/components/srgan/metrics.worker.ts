// Web Worker for the "three losses" figure's numbers: PSNR, SSIM and the radial spectrum of a 128² output
// take a few milliseconds each, which a busy machine can stretch past 50 ms; here they never block the page.
import type { RGBImage } from '../../sr/image';
import { panelNumbers } from './pipeline';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<{ id: number; output: RGBImage; truth: RGBImage | null }>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (e) => {
  const { id, output, truth } = e.data;
  try {
    scope.postMessage({ id, ok: true, numbers: panelNumbers(output, truth) });
  } catch (err) {
    scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
