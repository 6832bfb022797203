"""MATLAB-style `imresize(img, scale, 'bicubic')` as two dense weight matrices.

Super-resolution papers make their low-resolution inputs with MATLAB's antialiased bicubic
resize; this module reproduces it (Keys cubic, a = -0.5; kernel widened by 1/scale when
shrinking; symmetric border folding) so our training pairs match the papers' and the site's
`src/sr/resample.ts`. Resizing is separable: out = Wh @ img @ Ww^T per channel.
"""
import math

import numpy as np
import torch


def cubic(x, a=-0.5):
    """Keys' cubic convolution kernel with parameter a (MATLAB and Pillow use -0.5)."""
    ax = np.abs(x)
    ax2, ax3 = ax ** 2, ax ** 3
    inner = ((a + 2) * ax3 - (a + 3) * ax2 + 1) * (ax <= 1)
    outer = (a * ax3 - 5 * a * ax2 + 8 * a * ax - 4 * a) * ((ax > 1) & (ax <= 2))
    return inner + outer


def resize_matrix(in_len, scale, antialias=True, out_len=None):
    """The [out_len, in_len] float64 matrix that resizes one axis of length in_len by `scale`.

    out_len defaults to MATLAB's ceil(in_len * scale); `resize_to` gives it explicitly (scale = out/in).
    """
    if out_len is None:
        out_len = int(math.ceil(in_len * scale))
    width = 4.0
    kernel = cubic
    if scale < 1 and antialias:
        width = 4.0 / scale
        kernel = lambda x: scale * cubic(scale * x)  # noqa: E731 - a widened, renormalised kernel
    x = np.arange(1, out_len + 1, dtype=np.float64)
    u = x / scale + 0.5 * (1 - 1 / scale)              # output pixel centre in input coordinates (1-based)
    left = np.floor(u - width / 2)
    taps = int(math.ceil(width)) + 2
    idx = left[:, None] + np.arange(taps)[None, :]      # 1-based input indices each output pixel reads
    w = kernel(u[:, None] - idx)
    w /= w.sum(axis=1, keepdims=True)
    mirror = np.concatenate([np.arange(in_len), np.arange(in_len - 1, -1, -1)])  # symmetric padding
    folded = mirror[np.mod(idx.astype(np.int64) - 1, 2 * in_len)]
    m = np.zeros((out_len, in_len))
    np.add.at(m, (np.repeat(np.arange(out_len), taps), folded.ravel()), w.ravel())
    return m


class Resizer:
    """Applies imresize to batches of NCHW float tensors of one fixed spatial size (cached matrices).

    uint8=True follows MATLAB on 8-bit images: it resizes the rows first, stores that intermediate
    image as 8-bit, then resizes the columns and rounds again. That reproduces the benchmark LR files
    far better than one rounding at the end (see tests/test_imresize.py).
    """

    def __init__(self, in_h, in_w, scale, device="cpu", dtype=torch.float32, uint8=False):
        self.wh = torch.tensor(resize_matrix(in_h, scale), dtype=dtype, device=device)
        self.ww = torch.tensor(resize_matrix(in_w, scale), dtype=dtype, device=device)
        self.uint8 = uint8

    def __call__(self, x):
        if self.uint8:
            return quantize_uint8(quantize_uint8(self.wh @ x) @ self.ww.T)
        return self.wh @ x @ self.ww.T


def imresize(x, scale):
    """imresize for one NCHW (or CHW / HW) float tensor, float64 maths for reference use."""
    m_h = torch.tensor(resize_matrix(x.shape[-2], scale), dtype=x.dtype, device=x.device)
    m_w = torch.tensor(resize_matrix(x.shape[-1], scale), dtype=x.dtype, device=x.device)
    return m_h @ x @ m_w.T


def resize_to(x, out_h, out_w):
    """Bicubic resize of an NCHW (or CHW / HW) float tensor to exactly out_h x out_w, float64 maths, with
    scale = out / in on each axis: what the site's `resize(img, w, h)` and `resizeImage` (src/sr) do."""
    in_h, in_w = x.shape[-2], x.shape[-1]
    m_h = torch.tensor(resize_matrix(in_h, out_h / in_h, out_len=out_h), dtype=x.dtype, device=x.device)
    m_w = torch.tensor(resize_matrix(in_w, out_w / in_w, out_len=out_w), dtype=x.dtype, device=x.device)
    return m_h @ x @ m_w.T


def imresize_uint8(x, scale):
    """imresize of an 8-bit image (values on 8-bit levels) as MATLAB computes it: rows, round, columns, round."""
    return Resizer(x.shape[-2], x.shape[-1], scale, device=x.device, dtype=x.dtype, uint8=True)(x)


def quantize_uint8(x):
    """Round a [0, 1] tensor to 8-bit levels, as an image file would store it."""
    return torch.round(x.clamp(0, 1) * 255) / 255
