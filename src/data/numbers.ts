// Build-time access to single numbers of the zoo for the chapter prose (components/site/Num.astro): scores, sizes and
// training lengths from the model cards (a score the card lacks from public/data/results.json), the
// perception-distortion sweep (`pd`) and the random VGG's activation statistics (`vgg`).
import { readZoo, type Zoo } from '../components/models/zoo-data';
import { readActivations, readPerceptionDistortion } from '../components/esrgan/figures';
import type { Lang } from '../i18n';

let zoo: Zoo | null = null;
const getZoo = (): Zoo => (zoo ??= readZoo());

/** A number from a card (or the bicubic baseline), or null when it is not in this build. */
export function cardNumber(id: string, metric: string): number | null {
  if (id === 'pd') return pdNumber(metric);
  if (id === 'vgg') return vggNumber(metric);
  const z = getZoo();
  if (metric.startsWith('params:')) {
    const c = [...z.generators, ...z.discriminators].find((g) => g.id === id);
    return c ? tensorParameters(c as { tensors?: Record<string, number[]> }, metric.slice(7)) : null;
  }
  const [set, key] = metric.split('.') as ['set5' | 'set14', 'psnr' | 'ssim' | 'niqe' | 'grid'];
  const ok = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (id === 'bicubic') return key && ok(z.bicubic?.[set]?.[key]) ? z.bicubic![set]![key]! : null;
  const card = [...z.generators, ...z.discriminators].find((c) => c.id === id);
  if (!card) return null;
  if (key) {
    const fromCard = card.metrics?.[set]?.[key];
    const fromTable = z.results[id]?.[set]?.[key]; // the grid index, which older cards lack
    return ok(fromCard) ? fromCard : ok(fromTable) ? fromTable : null;
  }
  if (metric === 'parameters') return card.parameters;
  if (metric === 'kb') return Math.round(card.weights.bytes / 1024);
  const t = card.training as Record<string, unknown> | undefined;
  if (metric === 'l1') return ok((t?.losses as Record<string, unknown> | undefined)?.l1) ? ((t!.losses as Record<string, number>).l1) : null;
  const v = t?.[metric];
  return typeof v === 'number' ? v : null;
}

/** What the prose prints for `metric` of `id`: a formatted number, the content layer's name, or '—' when absent. */
export function numberText(id: string, metric: string, lang: Lang): string {
  if (metric === 'content_layer') {
    const card = [...getZoo().generators].find((c) => c.id === id);
    const layer = (card?.training as { content_loss?: { layer?: unknown } } | undefined)?.content_loss?.layer;
    return typeof layer === 'string' ? layer : '—';
  }
  return formatNumber(cardNumber(id, metric), metric, lang);
}

/**
 * From perception-distortion.json: `set5.niqe@0.5` (a value at one α), `set5.maxniqe` (largest NIQE
 * over α) and `set5.maxniqe_alpha` (where it is).
 */
export function pdNumber(metric: string): number | null {
  const pd = readPerceptionDistortion();
  const [set, key] = metric.split('.') as ['set5' | 'set14', string];
  const points = pd?.[set];
  if (!points?.length) return null;
  if (key.startsWith('maxniqe')) {
    const top = points.reduce((p, q) => (q.niqe > p.niqe ? q : p));
    return key === 'maxniqe' ? top.niqe : top.alpha;
  }
  const [name, at] = key.split('@') as ['psnr' | 'niqe' | 'ssim', string];
  const hit = points.find((p) => Math.abs(p.alpha - Number(at)) < 1e-6);
  return typeof hit?.[name] === 'number' ? hit[name] : null;
}

/** From vgg-activations.json: `conv5_4.after` = mean share of zeros over the images, in per cent. */
export function vggNumber(metric: string): number | null {
  const a = readActivations();
  const [layer, side] = metric.split('.') as [string, 'before' | 'after'];
  if (!a || !a.layers.includes(layer)) return null;
  const v = a.images.map((img) => a.stats[img][layer][side].zeroFraction);
  return (100 * v.reduce((x, y) => x + y, 0)) / v.length;
}

export function formatNumber(v: number | null, metric: string, lang: Lang): string {
  if (v === null) return '—';
  if (metric.endsWith('.before') || metric.endsWith('.after')) return v.toFixed(0);
  if (metric.endsWith('_alpha')) return v.toFixed(1);
  if (metric.endsWith('.ssim')) return v.toFixed(4);
  if (metric.endsWith('.grid')) return v.toFixed(1);
  if (metric === 'l1') return String(v);
  if (metric.includes('.')) return v.toFixed(2);
  if (metric === 'gpu_minutes' || metric === 'cpu_minutes') return v.toFixed(0);
  return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US').format(v);
}

/** Number of weights in the tensors whose names start with `prefix` (from the card's tensor shapes). */
export function tensorParameters(card: { tensors?: Record<string, number[]> }, prefix: string): number | null {
  if (!card.tensors) return null;
  let n = 0;
  for (const [name, shape] of Object.entries(card.tensors)) {
    if (name.startsWith(prefix) && !name.includes('running_') && !name.endsWith('num_batches_tracked')) n += shape.reduce((a, b) => a * b, 1);
  }
  return n;
}
