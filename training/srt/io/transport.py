"""Copy finished runs' weights as fp16 (half the bytes) to carry them between GPU sessions.

    python -m srt.io.transport OUTDIR runs/srresnet runs/rrdb_psnr ...
"""
import sys
from pathlib import Path

import torch


def main(out, *runs):
    Path(out).mkdir(parents=True, exist_ok=True)
    for run in map(Path, runs):
        if not (run / "final.pt").exists():
            print(f"skip {run}: no final.pt")
            continue
        f = torch.load(run / "final.pt", map_location="cpu", weights_only=False)
        half = lambda sd: {k: v.half() if v.is_floating_point() else v for k, v in sd.items()} if sd else sd  # noqa: E731
        f["model"], f["disc"] = half(f["model"]), half(f.get("disc"))
        torch.save(f, Path(out) / f"{run.name}.pt")
        print(f"packed {run.name}")


if __name__ == "__main__":
    main(*sys.argv[1:])
