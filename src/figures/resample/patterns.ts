// Procedural test patterns for the interpolation widget. Pure functions (no DOM): each returns an
// RGBImage drawn analytically and anti-aliased by supersampling, so the pattern itself is clean and
// every artefact seen after enlarging comes from the interpolation method.
import type { RGBImage } from '../../sr/image';
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphInk } from './bitmapFont';

// Pattern ids share the image select (and the URL's image key) with the demo photographs: none may equal a photo's id.
export type PatternId = 'siemens' | 'zone' | 'letters' | 'edges';
export const patternIds: readonly PatternId[] = ['siemens', 'zone', 'letters', 'edges'];

export function isPatternId(value: string): value is PatternId {
  return (patternIds as readonly string[]).includes(value);
}

/** Grey value in [0,1] at continuous pixel coordinates (x, y); pixel centres are at +0.5. */
type Shader = (x: number, y: number) => number;

/** Rasterise `shade` into a width×height grey RGBImage, averaging ss×ss samples per pixel. */
export function rasterize(width: number, height: number, shade: Shader, ss = 4): RGBImage {
  const data = new Float32Array(width * height * 3);
  const inv = 1 / (ss * ss);
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      let sum = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) sum += shade(px + (sx + 0.5) / ss, py + (sy + 0.5) / ss);
      }
      const v = sum * inv;
      const i = (py * width + px) * 3;
      data[i] = v;
      data[i + 1] = v;
      data[i + 2] = v;
    }
  }
  return { width, height, data };
}

/** Siemens star: `spokes` black/white sector pairs. Spatial frequency rises towards the centre. */
export function siemensStar(size = 256, spokes = 32): RGBImage {
  const c = size / 2;
  const radius = c - 2;
  return rasterize(size, size, (x, y) => {
    const dx = x - c;
    const dy = y - c;
    if (dx * dx + dy * dy > radius * radius) return 1;
    return Math.sin(spokes * Math.atan2(dy, dx)) >= 0 ? 0.05 : 0.95;
  });
}

/**
 * Zone plate: cos(π r² / L). Local frequency is r / L cycles per pixel; with L = size·√2 it reaches
 * the Nyquist limit (0.5) exactly at the corners, so the source has no aliasing of its own.
 */
export function zonePlate(size = 256): RGBImage {
  const c = size / 2;
  const L = size * Math.SQRT2;
  return rasterize(size, size, (x, y) => {
    const dx = x - c;
    const dy = y - c;
    return 0.5 + 0.45 * Math.cos((Math.PI * (dx * dx + dy * dy)) / L);
  });
}

/** Lines of bitmap-font text at decreasing sizes (dark on light). */
export function textPattern(size = 256): RGBImage {
  const lines: { text: string; px: number }[] = [
    { text: 'SUPER', px: 6 },
    { text: 'RESOLUTION', px: 4 },
    { text: 'NEAREST BILINEAR', px: 2.5 },
    { text: 'BICUBIC LANCZOS-3', px: 2 },
    { text: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', px: 1.5 },
    { text: '0123456789 ×2 ×3 ×4 ×8', px: 1.25 },
  ];
  // Lay the lines out top to bottom, each glyph cell 6×9 "font pixels" (1 column and 2 rows gap).
  const layout: { text: string; px: number; top: number; left: number }[] = [];
  let top = 8;
  for (const line of lines) {
    layout.push({ ...line, top, left: 8 });
    top += (GLYPH_HEIGHT + 3) * line.px;
  }
  return rasterize(size, size, (x, y) => {
    for (const line of layout) {
      const row = Math.floor((y - line.top) / line.px);
      if (row < 0 || row >= GLYPH_HEIGHT) continue;
      const cell = (x - line.left) / line.px;
      if (cell < 0) return 0.93;
      const index = Math.floor(cell / (GLYPH_WIDTH + 1));
      const col = Math.floor(cell) - index * (GLYPH_WIDTH + 1);
      const ch = line.text.charAt(index);
      return ch && glyphInk(ch, col, row) ? 0.08 : 0.93;
    }
    return 0.93;
  });
}

/** Signed distance of (x, y) from the line through (x0, y0) with direction angle `deg`. */
function sideOf(x: number, y: number, x0: number, y0: number, deg: number): number {
  const t = (deg * Math.PI) / 180;
  return (x - x0) * Math.sin(t) - (y - y0) * Math.cos(t);
}

/**
 * Straight edges at several angles: a dark wedge (edges at 5° and 30°), a rotated bright square
 * (edges at 20° / 110°) and three thin lines (1, 2 and 3 px wide) at 45°, 60° and 75°.
 */
export function diagonalEdges(size = 256): RGBImage {
  const s = size / 256;
  return rasterize(size, size, (x, y) => {
    let v = 0.6;
    // Dark wedge in the upper half.
    if (sideOf(x, y, 16 * s, 16 * s, 5) < 0 && sideOf(x, y, 16 * s, 16 * s, 30) > 0 && x < 240 * s) v = 0.12;
    // Bright square rotated by 20°, centred at (176, 176).
    const cx = 176 * s;
    const cy = 176 * s;
    const half = 44 * s;
    const t = (20 * Math.PI) / 180;
    const u = (x - cx) * Math.cos(t) + (y - cy) * Math.sin(t);
    const w = -(x - cx) * Math.sin(t) + (y - cy) * Math.cos(t);
    if (Math.abs(u) < half && Math.abs(w) < half) v = 0.95;
    // Thin dark lines in the lower-left quarter.
    const widths = [1, 2, 3];
    const angles = [45, 60, 75];
    for (let k = 0; k < 3; k++) {
      const d = Math.abs(sideOf(x, y, (24 + 28 * k) * s, 150 * s, angles[k]));
      if (y > 120 * s && y < 248 * s && x < 130 * s && d < (widths[k] * s) / 2) v = 0.05;
    }
    return v;
  });
}

/** Build the pattern with the given id. */
export function makePattern(id: PatternId, size = 256): RGBImage {
  switch (id) {
    case 'siemens':
      return siemensStar(size);
    case 'zone':
      return zonePlate(size);
    case 'letters':
      return textPattern(size);
    case 'edges':
      return diagonalEdges(size);
  }
}
