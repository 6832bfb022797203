/**
 * WGSL for the fused WebGPU path, generated from small specs. Activations live in storage buffers of
 * `vec4<f32>` (four channels per element, NHWC, channels padded to a multiple of 4); a buffer can hold
 * several tensors side by side in its channels (a dense block's stack), so every read and write names a
 * channel stride and offset. Weights are TF's HWIO layout padded to multiples of 4 in I and O, read as
 * vec4 over O: one `mat4x4` per four input channels. Each invocation keeps PX pixels x OB output vec4s
 * in registers.
 */

export type Act = 'linear' | 'relu' | 'leakyrelu' | 'prelu';
/** vec4: NHWC vec4 buffer; shuffle: PyTorch pixel_shuffle(2) on the way out; dense: plain f32 NHWC with `outC` channels. */
export type OutMode = 'vec4' | 'shuffle' | 'dense';

export interface ConvProgram {
  kind: 'conv';
  k: number;
  stride: number;
  /** 2: the input is read through nearest x2 upsampling (F.interpolate before the conv). */
  up: 1 | 2;
  act: Act;
  /** Residuals after the activation: v = r1 + s1 v, then v = r2 + s2 v. */
  residuals: 0 | 1 | 2;
  out: OutMode;
}

/** One residual dense block of RRDBNet (five 3x3 convs on the growing stack) in one dispatch, by bands of rows. */
export interface DenseBlockProgram {
  kind: 'dense';
  nf: number;
  gc: number;
  /** 2: the block is the last of an RRDB, whose input comes in as a second residual. */
  residuals: 1 | 2;
}

/** Plain f32 NHWC with C channels (a tensor's buffer) -> a vec4 buffer. */
export interface PackProgram {
  kind: 'pack';
  c: number;
}

export type Program = ConvProgram | DenseBlockProgram | PackProgram;

export const PX = 4;
export const OB = 2;
export const CONV_WG: [number, number] = [8, 8];
export const DENSE_WG = 64;
export const PACK_WG = 64;

export function programKey(p: Program): string {
  return JSON.stringify(p);
}

/** Uniform slots (u32 unless said): the same 24-word block for every program, filled by the plan. */
export const U = {
  conv: ['inW', 'inH', 'inS', 'inO', 'ic4', 'outW', 'outH', 'outS', 'outO', 'oc4', 'pad', 'obN', 'r1S', 'r1O', 'r2S', 'r2O', 's1', 's2', 'outC'],
  dense: ['W', 'H', 'T', 'inS', 'inO', 'outS', 'outO', 'r2S', 'r2O', 'bands', 'scrWg', 'R', 's1', 's2'],
  pack: ['count', 'outS', 'outO'],
} as const;
export const FLOAT_SLOTS = new Set(['s1', 's2']);
export const UNIFORM_WORDS = 24;

