// Papers the models page cites: the shared bibliography (src/content/references.ts) plus one entry only this
// page needs, the random-weights perceptual loss.
import { references, type Reference } from '../../content/references';

export const liu2021: Reference = {
  key: 'liu2021',
  authors: ['Yifan Liu', 'Hao Chen', 'Yu Chen', 'Wei Yin', 'Chunhua Shen'],
  year: 2021,
  title: 'Generic perceptual loss for modeling structured output dependencies',
  venue: 'IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)',
  url: 'https://arxiv.org/abs/2103.10571',
};

export const modelsReferences = {
  ledig2017: references.ledig2017,
  wang2018: references.wang2018,
  liu2021,
  arbelaez2011: references.arbelaez2011,
  yang2010: references.yang2010,
  bevilacqua2012: references.bevilacqua2012,
  zeyde2012: references.zeyde2012,
} satisfies Record<string, Reference>;

export type ModelsReferenceKey = keyof typeof modelsReferences;
