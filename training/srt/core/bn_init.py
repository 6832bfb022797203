"""`rrdb_bn_psnr` from `rrdb_psnr`: the same network with BatchNorm layers that start as the identity.

`esrgan_bn` starts from `rrdb_bn_psnr`, RRDBNet with BatchNorm after every dense-block convolution. Rather
than pre-train that network on its own (thousands of steps), this copies `rrdb_psnr`'s weights into it and
sets each BatchNorm to undo itself: its running mean and variance are those of the convolution output it
follows, measured on training patches through `rrdb_psnr`, and its scale and shift are sqrt(var + eps) and the
mean. At inference (stored statistics) the network is then `rrdb_psnr`, value for value; in training mode
each batch is normalised by its own statistics instead, and that difference is what chapter 3's BN-versus-no-BN
comparison is about: `esrgan` and `esrgan_bn` start from the same function.

    python -m srt.core.bn_init --data ../shared/datasets     # writes runs/rrdb_bn_psnr/final.pt
"""
import argparse
import json
from pathlib import Path

import torch

from ..core.data import PatchSampler, list_images
from ..io.weights import load_generator
from ..core.models import build
from ..core.train import PUBLIC_WEIGHTS


@torch.no_grad()
def conv_output_stats(plain, lr_batches):
    """Per-channel mean and (biased) variance of every dense-block convolution's output, over all batches."""
    sums = {}

    def hook(name):
        def record(_module, _inp, out):
            s = sums.setdefault(name, [0.0, 0.0, 0])
            s[0] = s[0] + out.sum((0, 2, 3)).double()
            s[1] = s[1] + out.double().pow(2).sum((0, 2, 3))
            s[2] += out.numel() // out.shape[1]
        return record

    handles = [m.register_forward_hook(hook(n)) for n, m in plain.named_modules()
               if ".rdb" in n and n.rsplit(".", 1)[-1].startswith("conv")]
    plain.eval()
    for x in lr_batches:
        plain(x)
    for h in handles:
        h.remove()
    return {n: (s0 / n_, s1 / n_ - (s0 / n_) ** 2) for n, (s0, s1, n_) in sums.items()}


def identity_batchnorm(plain, lr_batches):
    """A use_bn=True copy of an RRDBNet whose BatchNorm layers are the identity under their stored statistics."""
    num_feat = plain.conv_first.out_channels
    num_grow_ch = plain.body[0].rdb1.conv1.out_channels
    bn = build("rrdbnet", num_feat=num_feat, num_block=len(plain.body), num_grow_ch=num_grow_ch, use_bn=True)
    missing = bn.load_state_dict(plain.state_dict(), strict=False).missing_keys
    assert all(".bn" in k for k in missing), missing
    stats = conv_output_stats(plain, lr_batches)
    modules = dict(bn.named_modules())
    for conv_name, (mean, var) in stats.items():
        layer = modules[conv_name.replace(".conv", ".bn")]
        layer.running_mean.copy_(mean.float())
        layer.running_var.copy_(var.float())
        layer.weight.data.copy_((var + layer.eps).sqrt().float())
        layer.bias.data.copy_(mean.float())
    return bn.eval()


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", required=True)
    p.add_argument("--weights", default=str(PUBLIC_WEIGHTS / "rrdb_psnr"), help="the exported rrdb_psnr")
    p.add_argument("--runs", default=str(Path(__file__).resolve().parents[2] / "runs"))
    p.add_argument("--batches", type=int, default=20)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args(argv)
    plain, card = load_generator(a.weights)
    files = list_images(*(Path(a.data) / d for d in ("train/bsds500", "train/t91")))
    sampler = PatchSampler(files, patch=128, seed=a.seed)
    batches = [sampler.batch(a.batch_size)[0] for _ in range(a.batches)]
    net = identity_batchnorm(plain, batches)
    with torch.no_grad():
        gap = (net(batches[0]) - plain(batches[0])).abs().max().item()
    out = Path(a.runs) / "rrdb_bn_psnr"
    out.mkdir(parents=True, exist_ok=True)
    meta = {"model_id": "rrdb_bn_psnr", "from": card["id"], "method": "identity BatchNorm (srt.core.bn_init)",
            "batches": a.batches, "batch": a.batch_size, "seed": a.seed, "max_abs_gap_to_plain": gap}
    torch.save({"model": net.state_dict(), "disc": None, "meta": meta}, out / "final.pt")
    (out / "meta.json").write_text(json.dumps(meta, indent=1))
    print(f"rrdb_bn_psnr from {card['id']}: {a.batches} batches of {a.batch_size}; eval-mode output differs by at most {gap:.2e}")
    return gap


if __name__ == "__main__":
    main()
