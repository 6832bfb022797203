// Real-ESRGAN's U-Net discriminator with spectral normalisation (UNetDiscriminatorSN, Wang et al. 2021), as its
// published layer list, and the output shape of every layer for a square input: the data the diagram draws.

export type UNetOp = 'first' | 'down' | 'up' | 'same' | 'head';

export interface UNetLayer {
  name: string;
  op: UNetOp;
  cin: number;
  cout: number;
  /** Spectral normalisation on this convolution. */
  sn: boolean;
  /** Name of the encoder layer whose output is added after this one (skip connection). */
  skip?: string;
}

/** The layer list for num_feat = f (Real-ESRGAN uses 64); LeakyReLU 0.2 after every layer but the last. */
export function unetLayers(f = 64): UNetLayer[] {
  return [
    { name: 'conv0', op: 'first', cin: 3, cout: f, sn: false },
    { name: 'conv1', op: 'down', cin: f, cout: 2 * f, sn: true },
    { name: 'conv2', op: 'down', cin: 2 * f, cout: 4 * f, sn: true },
    { name: 'conv3', op: 'down', cin: 4 * f, cout: 8 * f, sn: true },
    { name: 'conv4', op: 'up', cin: 8 * f, cout: 4 * f, sn: true, skip: 'conv2' },
    { name: 'conv5', op: 'up', cin: 4 * f, cout: 2 * f, sn: true, skip: 'conv1' },
    { name: 'conv6', op: 'up', cin: 2 * f, cout: f, sn: true, skip: 'conv0' },
    { name: 'conv7', op: 'same', cin: f, cout: f, sn: true },
    { name: 'conv8', op: 'same', cin: f, cout: f, sn: true },
    { name: 'conv9', op: 'head', cin: f, cout: 1, sn: false },
  ];
}

/** Each layer's output side for an input of `size` pixels (down halves, up doubles), and its weight count. */
export function unetShapes(size: number, f = 64): (UNetLayer & { side: number; weights: number })[] {
  let side = size;
  return unetLayers(f).map((l) => {
    if (l.op === 'down') side /= 2;
    if (l.op === 'up') side *= 2;
    const k = l.op === 'down' ? 4 : 3;
    const bias = l.op === 'first' || l.op === 'head' ? l.cout : 0; // the SN convolutions have no bias
    return { ...l, side, weights: l.cin * l.cout * k * k + bias };
  });
}
