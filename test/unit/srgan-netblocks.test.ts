// The network diagrams (src/components/srgan/netBlocks.ts) against the shipped cards: the blocks' parameters
// add up to the card's count, and the shapes follow the architecture (public/weights/README.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discriminatorBlocks, generatorBlocks } from '../../src/components/srgan/netBlocks';

const card = (id: string) => JSON.parse(readFileSync(`public/weights/${id}/card.json`, 'utf8')) as { parameters: number; tensors: Record<string, number[]> };

describe('network diagrams from the cards', () => {
  for (const id of ['srresnet', 'srresnet_vgg', 'srgan']) {
    it(`${id}: 21 blocks, parameters add up, shapes 32² → 128²`, () => {
      const c = card(id);
      const blocks = generatorBlocks(c.tensors, 32);
      expect(blocks).toHaveLength(21);
      expect(blocks.reduce((s, b) => s + b.params, 0)).toBe(c.parameters);
      expect(blocks[0].shape).toEqual([32, 32, 64]);
      expect(blocks.find((b) => b.id === 'upconv1')!.shape).toEqual([64, 64, 64]);
      expect(blocks.at(-1)!.shape).toEqual([128, 128, 3]);
    });
  }
  it('srgan_d: ten convolutions halving 128 → 4, two linears, parameters add up', () => {
    const c = card('srgan_d');
    const blocks = discriminatorBlocks(c.tensors, 128);
    expect(blocks.map((b) => b.id)).toEqual(['conv0_0', 'conv0_1', 'conv1_0', 'conv1_1', 'conv2_0', 'conv2_1', 'conv3_0', 'conv3_1', 'conv4_0', 'conv4_1', 'linear1', 'linear2']);
    expect(blocks.reduce((s, b) => s + b.params, 0)).toBe(c.parameters);
    expect(blocks.find((b) => b.id === 'conv4_1')!.shape).toEqual([4, 4, 128]);
    expect(blocks.at(-1)!.shape).toEqual([1]);
  });
});
