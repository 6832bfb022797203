"""The perception-distortion curve of network interpolation (Wang et al. 2018, Sec. 3.4):

    theta(alpha) = (1 - alpha) * theta_a + alpha * theta_b

for the exported weights of two generators of one architecture (by default `rrdb_psnr` and `esrgan`),
measured on Set5 and Set14 exactly like `srt.measure.evaluate` (Y-PSNR / SSIM with a 4-pixel border, NIQE).
The browser blends the same dequantised weights, so the page's slider shows these networks.

    python -m srt.site.perception_distortion --weights ../public/weights --data ../shared/datasets \
        --out ../public/data/esrgan/perception-distortion.json
"""
import copy
import json
import time
from pathlib import Path

import torch

from ..measure import niqe as niqe_mod
from ..measure.evaluate import measure, measurement_arguments
from ..io.weights import load_generator


def blend(net_a, net_b, alpha):
    """A copy of net_a whose floating-point tensors are (1 - alpha) * a + alpha * b."""
    sa, sb = net_a.state_dict(), net_b.state_dict()
    if sa.keys() != sb.keys():
        raise ValueError("the two networks have different parameter names")
    mixed = {k: (1 - alpha) * v + alpha * sb[k] if v.is_floating_point() else v for k, v in sa.items()}
    out = copy.deepcopy(net_a)
    out.load_state_dict(mixed)
    return out.eval()


def main(argv=None):
    p = measurement_arguments(__doc__)
    p.add_argument("--a", default="rrdb_psnr")
    p.add_argument("--b", default="esrgan")
    p.add_argument("--steps", type=int, default=11, help="alphas 0, 1/(steps-1), ..., 1")
    a = p.parse_args(argv)
    params = niqe_mod.load_params(Path(a.data) / "metrics" / "niqe_pris_params.npz")
    net_a, card_a = load_generator(Path(a.weights) / a.a)
    net_b, card_b = load_generator(Path(a.weights) / a.b)
    if card_a["architecture"] != card_b["architecture"]:
        raise SystemExit(f"{a.a} and {a.b} have different architectures: no weight interpolation")
    alphas = [round(i / (a.steps - 1), 4) for i in range(a.steps)]
    rows = {"set5": [], "set14": []}
    for alpha in alphas:
        t = time.time()
        r = measure(blend(net_a, net_b, alpha), card_a["architecture"]["input"], a.data, params)
        for name in rows:
            rows[name].append({"alpha": alpha, **{k: r[name][k] for k in ("psnr", "ssim", "niqe")}})
        print(f"alpha {alpha:.2f}: Set5 {r['set5']['psnr']:.2f} dB NIQE {r['set5']['niqe']:.2f}; "
              f"Set14 {r['set14']['psnr']:.2f} dB NIQE {r['set14']['niqe']:.2f} ({time.time() - t:.0f} s)", flush=True)
    out = {
        "command": "python -m srt.site.perception_distortion --weights ../public/weights --data ../shared/datasets "
                   f"--a {a.a} --b {a.b} --steps {a.steps}",
        "a": a.a, "b": a.b,
        "weights_sha256": {a.a: card_a["weights"]["sha256"], a.b: card_b["weights"]["sha256"]},
        "metrics": "Y (BT.601) PSNR / SSIM with a 4-pixel border; NIQE on Y (lower is more natural)",
        "alphas": alphas, **rows,
    }
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