function header(names: readonly string[]): string {
  const lets = names.map((name, i) => {
    const at = `u[${i >> 2}][${i & 3}]`;
    if (FLOAT_SLOTS.has(name)) return `  let ${name} = bitcast<f32>(${at});`;
    return name === 'pad' ? `  let pad = i32(${at});` : `  let ${name} = ${at};`;
  });
  return lets.join('\n');
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * Adds src's channels [0, c4) at the pixels b0..b{PX-1} (valid v0..) times weight rows starting at input
 * vec4 `icOff` of a conv with `ic4` input and `oc4` output vec4s whose weights start at vec4 `wOff`.
 */
function accumulate(src: string, c4: string, icOff: string, ic4: string, oc4: string, wOff: string): string {
  const loads = range(PX).map((p) => `      let x${p} = select(vec4<f32>(0.0), ${src}[b${p} + c], v${p});`);
  const macs = range(OB).map((o) => {
    const m = `      let m${o} = mat4x4<f32>(wt[wr + ${o}u], wt[wr + ${o}u + ${oc4}], wt[wr + ${o}u + 2u * ${oc4}], wt[wr + ${o}u + 3u * ${oc4}]);`;
    return [m, ...range(PX).map((p) => `      a${p}_${o} += m${o} * x${p};`)].join('\n');
  });
  return [
    `    for (var c = 0u; c < ${c4}; c++) {`,
    ...loads,
    `      let wr = ${wOff} + ((tap * ${ic4} + ${icOff} + c) * 4u) * ${oc4} + ob0;`,
    ...macs,
    '    }',
  ].join('\n');
}

function accInit(bias: string): string {
  return range(PX)
    .flatMap((p) => range(OB).map((o) => `  var a${p}_${o} = ${bias}[min(ob0 + ${o}u, oc4 - 1u) + boff];`))
    .join('\n');
}

/** The pixel bases b{p} / validity v{p} of one tap for the PX pixels from x0, in a row starting at `row`. */
function tapPixels(ix: (p: number) => string, cw: string, base: (col: string) => string): string {
  return range(PX)
    .map((p) => [`      let ix${p} = ${ix(p)};`, `      let v${p} = ix${p} >= 0 && ix${p} < ${cw};`, `      let b${p} = ${base(`u32(clamp(ix${p}, 0, ${cw} - 1))`)};`].join('\n'))
    .join('\n');
}

function activation(act: Act, v: string, alphaIndex: string): string {
  if (act === 'relu') return `${v} = max(${v}, vec4<f32>(0.0));`;
  if (act === 'leakyrelu') return `${v} = max(${v}, ${v} * 0.2);`;
  if (act === 'prelu') return `${v} = select(${v} * al[${alphaIndex}], ${v}, ${v} > vec4<f32>(0.0));`;
  return '';
}

export function convWGSL(p: ConvProgram): string {
  const dst = p.out === 'dense' ? 'array<f32>' : 'array<vec4<f32>>';
  const bindings = [
    '@group(0) @binding(0) var<uniform> u: array<vec4<u32>, 6>;',
    '@group(0) @binding(1) var<storage, read> src: array<vec4<f32>>;',
    '@group(0) @binding(2) var<storage, read> wt: array<vec4<f32>>;',
    '@group(0) @binding(3) var<storage, read> bs: array<vec4<f32>>;',
    `@group(0) @binding(4) var<storage, read_write> dst: ${dst};`,
  ];
  if (p.act === 'prelu') bindings.push('@group(0) @binding(5) var<storage, read> al: array<vec4<f32>>;');
  if (p.residuals >= 1) bindings.push('@group(0) @binding(6) var<storage, read> r1: array<vec4<f32>>;');
  if (p.residuals >= 2) bindings.push('@group(0) @binding(7) var<storage, read> r2: array<vec4<f32>>;');
  const epilogue = range(PX).flatMap((q) =>
    range(OB).map((o) => {
      const lines = [`    { let ox = ox0 + ${q}u; let ob = ob0 + ${o}u;`, `    if (ox < outW && ob < oc4) {`, `      var v = a${q}_${o};`];
      if (p.out === 'shuffle') lines.push('      let cq = oc4 / 4u; let s = ob / cq; let cb = ob % cq;');
      lines.push('      ' + activation(p.act, 'v', p.out === 'shuffle' ? 'cb' : 'ob'));
      lines.push('      let pix = (n * outH + oy) * outW + ox;');
      if (p.residuals >= 1) lines.push('      v = r1[pix * r1S + r1O + ob] + s1 * v;');
      if (p.residuals >= 2) lines.push('      v = r2[pix * r2S + r2O + ob] + s2 * v;');
      if (p.out === 'vec4') lines.push('      dst[pix * outS + outO + ob] = v;');
      if (p.out === 'shuffle') lines.push('      dst[((n * outH * 2u + oy * 2u + s / 2u) * outW * 2u + ox * 2u + s % 2u) * outS + outO + cb] = v;');
      if (p.out === 'dense') lines.push('      for (var k = 0u; k < 4u; k++) { if (ob * 4u + k < outC) { dst[pix * outC + ob * 4u + k] = v[k]; } }');
      lines.push('    } }');
      return lines.join('\n');
    }),
  );
  return `${bindings.join('\n')}
@compute @workgroup_size(${CONV_WG[0]}, ${CONV_WG[1]}, 1)
fn main(@builtin(global_invocation_id) g: vec3<u32>) {
${header(U.conv)}
  let ox0 = g.x * ${PX}u; let oy = g.y; let n = g.z / obN; let ob0 = (g.z % obN) * ${OB}u;
  if (ox0 >= outW || oy >= outH) { return; }
  let boff = 0u;
  let cw = i32(inW * ${p.up}u); let ch = i32(inH * ${p.up}u);
${accInit('bs')}
  for (var ky = 0; ky < ${p.k}; ky++) {
    let iy = i32(oy) * ${p.stride} + ky - pad;
    if (iy < 0 || iy >= ch) { continue; }
    let row = (n * inH + u32(iy) / ${p.up}u) * inW;
    for (var kx = 0; kx < ${p.k}; kx++) {
      let tap = u32(ky * ${p.k} + kx);
${tapPixels((q) => `i32(ox0 + ${q}u) * ${p.stride} + kx - pad`, 'cw', (col) => `(row + ${col} / ${p.up}u) * inS + inO`)}
${accumulate('src', 'ic4', '0u', 'ic4', 'oc4', '0u')}
    }
  }
${epilogue.join('\n')}
}
`;
}

/** Offsets (in vec4) of conv k (1..5) of a dense block in the concatenated weight and bias buffers. */
export function denseOffsets(nf: number, gc: number): Array<{ ic4: number; oc4: number; w: number; b: number }> {
  const out: Array<{ ic4: number; oc4: number; w: number; b: number }> = [];
  let w = 0;
  let b = 0;
  for (let k = 1; k <= 5; k++) {
    const ic4 = (nf + (k - 1) * gc) / 4;
    const oc4 = (k === 5 ? nf : gc) / 4;
    out.push({ ic4, oc4, w, b });
    w += 9 * ic4 * 4 * oc4;
    b += oc4;
  }
  return out;
}

/** Halo of the dense block's first conv: each later conv needs one row less. */
export const DENSE_HALO = 4;

export function denseWGSL(p: DenseBlockProgram): string {
  const nf4 = p.nf / 4;
  const gc4 = p.gc / 4;
  const offs = denseOffsets(p.nf, p.gc);
  const stage = (k: number): string => {
    const { ic4, oc4, w, b } = offs[k - 1];
    const last = k === 5;
    const halo = 5 - k;
    const sources = [
      '      {',
      `      let rowX = (n * H + u32(iy)) * W;`,
      tapPixels((q) => `i32(px0 + ${q}u) + kx - 1`, 'i32(W)', (col) => `(rowX + ${col}) * inS + inO`),
      accumulate('src', `${nf4}u`, '0u', `${ic4}u`, `${oc4}u`, `${w}u`),
      '      }',
    ];
    for (let j = 1; j < k; j++) {
      sources.push(
        '      {',
        `      let rowS = (${j - 1}u * R + u32(iy - (i32(y0) - ${DENSE_HALO}))) * W;`,
        tapPixels((q) => `i32(px0 + ${q}u) + kx - 1`, 'i32(W)', (col) => `sbase + (rowS + ${col}) * ${gc4}u`),
        accumulate('scr', `${gc4}u`, `${nf4 + (j - 1) * gc4}u`, `${ic4}u`, `${oc4}u`, `${w}u`),
        '      }',
      );
    }
    const store = range(PX).flatMap((q) =>
      range(OB).map((o) => {
        const lines = [`      { let ox = px0 + ${q}u; let ob = ob0 + ${o}u;`, `      if (ox < W && ob < ${oc4}u) {`, `        var v = a${q}_${o};`];
        if (!last) {
          lines.push('        v = max(v, v * 0.2);');
          lines.push(`        scr[sbase + (${k - 1}u * R + u32(oy - (i32(y0) - ${DENSE_HALO}))) * W * ${gc4}u + ox * ${gc4}u + ob] = v;`);
        } else {
          lines.push('        let pix = (n * H + u32(oy)) * W + ox;');
          lines.push('        v = src[pix * inS + inO + ob] + s1 * v;');
          if (p.residuals === 2) lines.push('        v = r2[pix * r2S + r2O + ob] + s2 * v;');
          lines.push('        dst[pix * outS + outO + ob] = v;');
        }
        lines.push('      } }');
        return lines.join('\n');
      }),
    );
    return `  {
    let ya = max(i32(y0) - ${halo}, 0); let yb = min(i32(y0 + T) + ${halo}, i32(H));
    let rows = u32(max(yb - ya, 0));
    let obN = ${Math.ceil(oc4 / OB)}u;
    let count = rows * pxN * obN;
    let oc4 = ${oc4}u; let boff = ${b}u;
    for (var it = li; it < count; it += ${DENSE_WG}u) {
      let ob0 = (it % obN) * ${OB}u; let rest = it / obN; let px0 = (rest % pxN) * ${PX}u; let oy = i32(rest / pxN) + ya;
${accInit('bs')}
      for (var ky = 0; ky < 3; ky++) {
        let iy = oy + ky - 1;
        if (iy < 0 || iy >= i32(H)) { continue; }
        for (var kx = 0; kx < 3; kx++) {
          let tap = u32(ky * 3 + kx);
${sources.join('\n')}
        }
      }
${store.join('\n')}
    }
  }
  storageBarrier();`;
  };
  const bindings = [
    '@group(0) @binding(0) var<uniform> u: array<vec4<u32>, 6>;',
    '@group(0) @binding(1) var<storage, read> src: array<vec4<f32>>;',
    '@group(0) @binding(2) var<storage, read> wt: array<vec4<f32>>;',
    '@group(0) @binding(3) var<storage, read> bs: array<vec4<f32>>;',
    '@group(0) @binding(4) var<storage, read_write> dst: array<vec4<f32>>;',
    '@group(0) @binding(5) var<storage, read_write> scr: array<vec4<f32>>;',
  ];
  if (p.residuals === 2) bindings.push('@group(0) @binding(7) var<storage, read> r2: array<vec4<f32>>;');
  return `${bindings.join('\n')}
@compute @workgroup_size(${DENSE_WG}, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
${header(U.dense)}
  let band = wg.x; let n = wg.y;
  let y0 = band * T;
  let sbase = (n * bands + band) * scrWg;
  let pxN = (W + ${PX - 1}u) / ${PX}u;
${range(5).map((k) => stage(k + 1)).join('\n')}
}
`;
}

export function packWGSL(p: PackProgram): string {
  const comps = range(4).map((c) => (c < p.c ? `src[i * ${p.c}u + ${c}u]` : '0.0'));
  return `@group(0) @binding(0) var<uniform> u: array<vec4<u32>, 6>;
@group(0) @binding(1) var<storage, read> src: array<f32>;
@group(0) @binding(4) var<storage, read_write> dst: array<vec4<f32>>;
@compute @workgroup_size(${PACK_WG}, 1, 1)
fn main(@builtin(global_invocation_id) g: vec3<u32>) {
${header(U.pack)}
  let i = g.x;
  if (i >= count) { return; }
  dst[i * outS + outO] = vec4<f32>(${comps.join(', ')});
}
`;
}

export function wgslOf(p: Program): string {
  if (p.kind === 'conv') return convWGSL(p);
  if (p.kind === 'dense') return denseWGSL(p);
  return packWGSL(p);
}
