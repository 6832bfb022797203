"""Training and evaluation images.

Training pairs are made on the fly: every image sits on the sampler's device as uint8 (the training device; the
CPU for `realesrnet`, whose pairs `degraded_pairs` makes), a batch is random HR crops (with the 8 flips/rotations),
and the LR input is the MATLAB-style bicubic downscale of each crop with MATLAB's 8-bit rounding (rows, round,
columns, round).
"""
from pathlib import Path

import numpy as np
import torch
from PIL import Image

from ..core.imresize import Resizer

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp"}


def list_images(*dirs):
    files = []
    for d in dirs:
        files += sorted(p for p in Path(d).rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES)
    return files


def load_rgb(path):
    """HxWx3 uint8 numpy array."""
    return np.asarray(Image.open(path).convert("RGB"))


def to_tensor(img):
    """HxWx3 uint8 -> 1x3xHxW float32 in [0, 1]."""
    return torch.from_numpy(np.array(img)).permute(2, 0, 1)[None].float() / 255


class PatchSampler:
    """Random HR/LR patch pairs from images held on `device` in one padded uint8 tensor."""

    def __init__(self, files, patch=128, scale=4, device="cpu", seed=0):
        imgs = [load_rgb(f) for f in files]
        imgs = [im for im in imgs if min(im.shape[:2]) >= patch]  # a few T91 images are smaller than a patch
        if not imgs:
            raise ValueError(f"no training image of at least {patch}x{patch} pixels")
        h = max(im.shape[0] for im in imgs)
        w = max(im.shape[1] for im in imgs)
        stack = np.zeros((len(imgs), h, w, 3), np.uint8)
        for i, im in enumerate(imgs):
            stack[i, : im.shape[0], : im.shape[1]] = im
        self.images = torch.from_numpy(stack).to(device)
        self.sizes = torch.tensor([im.shape[:2] for im in imgs], device=device)
        self.patch, self.scale, self.device = patch, scale, device
        self.offsets = torch.arange(patch, device=device)
        self.downscale = Resizer(patch, patch, 1 / scale, device=device, uint8=True)
        self.gen = torch.Generator(device=device).manual_seed(seed)

    def __len__(self):
        return len(self.images)

    def _rand(self, n):
        return torch.rand(n, generator=self.gen, device=self.device)

    def batch(self, n):
        """(lr, hr): n x 3 x patch/scale x patch/scale and n x 3 x patch x patch floats in [0, 1]."""
        hr = self.crops(n)
        return self.downscale(hr), hr

    def crops(self, n):
        """n x 3 x patch x patch random HR crops, floats in [0, 1]."""
        idx = (self._rand(n) * len(self.images)).long()
        top = (self._rand(n) * (self.sizes[idx, 0] - self.patch + 1)).long()
        left = (self._rand(n) * (self.sizes[idx, 1] - self.patch + 1)).long()
        rows = (top[:, None] + self.offsets)[:, :, None]
        cols = (left[:, None] + self.offsets)[:, None, :]
        hr = self.images[idx[:, None, None], rows, cols].permute(0, 3, 1, 2).float() / 255
        return self._augment(hr)

    def _augment(self, x):
        """Random horizontal flip, vertical flip and transpose per sample: the 8 symmetries of a square."""
        n = x.shape[0]
        for flip in (lambda t: t.flip(3), lambda t: t.flip(2), lambda t: t.transpose(2, 3)):
            mask = (self._rand(n) < 0.5).view(n, 1, 1, 1)
            x = torch.where(mask, flip(x), x)
        return x


def load_eval_set(root, name, scale=4):
    """[(name, lr, hr)] as 1x3xHxW float tensors, from `root/eval/<name>/{HR,LR_x4}`."""
    base = Path(root) / "eval" / name
    out = []
    for hr_path in sorted((base / "HR").iterdir()):
        lr_path = base / f"LR_x{scale}" / hr_path.name
        out.append((hr_path.stem, to_tensor(load_rgb(lr_path)), to_tensor(load_rgb(hr_path))))
    return out
