"""How far a linear filter that knows the answer gets on the degraded Set5 / Set14: a yardstick for `realesrnet`.

    python -m srt.measure.linear_oracle --weights ../public/weights --data ../shared/datasets --out results/degraded

For each image of `degraded_eval`'s committed list (`<out>/params.json`), the least-squares 9x9 filter plus offset,
one for the three channels, that maps an enlargement to the photograph, fitted on that image's own photograph (an
oracle: no method that sees only the input can choose it) and applied to (a) the bicubic enlargement of the degraded
input and (b) each model's output. It is the best that one such filter does on that image's enlargement; a yardstick,
not a bound: a network is not linear, and a linear x4 method could also use a different filter per output phase.
Writes `<out>/linear_oracle.json` (per image and the means, Y-PSNR like `degraded_eval`).
"""
import json
from pathlib import Path

import numpy as np
import torch
from torch.nn import functional as F

from ..core import degradations as dg
from ..core.data import load_eval_set
from ..measure.evaluate import SETS, measurement_arguments, upscale
from ..measure.metrics import psnr_y
from .degraded_eval import load_models, parameter_list

TAPS = 9


def patches(x, taps=TAPS):
    """1x3xHxW -> (3·H·W) x taps² neighbourhoods (replicated edges), channel-major like x.reshape(-1)."""
    p = taps // 2
    padded = F.pad(x, (p, p, p, p), mode="replicate")
    cols = F.unfold(padded.view(3, 1, *padded.shape[2:]), taps)  # 3 x taps² x H·W
    return cols.permute(0, 2, 1).reshape(-1, taps * taps)


def oracle_filter(x, target, taps=TAPS):
    """The taps x taps filter and offset minimising the squared error of filter(x) against `target` over every pixel
    and channel (least squares), applied to x. float64."""
    x, target = x.double(), target.double()
    a = torch.cat([patches(x, taps), torch.ones(x.numel(), 1, dtype=x.dtype)], 1)
    w = torch.linalg.lstsq(a, target.reshape(-1, 1), driver="gelsd").solution
    return (a @ w).view_as(x)


@torch.no_grad()
def measure(nets, data, params):
    rows = []
    for name in SETS:
        for img, _, hr in load_eval_set(data, name):
            degraded = dg.degrade(hr, params[name][img])
            row = {"set": name, "image": img}
            for mid, net in [("bicubic", None), *nets.items()]:
                enlarged = upscale(net, degraded, "lr").double()  # 8-bit, as degraded_eval measures it
                row[mid] = round(psnr_y(enlarged.float(), hr), 4)
                row[f"oracle/{mid}"] = round(psnr_y(oracle_filter(enlarged, hr).float(), hr), 4)
            rows.append(row)
            print(row, flush=True)
    return rows


def means(rows):
    keys = [k for k in rows[0] if k not in ("set", "image")]
    return {name.lower(): {k: round(float(np.mean([r[k] for r in rows if r["set"] == name])), 4) for k in keys}
            for name in SETS}


def main(argv=None):
    p = measurement_arguments(__doc__, "folder holding degraded_eval's params.json; linear_oracle.json goes there")
    a = p.parse_args(argv)
    torch.set_num_threads(1)
    params = parameter_list(a.out, a.data)
    rows = measure(load_models(a.weights, {}), a.data, params)
    summary = means(rows)
    (Path(a.out) / "linear_oracle.json").write_text(json.dumps({"taps": TAPS, "mean": summary, "images": rows}, indent=1) + "\n")
    print(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
