"""Evaluate generators on Set5 and Set14 (x4): PSNR / SSIM on Y with a 4-pixel border, and NIQE.

    python -m srt.measure.evaluate --weights ../public/weights --data ../shared/datasets --out results
writes results/results.md and results.json for every generator in the weights folder (the exported, dequantised
weights: what the browser runs), bicubic as the baseline. results.json goes to ../public/data, where the site's build
reads it, when the weights are the site's own (../public/weights); for any other folder, beside results.md.
"""
import argparse
import json
from pathlib import Path

import torch

from ..measure import niqe as niqe_mod
from ..core.data import load_eval_set
from ..core.imresize import imresize
from ..measure.metrics import grid_index, psnr_y, rgb_to_y, ssim_y

SETS = ("Set5", "Set14")


@torch.no_grad()
def upscale(net, lr, input_kind):
    """net(None) means bicubic. Output clamped and rounded to 8-bit like a saved image."""
    x = imresize(lr.double(), 4).float() if input_kind == "bicubic" or net is None else lr
    sr = x if net is None else net(x)
    return torch.round(sr.clamp(0, 1) * 255) / 255


def measure(net, input_kind, data_root, niqe_params, sets=SETS, border=4):
    out = {}
    for name in sets:
        rows = []
        for img, lr, hr in load_eval_set(data_root, name):
            sr = upscale(net, lr, input_kind)
            y = rgb_to_y(sr)[0, 0, border:-border, border:-border].numpy()
            rows.append({"image": img, "psnr": psnr_y(sr, hr, border), "ssim": ssim_y(sr, hr, border),
                         "niqe": niqe_mod.niqe(y, niqe_params), "grid": grid_index(sr)})
        mean = {k: round(sum(r[k] for r in rows) / len(rows), 4) for k in ("psnr", "ssim", "grid")}
        niqes = [r["niqe"] for r in rows if r["niqe"] == r["niqe"]]  # images too small for NIQE give NaN
        mean["niqe"] = round(sum(niqes) / len(niqes), 4) if niqes else None
        out[name.lower()] = {**mean, "images": [{k: (round(v, 4) if isinstance(v, float) and v == v else v if not isinstance(v, float) else None) for k, v in r.items()} for r in rows]}
    return out


def table(results):
    lines = ["| model | Set5 PSNR | Set5 SSIM | Set5 NIQE | Set5 grid | Set14 PSNR | Set14 SSIM | Set14 NIQE | Set14 grid |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for mid, r in results.items():
        s5, s14 = r["set5"], r["set14"]
        lines.append(f"| {mid} | {s5['psnr']:.2f} | {s5['ssim']:.4f} | {s5['niqe']:.2f} | {s5['grid']:.1f} | "
                     f"{s14['psnr']:.2f} | {s14['ssim']:.4f} | {s14['niqe']:.2f} | {s14['grid']:.1f} |")
    return "\n".join(lines) + "\n"


def measurement_arguments(doc, out_help=None):
    """The parser every measurement starts from: the exported weights, the datasets folder, where results go."""
    p = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--weights", required=True)
    p.add_argument("--data", required=True)
    p.add_argument("--out", required=True, help=out_help)
    return p


def main(argv=None):
    from ..io.weights import load_generator
    p = measurement_arguments(__doc__, "folder for results.md (and results.json unless --weights is the site's)")
    a = p.parse_args(argv)
    params = niqe_mod.load_params(Path(a.data) / "metrics" / "niqe_pris_params.npz")
    results = {"bicubic": measure(None, "bicubic", a.data, params)}
    index = json.loads((Path(a.weights) / "index.json").read_text())
    for entry in index["models"]:
        if entry["kind"] != "generator":
            continue
        net, card = load_generator(Path(a.weights) / entry["id"])
        results[entry["id"]] = measure(net, card["architecture"]["input"], a.data, params)
        print(entry["id"], {k: {m: v[m] for m in ("psnr", "ssim", "niqe")} for k, v in results[entry["id"]].items()}, flush=True)
    Path(a.out).mkdir(parents=True, exist_ok=True)
    site = Path(__file__).resolve().parents[3] / "public"
    published = Path(a.weights).resolve() == site / "weights"
    (site / "data" if published else Path(a.out)).joinpath("results.json").write_text(json.dumps(results, indent=1))
    (Path(a.out) / "results.md").write_text("# Zoo v1, x4, measured by `python -m srt.measure.evaluate`\n\n"
                                            "PSNR / SSIM on Y (BT.601), 4-pixel border; NIQE on Y, lower is more natural; grid: the "
                                            "x4 checkerboard index of `srt.measure.metrics.grid_index` (about 1-3 for photographs).\n\n" + table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
