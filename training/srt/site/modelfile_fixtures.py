"""Writes `test/fixtures/modelfiles/`: tiny random-weight networks of every architecture and key style the
playground reads, as PyTorch `.pth` (zip format) and `.safetensors`, with and without a `params_ema` wrapper,
fp32 and fp16, their PyTorch outputs on one fixed input (`outputs.json`), and hostile files the reader must
refuse (`hostile/`). `src/sr/modelfile` is tested against them (test/unit/modelfile.test.ts).

    /usr/bin/python3 -m srt.site.modelfile_fixtures          # from training/ (PyTorch on a CPU; seconds)
"""
import io
import json
import pickle
import struct
import zipfile
from collections import OrderedDict
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from ..io import safetensors
from ..core.models import RRDBNet

OUT = Path(__file__).resolve().parents[3] / "test/fixtures/modelfiles"
INPUT = dict(height=6, width=5, seed=3)


class SRVGGNetCompact(nn.Module):
    """Real-ESRGAN's compact network (realesr-general-x4v3, animevideov3), BasicSR names: body.N."""

    def __init__(self, num_feat=8, num_conv=3, upscale=4, act="prelu"):
        super().__init__()
        self.upscale = upscale
        acts = {"prelu": lambda: nn.PReLU(num_parameters=num_feat), "lrelu": lambda: nn.LeakyReLU(0.1),
                "relu": lambda: nn.ReLU()}
        layers = [nn.Conv2d(3, num_feat, 3, 1, 1), acts[act]()]
        for _ in range(num_conv):
            layers += [nn.Conv2d(num_feat, num_feat, 3, 1, 1), acts[act]()]
        layers.append(nn.Conv2d(num_feat, 3 * upscale * upscale, 3, 1, 1))
        self.body = nn.ModuleList(layers)

    def forward(self, x):
        out = x
        for layer in self.body:
            out = layer(out)
        return F.pixel_shuffle(out, self.upscale) + F.interpolate(x, scale_factor=self.upscale, mode="nearest")


class ResidualBlockNoBN(nn.Module):
    def __init__(self, num_feat):
        super().__init__()
        self.conv1 = nn.Conv2d(num_feat, num_feat, 3, 1, 1)
        self.conv2 = nn.Conv2d(num_feat, num_feat, 3, 1, 1)

    def forward(self, x):
        return x + self.conv2(F.relu(self.conv1(x)))


class MSRResNet(nn.Module):
    """BasicSR's MSRResNet (x4): no BatchNorm, two pixel-shuffle stages, a bilinear skip of the input."""

    def __init__(self, num_feat=8, num_block=2):
        super().__init__()
        self.conv_first = nn.Conv2d(3, num_feat, 3, 1, 1)
        self.body = nn.Sequential(*[ResidualBlockNoBN(num_feat) for _ in range(num_block)])
        self.upconv1 = nn.Conv2d(num_feat, num_feat * 4, 3, 1, 1)
        self.upconv2 = nn.Conv2d(num_feat, num_feat * 4, 3, 1, 1)
        self.conv_hr = nn.Conv2d(num_feat, num_feat, 3, 1, 1)
        self.conv_last = nn.Conv2d(num_feat, 3, 3, 1, 1)

    def forward(self, x):
        lrelu = lambda t: F.leaky_relu(t, 0.1)  # noqa: E731
        feat = lrelu(self.conv_first(x))
        out = self.body(feat)
        out = lrelu(F.pixel_shuffle(self.upconv1(out), 2))
        out = lrelu(F.pixel_shuffle(self.upconv2(out), 2))
        out = self.conv_last(lrelu(self.conv_hr(out)))
        return out + F.interpolate(x, scale_factor=4, mode="bilinear", align_corners=False)


def esrgan_keys(sd, num_block):
    """BasicSR RRDBNet names -> the original ESRGAN repository's (model.0, model.1.sub.N.RDB1.conv1.0, ...)."""
    out = OrderedDict()
    top = {"conv_first": "model.0", "conv_body": f"model.1.sub.{num_block}", "conv_up1": "model.3",
           "conv_up2": "model.6", "conv_hr": "model.8", "conv_last": "model.10"}
    for k, v in sd.items():
        head, _, leaf = k.rpartition(".")
        if head in top:
            out[f"{top[head]}.{leaf}"] = v
        else:  # body.N.rdbM.convK.weight
            _, n, rdb, conv = head.split(".")
            out[f"model.1.sub.{n}.RDB{rdb[3:]}.{conv}.0.{leaf}"] = v
    return out


def random_net(net, seed):
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in net.parameters():
            p.copy_(torch.randn(p.shape, generator=g) * (0.5 / max(1, p[0].numel()) ** 0.5) if p.dim() > 1
                    else torch.rand(p.shape, generator=g) * 0.2)
    return net.eval()


def fixed_input():
    g = torch.Generator().manual_seed(INPUT["seed"])
    return torch.rand(1, 3, INPUT["height"], INPUT["width"], generator=g)


def save_pth(path, obj, legacy=False):
    torch.save(obj, path, _use_new_zipfile_serialization=not legacy)


def save_st(path, sd, half=False):
    safetensors.save(path, {k: v.detach().numpy().astype(np.float16 if half else np.float32) for k, v in sd.items()})


