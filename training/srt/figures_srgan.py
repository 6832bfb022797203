"""Pre-computed pictures for chapter 2 (SRGAN): the fallback the widgets show before (or without) a
compute backend in the browser.

    cd training && /usr/bin/python3 -m srt.figures_srgan --weights ../public/weights --demo ../public/images/demo --out ../public/data/srgan

For each demo crop in CROPS: the HR crop (128x128), its LR (MATLAB-style bicubic x1/4, rounded to 8 bits,
32x32), and the x4 outputs of bicubic and of the exported `srresnet`, `srresnet_vgg` and `srgan` (CPU, fp32
maths on the stored int8 weights, rounded to 8 bits) as PNGs, plus `manifest.json` listing them with
the `srgan_d` logit C(x) of the HR crop and of each output (D(x) = sigmoid(C(x))). The site computes
PSNR, SSIM and spectra from these PNGs with its own engine (src/sr), so no metric is defined twice.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import torch
from PIL import Image

from .export import load_discriminator, load_generator
from .imresize import imresize, quantize_uint8

HR = 128
SCALE = 4
# (demo image id, left, top) of the 128x128 HR crop inside public/images/demo/<id>.png
CROPS = [("chelsea", 16, 40), ("astronaut", 48, 0), ("coffee", 64, 24), ("grass", 32, 32)]
MODELS = ["srresnet", "srresnet_vgg", "srgan"]


def to_tensor(img):
    return torch.from_numpy(np.asarray(img.convert("RGB"), dtype=np.float64) / 255.0).permute(2, 0, 1)[None]


def save(t, path):
    arr = (quantize_uint8(t)[0].permute(1, 2, 0).numpy() * 255).round().astype(np.uint8)
    Image.fromarray(arr).save(path, optimize=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--weights", default="../public/weights")
    ap.add_argument("--demo", default="../public/images/demo")
    ap.add_argument("--out", default="../public/data/srgan")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    nets = {m: load_generator(Path(args.weights) / m)[0].float() for m in MODELS}
    disc = load_discriminator(Path(args.weights) / "srgan_d")[0].float()
    manifest = {"hr": HR, "scale": SCALE, "models": ["bicubic", *MODELS], "crops": []}
    with torch.no_grad():
        for image, left, top in CROPS:
            full = to_tensor(Image.open(Path(args.demo) / f"{image}.png"))
            hr = full[..., top : top + HR, left : left + HR]
            lr = quantize_uint8(imresize(hr, 1 / SCALE))
            outs = {"bicubic": quantize_uint8(imresize(lr, SCALE))}
            for m, net in nets.items():
                outs[m] = quantize_uint8(net(lr.float()).double())
            save(hr, out / f"{image}-hr.png")
            save(lr, out / f"{image}-lr.png")
            logits = {"hr": float(disc(hr.float()).reshape(-1)[0])}
            for m, t in outs.items():
                save(t, out / f"{image}-{m}.png")
                logits[m] = float(disc(t.float()).reshape(-1)[0])
            manifest["crops"].append({"image": image, "left": left, "top": top, "logits": logits})
            print(image, {k: round(v, 3) for k, v in logits.items()})
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")


if __name__ == "__main__":
    main()
