// The power-spectrum plot of the "three losses" figure as an SVG string (d3 scales via the chapter-1
// line chart), so it renders at build time and is redrawn live at the container's width.
import { lineChartSvg } from '../../ui/draw/lineChart';
import type { RadialSpectrum } from '../../sr/spectrum';
import { COLOR, DASH, type PanelId } from './data';

export interface SpectrumLabels {
  spectrumTitle: string;
  spectrumX: string;
  spectrumY: string;
}

export function spectrumSvg(
  s: SpectrumLabels,
  spectra: Partial<Record<PanelId, RadialSpectrum>>,
  clipId: string,
  size: { width: number; height: number } = { width: 560, height: 280 },
): string {
  const series = (Object.entries(spectra) as [PanelId, RadialSpectrum][]).map(([id, sp]) => ({
    id,
    color: COLOR[id],
    dash: DASH[id],
    points: sp.freq.map((f, i) => [f, Math.log10(Math.max(sp.power[i], 1e-6))] as [number, number]).filter((p) => Number.isFinite(p[1])),
  }));
  const ys = series.flatMap((t) => t.points.map((p) => p[1]));
  const lo = ys.length ? Math.floor(Math.min(...ys)) : -1;
  const hi = ys.length ? Math.ceil(Math.max(...ys)) : 4;
  return lineChartSvg({
    title: s.spectrumTitle,
    xLabel: s.spectrumX,
    yLabel: s.spectrumY,
    xDomain: [0, 0.5],
    yDomain: [lo, hi],
    series,
    clipId,
    ...size,
  });
}
