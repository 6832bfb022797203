/**
 * Seeded random weights for any architecture (shapes from models/specs), for tests that need
 * networks of other sizes than the exported ones (small receptive fields, fast on the CPU backend).
 */
import { expectedTensors } from '../../src/sr/models/specs';
import type { ArchitectureName, ArchParams } from '../../src/sr/weights/card';
import type { DecodedWeights } from '../../src/sr/weights/decode';
import { rng } from '../../src/sr/random';
import { toWeightMap, type WeightMap } from '../../src/sr/weights/tensors';

export function randomDecoded(arch: ArchitectureName, params: ArchParams, seed = 1): DecodedWeights {
  const next = rng(seed);
  const out: DecodedWeights = new Map();
  for (const [name, shape] of Object.entries(expectedTensors(arch, params))) {
    const size = shape.reduce((p, d) => p * d, 1);
    const fanIn = shape.length > 1 ? size / shape[0] : 1;
    const data = new Float32Array(size);
    for (let i = 0; i < size; i++) {
      const u = next() * 2 - 1;
      if (name.endsWith('running_var')) data[i] = 0.5 + next();
      else if (shape.length > 1) data[i] = u * Math.sqrt(3 / fanIn); // variance 1 / fan_in
      else if (name.endsWith('bn1.weight') || /bn\d?(_\d)?\.weight$/.test(name)) data[i] = 1 + 0.2 * u;
      else data[i] = 0.1 * u;
    }
    out.set(name, { shape, data });
  }
  return out;
}

export function randomWeights(arch: ArchitectureName, params: ArchParams, seed = 1): WeightMap {
  return toWeightMap(randomDecoded(arch, params, seed));
}
