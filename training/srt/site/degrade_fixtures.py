"""Writes `test/fixtures/degrade.json`: what `srt.core.degradations` makes from fixed parameters, for the TypeScript
copy (`src/sr/degrade/`, `test/unit/degrade.test.ts`) to match: every kernel family (to 1e-6), the unsharp mask,
reflect-padded blur, the three resizes, the four noises, and two whole degradations without JPEG (within 1/255).

    /usr/bin/python3 -m srt.site.degrade_fixtures        # from training/; deterministic, byte-identical reruns
"""
import json
import math
from pathlib import Path

import numpy as np
import torch

from ..core import degradations as dg

OUT = Path(__file__).resolve().parents[3] / "test/fixtures/degrade.json"

KERNELS = [
    dict(kind="iso", size=21, sigma_x=2.3),
    dict(kind="aniso", size=15, sigma_x=2.8, sigma_y=0.6, theta=0.7),
    dict(kind="generalized_iso", size=13, sigma_x=1.4, beta=0.6),
    dict(kind="generalized_aniso", size=21, sigma_x=1.1, sigma_y=2.5, theta=-2.2, beta=3.1),
    dict(kind="plateau_iso", size=9, sigma_x=1.7, beta=1.4),
    dict(kind="plateau_aniso", size=17, sigma_x=0.5, sigma_y=2.9, theta=2.9, beta=1.9),
    dict(kind="sinc", size=11, cutoff=1.3),
    dict(kind="sinc", size=21, cutoff=0.8),
    None,
]

PIPELINES = [
    dict(kernel1=dict(kind="aniso", size=13, sigma_x=1.8, sigma_y=0.7, theta=0.4), resize1=dict(scale=0.62, mode="area"),
         noise1=dict(kind="gaussian", sigma=12.0, gray=False, seed=11), jpeg1=None,
         kernel2=dict(kind="iso", size=7, sigma_x=0.9), resize2=dict(scale=1.15, mode="bicubic"),
         noise2=dict(kind="poisson", scale=1.5, gray=True, seed=12), jpeg2=None,
         sinc=dict(kind="sinc", size=9, cutoff=2.1), sinc_first=True, final_mode="bilinear"),
    dict(kernel1=dict(kind="sinc", size=15, cutoff=1.1), resize1=dict(scale=1.3, mode="bicubic"),
         noise1=dict(kind="poisson", scale=2.0, gray=False, seed=21), jpeg1=None,
         kernel2=None, resize2=dict(scale=0.7, mode="bilinear"),
         noise2=dict(kind="gaussian", sigma=6.0, gray=True, seed=22), jpeg2=None,
         sinc=None, sinc_first=False, final_mode="area"),
]


def image(w, h, seed):
    """An 8-bit procedural picture (edges, a disc, texture) as a 1x3xHxW float tensor."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:h, 0:w] / max(w, h)
    r = 0.5 + 0.4 * np.sign(np.sin(9 * x + 4 * y)) * 0.5 + 0.1 * rng.random((h, w))
    g = ((x - 0.5) ** 2 + (y - 0.4) ** 2 < 0.08) * 0.7 + 0.2 * rng.random((h, w))
    b = 0.3 + 0.5 * x * y + 0.2 * rng.random((h, w))
    img = np.round(np.clip(np.stack([r, g, b]), 0, 1) * 255) / 255
    return torch.from_numpy(img.astype(np.float32))[None]


def hwc(t):
    """1x3xHxW tensor -> {width, height, data: HWC list with 9 significant digits}."""
    a = t[0].permute(1, 2, 0).double().numpy()
    return dict(width=a.shape[1], height=a.shape[0], data=[float(f"{v:.9g}") for v in a.reshape(-1)])


def main():
    torch.set_num_threads(1)
    small, usm_in, hr = image(20, 16, 1), image(32, 30, 2), image(64, 48, 3)
    noise_in = image(12, 10, 4)
    out = dict(
        kernels=[dict(spec=s, kernel=[float(f"{v:.12g}") for v in dg.kernel(s).reshape(-1)]) for s in KERNELS],
        small=hwc(small),
        blur=dict(spec=KERNELS[1], out=hwc(dg.filter2d(small, dg.kernel(KERNELS[1])))),
        resizes=[dict(mode=m, width=w, height=h, out=hwc(dg.resize(small, h, w, m)))
                 for m in dg.MODES for (w, h) in ((7, 5), (29, 23))],
        usm=dict(input=hwc(usm_in), out=hwc(dg.usm_sharp(usm_in))),
        noise=dict(input=hwc(noise_in), cases=[
            dict(spec=spec, out=hwc(dg.add_noise(noise_in, spec, dg.HashNoise())))
            for spec in (dict(kind="gaussian", sigma=20.0, gray=False, seed=5), dict(kind="gaussian", sigma=9.0, gray=True, seed=6),
                         dict(kind="poisson", scale=2.5, gray=False, seed=7), dict(kind="poisson", scale=1.0, gray=True, seed=8))]),
        uniforms=[float(f"{v:.17g}") for v in dg.hash_uniform(123456789, 8)],
        pipelines=dict(input=hwc(hr), cases=[dict(params=p, out=hwc(dg.degrade(hr, p))) for p in PIPELINES]),
    )
    OUT.write_text(json.dumps(out, separators=(",", ":")) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
