"""PSNR and SSIM on the Y channel (ITU-R BT.601, 16-235), `border` pixels cropped, as SR papers report."""
import numpy as np
import torch
from torch.nn import functional as F


def rgb_to_y(x):
    """Nx3xHxW in [0, 1] -> Nx1xHxW Y on the 0..255 scale (16..235), float64."""
    x = x.double()
    return 16 + 65.481 * x[:, 0:1] + 128.553 * x[:, 1:2] + 24.966 * x[:, 2:3]


def _prepare(sr, hr, border):
    sr = torch.round(sr.clamp(0, 1) * 255) / 255  # metrics are measured on 8-bit images
    ys, yh = rgb_to_y(sr), rgb_to_y(hr)
    if border:
        ys, yh = ys[..., border:-border, border:-border], yh[..., border:-border, border:-border]
    return ys, yh


def psnr_y(sr, hr, border=4):
    ys, yh = _prepare(sr, hr, border)
    mse = torch.mean((ys - yh) ** 2).item()
    return float("inf") if mse == 0 else float(10 * np.log10(255.0 ** 2 / mse))


def _gaussian_window(size=11, sigma=1.5):
    g = np.exp(-((np.arange(size) - size // 2) ** 2) / (2 * sigma ** 2))
    w = np.outer(g, g)
    return torch.tensor(w / w.sum()).view(1, 1, size, size)


def ssim_y(sr, hr, border=4):
    """SSIM (Wang et al. 2004): 11x11 Gaussian window, sigma 1.5, 'valid' filtering, on Y in 0..255."""
    ys, yh = _prepare(sr, hr, border)
    w = _gaussian_window().to(ys)
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    mu1, mu2 = F.conv2d(ys, w), F.conv2d(yh, w)
    s11 = F.conv2d(ys * ys, w) - mu1 ** 2
    s22 = F.conv2d(yh * yh, w) - mu2 ** 2
    s12 = F.conv2d(ys * yh, w) - mu1 * mu2
    ssim_map = ((2 * mu1 * mu2 + c1) * (2 * s12 + c2)) / ((mu1 ** 2 + mu2 ** 2 + c1) * (s11 + s22 + c2))
    return ssim_map.mean().item()


def grid_index(sr, scale=4):
    """How strongly an x`scale` output repeats a pattern on the low-resolution pixel grid (the checkerboard
    that sub-pixel convolution leaves, Odena et al. 2016). On Y of the 8-bit image, with height and width
    multiples of `scale`: the spectral power at each of the scale² - 1 grid frequencies (a·H/scale, b·W/scale),
    divided by the mean power of the 24 bins around it, averaged. About 1-3 for photographs; a visible grid
    gives tens."""
    y = rgb_to_y(torch.round(sr.clamp(0, 1) * 255) / 255)[0, 0]
    h, w = y.shape
    assert h % scale == 0 and w % scale == 0, "crop to a multiple of the scale first"
    power = torch.fft.fft2(y - y.mean()).abs() ** 2
    ratios = []
    for a in range(scale):
        for b in range(scale):
            if a == 0 and b == 0:
                continue
            i, j = a * h // scale, b * w // scale
            rows = torch.tensor([(i + d) % h for d in range(-2, 3)])
            cols = torch.tensor([(j + d) % w for d in range(-2, 3)])
            around = power[rows][:, cols]
            ratios.append((power[i, j] / ((around.sum() - power[i, j]) / 24)).item())
    return float(np.mean(ratios))
