// Chapter 2's networks figure, its arithmetic (src/figures/srganNets/compute.ts).
import { describe, expect, it } from 'vitest';
import { readState, writeState } from '../../src/ui/urlState';
import { channelPictures, DEFAULT_BLOCK, featureRun, netsSchema, shownBlock, type NetsState } from '../../src/figures/srganNets/compute';

const known = ['g:conv_first', 'g:body.15', 'd:conv2_1'];
const state = (patch: Partial<NetsState>): NetsState => ({ img: 'chelsea', g: 'srresnet', b: DEFAULT_BLOCK, peek: null, ...patch });

describe('which block is shown', () => {
  it('the hovered one while set, else the chosen one, else the default for a block the diagram lacks', () => {
    expect(shownBlock(state({ b: 'd:conv2_1' }), known)).toBe('d:conv2_1');
    expect(shownBlock(state({ b: 'd:conv2_1', peek: 'g:body.15' }), known)).toBe('g:body.15');
    expect(shownBlock(state({ b: 'g:body.99' }), known)).toBe(DEFAULT_BLOCK);
  });
  it('runs the chosen generator on the LR crop for a g block, srgan_d for a d block', () => {
    expect(featureRun('g:body.15', 'srgan')).toEqual({ net: 'g', tap: 'body.15', model: 'srgan' });
    expect(featureRun('d:conv2_1', 'srgan')).toEqual({ net: 'd', tap: 'conv2_1', model: 'srgan_d' });
  });
});

describe('URL state', () => {
  it('reads a block key of the right shape, anything else as the default; a hovered block never enters the URL', () => {
    expect(readState('?nets.b=d%3Aconv3_0&nets.g=srgan', 'nets', netsSchema)).toMatchObject({ b: 'd:conv3_0', g: 'srgan', peek: null });
    for (const bad of ['x:conv', 'g:', 'g:<img src=x>', `g:${'a'.repeat(41)}`]) expect(readState(`?nets.b=${encodeURIComponent(bad)}`, 'nets', netsSchema).b, bad).toBe(DEFAULT_BLOCK);
    expect(readState('?nets.g=vgg19', 'nets', netsSchema).g).toBe('srresnet');
    const q = new URLSearchParams(writeState('', 'nets', netsSchema, state({ b: 'd:conv3_0', peek: 'g:body.15' })));
    expect(q.get('nets.b')).toBe('d:conv3_0');
    expect(q.has('nets.peek')).toBe(false);
  });
});

describe('channel pictures', () => {
  it('stretch each kept channel to its own range (black to white); a constant channel is black', () => {
    // 2×1 pixels, 3 kept channels interleaved per pixel: ch0 = (−1, 3), ch1 = (5, 5), ch2 = (0, 0.5)
    const layer = { name: 'x', height: 1, width: 2, channels: 64, kept: 3, data: new Float32Array([-1, 5, 0, 3, 5, 0.5]) };
    const pics = channelPictures(layer);
    expect(pics).toHaveLength(3);
    expect(Array.from(pics[0].data)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(Array.from(pics[1].data)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(pics[2].data)).toEqual([0, 0, 0, 1, 1, 1]);
    expect([pics[0].width, pics[0].height]).toEqual([2, 1]);
  });
});
