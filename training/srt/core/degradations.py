"""Real-ESRGAN's high-order degradation model (Wang, Xie, Dong, Shan, ICCVW 2021), as one function of explicit
parameters, so a training batch, the committed evaluation inputs and the site's TypeScript copy
(`src/sr/degrade/`) make the same picture from the same numbers.

    params = sample_params(np.random.default_rng(seed))     # the published distributions
    lr = degrade(hr, params)          # 1x3xHxW in [0, 1] -> 1x3x(H/4)x(W/4); noise from the seeds in params

The distributions are `options/train_realesrnet_x4plus.yml` and BasicSR's `degradations.py` / `RealESRNetModel`:
blur (seven kernel families, 7-21 taps padded to 21) -> resize (up / down / keep, area / bilinear / bicubic)
-> Gaussian or Poisson noise (colour or grey) -> JPEG, twice, the second order ending, in random order, with
{resize to 1/4 + 2-D sinc} and JPEG. In training (`srt.core.degraded_pairs`) the photograph is first sharpened by the
unsharp mask (USM), and that sharpened crop is both the degradation's source and the L1 target, as in
Real-ESRNet. Differences from the published code, all deliberate:
- resizes are given an output size (`F.interpolate(size=...)`), stage 1's too, so the TypeScript copy needs
  one sampling rule (PyTorch maps coordinates by the given scale factor when one is passed: < 1 px apart);
- every sample of a batch draws its own parameters (Real-ESRGAN draws the resize once per batch and widens the
  mix with a queue of 180 earlier pairs; per-sample draws give that mix directly);
- JPEG is Pillow's libjpeg encoder at an integer quality (Real-ESRGAN: a differentiable JPEG, float quality);
- noise comes from a `noise` source: PyTorch's generator in training, `HashNoise` (a counter-based hash the
  TypeScript copy reproduces bit for bit) for fixtures and the evaluation sets.
"""
import io
import math

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image
from scipy import special

KERNEL_PAD = 21
KERNEL_SIZES = list(range(7, 22, 2))
FAMILIES = ("iso", "aniso", "generalized_iso", "generalized_aniso", "plateau_iso", "plateau_aniso")
MODES = ("area", "bilinear", "bicubic")
FIRST = dict(families=(0.45, 0.25, 0.12, 0.03, 0.12, 0.03), sigma=(0.2, 3.0), betag=(0.5, 4.0), betap=(1.0, 2.0),
             sinc_prob=0.1, resize_prob=(0.2, 0.7, 0.1), resize_range=(0.15, 1.5), gaussian_prob=0.5,
             noise_range=(1.0, 30.0), poisson_range=(0.05, 3.0), gray_prob=0.4, jpeg_range=(30, 95))
SECOND = dict(FIRST, sigma=(0.2, 1.5), resize_prob=(0.3, 0.4, 0.3), resize_range=(0.3, 1.2),
              noise_range=(1.0, 25.0), poisson_range=(0.05, 2.5), blur_prob=0.8)
FINAL_SINC_PROB = 0.8
USM = dict(radius=50, weight=0.5, threshold=10)


# ---------------------------------------------------------------- kernels (numpy float64, 21x21, sum 1)

