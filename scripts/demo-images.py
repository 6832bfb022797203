#!/usr/bin/env python3
"""Make the small demo photos used by the chapter-1 interpolation widget.

Source: the CC0 / public-domain sample images shipped with scikit-image (Debian package
python3-skimage). Licences are stated in skimage/data/_fetchers.py; the widget's credits manifest
is src/ui/images/demoImages.ts (keep the ids and sizes below in sync with it).

Usage (Debian's python3 has PIL):
    cd /tmp && apt-get download python3-skimage && dpkg -x python3-skimage_*.deb /tmp/skimg
    /usr/bin/python3 scripts/demo-images.py [/tmp/skimg/usr/lib/python3/dist-packages/skimage/data]

Each entry: id, source file, optional pre-downscale factor, crop box (left, top, width, height)
in the (possibly downscaled) image, and whether to keep it grayscale. Output: PNG, <= 256 px.
"""
import os
import sys

from PIL import Image

SRC = sys.argv[1] if len(sys.argv) > 1 else '/tmp/skimg/usr/lib/python3/dist-packages/skimage/data'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'public', 'images', 'demo')

# id, file, downscale factor (1 = native pixels), crop box, grayscale
CROPS = [
    ('chelsea', 'chelsea.png', 1.0, (100, 20, 256, 256), False),
    ('coffee', 'coffee.png', 0.64, (64, 0, 256, 256), False),
    ('astronaut', 'astronaut.png', 0.5, (0, 0, 256, 256), False),
    ('rocket', 'rocket.jpg', 1.0, (192, 60, 256, 256), False),
    ('hubble', 'hubble_deep_field.jpg', 1.0, (372, 308, 256, 256), False),
    ('camera', 'camera.png', 0.5, (0, 0, 256, 256), True),
    ('text', 'text.png', 1.0, (96, 0, 256, 172), True),
    ('brick', 'brick.png', 1.0, (160, 160, 192, 192), True),
    ('grass', 'grass.png', 1.0, (160, 160, 192, 192), True),
    ('gravel', 'gravel.png', 1.0, (160, 160, 192, 192), True),
]


def main() -> None:
    os.makedirs(OUT, exist_ok=True)
    total = 0
    for ident, name, factor, (left, top, w, h), gray in CROPS:
        im = Image.open(os.path.join(SRC, name))
        im = im.convert('L' if gray else 'RGB')
        if factor != 1.0:
            size = (round(im.width * factor), round(im.height * factor))
            # Area-averaging (antialiased) downscale so the crop itself is free of aliasing.
            im = im.resize(size, Image.LANCZOS)
        crop = im.crop((left, top, left + w, top + h))
        assert crop.size == (w, h), (ident, crop.size)
        path = os.path.join(OUT, f'{ident}.png')
        crop.save(path, optimize=True)
        size = os.path.getsize(path)
        total += size
        print(f'{ident:10s} {w}x{h} {"L" if gray else "RGB"} {size / 1024:.1f} KiB')
    print(f'total {total / 1024:.1f} KiB')


if __name__ == '__main__':
    main()
