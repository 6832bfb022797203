"""Is `degraded_eval`'s committed list a typical draw? The same measurement on other draws of the degradations.

    python -m srt.measure.degraded_draws --weights ../public/weights --data ../shared/datasets --out results/degraded

`degraded_eval` measures `realesrnet` against `rrdb_psnr` on one draw of Real-ESRGAN's degradations per Set5 / Set14
image (seeds SEED + i, committed in `params.json`). This draws LISTS whole lists the same way from seeds SEED,
SEED + 1000, SEED + 2000, ... (the first is the committed list, measured again as a check), degrades each image
with each and measures bicubic and the exported models on the degraded inputs only. Writes `<out>/draws.json`: each
list's means (shaped like `degraded.json`'s, `<model>/degraded` only), and the gain of `realesrnet` over `rrdb_psnr` pooled over every draw (mean, median, standard deviation,
share of draws gaining 1 dB or more). The lists are not written: the seeds make them again.
"""
import json
from pathlib import Path

import numpy as np
import torch

from ..measure.evaluate import SETS, measurement_arguments
from .degraded_eval import SEED, draw_list, load_models, measure, summary

LISTS = 6


def pooled_gain(lists_rows):
    """{set: statistics of realesrnet - rrdb_psnr per draw}, over every image of every list."""
    out = {}
    for name in SETS:
        gain = np.array([r["realesrnet/degraded"][0] - r["rrdb_psnr/degraded"][0] for rows in lists_rows for r in rows[name]])
        out[name.lower()] = dict(draws=int(gain.size), mean=round(float(gain.mean()), 4), median=round(float(np.median(gain)), 4),
                                 sd=round(float(gain.std()), 4), share_1db=round(float((gain >= 1).mean()), 4))
    return out


def main(argv=None):
    p = measurement_arguments(__doc__, "folder for draws.json (results/degraded, beside the committed list)")
    p.add_argument("--lists", type=int, default=LISTS)
    a = p.parse_args(argv)
    torch.set_num_threads(1)
    nets = load_models(a.weights, {})
    seeds = [SEED + 1000 * k for k in range(a.lists)]
    lists_rows = [measure(nets, a.data, draw_list(a.data, seed), kinds=("degraded",)) for seed in seeds]
    doc = dict(lists=[dict(seed=s, mean=summary(rows)) for s, rows in zip(seeds, lists_rows)], gain=pooled_gain(lists_rows))
    Path(a.out).mkdir(parents=True, exist_ok=True)
    (Path(a.out) / "draws.json").write_text(json.dumps(doc, indent=1) + "\n")
    print(json.dumps(doc["gain"], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
