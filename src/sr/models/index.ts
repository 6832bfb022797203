/** The generator and discriminator networks (see README.md). */
export { srcnn } from './srcnn';
export { srresnet, type SRResNetOptions } from './srresnet';
export { rrdbnet, type RRDBNetOptions } from './rrdbnet';
export { vggDiscriminator } from './discriminator';
export { forward, prepareInput, upscale, type ArchitectureInfo, type RunOptions } from './run';
export { type BNStats, shuffleOrder } from './layers';
export { expectedTensors, receptiveRadius, networkScale, macs, activationFootprint } from './specs';
