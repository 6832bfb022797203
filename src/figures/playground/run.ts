// One playground run, in the page's runtime: the probe that times this device on a small square of the picture
// (once per architecture and shape, after a first untimed pass that loads the weights and compiles the shaders),
// then the tiled run with tiles done, time so far and time left. Pure arithmetic lives in ./compute.ts.
import type { RGBImage } from '../../sr/image';
import type { RuntimeClient } from '../../sr/runtime/client';
import { fill, playgroundStrings } from '../../i18n/playground';
import type { Lang } from '../../i18n';
import { squareCrop } from '../../ui/images/crop';
import { planRun, probeSide, secondsLeft, type modelRef, type RunPlan } from './compute';
import type { Arch } from './sources';

export interface Chosen {
  /** What the runtime runs: a zoo id, a blend of a pair, or the reader's file's id. */
  ref: ReturnType<typeof modelRef>;
  /** The name shown and used for the download. */
  label: string;
  arch: Arch;
}

/** The probe's measurement: `macs` multiply-accumulates took `ms` milliseconds. */
export interface Rate {
  macs: number;
  ms: number;
}

const copy = (img: RGBImage): RGBImage => ({ ...img, data: img.data.slice() });

/** Times the network on a small square of the picture, after one untimed pass (weights, shaders). */
export async function probe(client: RuntimeClient, chosen: Chosen, img: RGBImage, signal: AbortSignal): Promise<Rate> {
  const side = probeSide(chosen.arch.name, img.width, img.height);
  const square = squareCrop(img, side);
  const request = { channel: 'playground', model: chosen.ref, signal };
  await client.upscale({ ...request, image: copy(square) });
  const timed = await client.upscale({ ...request, image: copy(square) });
  return { macs: planRun(chosen.arch.name, chosen.arch.params ?? {}, side, side, 'auto').macs, ms: timed.ms };
}

/** "42 s", "3 min" in the page's language. */
export function duration(lang: Lang, seconds: number): string {
  const s = playgroundStrings[lang];
  return seconds < 90 ? fill(s.seconds, { n: Math.max(1, Math.round(seconds)) }) : fill(s.minutes, { n: Math.round(seconds / 60) });
}

/** "1 tile", "4 tiles" (with their side when given), in the page's language. */
export function tileCount(lang: Lang, n: number, side?: number): string {
  const s = playgroundStrings[lang];
  const text = side ? (n === 1 ? s.oneTileOf : s.tilesOf) : n === 1 ? s.oneTile : s.tiles;
  return fill(text, { n, tile: side ?? '' });
}

/** Runs the network on the whole picture as `plan` says, reporting tiles, time so far and time left through `say`. */
export async function runWhole(
  client: RuntimeClient,
  chosen: Chosen,
  img: RGBImage,
  plan: RunPlan,
  /** The tile side to ask for; undefined lets the runtime choose within this device's limits. */
  tile: number | undefined,
  estimate: number,
  io: { lang: Lang; signal: AbortSignal; progress: HTMLProgressElement; say(text: string): void },
) {
  const s = playgroundStrings[io.lang];
  const t0 = performance.now();
  return client.upscale({
    channel: 'playground',
    model: chosen.ref,
    image: copy(img),
    tile,
    signal: io.signal,
    onProgress: (p) => {
      if (p.phase !== 'tiles') return;
      const elapsed = performance.now() - t0;
      [io.progress.max, io.progress.value] = [p.total, p.done];
      io.say(fill(s.progress, { done: p.done, total: p.total, s: (elapsed / 1000).toFixed(1), left: duration(io.lang, secondsLeft(elapsed, p.done, p.total, estimate)) }));
    },
  });
}
