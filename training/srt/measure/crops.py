"""Side-by-side crops at 4x nearest zoom, to look at what the models draw (the crops the issues ask for in notes).

    python -m srt.measure.crops --image chelsea --box 120 40 80 --out results/crops/x.png bicubic srresnet runs/srgan/final.pt hr

IMAGE is a demo photo in public/images/demo or a path. The photo is cut to a multiple of 4, made small with the
training's MATLAB-style bicubic x1/4 and rounded to 8 bits; each column upscales it. A column is `bicubic`, `hr`
(the photo), an exported model id (a folder of --weights: what the browser runs), or a run file (`final.pt`,
`ckpt.pt` or an `srt.io.transport` file): its meta names the recipe; a checkpoint, which has none, is read as the
zoo entry named by its folder. The box (left, top, size) is in HR pixels.
"""
import argparse
from pathlib import Path

import numpy as np
import torch
from PIL import Image

from ..core.data import load_rgb, to_tensor
from ..io.weights import load_generator
from ..core.imresize import imresize
from ..core.models import build
from ..core.train import PUBLIC_WEIGHTS
from ..core.zoo import ZOO

DEMO = PUBLIC_WEIGHTS.parents[1] / "public/images/demo"
ZOOM, GAP = 4, 6


def generator(column, weights):
    """(network, input kind) for a column that names a model."""
    if column.endswith(".pt"):
        f = torch.load(column, map_location="cpu", weights_only=False)
        cfg = f.get("meta", {}).get("config") or ZOO[Path(column).parent.name]
        net = build(cfg["arch"], **cfg["params"])
        net.load_state_dict({k: v.float() for k, v in f["model"].items()})
        return net.eval(), cfg.get("input", "lr")
    net, card = load_generator(Path(weights) / column)
    return net.eval(), card["architecture"]["input"]


@torch.no_grad()
def upscaled(column, lr, hr, weights):
    if column == "hr":
        return hr
    bicubic = imresize(lr.double(), 4).float()
    if column == "bicubic":
        return bicubic
    net, kind = generator(column, weights)
    return net(bicubic if kind == "bicubic" else lr)


def strip(images, box):
    """The crops of each image, zoomed with nearest neighbours, in one row with white gaps."""
    left, top, size = box
    tiles = []
    for img in images:
        c = (img.clamp(0, 1)[0, :, top:top + size, left:left + size].permute(1, 2, 0).numpy() * 255).round()
        tiles.append(np.kron(c.astype(np.uint8), np.ones((ZOOM, ZOOM, 1), np.uint8)))
    gap = np.full((tiles[0].shape[0], GAP, 3), 255, np.uint8)
    return np.concatenate(sum([[t, gap] for t in tiles], [])[:-1], axis=1)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("columns", nargs="+")
    p.add_argument("--image", required=True)
    p.add_argument("--box", required=True, type=int, nargs=3, metavar=("LEFT", "TOP", "SIZE"))
    p.add_argument("--out", required=True)
    p.add_argument("--weights", default=str(PUBLIC_WEIGHTS))
    a = p.parse_args(argv)
    torch.set_num_threads(2)
    path = Path(a.image) if "/" in a.image else DEMO / f"{a.image}.png"
    hr = to_tensor(load_rgb(path))
    hr = hr[:, :, : hr.shape[2] // 4 * 4, : hr.shape[3] // 4 * 4]
    lr = torch.round(imresize(hr.double(), 0.25).clamp(0, 1) * 255) / 255
    Image.fromarray(strip([upscaled(c, lr.float(), hr, a.weights) for c in a.columns], a.box)).save(a.out)
    print(f"wrote {a.out}: {' | '.join(a.columns)}")


if __name__ == "__main__":
    main()
