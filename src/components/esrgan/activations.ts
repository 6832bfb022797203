// The pipeline's VGG19 activation statistics (public/data/esrgan/vgg-activations.json): shape check
// and a histogram drawn as SVG bars at build time.

export interface Hist {
  edges: number[];
  counts: number[];
}
export interface SideStats {
  zeroFraction: number;
  mean: number;
  std: number;
  histogram: Hist;
}
export interface Activations {
  command?: string;
  network?: { name: string; init?: string };
  images: string[];
  layers: string[];
  stats: Record<string, Record<string, { before: SideStats; after: SideStats }>>;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isSide(v: unknown): v is SideStats {
  const s = v as SideStats | null;
  return (
    !!s &&
    isNum(s.zeroFraction) &&
    isNum(s.mean) &&
    isNum(s.std) &&
    Array.isArray(s.histogram?.edges) &&
    Array.isArray(s.histogram?.counts) &&
    s.histogram.edges.length === s.histogram.counts.length + 1
  );
}

export function isActivations(v: unknown): v is Activations {
  const a = v as Activations | null;
  if (!a || !Array.isArray(a.images) || !Array.isArray(a.layers) || !a.stats || a.images.length === 0) return false;
  return a.images.every((img) => a.layers.every((l) => isSide(a.stats[img]?.[l]?.before) && isSide(a.stats[img]?.[l]?.after)));
}

/** Bars of a histogram (counts normalised to the tallest bar) inside a width×height box. */
export function histogramBars(h: Hist, width: number, height: number): Array<{ x: number; y: number; w: number; h: number; count: number }> {
  const lo = h.edges[0];
  const hi = h.edges[h.edges.length - 1];
  const span = hi - lo || 1;
  const max = Math.max(1, ...h.counts);
  return h.counts.map((c, i) => {
    const x0 = ((h.edges[i] - lo) / span) * width;
    const x1 = ((h.edges[i + 1] - lo) / span) * width;
    const bh = (c / max) * height;
    return { x: x0, y: height - bh, w: Math.max(0.5, x1 - x0), h: bh, count: c };
  });
}
