"""Chapter 4's (Real-ESRGAN) static pictures and numbers, in public/data/realesrgan/: what the page shows before,
or without, a compute backend, and the figures the prose quotes.

    cd training && /usr/bin/python3 -m srt.site.figures_realesrgan --weights ../public/weights --demo ../public/images/demo

- `kernel-<kind>.png` (21x21, orange positive, blue negative, each scaled to its own largest magnitude) and
  `spectrum-<kind>.png` (|FFT| of the kernel padded to 64x64, centred, 1 = white): the seven kernel families at
  the parameters in KERNELS; `kernels.json` lists them with the sinc's overshoot on a step edge.
- `strip-<stage>.png`: a demo crop through one fixed degradation (STRIP, listed in `strip.json`), every stage.
- `compare-<photo>-<model>.png`: the degraded crops of COMPARE, enlarged by bicubic, `rrdb_psnr` and `realesrnet`,
  with the HR crop; `compare.json` gives each one's Y-PSNR against the HR crop.
- `degraded.json`: the Set5 / Set14 means of `training/results/degraded/degraded.json` (srt.measure.degraded_eval)
  and of `linear_oracle.json` (srt.measure.linear_oracle: the best linear filter, fitted with the photograph in hand),
  and `draws.json` (srt.measure.degraded_draws: the same measurement on other draws of the list).
"""
import argparse
import json
import math
from pathlib import Path

import numpy as np
import torch
from PIL import Image

from ..core import degradations as dg
from ..measure.evaluate import upscale
from ..io.weights import load_generator
from ..measure.metrics import psnr_y

HR = 128
KERNELS = [
    dict(kind="iso", size=21, sigma_x=2.0),
    dict(kind="aniso", size=21, sigma_x=3.0, sigma_y=0.8, theta=math.pi / 4),
    dict(kind="generalized_iso", size=21, sigma_x=2.0, beta=0.5),
    dict(kind="generalized_aniso", size=21, sigma_x=2.5, sigma_y=1.0, theta=-math.pi / 6, beta=4.0),
    dict(kind="plateau_iso", size=21, sigma_x=2.0, beta=1.5),
    dict(kind="plateau_aniso", size=21, sigma_x=2.5, sigma_y=1.0, theta=math.pi / 3, beta=1.5),
    dict(kind="sinc", size=21, cutoff=math.pi / 3),
]
# one degradation with every stage visible: anisotropic blur, a halving, colour noise, strong JPEG; then a mild
# blur, a shrink, grey Poisson noise, and the sinc before the last JPEG
STRIP_PHOTO = ("chelsea", 16, 40)
STRIP = dict(kernel1=dict(kind="aniso", size=15, sigma_x=2.2, sigma_y=0.7, theta=0.6), resize1=dict(scale=0.5, mode="bilinear"),
             noise1=dict(kind="gaussian", sigma=12.0, gray=False, seed=101), jpeg1=45,
             kernel2=dict(kind="iso", size=9, sigma_x=1.0), resize2=dict(scale=0.8, mode="bicubic"),
             noise2=dict(kind="poisson", scale=1.0, gray=True, seed=102), jpeg2=60,
             sinc=dict(kind="sinc", size=13, cutoff=2.0), sinc_first=True, final_mode="area")
COMPARE = [("chelsea", 16, 40, STRIP), ("coffee", 64, 24, dict(STRIP, noise1=dict(kind="poisson", scale=2.0, gray=False, seed=201),
                                                                    jpeg1=70, jpeg2=40, sinc_first=False))]
MODELS = ["rrdb_psnr", "realesrnet"]


def to_tensor(img):
    return torch.from_numpy(np.asarray(img.convert("RGB"), dtype=np.float32) / 255.0).permute(2, 0, 1)[None]


def save(t, path):
    arr = (t[0].clamp(0, 1) * 255).round().byte().permute(1, 2, 0).numpy()
    Image.fromarray(arr).save(path, optimize=True)


def kernel_png(k, path):
    v = k / np.abs(k).max()
    pos, neg = np.clip(v, 0, 1)[..., None], np.clip(-v, 0, 1)[..., None]
    white = np.ones(k.shape + (3,))
    rgb = white - pos * (1 - np.array([0.85, 0.33, 0.1])) - neg * (1 - np.array([0.13, 0.4, 0.75]))
    Image.fromarray((rgb * 255).round().astype(np.uint8)).resize((84, 84), Image.NEAREST).save(path, optimize=True)


