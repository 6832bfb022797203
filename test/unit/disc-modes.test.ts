// The score-scale note under the discriminator figures (src/components/discModes): its facts come from
// public/data/disc-modes.json, which must describe the weights the site ships.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discModeFacts, SEPARATES, type DiscModesFile } from '../../src/components/discModes/discModes';

const file = JSON.parse(readFileSync('public/data/disc-modes.json', 'utf8')) as DiscModesFile & {
  discriminators: Record<string, { sha256: Record<string, string> }>;
};
const card = (id: string) => JSON.parse(readFileSync(`public/weights/${id}/card.json`, 'utf8')) as { weights: { sha256: string } };
// chapter 2's note; chapter 3's discriminators have no BatchNorm (spectral normalisation), so they have no modes
const SHOWN = ['srgan_d'];

describe('disc-modes.json and the sentence built from it', () => {
  it('was measured on the shipped weights of each discriminator and its generator (rerun srt.site.disc_modes after a retrain)', () => {
    for (const id of SHOWN) {
      const row = file.discriminators[id];
      expect(row, id).toBeDefined();
      for (const [model, sha] of Object.entries(row.sha256)) expect(card(model).weights.sha256, `${id}: ${model}`).toBe(sha);
    }
  });

  it('measures only discriminators with BatchNorm (spectrally normalised ones have one mode)', () => {
    for (const id of ['esrgan_d', 'esrgan_std_d', 'esrgan_bn_d']) expect(file.discriminators[id], id).toBeUndefined();
  });

  it('"even photographs can score below 0.5 … that moves its whole scale": true of what the chapters show', () => {
    const facts = SHOWN.map((id) => discModeFacts(id, file));
    expect(facts.some((f) => f.deployed.real < 0.5)).toBe(true);
    for (const f of facts) {
      expect(f.training.real, f.id).toBeGreaterThan(f.deployed.real);
      // In training mode each discriminator scores photographs above its generator's outputs.
      expect(f.training.real, f.id).toBeGreaterThan(f.training.fake);
    }
  });

  it('chooses "ranks photographs higher" or "barely tells the two apart" by the measured gap', () => {
    const make = (real: number, fake: number): DiscModesFile => ({
      patches: 8,
      discriminators: {
        x: { generator: 'g', inference: { c_real: 0, c_fake: 0, d_real: real, d_fake: fake }, training: { c_real: 0, c_fake: 0, d_real: 0.8, d_fake: 0.3 } },
      },
    });
    expect(discModeFacts('x', make(0.3, 0.3 - 2 * SEPARATES)).separatesDeployed).toBe(true);
    expect(discModeFacts('x', make(0.3, 0.29)).separatesDeployed).toBe(false);
    expect(discModeFacts('srgan_d', file).separatesDeployed).toBe(false);
    expect(() => discModeFacts('nope', file)).toThrow(/disc_modes\.py/);
  });
});
