"""How the exported discriminators score real and generated patches with the two kinds of BatchNorm statistics.

    cd training && /usr/bin/python3 -m srt.site.disc_modes --data ../shared/datasets --out ../public/data/disc-modes.json

In training, `srt.core.train` passes a batch of real patches and a batch of generated ones through the discriminator
separately, so each is normalised by its own BatchNorm statistics (training mode). The exported network, and so
every figure in the browser, normalises with the running statistics instead (inference mode), averaged over both
kinds of batch. This measures the mean D(x) = sigmoid(C(x)) and the mean logit C(x) of each discriminator on the
same training patches (real) and its generator's outputs for them (generated), in both modes: what chapter 2
says about the scale of its figure's scores comes from this file. Discriminators without BatchNorm (the ESRGAN trio's,
spectrally normalised) have one mode and are skipped.
"""
import argparse
import copy
import json
from pathlib import Path

import torch

from ..core.data import PatchSampler, list_images
from ..io.weights import load_discriminator, load_generator
from ..core.train import PUBLIC_WEIGHTS

PAIRS = {"srgan_d": "srgan", "esrgan_d": "esrgan", "esrgan_std_d": "esrgan_std", "esrgan_bn_d": "esrgan_bn"}


@torch.no_grad()
def scores(disc, gen, batches, training_mode):
    """Mean C(x) and D(x) over real and generated patches; training mode uses a fresh copy per batch, so
    BatchNorm's running statistics never change what inference mode sees."""
    sums = {k: 0.0 for k in ("c_real", "c_fake", "d_real", "d_fake")}
    for lr, hr in batches:
        fake = gen(lr).clamp(0, 1)
        net = copy.deepcopy(disc).train() if training_mode else disc.eval()
        for kind, x in (("real", hr), ("fake", fake)):
            c = net(x).float()
            sums[f"c_{kind}"] += c.mean().item() / len(batches)
            sums[f"d_{kind}"] += torch.sigmoid(c).mean().item() / len(batches)
    return {k: round(v, 4) for k, v in sums.items()}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", required=True)
    p.add_argument("--weights", default=str(PUBLIC_WEIGHTS))
    p.add_argument("--out", required=True)
    p.add_argument("--batches", type=int, default=8)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--seed", type=int, default=5)
    a = p.parse_args(argv)
    torch.set_num_threads(2)
    files = list_images(*(Path(a.data) / d for d in ("train/bsds500", "train/t91")))
    sampler = PatchSampler(files, patch=128, seed=a.seed)
    batches = [sampler.batch(a.batch_size) for _ in range(a.batches)]
    out = {"patches": a.batches * a.batch_size, "batch": a.batch_size, "seed": a.seed, "discriminators": {}}
    for d_id, g_id in PAIRS.items():
        if not (Path(a.weights) / d_id).is_dir():
            continue
        disc, d_card = load_discriminator(Path(a.weights) / d_id)
        if d_card["architecture"]["params"].get("norm", "batch") != "batch":
            continue  # no BatchNorm (spectral normalisation, folded): both modes are the same network
        gen, g_card = load_generator(Path(a.weights) / g_id)
        gen.eval()
        out["discriminators"][d_id] = {"generator": g_id, "inference": scores(disc, gen, batches, False),
                                       "training": scores(disc, gen, batches, True),
                                       # the weights measured: a test fails when a retrain leaves this file stale
                                       "sha256": {d_id: d_card["weights"]["sha256"], g_id: g_card["weights"]["sha256"]}}
        print(d_id, out["discriminators"][d_id], flush=True)
    Path(a.out).write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
