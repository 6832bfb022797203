/**
 * The runtime's probes for the chapter widgets (host + client in-process, CPU backend): discriminator
 * logits on a batch equal the exported golden vectors; `features` returns the named activations, its
 * output equals a plain `upscale` and its last tap equals that output; bad requests become messages;
 * no tensor is left behind.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { RuntimeClient, RuntimeError } from '../../src/sr/runtime/client';
import { maxAbs, modelIds, readCard, readGolden } from './models-disk';
import { diskSource, inProcessWorker, testImage as image } from './runtime-inprocess';

const ids = modelIds();
const discriminators = ids.filter((id) => readCard(id).kind === 'discriminator');
const generator = ids.includes('srresnet') ? 'srresnet' : undefined;

describe.runIf(discriminators.length && generator)('runtime probes (CPU)', () => {
  let client: RuntimeClient;

  beforeAll(async () => {
    client = new RuntimeClient(inProcessWorker(diskSource));
    await client.init({ weightsBase: 'http://unused.invalid/', order: ['cpu'] });
  });

  it.each(discriminators)('%s: discriminate() on the golden batch gives the golden logits', async (id) => {
    const card = readCard(id);
    const golden = readGolden(card);
    const [count, size] = golden.input.shape;
    const data = Float32Array.from(golden.input.dataSync());
    golden.input.dispose();
    const r = await client.discriminate({ model: id, patches: { count, size, data } });
    expect(r.logits.length).toBe(count);
    expect(r.backend).toBe('cpu');
    expect(maxAbs(r.logits, golden.output)).toBeLessThanOrEqual(card.golden.tolerance);
  }, 60_000);

  it('features(): shapes, kept channels, output equal to upscale(), last tap equal to the output', async () => {
    const lr = image(10, 8, 3);
    const plain = await client.upscale({ channel: 'u', model: generator!, image: { ...lr, data: lr.data.slice() } });
    const baseline = await client.memory(); // the weights are loaded now
    const r = await client.features({ channel: 'f', model: generator!, image: { ...lr, data: lr.data.slice() }, layers: ['conv_first', 'body.3', 'upconv1', 'conv_last'], maxChannels: 5 });
    expect(r.layers.map((l) => [l.name, l.height, l.width, l.channels, l.kept])).toEqual([
      ['conv_first', 8, 10, 64, 5],
      ['body.3', 8, 10, 64, 5],
      ['upconv1', 16, 20, 64, 5],
      ['conv_last', 32, 40, 3, 3],
    ]);
    for (const l of r.layers) expect(l.data.length).toBe(l.height * l.width * l.kept);
    expect(r.output!.width).toBe(40);
    expect(maxAbs(r.output!.data, plain.image.data)).toBeLessThan(1e-5);
    expect(maxAbs(r.layers[3].data, r.output!.data)).toBe(0);
    expect(r.logits).toBeNull();
    expect(await client.memory()).toEqual(baseline);
  }, 60_000);

  it('features() on a discriminator: its logit equals discriminate() on the same patch', async () => {
    const id = discriminators[0];
    const patch = image(128, 128, 9);
    const scored = await client.discriminate({ model: id, patches: { count: 1, size: 128, data: patch.data.slice() } });
    const r = await client.features({ channel: 'd', model: id, image: patch, layers: ['conv0_0', 'conv4_1', 'linear1'], maxChannels: 4 });
    expect(r.output).toBeNull();
    expect(r.logits![0]).toBeCloseTo(scored.logits[0], 5);
    expect(r.layers.map((l) => [l.name, l.height, l.width, l.kept])).toEqual([
      ['conv0_0', 128, 128, 4],
      ['conv4_1', 4, 4, 4],
      ['linear1', 1, 1, 4],
    ]);
  }, 60_000);

  it('bad requests are messages: unknown layer names, wrong patch side, a generator asked to discriminate', async () => {
    const unknown = await client.features({ channel: 'e', model: generator!, image: image(4, 4, 0), layers: ['body.99'] }).catch((e) => e);
    expect(unknown).toBeInstanceOf(RuntimeError);
    expect(unknown.message).toMatch(/has no layer named body\.99; its layers: conv_first, body\.0/);
    const side = await client.discriminate({ model: discriminators[0], patches: { count: 1, size: 64, data: new Float32Array(64 * 64 * 3) } }).catch((e) => e);
    expect(side.message).toMatch(/scores 128x128 patches, not 64x64/);
    const kind = await client.discriminate({ model: generator!, patches: { count: 1, size: 128, data: new Float32Array(128 * 128 * 3) } }).catch((e) => e);
    expect(kind.message).toMatch(/is a generator, not a discriminator/);
  }, 60_000);

  it('a batch larger than one chunk scores each patch as it would alone, and leaves no tensor behind', async () => {
    const id = discriminators[0];
    const count = 18;
    const data = new Float32Array(count * 128 * 128 * 3);
    for (let i = 0; i < data.length; i++) data[i] = (Math.cos(i * 0.013) + 1) / 2;
    const last = await client.discriminate({ model: id, patches: { count: 1, size: 128, data: data.slice(17 * 128 * 128 * 3) } });
    const baseline = await client.memory();
    const all = await client.discriminate({ model: id, patches: { count, size: 128, data: data.slice() } });
    expect(all.logits[17]).toBeCloseTo(last.logits[0], 4);
    expect(await client.memory()).toEqual(baseline);
  }, 60_000);
});
