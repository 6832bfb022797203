"""Pre-computed pictures for chapter 2 (SRGAN): the fallback the widgets show before (or without) a
compute backend in the browser.

    cd training && /usr/bin/python3 -m srt.site.figures_srgan --weights ../public/weights --demo ../public/images/demo --out ../public/data/srgan

For each demo crop in CROPS: the HR crop (128x128), its LR (MATLAB-style bicubic x1/4, rounded to 8 bits,
32x32), and the x4 outputs of bicubic and of the exported `srresnet`, `srresnet_vgg` and `srgan` (CPU, fp32
maths on the stored int8 weights, rounded to 8 bits) as PNGs, plus `manifest.json` listing them with
the `srgan_d` logit C(x) of the HR crop and of each output (D(x) = sigmoid(C(x))). The site computes
PSNR, SSIM and spectra from these PNGs with its own engine (src/sr), so no metric is defined twice.

For the networks figure (NetworksFigure.astro), whose default view is the first crop, `srresnet` and its
first block: the first FEATURE_KEEP channels of that block's output (conv 9x9 + PReLU, 32x32) as 8-bit
grey PNGs, each channel stretched to its own range as the live figure draws it, listed under
`features` in the manifest.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import torch
from PIL import Image

from ..io.weights import load_discriminator, load_generator
from ..core.imresize import imresize, quantize_uint8

HR = 128
SCALE = 4
# (demo image id, left, top) of the 128x128 HR crop inside public/images/demo/<id>.png
CROPS = [("chelsea", 16, 40), ("astronaut", 48, 0), ("coffee", 64, 24), ("grass", 32, 32)]
MODELS = ["srresnet", "srresnet_vgg", "srgan"]
# The networks figure's default view: generator, block (a tap name of src/sr/models/srresnet.ts) and how
# many leading channels it shows.
FEATURE_NET = "srresnet"
FEATURE_BLOCK = "conv_first"
FEATURE_KEEP = 4


def to_tensor(img):
    return torch.from_numpy(np.asarray(img.convert("RGB"), dtype=np.float64) / 255.0).permute(2, 0, 1)[None]


def save(t, path):
    arr = (quantize_uint8(t)[0].permute(1, 2, 0).numpy() * 255).round().astype(np.uint8)
    Image.fromarray(arr).save(path, optimize=True)


def feature_maps(net, lr, keep=FEATURE_KEEP):
    """The first `keep` channels of an SRResNet's `conv_first` tap (after its PReLU) on `lr`, as 8-bit
    grey levels [keep, H, W], each channel mapped from its own lo..hi to 0..255 (halves rounded up; a
    constant channel is all 0), as src/components/srgan/nets.ts draws them; and the tap's (H, W, C)."""
    taps = {}
    hook = net.prelu_first.register_forward_hook(lambda _m, _i, out: taps.setdefault(FEATURE_BLOCK, out.detach()))
    try:
        net(lr)
    finally:
        hook.remove()
    tap = taps[FEATURE_BLOCK][0]
    f = tap[:keep].double()
    lo = f.amin(dim=(1, 2), keepdim=True)
    hi = f.amax(dim=(1, 2), keepdim=True)
    span = torch.where(hi > lo, hi - lo, torch.ones_like(hi))
    grey = torch.floor((f - lo) / span * 255 + 0.5).clamp(0, 255).to(torch.uint8)
    return grey, (tap.shape[1], tap.shape[2], tap.shape[0])


def feature_file(image, k):
    return f"nets-{image}-{FEATURE_NET}-{FEATURE_BLOCK}-{k}.png"


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
            if image == CROPS[0][0]:
                grey, shape = feature_maps(nets[FEATURE_NET], lr.float())
                files = [feature_file(image, k) for k in range(grey.shape[0])]
                for k, name in enumerate(files):
                    Image.fromarray(grey[k].numpy(), mode="L").save(out / name, optimize=True)
                manifest["features"] = {
                    "image": image,
                    "generator": FEATURE_NET,
                    "net": "g",
                    "block": FEATURE_BLOCK,
                    "shape": list(shape),
                    "files": files,
                }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")


if __name__ == "__main__":
    main()
