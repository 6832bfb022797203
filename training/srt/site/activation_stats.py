"""Activation statistics of the perceptual-loss network, before and after each ReLU (the question of
ESRGAN's "features before activation", Wang et al. 2018, Sec. 3.3).

The network is the one training used: `VGG19Features` with fixed-seed random weights (seed 0, see
models.py). At about 80 MB in float32 it is too large for a page, so the site ships these numbers.

    python -m srt.site.activation_stats --images ../public/images/demo --out ../public/data/esrgan/vgg-activations.json
"""
import argparse
import json
from pathlib import Path

import numpy as np
import torch

from ..core.data import load_rgb, to_tensor
from ..core.models import VGG19Features, vgg19_layer_index

LAYERS = ("conv1_2", "conv2_2", "conv3_4", "conv4_4", "conv5_4")
BINS = 40


def activations(net, x, layers=LAYERS):
    """{layer: (before ReLU, after ReLU)} for one image tensor 1x3xHxW in [0, 1]."""
    want = {vgg19_layer_index(name): name for name in layers}
    out, h = {}, (x - net.mean) / net.std
    with torch.no_grad():
        for i, module in enumerate(net.features):
            h = module(h)
            if i in want:
                out[want[i]] = (h, torch.relu(h))
            if len(out) == len(want):
                break
    return out


def summary(values, edges):
    v = values.flatten().double().numpy()
    counts, _ = np.histogram(np.clip(v, edges[0], edges[-1]), bins=edges)
    return {"zeroFraction": round(float(np.mean(v == 0)), 5), "negativeFraction": round(float(np.mean(v < 0)), 5),
            "mean": round(float(v.mean()), 5), "std": round(float(v.std()), 5),
            "histogram": {"edges": [round(float(e), 5) for e in edges], "counts": counts.tolist()}}


def layer_stats(before, after):
    """Both histograms share edges, symmetric about 0 out to the 99.5th percentile of |before|."""
    lim = float(np.percentile(before.abs().flatten().numpy(), 99.5)) or 1.0
    edges = np.linspace(-lim, lim, BINS + 1)
    return {"before": summary(before, edges), "after": summary(after, edges)}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--images", required=True, help="a folder of PNG images")
    p.add_argument("--out", required=True)
    a = p.parse_args(argv)
    net = VGG19Features(LAYERS[-1], seed=0).eval()
    files = sorted(Path(a.images).glob("*.png"))
    if not files:
        raise SystemExit(f"no PNG images in {a.images}")
    stats = {}
    for f in files:
        acts = activations(net, to_tensor(load_rgb(f)))
        stats[f.stem] = {name: layer_stats(*acts[name]) for name in LAYERS}
        print(f.stem, {n: stats[f.stem][n]["after"]["zeroFraction"] for n in LAYERS}, flush=True)
    out = {
        "command": "python -m srt.site.activation_stats --images ../public/images/demo --out ../public/data/esrgan/vgg-activations.json",
        "network": {"name": "vgg19", "init": "fixed-seed random weights (seed 0, He-normal convolutions, zero biases), "
                                             "ImageNet input normalisation: the perceptual-loss network training used"},
        "images": [f.stem for f in files],
        "layers": list(LAYERS),
        "stats": stats,
    }
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(out, separators=(",", ":")) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
