"""Self-supervised VGG19 for the perceptual loss, option (b): ImageNet weights cannot be downloaded here.

The pretext task is rotation prediction (Gidaris et al. 2018): a classifier on top of VGG19's
features says by how many quarter turns an upright training patch was rotated. Patches are only
flipped left-right (never transposed) so that "up" stays meaningful.

    python -m srt.core.pretrain_vgg --data ../shared/datasets --iters 3000
"""
import argparse
import json
import sys
import time
from pathlib import Path

import torch
from torch import nn
from torch.nn import functional as F

from ..core.data import PatchSampler, list_images
from ..core.models import VGG19Features
from ..core.train import mixed_precision


class RotationNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.vgg = VGG19Features("relu5_4", seed=0)
        self.vgg.requires_grad_(True)
        self.head = nn.Linear(512, 4)

    def forward(self, x):
        return self.head(self.vgg(x).mean((2, 3)))


def rotated_batch(sampler, n):
    hr = sampler.batch(n)[1]
    k = torch.randint(0, 4, (n,), generator=sampler.gen, device=hr.device)
    rotated = torch.stack([torch.rot90(x, int(r), (1, 2)) for x, r in zip(hr, k)])
    return rotated, k


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--data", required=True)
    p.add_argument("--runs", default=str(Path(__file__).resolve().parents[2] / "runs"))
    p.add_argument("--iters", type=int, default=3000)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args(argv)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    torch.manual_seed(a.seed)
    out = Path(a.runs) / "vgg_ssl"
    out.mkdir(parents=True, exist_ok=True)
    files = list_images(*(Path(a.data) / d for d in ("train/bsds500", "train/t91")))
    sampler = PatchSampler(files, patch=128, device=device, seed=a.seed)
    sampler._augment = lambda x: torch.where((sampler._rand(x.shape[0]) < 0.5).view(-1, 1, 1, 1), x.flip(3), x)
    net = RotationNet().to(device)
    opt = torch.optim.Adam(net.parameters(), lr=1e-4)
    log = open(out / "log.jsonl", "w")
    t0 = time.time()
    for step in range(a.iters):
        x, k = rotated_batch(sampler, a.batch)
        with mixed_precision(device):
            logits = net(x)
        loss = F.cross_entropy(logits.float(), k)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        if step % 50 == 0 or step == a.iters - 1:
            acc = (logits.argmax(1) == k).float().mean().item()
            log.write(json.dumps({"step": step, "time": round(time.time() - t0, 1), "loss": loss.item(), "accuracy": acc}) + "\n")
            log.flush()
            if step % 500 == 0:
                print(f"vgg_ssl step {step} loss {loss.item():.3f} acc {acc:.2f}", flush=True)
    # held-out check: accuracy on 1024 fresh patches
    with torch.no_grad(), mixed_precision(device):
        correct = sum((net(x).argmax(1) == k).sum().item() for x, k in (rotated_batch(sampler, 128) for _ in range(8)))
    meta = {"iterations": a.iters, "batch": a.batch, "rotation_accuracy": correct / 1024, "seconds": round(time.time() - t0, 1)}
    torch.save({"model": net.vgg.state_dict(), "meta": meta}, out / "final.pt")
    (out / "meta.json").write_text(json.dumps(meta))
    print(f"vgg_ssl: {meta}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
