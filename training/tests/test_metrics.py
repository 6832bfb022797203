import numpy as np
import pytest
import torch
from torch.nn import functional as F

from srt.measure.metrics import grid_index


def smooth_image(h=64, w=96, seed=0):
    """A 1x3xHxW picture without any period on the 4-pixel grid: blurred noise plus a gradient."""
    g = torch.Generator().manual_seed(seed)
    x = torch.rand(1, 3, h, w, generator=g)
    x = torch.nn.functional.avg_pool2d(torch.nn.functional.pad(x, (2, 2, 2, 2), mode="circular"), 5, stride=1)
    return 0.3 + 0.4 * x + 0.2 * torch.linspace(0, 1, w).view(1, 1, 1, w)


def test_grid_index_is_near_one_without_a_grid_and_large_with_one():
    clean = smooth_image()
    yy, xx = torch.meshgrid(torch.arange(64), torch.arange(96), indexing="ij")
    # the x4 sub-pixel pattern: every output pixel's position inside its 4x4 cell gets its own offset
    cell = torch.tensor([[0.0, 1, 0, 1], [1, 0, 1, 0], [0, 1, 1, 0], [1, 0, 0, 1]]) - 0.5
    gridded = (clean + 0.03 * cell[yy % 4, xx % 4]).clamp(0, 1)
    assert grid_index(clean) < 3
    assert grid_index(gridded) > 10 * grid_index(clean)


def test_grid_index_needs_whole_cells():
    with pytest.raises(AssertionError, match="multiple of the scale"):
        grid_index(smooth_image(62, 96))


def test_linear_oracle_finds_a_filter_that_made_the_target():
    """The oracle's least-squares filter recovers a known blur plus offset exactly, and never does worse than the
    identity it could have chosen."""
    from srt.measure.linear_oracle import oracle_filter
    torch.manual_seed(0)
    x = torch.rand(1, 3, 40, 36, dtype=torch.float64)
    k = torch.tensor([[0.0, 0.1, 0.0], [0.2, 0.5, 0.05], [0.0, 0.15, 0.0]], dtype=torch.float64).view(1, 1, 3, 3)
    target = F.conv2d(F.pad(x.view(3, 1, 40, 36), (1, 1, 1, 1), mode="replicate"), k).view(1, 3, 40, 36) + 0.03
    assert (oracle_filter(x, target) - target).abs().max() < 1e-9
    noisy = target + 0.1 * torch.randn_like(target)
    assert ((oracle_filter(x, noisy) - noisy) ** 2).mean() < ((x - noisy) ** 2).mean()


def test_the_committed_degraded_list_is_the_default_seeds_draw_and_another_seed_draws_another(tmp_path):
    import json
    from pathlib import Path
    from PIL import Image
    from srt.measure.degraded_eval import SEED, draw_list, parameter_list
    committed = json.loads((Path(__file__).resolve().parents[1] / "results/degraded/params.json").read_text())
    for name, images in committed.items():  # an eval folder with the committed image names (a draw reads only names)
        for folder in ("HR", "LR_x4"):
            (tmp_path / "data/eval" / name / folder).mkdir(parents=True)
            for img in images:
                Image.new("RGB", (4, 4)).save(tmp_path / "data/eval" / name / folder / f"{img}.png")
    assert json.loads(json.dumps(parameter_list(tmp_path / "list", tmp_path / "data"))) == committed
    assert json.loads((tmp_path / "list/params.json").read_text()) == committed
    other = draw_list(tmp_path / "data", SEED + 1000)
    assert other.keys() == committed.keys() and all(other[s][i] != committed[s][i] for s in committed for i in committed[s])


def test_degraded_draws_pools_the_gain_over_every_draw_of_every_list():
    from srt.measure.degraded_draws import pooled_gain
    row = lambda img, b, r, e: {"image": img, "bicubic/degraded": (b, 0.5), "rrdb_psnr/degraded": (r, 0.5),  # noqa: E731
                                "realesrnet/degraded": (e, 0.5)}
    one = {"Set5": [row("a", 20, 20, 21.5), row("b", 30, 29, 29)], "Set14": [row("c", 25, 25, 25.2)]}
    two = {"Set5": [row("a", 20, 21, 21.5), row("b", 30, 29, 30)], "Set14": [row("c", 25, 25, 26.0)]}
    gain = pooled_gain([one, two])
    assert gain["set5"] == {"draws": 4, "mean": 0.75, "median": 0.75, "sd": round(float(np.std([1.5, 0, 0.5, 1])), 4),
                            "share_1db": 0.5}
    assert gain["set14"]["draws"] == 2 and gain["set14"]["mean"] == 0.6 and gain["set14"]["share_1db"] == 0.5
