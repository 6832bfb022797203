"""How much an exported generator's results hang on its BatchNorm statistics (training/README, "Choices").

Re-estimates only the running mean and variance of every BatchNorm layer from training batches (a
cumulative average, as "precise BN" does; no weight changes), then measures Set5 per image, before and
after, like `srt.measure.evaluate`. A network whose PSNR falls far is one that fine-tuning with BatchNorm in
training mode (which moves those statistics every step) will damage.

    python -m srt.measure.bn_sensitivity --weights ../public/weights/srresnet --data ../shared/datasets --batches 40
"""
import argparse
from pathlib import Path

import torch

from ..core.data import PatchSampler, list_images, load_eval_set
from ..measure.evaluate import upscale
from ..io.weights import load_generator
from ..measure.metrics import psnr_y


def set_psnr(net, eval_set, input_kind):
    net.eval()
    return {name: psnr_y(upscale(net, lr, input_kind), hr, 4) for name, lr, hr in eval_set}


@torch.no_grad()
def reestimate_batchnorm(net, sampler, batches, batch_size):
    """Replaces every BatchNorm layer's running statistics by their average over `batches` batches."""
    layers = [m for m in net.modules() if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)]
    if not layers:
        raise ValueError("the network has no BatchNorm layer")
    for m in layers:
        m.reset_running_stats()
        m.momentum = None  # cumulative average
    net.train()
    for _ in range(batches):
        net(sampler.batch(batch_size)[0])
    return net.eval()


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--weights", required=True, help="an exported generator folder (card.json + weights)")
    p.add_argument("--data", required=True)
    p.add_argument("--batches", type=int, default=40)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--patch", type=int, default=128)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args(argv)
    torch.manual_seed(a.seed)
    net, card = load_generator(a.weights)
    kind = card["architecture"]["input"]
    eval_set = load_eval_set(a.data, "Set5")
    before = set_psnr(net, eval_set, kind)
    files = list_images(*(Path(a.data) / d for d in ("train/bsds500", "train/t91")))
    sampler = PatchSampler(files, patch=a.patch, seed=a.seed)
    after = set_psnr(reestimate_batchnorm(net, sampler, a.batches, a.batch_size), eval_set, kind)
    print(f"{card['id']}: Set5 Y-PSNR with the stored BatchNorm statistics, and re-estimated from "
          f"{a.batches} batches of {a.batch_size} ({a.patch}x{a.patch} HR patches)")
    for name in before:
        print(f"  {name}: {before[name]:.2f} -> {after[name]:.2f} dB")
    mean = lambda d: sum(d.values()) / len(d)  # noqa: E731
    print(f"  mean: {mean(before):.2f} -> {mean(after):.2f} dB")
    return before, after


if __name__ == "__main__":
    main()
