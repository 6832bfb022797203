"""Set5 and Set14 through Real-ESRGAN's degradation model with fixed parameters, and how well each generator
restores them: the test of `realesrnet` (trained on such inputs) against `rrdb_psnr` (trained on bicubic).

    python -m srt.measure.degraded_eval --weights ../public/weights --data ../shared/datasets --out results/degraded
    python -m srt.measure.degraded_eval ... --checkpoint realesrnet=runs/realesrnet/ckpt.pt    # a run not yet exported

The parameters are drawn once per image (`np.random.default_rng(SEED + i)`, the published distributions) and
kept in `<out>/params.json`, committed: later runs read that list instead of drawing again. The degraded
inputs use HashNoise and Pillow's JPEG, so they are the same on any machine. Writes `<out>/degraded.json` and
`<out>/degraded.md`: Y-PSNR / SSIM (BT.601, 4-px border) against the original photographs, on the degraded
inputs and on the clean bicubic ones (`LR_x4`), for bicubic and each model.
"""
import json
from pathlib import Path

import numpy as np
import torch

from ..core import degradations as dg
from ..core.data import load_eval_set
from ..measure.evaluate import SETS, measurement_arguments, upscale
from ..measure.metrics import psnr_y, ssim_y

SEED = 2021
MODELS = ("rrdb_psnr", "realesrnet")


def draw_list(data, seed=SEED):
    """{set: {image: params}}: one draw of the published distributions per image, from seeds seed, seed + 1, ..."""
    params, i = {}, 0
    for name in SETS:
        params[name] = {}
        for img, _, _ in load_eval_set(data, name):
            params[name][img] = dg.sample_params(np.random.default_rng(seed + i))
            i += 1
    return params


def parameter_list(out, data):
    """The committed list: read from out/params.json, or drawn from SEED and written there the first time."""
    path = Path(out) / "params.json"
    if path.exists():
        return json.loads(path.read_text())
    params = draw_list(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(params, indent=1) + "\n")
    return params


def load_models(weights, checkpoints):
    from ..io.weights import load_generator
    from ..core.models import build
    from ..core.zoo import ZOO
    nets = {}
    for mid in MODELS:
        if mid in checkpoints:
            cfg = ZOO[mid]
            ckpt = torch.load(checkpoints[mid], map_location="cpu", weights_only=False)
            state = ckpt.get("ema") or ckpt["model"]  # a run with `ema` would export its moving average
            params = dict(cfg["params"])
            if cfg["arch"] == "rrdbnet":  # a run may be deeper than the zoo's (`--set params.num_block=6`): count its blocks
                params["num_block"] = 1 + max(int(k.split(".")[1]) for k in state if k.startswith("body."))
            net = build(cfg["arch"], **params)
            net.load_state_dict(state)
            nets[mid] = net.eval()
        elif (Path(weights) / mid / "card.json").exists():
            nets[mid] = load_generator(Path(weights) / mid)[0]
    return nets


@torch.no_grad()
def measure(nets, data, params, border=4, kinds=("degraded", "clean")):
    rows = {name: [] for name in SETS}
    for name in SETS:
        for img, clean_lr, hr in load_eval_set(data, name):
            degraded = dg.degrade(hr, params[name][img])
            row = {"image": img}
            for mid, net in [("bicubic", None), *nets.items()]:
                for kind, lr in (("degraded", degraded), ("clean", clean_lr)):
                    if kind not in kinds:
                        continue
                    sr = upscale(net, lr, "lr")
                    row[f"{mid}/{kind}"] = (round(psnr_y(sr, hr, border), 4), round(ssim_y(sr, hr, border), 4))
            rows[name].append(row)
            print(name, img, {k: v[0] for k, v in row.items() if k != "image"}, flush=True)
    return rows


def summary(rows):
    out = {}
    for name, images in rows.items():
        keys = [k for k in images[0] if k != "image"]
        out[name.lower()] = {k: {"psnr": round(float(np.mean([r[k][0] for r in images])), 4),
                                 "ssim": round(float(np.mean([r[k][1] for r in images])), 4)} for k in keys}
    return out


def table(means):
    models = sorted({k.split("/")[0] for s in means.values() for k in s}, key=lambda m: (m != "bicubic", m))
    lines = ["| model | Set5 degraded | Set14 degraded | Set5 clean | Set14 clean |", "| --- | --- | --- | --- | --- |"]
    for m in models:
        cells = [f"{means[s][f'{m}/{k}']['psnr']:.2f} / {means[s][f'{m}/{k}']['ssim']:.4f}"
                 for k in ("degraded", "clean") for s in ("set5", "set14")]
        lines.append(f"| {m} | {cells[0]} | {cells[1]} | {cells[2]} | {cells[3]} |")
    return "\n".join(lines) + "\n"


def main(argv=None):
    p = measurement_arguments(__doc__)
    p.add_argument("--checkpoint", action="append", default=[], metavar="ID=PATH", help="a run's ckpt.pt / final.pt")
    a = p.parse_args(argv)
    torch.set_num_threads(1)
    params = parameter_list(a.out, a.data)
    nets = load_models(a.weights, dict(c.split("=", 1) for c in a.checkpoint))
    rows = measure(nets, a.data, params)
    means = summary(rows)
    (Path(a.out) / "degraded.json").write_text(json.dumps({"mean": means, "images": rows}, indent=1) + "\n")
    (Path(a.out) / "degraded.md").write_text(
        "# Degraded Set5 / Set14, x4, measured by `python -m srt.measure.degraded_eval`\n\n"
        "Y-PSNR (dB) / SSIM (BT.601, 4-pixel border) against the original photographs. *degraded*: the photograph\n"
        "through Real-ESRGAN's second-order degradation with the parameters in `params.json` (one draw per image);\n"
        "*clean*: the usual bicubic `LR_x4` input.\n\n" + table(means))
    print(table(means))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
