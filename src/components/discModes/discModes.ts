// Facts about the exported discriminators' score scale, from public/data/disc-modes.json (written by
// training/srt/site/disc_modes.py): mean D(x) on the same training patches with BatchNorm's running statistics (how
// the figures run them) and with each batch's own statistics (how they were trained). Pure; used at build time.
import data from '../../../public/data/disc-modes.json';

interface Means {
  c_real: number;
  c_fake: number;
  d_real: number;
  d_fake: number;
}
export interface DiscModesFile {
  patches: number;
  discriminators: Record<string, { generator: string; inference: Means; training: Means }>;
}

export interface DiscModeFacts {
  id: string;
  generator: string;
  patches: number;
  /** Mean D(x) of photographs and of the generator's outputs, as the figures run the network. */
  deployed: { real: number; fake: number };
  /** The same with each batch normalised by its own statistics, as in training. */
  training: { real: number; fake: number };
  /** Whether, as deployed, photographs score at least SEPARATES higher than generated patches on average. */
  separatesDeployed: boolean;
}

/** A mean D(x) gap below this is "barely tells them apart" in the prose. */
export const SEPARATES = 0.05;

export function discModeFacts(id: string, file: DiscModesFile = data as DiscModesFile): DiscModeFacts {
  const row = file.discriminators[id];
  if (!row) throw new Error(`public/data/disc-modes.json has no ${id}: run training/srt/site/disc_modes.py`);
  return {
    id,
    generator: row.generator,
    patches: file.patches,
    deployed: { real: row.inference.d_real, fake: row.inference.d_fake },
    training: { real: row.training.d_real, fake: row.training.d_fake },
    separatesDeployed: row.inference.d_real - row.inference.d_fake >= SEPARATES,
  };
}
