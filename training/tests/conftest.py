"""Shared test helpers: the repository paths, tiny zoo configs and a generated image folder."""
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

TRAINING = Path(__file__).resolve().parents[1]
REPO = TRAINING.parent
SHARED = REPO.parent / "shared" / "datasets"
sys.path.insert(0, str(TRAINING))


@pytest.fixture
def tiny_zoo(monkeypatch):
    """Shrink every zoo entry so a training step takes milliseconds on a CPU."""
    from srt.core import train
    from srt.core import zoo
    monkeypatch.setattr(train, "WARMUP", 4)
    monkeypatch.setattr(train, "PROBE_STEPS", 2)
    small = {"srcnn": dict(num_feat=8, num_feat2=4), "srresnet": dict(num_feat=8, num_block=1),
             "rrdbnet": dict(num_feat=8, num_block=1, num_grow_ch=4)}
    for cfg in zoo.ZOO.values():
        params = {**small[cfg["arch"]], **({"use_bn": True} if cfg["params"].get("use_bn") else {})}
        monkeypatch.setitem(cfg, "params", params)
        monkeypatch.setitem(cfg, "batch", 2)
        monkeypatch.setitem(cfg, "patch", 128)
        if "disc" in cfg:
            monkeypatch.setitem(cfg, "disc", dict(num_feat=2))
        if "content" in cfg:  # the first VGG layers keep the test fast; the mechanism is the same
            layer = "conv1_2" if cfg["content"]["layer"].startswith("conv") else "relu1_2"
            monkeypatch.setitem(cfg, "content", {**cfg["content"], "layer": layer})
    return zoo.ZOO


@pytest.fixture(scope="session")
def image_root(tmp_path_factory):
    """A dataset-shaped folder of generated images (never real dataset files)."""
    root = tmp_path_factory.mktemp("data")
    rng = np.random.default_rng(0)
    layout = [("train/bsds500/train", 2, (160, 136)), ("train/t91", 2, (136, 140)), ("train/t91", 1, (90, 90)),
              ("eval/Set5/HR", 2, (48, 40)), ("eval/Set14/HR", 1, (40, 32))]
    for k, (folder, n, (w, h)) in enumerate(layout):
        (root / folder).mkdir(parents=True, exist_ok=True)
        for i in range(n):
            yy, xx = np.mgrid[0:h, 0:w]
            img = np.stack([xx / w, yy / h, ((xx // 8 + yy // 8) % 2) * 0.8], -1) + rng.normal(0, 0.05, (h, w, 3))
            arr = (np.clip(img, 0, 1) * 255).astype(np.uint8)
            Image.fromarray(arr).save(root / folder / f"img_{k}_{i}.png")
            if folder.startswith("eval"):
                lr_dir = root / folder.replace("HR", "LR_x4")
                lr_dir.mkdir(parents=True, exist_ok=True)
                Image.fromarray(arr).resize((w // 4, h // 4), Image.BICUBIC).save(lr_dir / f"img_{k}_{i}.png")
    return root
