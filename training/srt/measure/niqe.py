"""NIQE (Mittal, Soundararajan, Bovik 2013): distance between a multivariate Gaussian fitted to an
image's natural-scene statistics and one fitted to pristine images. Lower is more natural.

Computed as super-resolution papers do (the MATLAB reference): Y channel (BT.601, 0..255),
`border` pixels cropped, 96x96 blocks, two scales (the second by MATLAB bicubic imresize 0.5).
"""
import math

import numpy as np
from scipy.ndimage import convolve
from scipy.special import gamma

from ..core.imresize import resize_matrix

_ALPHAS = np.arange(0.2, 10.001, 0.001)
_R_ALPHA = gamma(2 / _ALPHAS) ** 2 / (gamma(1 / _ALPHAS) * gamma(3 / _ALPHAS))


def aggd_fit(x):
    """Asymmetric generalised Gaussian fit by moment matching: (alpha, left scale, right scale)."""
    x = x.ravel()
    left = math.sqrt(np.mean(x[x < 0] ** 2))
    right = math.sqrt(np.mean(x[x > 0] ** 2))
    g = left / right
    r = np.mean(np.abs(x)) ** 2 / np.mean(x ** 2)
    r_norm = r * (g ** 3 + 1) * (g + 1) / (g ** 2 + 1) ** 2
    alpha = _ALPHAS[np.argmin((_R_ALPHA - r_norm) ** 2)]
    k = math.sqrt(gamma(1 / alpha) / gamma(3 / alpha))
    return alpha, left * k, right * k


def block_features(block):
    """18 features: the MSCN coefficients' fit and the fits of their products with 4 neighbours."""
    alpha, bl, br = aggd_fit(block)
    feats = [alpha, (bl + br) / 2]
    for shift in ((0, 1), (1, 0), (1, 1), (1, -1)):
        alpha, bl, br = aggd_fit(block * np.roll(block, shift, axis=(0, 1)))
        mean = (br - bl) * gamma(2 / alpha) / gamma(1 / alpha)
        feats += [alpha, mean, bl, br]
    return feats


def niqe(y, params, block=96):
    """y: HxW float array, Y on 0..255. params: the pristine model (mu_pris_param, cov_pris_param, gaussian_window)."""
    window = params["gaussian_window"]
    h, w = y.shape
    nh, nw = h // block, w // block
    if nh * nw < 2:  # the covariance of the block features needs two blocks or more
        return float("nan")
    y = y[: nh * block, : nw * block].astype(np.float64)
    per_scale = []
    for scale in (1, 2):
        mu = convolve(y, window, mode="nearest")
        sigma = np.sqrt(np.abs(convolve(y * y, window, mode="nearest") - mu * mu))
        mscn = (y - mu) / (sigma + 1)
        b = block // scale
        per_scale.append([block_features(mscn[i * b:(i + 1) * b, j * b:(j + 1) * b]) for j in range(nw) for i in range(nh)])
        if scale == 1:
            y = resize_matrix(y.shape[0], 0.5) @ (y / 255) @ resize_matrix(y.shape[1], 0.5).T * 255
    feats = np.concatenate([np.array(f) for f in per_scale], axis=1)
    mu_d = np.nanmean(feats, axis=0)
    cov_d = np.cov(feats[~np.isnan(feats).any(axis=1)], rowvar=False)
    diff = params["mu_pris_param"].ravel() - mu_d
    inv = np.linalg.pinv((params["cov_pris_param"] + cov_d) / 2)
    return float(np.sqrt(diff @ inv @ diff))


def load_params(path):
    p = np.load(path)
    return {k: p[k] for k in ("mu_pris_param", "cov_pris_param", "gaussian_window")}