def spectrum_png(k, path):
    mag = np.abs(np.fft.fftshift(np.fft.fft2(k, s=(64, 64))))
    Image.fromarray((np.clip(mag, 0, 1) * 255).round().astype(np.uint8), mode="L").save(path, optimize=True)


def step_overshoot(k):
    """Largest value above 1 (and below 0) when the kernel blurs a vertical step edge 0 -> 1, in percent."""
    step = np.zeros((1, 3, 64, 64), np.float32)
    step[..., 32:] = 1
    out = dg.filter2d(torch.from_numpy(step), k)[0, 0, 32].numpy()
    return round(float(max(out.max() - 1, -out.min(), 0.0)) * 100, 2) + 0.0


def degraded_summary(results, oracle, draws):
    """degraded.json: the means of srt.measure.degraded_eval and, where measured, of srt.measure.linear_oracle and
    srt.measure.degraded_draws (each list's means and the pooled gain)."""
    out = dict(measured_by="python -m srt.measure.degraded_eval", mean=json.loads(Path(results).read_text())["mean"])
    if Path(oracle).exists():
        out.update(oracle_measured_by="python -m srt.measure.linear_oracle", oracle=json.loads(Path(oracle).read_text())["mean"])
    if Path(draws).exists():
        out.update(draws_measured_by="python -m srt.measure.degraded_draws", draws=json.loads(Path(draws).read_text()))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--weights", default="../public/weights")
    ap.add_argument("--demo", default="../public/images/demo")
    ap.add_argument("--results", default="results/degraded/degraded.json")
    ap.add_argument("--oracle", default="results/degraded/linear_oracle.json")
    ap.add_argument("--draws", default="results/degraded/draws.json")
    ap.add_argument("--out", default="../public/data/realesrgan")
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    torch.set_num_threads(1)

    kernels = []
    for spec in KERNELS:
        k = dg.kernel(spec)
        kernel_png(k, out / f"kernel-{spec['kind']}.png")
        spectrum_png(k, out / f"spectrum-{spec['kind']}.png")
        kernels.append(dict(spec=spec, min=float(k.min()), max=float(k.max()), overshoot_percent=step_overshoot(k)))
    (out / "kernels.json").write_text(json.dumps(kernels, indent=1) + "\n")

    photo = lambda name, left, top: to_tensor(Image.open(Path(a.demo) / f"{name}.png"))[..., top:top + HR, left:left + HR]  # noqa: E731
    hr = photo(*STRIP_PHOTO)
    trace = []
    lr = dg.degrade(hr, STRIP, trace=trace)
    save(hr, out / "strip-hr.png")
    stages = [dict(name="hr", width=HR, height=HR)]
    for name, img in trace:
        save(img, out / f"strip-{name}.png")
        stages.append(dict(name=name, width=img.shape[3], height=img.shape[2]))
    save(lr, out / "strip-lr.png")
    (out / "strip.json").write_text(json.dumps(dict(photo=STRIP_PHOTO[0], left=STRIP_PHOTO[1], top=STRIP_PHOTO[2], params=STRIP,
                                                     stages=stages), indent=1) + "\n")

    nets = {m: load_generator(Path(a.weights) / m)[0].float() for m in MODELS if (Path(a.weights) / m / "card.json").exists()}
    compare = []
    with torch.no_grad():
        for name, left, top, params in COMPARE:
            hr = photo(name, left, top)
            lr = dg.degrade(hr, params)
            outs = {m: upscale(net, lr, "lr") for m, net in [("bicubic", None), *nets.items()]}  # 8-bit, as evaluated
            save(hr, out / f"compare-{name}-hr.png")
            save(lr, out / f"compare-{name}-lr.png")
            for m, t in outs.items():
                save(t, out / f"compare-{name}-{m}.png")
            compare.append(dict(photo=name, left=left, top=top, params=params,
                                psnr={m: round(psnr_y(t, hr, 4), 2) for m, t in outs.items()}))
            print(name, compare[-1]["psnr"])
    (out / "compare.json").write_text(json.dumps(compare, indent=1) + "\n")
    (out / "degraded.json").write_text(json.dumps(degraded_summary(a.results, a.oracle, a.draws), indent=1) + "\n")


if __name__ == "__main__":
    main()
