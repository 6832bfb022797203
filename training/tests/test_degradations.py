"""Real-ESRGAN's degradation model (srt/core/degradations.py): kernels, noise, the pipeline, training pairs."""
import json
import math

import numpy as np
import pytest
import torch
from conftest import REPO

from srt.core import degradations as dg
from srt.site import degrade_fixtures
from srt.core import train


@pytest.mark.parametrize("spec", degrade_fixtures.KERNELS[:-1])
def test_kernels_sum_to_one_and_are_centred(spec):
    k = dg.kernel(spec)
    assert k.shape == (21, 21) and abs(k.sum() - 1) < 1e-12
    assert np.unravel_index(np.argmax(np.abs(k)), k.shape) == (10, 10)
    pad = (21 - spec["size"]) // 2
    if pad:
        assert not k[:pad].any() and not k[:, -pad:].any()


def test_anisotropic_kernel_turns_with_theta():
    spec = dict(kind="aniso", size=21, sigma_x=3.0, sigma_y=0.5, theta=0.0)
    along_x = dg.kernel(spec)
    assert along_x[10, 14] > 100 * along_x[14, 10]  # long along x
    turned = dg.kernel({**spec, "theta": math.pi / 2})
    assert np.allclose(turned, along_x.T, atol=1e-12)


def test_sinc_kernel_rings():
    k = dg.kernel(dict(kind="sinc", size=21, cutoff=math.pi / 4))
    assert k.min() < -1e-3  # the negative lobes that make the overshoot the chapter shows


def test_hash_noise_is_deterministic_and_standard():
    z = dg.HashNoise().normal((1, 3, 64, 64), seed=9)
    assert torch.equal(z, dg.HashNoise().normal((1, 3, 64, 64), seed=9))
    assert abs(z.mean().item()) < 0.05 and abs(z.std().item() - 1) < 0.05
    lam = torch.full((20000,), 7.5, dtype=torch.float64)
    k = dg.HashNoise().poisson(lam, seed=3)
    assert abs(k.mean().item() - 7.5) < 0.1 and abs(k.var().item() - 7.5) < 0.3


def test_degrade_makes_a_quarter_size_8bit_image():
    hr = degrade_fixtures.image(64, 48, 0)
    for seed in range(6):
        lr = dg.degrade(hr, dg.sample_params(np.random.default_rng(seed)))
        assert lr.shape == (1, 3, 12, 16)
        assert torch.equal(lr, torch.round(lr * 255) / 255) and lr.min() >= 0 and lr.max() <= 1


def test_sampled_parameters_stay_in_the_published_ranges():
    rng = np.random.default_rng(0)
    draws = [dg.sample_params(rng) for _ in range(400)]
    assert all(0.15 <= p["resize1"]["scale"] <= 1.5 and 0.3 <= p["resize2"]["scale"] <= 1.2 for p in draws)
    assert all(30 <= p["jpeg1"] <= 95 and 30 <= p["jpeg2"] <= 95 for p in draws)
    kinds = [p["kernel1"]["kind"] for p in draws]
    assert 0.3 < kinds.count("iso") / len(kinds) < 0.55 and 0.03 < kinds.count("sinc") / len(kinds) < 0.18
    assert 0.7 < sum(p["sinc"] is not None for p in draws) / len(draws) < 0.9


def test_fixtures_file_matches_the_code():
    """The TypeScript parity tests read test/fixtures/degrade.json; it must be what this code writes."""
    committed = (REPO / "test/fixtures/degrade.json").read_text()
    degrade_fixtures.main()
    assert (REPO / "test/fixtures/degrade.json").read_text() == committed


def test_realesrnet_trains_on_degraded_pairs(tiny_zoo, image_root, tmp_path):
    runs = tmp_path / "runs"
    assert train.main(f"--models rrdb_psnr --data {image_root} --runs {runs} --iters 1".split()) == 0
    assert train.main(f"--models realesrnet --data {image_root} --runs {runs} --iters 2 --log-every 1".split()) == 0
    meta = json.loads((runs / "realesrnet/meta.json").read_text())
    assert meta["pairs"] == "realesrgan" and meta["config"]["init"] == "rrdb_psnr"


def test_degraded_pairs_depend_on_the_step_not_on_the_workers_making_them(image_root):
    """Batch k is a function of (seed, k): worker processes make the same batches as the training process, a run
    resumed at step k (seek) goes on with batch k, and the target is the crop the input was made from, sharpened."""
    from srt.core.data import PatchSampler, list_images
    from srt.core.degraded_pairs import DegradedPairs
    files = list_images(image_root / "train/bsds500", image_root / "train/t91")
    made = lambda workers: DegradedPairs(PatchSampler(files, patch=128), seed=3, workers=workers)  # noqa: E731
    here, pool = made(0), made(2)
    try:
        inline = [here.batch(3) for _ in range(4)]
        forked = [pool.batch(3) for _ in range(4)]
    finally:
        pool.close()
    for (lr_a, hr_a), (lr_b, hr_b) in zip(inline, forked):
        assert lr_a.shape == (3, 3, 32, 32) and hr_a.shape == (3, 3, 128, 128)
        assert torch.equal(lr_a, lr_b) and torch.equal(hr_a, hr_b)
    assert not torch.equal(inline[0][0], inline[1][0])  # a new draw every step
    resumed = made(0)
    resumed.seek(2)
    assert torch.equal(resumed.batch(3)[0], inline[2][0])
    crops, lr = resumed.make(2, 3)
    crops = torch.from_numpy(crops).float() / 255
    assert torch.equal(torch.from_numpy(lr).float() / 255, inline[2][0])
    assert torch.equal(dg.usm_sharp(crops), inline[2][1]) and not torch.equal(crops, inline[2][1])
