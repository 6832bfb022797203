// UI strings of chapter 2 (SRGAN): one file per figure or table (./srganMean.ts, ./srganLosses.ts, ...), each in the
// site's one shape (./strings.ts); this file gathers them, so a figure imports what it needs from one place.
export { fill } from './fill';
export { srganScoreStrings } from './srganScores';
export { srganLayerStrings } from './srganLayers';
export { srganRuntimeStrings } from './srganRuntime';
export { srganMeanStrings } from './srganMean';
export { srganLossesStrings } from './srganLosses';
export { srganDiscStrings } from './srganDisc';
export { srganNetsStrings } from './srganNets';
