// Build-time numbers for the figures' static HTML (Node only): decodes the pre-computed PNGs in
// public/data/srgan and measures them with the same engine code the live figures use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePNG } from '../../data/png';
import { fromRGBA, type RGBImage } from '../../sr/image';
import { staticPath, type PanelId } from './data';
import { panelNumbers, type PanelNumbers } from './pipeline';

export function readPng(path: string): RGBImage {
  const png = decodePNG(readFileSync(join(process.cwd(), 'public', path)));
  return fromRGBA({ width: png.width, height: png.height, data: png.data });
}

export function staticNumbers(image: string, ids: PanelId[]): Record<string, PanelNumbers> {
  const truth = readPng(staticPath(image, 'hr'));
  return Object.fromEntries(ids.map((id) => [id, panelNumbers(readPng(staticPath(image, id)), id === 'hr' ? null : truth)]));
}