def _grid(size):
    ax = np.arange(-(size // 2), size // 2 + 1, dtype=np.float64)
    xx, yy = np.meshgrid(ax, ax)
    return xx, yy


def _quadratic_form(spec, size):
    """x^T Sigma^-1 x over the grid, Sigma = R diag(sx^2, sy^2) R^T (isotropic: sy = sx, no rotation)."""
    sx = spec["sigma_x"]
    iso = spec["kind"].endswith("iso") and not spec["kind"].endswith("aniso")
    sy, theta = (sx, 0.0) if iso else (spec["sigma_y"], spec["theta"])
    c, s = math.cos(theta), math.sin(theta)
    u = np.array([[c, -s], [s, c]])
    inv = np.linalg.inv(u @ np.diag([sx * sx, sy * sy]) @ u.T)
    xx, yy = _grid(size)
    return inv[0, 0] * xx * xx + (inv[0, 1] + inv[1, 0]) * xx * yy + inv[1, 1] * yy * yy


def sinc_kernel(cutoff, size):
    """Circular low-pass (2-D sinc): cutoff J1(cutoff r) / (2 pi r), cutoff^2 / (4 pi) at r = 0."""
    xx, yy = _grid(size)
    r = np.sqrt(xx * xx + yy * yy)
    with np.errstate(divide="ignore", invalid="ignore"):
        k = cutoff * special.j1(cutoff * r) / (2 * np.pi * r)
    k[size // 2, size // 2] = cutoff ** 2 / (4 * np.pi)
    return k


def kernel(spec, pad_to=KERNEL_PAD):
    """The normalised blur kernel a spec names, zero-padded to pad_to x pad_to; None means the identity."""
    if spec is None:
        k, size = np.ones((1, 1)), 1
    else:
        size = spec["size"]
        if spec["kind"] == "sinc":
            k = sinc_kernel(spec["cutoff"], size)
        else:
            q = _quadratic_form(spec, size)
            if spec["kind"] in ("iso", "aniso"):
                k = np.exp(-0.5 * q)
            elif spec["kind"].startswith("generalized"):
                k = np.exp(-0.5 * np.power(q, spec["beta"]))
            else:
                k = 1 / (np.power(q, spec["beta"]) + 1)
    k = k / k.sum()
    pad = (pad_to - size) // 2
    return np.pad(k, ((pad, pad), (pad, pad)))


# ---------------------------------------------------------------- image operations (1x3xHxW float tensors)

def reflect_index(n, pad):
    """Indices -pad..n+pad-1 reflected into [0, n) without repeating the edge, as F.pad(mode="reflect"), and
    further (periodically) where pad >= n, which F.pad refuses: a 21-tap kernel on a 7-pixel-high image."""
    period = 2 * (n - 1) if n > 1 else 1
    j = np.arange(-pad, n + pad) % period
    return torch.from_numpy(np.where(j >= n, period - j, j))


def filter2d(img, k):
    """Convolve every channel with kernel k (numpy, odd size, 2-D or 1-D = separable), reflect padding
    (BasicSR's filter2D)."""
    if k.ndim == 1:
        return filter2d(filter2d(img, k[None, :]), k[:, None])
    kh, kw = k.shape
    w = torch.from_numpy(np.ascontiguousarray(k)).to(img.device, img.dtype)[None, None].repeat(img.shape[1], 1, 1, 1)
    rows, cols = (reflect_index(n, r).to(img.device) for n, r in ((img.shape[2], kh // 2), (img.shape[3], kw // 2)))
    x = img[:, :, rows][:, :, :, cols]
    return F.conv2d(x, w, groups=img.shape[1])


def resize(img, h, w, mode):
    if mode == "area":
        return F.adaptive_avg_pool2d(img, (h, w))
    return F.interpolate(img, size=(h, w), mode=mode, align_corners=False)


def usm_kernel(radius=USM["radius"]):
    """OpenCV's getGaussianKernel(radius + 1 if even, sigma 0): 51 taps, sigma 8 (1-D; the 2-D kernel is its
    outer product, applied as two passes)."""
    size = radius + 1 if radius % 2 == 0 else radius
    sigma = 0.3 * ((size - 1) * 0.5 - 1) + 0.8
    x = np.arange(size) - (size - 1) / 2
    g = np.exp(-(x * x) / (2 * sigma * sigma))
    return g / g.sum()


def usm_sharp(img, weight=USM["weight"], threshold=USM["threshold"]):
    """BasicSR's USMSharp: img + weight (img - blur), applied where the residual exceeds threshold/255, softly."""
    k = usm_kernel()
    blur = filter2d(img, k)
    residual = img - blur
    mask = (residual.abs() * 255 > threshold).to(img.dtype)
    soft = filter2d(mask, k)
    sharp = (img + weight * residual).clamp(0, 1)
    return soft * sharp + (1 - soft) * img


def jpeg(img, quality):
    """Pillow's JPEG encoder and decoder (4:2:0, libjpeg quality tables) on the 8-bit image; None skips it."""
    if quality is None:
        return img
    arr = (img[0].clamp(0, 1) * 255).round().byte().permute(1, 2, 0).numpy()
    buf = io.BytesIO()
    Image.fromarray(arr).save(buf, format="JPEG", quality=int(quality))
    out = np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"))
    return torch.from_numpy(out.copy()).permute(2, 0, 1)[None].to(img.dtype) / 255


# ---------------------------------------------------------------- noise

def gray(img):
    return 0.2989 * img[:, 0:1] + 0.587 * img[:, 1:2] + 0.114 * img[:, 2:3]  # torchvision's rgb_to_grayscale


def add_noise(img, spec, source):
    """Gaussian: + N(0, sigma/255), one field for all channels when grey. Poisson: Poisson(lam * vals) / vals - lam
    on the 8-bit image (vals = the number of distinct levels rounded up to a power of two), times scale. Clipped."""
    if spec["kind"] == "gaussian":
        shape = (1, 1, *img.shape[2:]) if spec["gray"] else tuple(img.shape)
        noise = source.normal(shape, spec["seed"]).to(img.dtype) * (spec["sigma"] / 255)
    else:
        base = gray(img) if spec["gray"] else img
        base = (base * 255).round().clamp(0, 255) / 255
        vals = 2 ** math.ceil(math.log2(len(torch.unique(base))))
        noise = (source.poisson(base * vals, spec["seed"]).to(img.dtype) / vals - base) * spec["scale"]
    return (img + noise).clamp(0, 1)


class TorchNoise:
    """PyTorch's own generator (fast; training)."""

    def __init__(self, generator):
        self.gen = generator

    def normal(self, shape, seed):
        return torch.randn(shape, generator=self.gen)

    def poisson(self, lam, seed):
        return torch.poisson(lam, generator=self.gen)


def _hash32(x):
    """lowbias32 (C. Wellons): a 32-bit integer hash; the TypeScript copy uses Math.imul."""
    x = x.astype(np.uint32)
    x ^= x >> np.uint32(16)
    x *= np.uint32(0x7FEB352D)
    x ^= x >> np.uint32(15)
    x *= np.uint32(0x846CA68B)
    x ^= x >> np.uint32(16)
    return x


def hash_uniform(seed, count):
    """count uniforms in (0, 1) from a seed: u_i = (hash(hash(seed) + i * golden) + 0.5) / 2^32, float64."""
    i = np.arange(count, dtype=np.uint64)
    key = int(_hash32(np.array([seed % 2 ** 32]))[0])
    x = ((i * np.uint64(0x9E3779B9) + np.uint64(key)) & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    return (_hash32(x).astype(np.float64) + 0.5) / 2 ** 32


class HashNoise:
    """Deterministic noise from a counter-based hash, reproduced exactly by `src/sr/degrade/noise.ts`:
    Box-Muller normals (cos branch) and Poisson draws by inversion, in float64, in NCHW order."""

    def normal(self, shape, seed):
        n = int(np.prod(shape))
        u = hash_uniform(seed, 2 * n)
        z = np.sqrt(-2 * np.log(u[0::2])) * np.cos(2 * np.pi * u[1::2])
        return torch.from_numpy(z.reshape(shape))

    def poisson(self, lam, seed):
        lam64 = lam.double().numpy().reshape(-1)
        u = hash_uniform(seed, lam64.size)
        k = np.zeros(lam64.size)
        p = np.exp(-lam64)
        cdf = p.copy()
        active = np.nonzero(u > cdf)[0]
        step = 0
        while active.size and step < 1000:
            step += 1
            k[active] += 1
            p[active] *= lam64[active] / k[active]
            cdf[active] += p[active]
            active = active[u[active] > cdf[active]]
        return torch.from_numpy(k.reshape(lam.shape))


# ---------------------------------------------------------------- the pipeline

def degrade(hr, params, source=None, scale=4, trace=None):
    """hr: 1x3xHxW float in [0, 1], H and W divisible by scale. Returns the 8-bit-rounded low-resolution image,
    1x3x(H/scale)x(W/scale). `source` makes the noise (default: HashNoise, reproducible anywhere). A JPEG quality
    of None skips that step (the fixtures compare the two implementations before JPEG). `trace`, a list, receives
    (stage name, image) after every stage, with the names of the TypeScript copy (chapter 4's strip)."""
    source = source or HashNoise()
    h, w = hr.shape[2:]
    out = hr

    def stage(name, img):
        if trace is not None:
            trace.append((name, img))
        return img

    out = stage("blur1", filter2d(out, kernel(params["kernel1"])))
    r = params["resize1"]
    out = stage("resize1", resize(out, int(h * r["scale"]), int(w * r["scale"]), r["mode"]))
    out = stage("noise1", add_noise(out, params["noise1"], source))
    out = stage("jpeg1", jpeg(out, params["jpeg1"]))
    out = stage("blur2", filter2d(out, kernel(params["kernel2"])) if params["kernel2"] is not None else out)
    r = params["resize2"]
    out = stage("resize2", resize(out, int(h / scale * r["scale"]), int(w / scale * r["scale"]), r["mode"]))
    out = stage("noise2", add_noise(out, params["noise2"], source))
    sinc = kernel(params["sinc"])
    if params["sinc_first"]:
        out = stage("final1", filter2d(resize(out, h // scale, w // scale, params["final_mode"]), sinc))
        out = stage("final2", jpeg(out, params["jpeg2"]))
    else:
        out = stage("final1", jpeg(out, params["jpeg2"]))
        out = stage("final2", filter2d(resize(out, h // scale, w // scale, params["final_mode"]), sinc))
    return (out * 255).round().clamp(0, 255) / 255


def _uniform(rng, lo_hi):
    return float(rng.uniform(*lo_hi))


def sample_kernel(rng, opt):
    """One blur kernel spec from the published mixture (Real-ESRGAN's dataset code)."""
    size = int(rng.choice(KERNEL_SIZES))
    if rng.uniform() < opt["sinc_prob"]:
        return dict(kind="sinc", size=size, cutoff=_uniform(rng, (math.pi / 3, math.pi) if size < 13 else (math.pi / 5, math.pi)))
    kind = FAMILIES[int(rng.choice(len(FAMILIES), p=opt["families"]))]
    spec = dict(kind=kind, size=size, sigma_x=_uniform(rng, opt["sigma"]))
    if "aniso" in kind:
        spec.update(sigma_y=_uniform(rng, opt["sigma"]), theta=_uniform(rng, (-math.pi, math.pi)))
    if kind.startswith(("generalized", "plateau")):
        hi = opt["betag"][1] if kind.startswith("generalized") else opt["betap"][1]
        lo = opt["betag"][0] if kind.startswith("generalized") else opt["betap"][0]
        spec["beta"] = _uniform(rng, (lo, 1.0)) if rng.uniform() < 0.5 else _uniform(rng, (1.0, hi))
    return spec


def sample_resize(rng, opt):
    kind = rng.choice(3, p=opt["resize_prob"])  # up, down, keep
    lo, hi = opt["resize_range"]
    s = _uniform(rng, (1.0, hi)) if kind == 0 else _uniform(rng, (lo, 1.0)) if kind == 1 else 1.0
    return dict(scale=s, mode=MODES[int(rng.integers(3))])


def sample_noise(rng, opt):
    g = bool(rng.uniform() < opt["gray_prob"])
    seed = int(rng.integers(2 ** 31))
    if rng.uniform() < opt["gaussian_prob"]:
        return dict(kind="gaussian", sigma=_uniform(rng, opt["noise_range"]), gray=g, seed=seed)
    return dict(kind="poisson", scale=_uniform(rng, opt["poisson_range"]), gray=g, seed=seed)


def sample_params(rng):
    """Every random choice of one two-stage degradation, drawn from the published distributions."""
    p = dict(kernel1=sample_kernel(rng, FIRST), resize1=sample_resize(rng, FIRST), noise1=sample_noise(rng, FIRST),
             jpeg1=int(rng.integers(FIRST["jpeg_range"][0], FIRST["jpeg_range"][1] + 1)))
    p["kernel2"] = sample_kernel(rng, SECOND) if rng.uniform() < SECOND["blur_prob"] else None
    p.update(resize2=sample_resize(rng, SECOND), noise2=sample_noise(rng, SECOND),
             jpeg2=int(rng.integers(SECOND["jpeg_range"][0], SECOND["jpeg_range"][1] + 1)))
    p["sinc"] = dict(kind="sinc", size=int(rng.choice(KERNEL_SIZES)), cutoff=_uniform(rng, (math.pi / 3, math.pi))) \
        if rng.uniform() < FINAL_SINC_PROB else None
    p["sinc_first"] = bool(rng.uniform() < 0.5)
    p["final_mode"] = MODES[int(rng.integers(3))]
    return p