def hostile(folder, good_pth):
    folder.mkdir(exist_ok=True)
    for name, (module, fn) in {"os-system.pth": ("os", "system"), "builtins-eval.pth": ("builtins", "eval")}.items():
        payload = b"\x80\x02c" + f"{module}\n{fn}\n".encode() + b"X\x04\x00\x00\x00echo\x85R."
        with zipfile.ZipFile(folder / name, "w", zipfile.ZIP_STORED) as z:
            z.writestr("archive/data.pkl", payload)
            z.writestr("archive/version", "3\n")
    raw = good_pth.read_bytes()
    (folder / "truncated.pth").write_bytes(raw[: len(raw) // 2])
    (folder / "huge-header.safetensors").write_bytes(struct.pack("<Q", 2 ** 31) + b"{}")
    sd = random_net(RRDBNet(num_feat=8, num_block=1, num_grow_ch=4), 5).state_dict()
    sd["conv_body.weight"] = sd["conv_body.weight"][:, :4].clone()  # conv_body expects 8 input channels
    save_st(folder / "wrong-shape.safetensors", sd)
    save_st(folder / "unknown-arch.safetensors", OrderedDict([("encoder.layer1.weight", torch.zeros(4, 3, 3, 3)),
                                                              ("decoder.out.bias", torch.zeros(3))]))
    save_pth(folder / "legacy.pth", random_net(RRDBNet(num_feat=8, num_block=1, num_grow_ch=4), 6).state_dict(), legacy=True)


def main():
    torch.set_num_threads(1)
    OUT.mkdir(parents=True, exist_ok=True)
    x = fixed_input()
    cases = []

    def record(file, net, arch, **detected):
        with torch.no_grad():
            y = net(x)
        cases.append(dict(file=file, arch=arch, detected=detected, shape=list(y.shape),
                          output=[float(f"{v:.7g}") for v in y[0].permute(1, 2, 0).reshape(-1).tolist()]))

    rrdb = random_net(RRDBNet(num_feat=8, num_block=2, num_grow_ch=4), 1)
    save_pth(OUT / "rrdbnet-basicsr-ema.pth", {"params_ema": rrdb.state_dict(), "params": rrdb.state_dict()})
    record("rrdbnet-basicsr-ema.pth", rrdb, "rrdbnet", numFeat=8, numBlock=2, numGrow=4, scale=4)
    save_st(OUT / "rrdbnet-basicsr.safetensors", rrdb.state_dict())
    record("rrdbnet-basicsr.safetensors", rrdb, "rrdbnet", numFeat=8, numBlock=2, numGrow=4, scale=4)
    save_pth(OUT / "rrdbnet-esrgan.pth", esrgan_keys(rrdb.state_dict(), 2))
    record("rrdbnet-esrgan.pth", rrdb, "rrdbnet", numFeat=8, numBlock=2, numGrow=4, scale=4)
    save_st(OUT / "rrdbnet-esrgan-fp16.safetensors", esrgan_keys(rrdb.state_dict(), 2), half=True)
    half = random_net(RRDBNet(num_feat=8, num_block=2, num_grow_ch=4), 1)
    half.load_state_dict({k: v.half().float() for k, v in rrdb.state_dict().items()})
    record("rrdbnet-esrgan-fp16.safetensors", half, "rrdbnet", numFeat=8, numBlock=2, numGrow=4, scale=4)

    wide = random_net(RRDBNet(num_feat=12, num_block=1, num_grow_ch=6), 2)
    save_pth(OUT / "rrdbnet-fp16.pth", {"params": OrderedDict((k, v.half()) for k, v in wide.state_dict().items())})
    wide.load_state_dict({k: v.half().float() for k, v in wide.state_dict().items()})
    record("rrdbnet-fp16.pth", wide, "rrdbnet", numFeat=12, numBlock=1, numGrow=6, scale=4)

    vgg = random_net(SRVGGNetCompact(num_feat=8, num_conv=3), 3)
    strided = vgg.state_dict()  # one tensor saved with non-contiguous strides: the reader must follow them
    strided["body.2.weight"] = strided["body.2.weight"].permute(1, 0, 2, 3).contiguous().permute(1, 0, 2, 3)
    assert not strided["body.2.weight"].is_contiguous()
    save_pth(OUT / "srvgg-prelu.pth", {"params": strided})
    record("srvgg-prelu.pth", vgg, "srvgg", numFeat=8, numConv=3, scale=4)
    save_st(OUT / "srvgg-prelu.safetensors", vgg.state_dict())
    record("srvgg-prelu.safetensors", vgg, "srvgg", numFeat=8, numConv=3, scale=4)

    msr = random_net(MSRResNet(num_feat=8, num_block=2), 4)
    save_pth(OUT / "msrresnet.pth", {"params_ema": msr.state_dict()})
    record("msrresnet.pth", msr, "msrresnet", numFeat=8, numBlock=2, scale=4)
    save_st(OUT / "msrresnet.safetensors", msr.state_dict())
    record("msrresnet.safetensors", msr, "msrresnet", numFeat=8, numBlock=2, scale=4)

    hostile(OUT / "hostile", OUT / "rrdbnet-esrgan.pth")
    g = fixed_input()[0].permute(1, 2, 0).reshape(-1).tolist()
    (OUT / "outputs.json").write_text(json.dumps(dict(input=dict(INPUT, data=[float(f"{v:.9g}") for v in g]),
                                                      cases=cases), indent=0) + "\n")
    print(f"wrote {len(cases)} model files and their outputs to {OUT}")


if __name__ == "__main__":
    main()
