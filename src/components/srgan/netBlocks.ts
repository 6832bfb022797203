// The blocks of the two network diagrams, derived from a model card's tensor shapes (names → shapes),
// so the diagrams show the weights actually shipped. Pure; used at build time and in tests.

export type Shapes = Record<string, number[]>;

export interface Block {
  /** Runtime tap name (src/sr/models: srresnet and vgg_discriminator taps), also the element id. */
  id: string;
  kind: 'conv' | 'res' | 'up' | 'linear';
  /** Output [height, width, channels] for the figure's input (LR 32² or patch 128²), or [units]. */
  shape: number[];
  /** Trainable parameters (BatchNorm running statistics are buffers, not parameters). */
  params: number;
  /** Feature maps can be shown (a spatial layer with a runtime tap). */
  tap: boolean;
}

const count = (shapes: Shapes, prefixes: string[]): number =>
  Object.entries(shapes)
    .filter(([name]) => !name.includes('running_') && prefixes.some((p) => name.startsWith(p)))
    .reduce((sum, [, s]) => sum + s.reduce((a, b) => a * b, 1), 0);

const outChannels = (shapes: Shapes, weight: string): number => shapes[weight]?.[0] ?? 0;

/** SRResNet / SRGAN generator on an `lr` × `lr` input. */
export function generatorBlocks(shapes: Shapes, lr: number): Block[] {
  const blocks: Block[] = [];
  const c = outChannels(shapes, 'conv_first.weight');
  blocks.push({ id: 'conv_first', kind: 'conv', shape: [lr, lr, c], params: count(shapes, ['conv_first.', 'prelu_first.']), tap: true });
  for (let i = 0; shapes[`body.${i}.conv1.weight`]; i++) {
    blocks.push({ id: `body.${i}`, kind: 'res', shape: [lr, lr, outChannels(shapes, `body.${i}.conv2.weight`)], params: count(shapes, [`body.${i}.`]), tap: true });
  }
  blocks.push({ id: 'conv_body', kind: 'conv', shape: [lr, lr, outChannels(shapes, 'conv_body.weight')], params: count(shapes, ['conv_body.', 'bn_body.']), tap: true });
  // Each upsampling conv makes 4× the channels; the pixel shuffle turns them into a 2× larger map.
  blocks.push({ id: 'upconv1', kind: 'up', shape: [2 * lr, 2 * lr, outChannels(shapes, 'upconv1.weight') / 4], params: count(shapes, ['upconv1.', 'prelu_up1.']), tap: true });
  blocks.push({ id: 'upconv2', kind: 'up', shape: [4 * lr, 4 * lr, outChannels(shapes, 'upconv2.weight') / 4], params: count(shapes, ['upconv2.', 'prelu_up2.']), tap: true });
  blocks.push({ id: 'conv_last', kind: 'conv', shape: [4 * lr, 4 * lr, outChannels(shapes, 'conv_last.weight')], params: count(shapes, ['conv_last.']), tap: true });
  return blocks;
}

/** VGG-style discriminator on a `size` × `size` patch: convK_0 keeps the size, convK_1 (stride 2) halves it. */
export function discriminatorBlocks(shapes: Shapes, size: number): Block[] {
  const blocks: Block[] = [];
  let side = size;
  for (let s = 0; shapes[`conv${s}_0.weight`]; s++) {
    for (const j of [0, 1]) {
      const id = `conv${s}_${j}`;
      if (j === 1) side /= 2;
      blocks.push({ id, kind: 'conv', shape: [side, side, outChannels(shapes, `${id}.weight`)], params: count(shapes, [`${id}.`, `bn${s}_${j}.`]), tap: true });
    }
  }
  for (const id of ['linear1', 'linear2']) {
    if (shapes[`${id}.weight`]) blocks.push({ id, kind: 'linear', shape: [outChannels(shapes, `${id}.weight`)], params: count(shapes, [`${id}.`]), tap: false });
  }
  return blocks;
}
