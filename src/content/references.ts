// Bibliography shared by the chapters and the credits page. Keys are stable anchors:
// a citation of `dong2014` links to `#ref-dong2014` on the same page.

export interface Reference {
  key: string;
  /** Authors as printed, family names last. */
  authors: string[];
  year: number;
  title: string;
  venue: string;
  /** DOI or arXiv landing page (a plain link; nothing is fetched from it). */
  url: string;
}

export const references = {
  keys1981: {
    key: 'keys1981',
    authors: ['Robert G. Keys'],
    year: 1981,
    title: 'Cubic convolution interpolation for digital image processing',
    venue: 'IEEE Transactions on Acoustics, Speech, and Signal Processing 29(6), 1153–1160',
    url: 'https://doi.org/10.1109/TASSP.1981.1163711',
  },
  duchon1979: {
    key: 'duchon1979',
    authors: ['Claude E. Duchon'],
    year: 1979,
    title: 'Lanczos filtering in one and two dimensions',
    venue: 'Journal of Applied Meteorology 18(8), 1016–1022',
    url: 'https://doi.org/10.1175/1520-0450(1979)018%3C1016:LFIOAT%3E2.0.CO;2',
  },
  wang2004: {
    key: 'wang2004',
    authors: ['Zhou Wang', 'Alan C. Bovik', 'Hamid R. Sheikh', 'Eero P. Simoncelli'],
    year: 2004,
    title: 'Image quality assessment: from error visibility to structural similarity',
    venue: 'IEEE Transactions on Image Processing 13(4), 600–612',
    url: 'https://doi.org/10.1109/TIP.2003.819861',
  },
  dong2014: {
    key: 'dong2014',
    authors: ['Chao Dong', 'Chen Change Loy', 'Kaiming He', 'Xiaoou Tang'],
    year: 2014,
    title: 'Learning a deep convolutional network for image super-resolution',
    venue: 'European Conference on Computer Vision (ECCV), LNCS 8692, 184–199',
    url: 'https://doi.org/10.1007/978-3-319-10593-2_13',
  },
  dong2016: {
    key: 'dong2016',
    authors: ['Chao Dong', 'Chen Change Loy', 'Kaiming He', 'Xiaoou Tang'],
    year: 2016,
    title: 'Image super-resolution using deep convolutional networks',
    venue: 'IEEE Transactions on Pattern Analysis and Machine Intelligence 38(2), 295–307',
    url: 'https://doi.org/10.1109/TPAMI.2015.2439281',
  },
  shi2016: {
    key: 'shi2016',
    authors: [
      'Wenzhe Shi', 'Jose Caballero', 'Ferenc Huszár', 'Johannes Totz', 'Andrew P. Aitken',
      'Rob Bishop', 'Daniel Rueckert', 'Zehan Wang',
    ],
    year: 2016,
    title: 'Real-time single image and video super-resolution using an efficient sub-pixel convolutional neural network',
    venue: 'IEEE Conference on Computer Vision and Pattern Recognition (CVPR), 1874–1883',
    url: 'https://arxiv.org/abs/1609.05158',
  },
  ledig2017: {
    key: 'ledig2017',
    authors: [
      'Christian Ledig', 'Lucas Theis', 'Ferenc Huszár', 'Jose Caballero', 'Andrew Cunningham',
      'Alejandro Acosta', 'Andrew Aitken', 'Alykhan Tejani', 'Johannes Totz', 'Zehan Wang', 'Wenzhe Shi',
    ],
    year: 2017,
    title: 'Photo-realistic single image super-resolution using a generative adversarial network',
    venue: 'IEEE Conference on Computer Vision and Pattern Recognition (CVPR), 4681–4690',
    url: 'https://arxiv.org/abs/1609.04802',
  },
  wang2018: {
    key: 'wang2018',
    authors: [
      'Xintao Wang', 'Ke Yu', 'Shixiang Wu', 'Jinjin Gu', 'Yihao Liu', 'Chao Dong', 'Yu Qiao', 'Chen Change Loy',
    ],
    year: 2018,
    title: 'ESRGAN: Enhanced super-resolution generative adversarial networks',
    venue: 'European Conference on Computer Vision Workshops (ECCVW)',
    url: 'https://arxiv.org/abs/1809.00219',
  },
  arbelaez2011: {
    key: 'arbelaez2011',
    authors: ['Pablo Arbeláez', 'Michael Maire', 'Charless Fowlkes', 'Jitendra Malik'],
    year: 2011,
    title: 'Contour detection and hierarchical image segmentation',
    venue: 'IEEE Transactions on Pattern Analysis and Machine Intelligence 33(5), 898–916',
    url: 'https://doi.org/10.1109/TPAMI.2010.161',
  },
  yang2010: {
    key: 'yang2010',
    authors: ['Jianchao Yang', 'John Wright', 'Thomas S. Huang', 'Yi Ma'],
    year: 2010,
    title: 'Image super-resolution via sparse representation',
    venue: 'IEEE Transactions on Image Processing 19(11), 2861–2873',
    url: 'https://doi.org/10.1109/TIP.2010.2050625',
  },
  bevilacqua2012: {
    key: 'bevilacqua2012',
    authors: ['Marco Bevilacqua', 'Aline Roumy', 'Christine Guillemot', 'Marie-Line Alberi Morel'],
    year: 2012,
    title: 'Low-complexity single-image super-resolution based on nonnegative neighbor embedding',
    venue: 'British Machine Vision Conference (BMVC)',
    url: 'https://doi.org/10.5244/C.26.135',
  },
  zeyde2012: {
    key: 'zeyde2012',
    authors: ['Roman Zeyde', 'Michael Elad', 'Matan Protter'],
    year: 2012,
    title: 'On single image scale-up using sparse-representations',
    venue: 'Curves and Surfaces 2010, LNCS 6920, 711–730',
    url: 'https://doi.org/10.1007/978-3-642-27413-8_47',
  },
  liu2021: {
    key: 'liu2021',
    authors: ['Yifan Liu', 'Hao Chen', 'Yu Chen', 'Wei Yin', 'Chunhua Shen'],
    year: 2021,
    title: 'Generic perceptual loss for modeling structured output dependencies',
    venue: 'IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)',
    url: 'https://arxiv.org/abs/2103.10571',
  },
  he2016: {
    key: 'he2016',
    authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'],
    year: 2016,
    title: 'Deep residual learning for image recognition',
    venue: 'IEEE Conference on Computer Vision and Pattern Recognition (CVPR), 770–778',
    url: 'https://doi.org/10.1109/CVPR.2016.90',
  },
  huang2017: {
    key: 'huang2017',
    authors: ['Gao Huang', 'Zhuang Liu', 'Laurens van der Maaten', 'Kilian Q. Weinberger'],
    year: 2017,
    title: 'Densely connected convolutional networks',
    venue: 'IEEE Conference on Computer Vision and Pattern Recognition (CVPR), 4700–4708',
    url: 'https://doi.org/10.1109/CVPR.2017.243',
  },
  jolicoeur2018: {
    key: 'jolicoeur2018',
    authors: ['Alexia Jolicoeur-Martineau'],
    year: 2018,
    title: 'The relativistic discriminator: a key element missing from standard GAN',
    venue: 'arXiv:1807.00734 (International Conference on Learning Representations, 2019)',
    url: 'https://arxiv.org/abs/1807.00734',
  },
  goodfellow2014: {
    key: 'goodfellow2014',
    authors: ['Ian J. Goodfellow', 'Jean Pouget-Abadie', 'Mehdi Mirza', 'Bing Xu', 'David Warde-Farley', 'Sherjil Ozair', 'Aaron Courville', 'Yoshua Bengio'],
    year: 2014,
    title: 'Generative adversarial nets',
    venue: 'Advances in Neural Information Processing Systems 27 (NeurIPS)',
    url: 'https://arxiv.org/abs/1406.2661',
  },
  simonyan2015: {
    key: 'simonyan2015',
    authors: ['Karen Simonyan', 'Andrew Zisserman'],
    year: 2015,
    title: 'Very deep convolutional networks for large-scale image recognition',
    venue: 'International Conference on Learning Representations (ICLR)',
    url: 'https://arxiv.org/abs/1409.1556',
  },
  johnson2016: {
    key: 'johnson2016',
    authors: ['Justin Johnson', 'Alexandre Alahi', 'Li Fei-Fei'],
    year: 2016,
    title: 'Perceptual losses for real-time style transfer and super-resolution',
    venue: 'European Conference on Computer Vision (ECCV), LNCS 9906, 694–711',
    url: 'https://arxiv.org/abs/1603.08155',
  },
  ioffe2015: {
    key: 'ioffe2015',
    authors: ['Sergey Ioffe', 'Christian Szegedy'],
    year: 2015,
    title: 'Batch normalization: accelerating deep network training by reducing internal covariate shift',
    venue: 'International Conference on Machine Learning (ICML), PMLR 37, 448–456',
    url: 'https://arxiv.org/abs/1502.03167',
  },
  blau2018: {
    key: 'blau2018',
    authors: ['Yochai Blau', 'Tomer Michaeli'],
    year: 2018,
    title: 'The perception-distortion tradeoff',
    venue: 'IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR), 6228–6237',
    url: 'https://arxiv.org/abs/1711.06077',
  },
  mittal2013: {
    key: 'mittal2013',
    authors: ['Anish Mittal', 'Rajiv Soundararajan', 'Alan C. Bovik'],
    year: 2013,
    title: 'Making a “completely blind” image quality analyzer',
    venue: 'IEEE Signal Processing Letters 20(3), 209–212',
    url: 'https://doi.org/10.1109/LSP.2012.2227726',
  },
  odena2016: {
    key: 'odena2016',
    authors: ['Augustus Odena', 'Vincent Dumoulin', 'Chris Olah'],
    year: 2016,
    title: 'Deconvolution and checkerboard artifacts',
    venue: 'Distill',
    url: 'https://doi.org/10.23915/distill.00003',
  },
  wang2021: {
    key: 'wang2021',
    authors: ['Xintao Wang', 'Liangbin Xie', 'Chao Dong', 'Ying Shan'],
    year: 2021,
    title: 'Real-ESRGAN: Training real-world blind super-resolution with pure synthetic data',
    venue: 'IEEE/CVF International Conference on Computer Vision Workshops (ICCVW), 1905–1914',
    url: 'https://arxiv.org/abs/2107.10833',
  },
  zhang2021: {
    key: 'zhang2021',
    authors: ['Kai Zhang', 'Jingyun Liang', 'Luc Van Gool', 'Radu Timofte'],
    year: 2021,
    title: 'Designing a practical degradation model for deep blind image super-resolution',
    venue: 'IEEE/CVF International Conference on Computer Vision (ICCV), 4791–4800',
    url: 'https://arxiv.org/abs/2103.14006',
  },
  lin2023: {
    key: 'lin2023',
    authors: ['Xinqi Lin', 'Jingwen He', 'Ziyan Chen', 'Zhaoyang Lyu', 'Bo Dai', 'Fanghua Yu', 'Wanli Ouyang', 'Yu Qiao', 'Chao Dong'],
    year: 2023,
    title: 'DiffBIR: Towards blind image restoration with generative diffusion prior',
    venue: 'arXiv preprint arXiv:2308.15070',
    url: 'https://arxiv.org/abs/2308.15070',
  },
  miyato2018: {
    key: 'miyato2018',
    authors: ['Takeru Miyato', 'Toshiki Kataoka', 'Masanori Koyama', 'Yuichi Yoshida'],
    year: 2018,
    title: 'Spectral normalization for generative adversarial networks',
    venue: 'International Conference on Learning Representations (ICLR)',
    url: 'https://arxiv.org/abs/1802.05957',
  },
  ronneberger2015: {
    key: 'ronneberger2015',
    authors: ['Olaf Ronneberger', 'Philipp Fischer', 'Thomas Brox'],
    year: 2015,
    title: 'U-Net: Convolutional networks for biomedical image segmentation',
    venue: 'Medical Image Computing and Computer-Assisted Intervention (MICCAI), 234–241',
    url: 'https://arxiv.org/abs/1505.04597',
  },
} as const satisfies Record<string, Reference>;

export type ReferenceKey = keyof typeof references;

/** "Dong et al." / "Dong ら" style short author label. */
export function shortAuthors(ref: Reference, lang: 'en' | 'ja'): string {
  const family = (name: string) => name.split(' ').at(-1) ?? name;
  if (ref.authors.length === 1) return family(ref.authors[0]);
  if (ref.authors.length === 2) {
    return lang === 'ja'
      ? `${family(ref.authors[0])}・${family(ref.authors[1])}`
      : `${family(ref.authors[0])} & ${family(ref.authors[1])}`;
  }
  return lang === 'ja' ? `${family(ref.authors[0])} ら` : `${family(ref.authors[0])} et al.`;
}
