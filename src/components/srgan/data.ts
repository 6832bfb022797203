// The pre-computed crops (public/data/srgan/manifest.json, written by training/srt/site/figures_srgan.py)
// and the chapter's model ids, labels and plot colours. Imported at build time and in the browser.
import manifestJson from '../../../public/data/srgan/manifest.json';

export interface CropEntry {
  /** Demo photo id (src/ui/images/demoImages.ts). */
  image: string;
  left: number;
  top: number;
  /** srgan_d raw logits C(x) from PyTorch: 'hr' and each output id. */
  logits: Record<string, number>;
}

/** The networks figure's static picture: the first channels of one block for its default view. */
export interface FeatureEntry {
  image: string;
  generator: string;
  net: 'g' | 'd';
  /** Tap name, as the diagram's `data-block`. */
  block: string;
  /** Height, width, channels of the block's output. */
  shape: number[];
  /** 8-bit grey PNGs under DATA_DIR, one per shown channel, each stretched to its own range. */
  files: string[];
}

export const manifest = manifestJson as { hr: number; scale: number; models: string[]; crops: CropEntry[]; features: FeatureEntry };
export const DATA_DIR = 'data/srgan';

export const OUTPUTS = ['bicubic', 'srresnet', 'srresnet_vgg', 'srgan'] as const;
export type OutputId = (typeof OUTPUTS)[number];
export const NETWORKS = ['srresnet', 'srresnet_vgg', 'srgan'] as const;
export type PanelId = 'hr' | OutputId;
export const PANELS: PanelId[] = ['hr', ...OUTPUTS];

export const LABEL_KEY = {
  hr: 'modelTruth',
  bicubic: 'modelBicubic',
  srresnet: 'modelSrresnet',
  srresnet_vgg: 'modelSrresnetVgg',
  srgan: 'modelSrgan',
} as const satisfies Record<PanelId, string>;

export const COLOR: Record<PanelId, string> = {
  hr: '#1d1d1f',
  bicubic: '#8a8a92',
  srresnet: '#0b57a4',
  srresnet_vgg: '#b35c00',
  srgan: '#b42318',
};
export const DASH: Record<PanelId, string> = { hr: '', bicubic: '4 3', srresnet: '', srresnet_vgg: '6 2', srgan: '' };

export function staticPath(image: string, id: PanelId | 'lr'): string {
  return `${DATA_DIR}/${image}-${id}.png`;
}

export function findCrop(image: string): CropEntry | undefined {
  return manifest.crops.find((c) => c.image === image);
}

export const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));
