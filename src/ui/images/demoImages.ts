// Manifest of the demo photographs used by the interpolation widget (and listed on the credits
// page). The files in public/images/demo/ are small crops made by scripts/demo-images.py from the
// sample images shipped with scikit-image (Debian package python3-skimage); each licence below is
// the one stated in skimage/data/_fetchers.py.

export interface DemoImage {
  /** Stable id, also used in the URL (`interp.img`). */
  id: string;
  /** File name under public/images/demo/. */
  file: string;
  width: number;
  height: number;
  title: { en: string; ja: string };
  /** Photographer or agency. */
  creator: string;
  licence: 'CC0 1.0' | 'Public domain';
  /** Where the original comes from (as documented by scikit-image). */
  sourceUrl: string;
  /** How we obtained it. */
  via: string;
}

const VIA = 'scikit-image sample data (skimage.data), cropped and resized by scripts/demo-images.py';

export const demoImages: readonly DemoImage[] = [
  {
    id: 'chelsea',
    file: 'chelsea.png',
    width: 256,
    height: 256,
    title: { en: 'Chelsea the cat', ja: '猫のチェルシー' },
    creator: 'Stefan van der Walt',
    licence: 'CC0 1.0',
    sourceUrl: 'https://scikit-image.org/docs/stable/api/skimage.data.html#skimage.data.chelsea',
    via: VIA,
  },
  {
    id: 'coffee',
    file: 'coffee.png',
    width: 256,
    height: 256,
    title: { en: 'Coffee cup', ja: 'コーヒーカップ' },
    creator: 'Rachel Michetti (courtesy of Pikolo Espresso Bar)',
    licence: 'CC0 1.0',
    sourceUrl: 'https://scikit-image.org/docs/stable/api/skimage.data.html#skimage.data.coffee',
    via: VIA,
  },
  {
    id: 'astronaut',
    file: 'astronaut.png',
    width: 256,
    height: 256,
    title: { en: 'Astronaut Eileen Collins', ja: '宇宙飛行士アイリーン・コリンズ' },
    creator: 'NASA',
    licence: 'Public domain',
    sourceUrl: 'https://flic.kr/p/r9qvLn',
    via: VIA,
  },
  {
    id: 'rocket',
    file: 'rocket.png',
    width: 256,
    height: 256,
    title: { en: 'Falcon 9 carrying DSCOVR before launch', ja: 'DSCOVR を載せた打ち上げ前のファルコン 9' },
    creator: 'SpaceX',
    licence: 'Public domain',
    sourceUrl: 'https://www.flickr.com/photos/spacexphotos/16511594820/',
    via: VIA,
  },
  {
    id: 'hubble',
    file: 'hubble.png',
    width: 256,
    height: 256,
    title: { en: 'Hubble eXtreme Deep Field (detail)', ja: 'ハッブル・エクストリーム・ディープ・フィールド（部分）' },
    creator: 'NASA',
    licence: 'Public domain',
    sourceUrl: 'http://hubblesite.org/newscenter/archive/releases/2012/37/image/a/',
    via: VIA,
  },
  {
    id: 'camera',
    file: 'camera.png',
    width: 256,
    height: 256,
    title: { en: 'Cameraman', ja: 'カメラマン' },
    creator: 'Lav Varshney',
    licence: 'CC0 1.0',
    sourceUrl: 'https://scikit-image.org/docs/stable/api/skimage.data.html#skimage.data.camera',
    via: VIA,
  },
  {
    id: 'text',
    file: 'text.png',
    width: 256,
    height: 172,
    title: { en: 'Handwritten text (detail)', ja: '手書きの文字（部分）' },
    creator: 'Wikipedia user (File:Corner.png)',
    licence: 'Public domain',
    sourceUrl: 'https://en.wikipedia.org/wiki/File:Corner.png',
    via: VIA,
  },
  {
    id: 'brick',
    file: 'brick.png',
    width: 192,
    height: 192,
    title: { en: 'Brick wall', ja: 'れんが壁' },
    creator: 'CC0Textures (Bricks25)',
    licence: 'CC0 1.0',
    sourceUrl: 'https://cc0textures.com/view.php?tex=Bricks25',
    via: VIA,
  },
  {
    id: 'grass',
    file: 'grass.png',
    width: 192,
    height: 192,
    title: { en: 'Grass', ja: '草' },
    creator: 'linolafett (DeviantArt, Grass 01)',
    licence: 'CC0 1.0',
    sourceUrl: 'https://www.deviantart.com/linolafett/art/Grass-01-434853879',
    via: VIA,
  },
  {
    id: 'gravel',
    file: 'gravel.png',
    width: 192,
    height: 192,
    title: { en: 'Gravel', ja: '砂利' },
    creator: 'CC0Textures (Gravel04)',
    licence: 'CC0 1.0',
    sourceUrl: 'https://cc0textures.com/view.php?tex=Gravel04',
    via: VIA,
  },
];

/** Site-relative path of a demo photo (prefix it with the base URL). */
export function demoImagePath(image: DemoImage): string {
  return `images/demo/${image.file}`;
}

export function findDemoImage(id: string): DemoImage | undefined {
  return demoImages.find((image) => image.id === id);
}
