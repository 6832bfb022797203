"""The data the chapters ship: network interpolation for the perception-distortion curve, the
perceptual network's activation statistics before and after ReLU, and the static feature maps of
chapter 2's networks figure."""
import json

import numpy as np
import pytest
import torch
from PIL import Image

from conftest import REPO
from srt.site import figures_srgan
from srt.site.activation_stats import activations, layer_stats
from srt.io.weights import load_generator
from srt.core.imresize import imresize, quantize_uint8
from srt.core.models import VGG19Features, build
from srt.site.perception_distortion import blend

SRGAN_DATA = REPO / "public" / "data" / "srgan"


def tiny_rrdb(seed):
    torch.manual_seed(seed)
    return build("rrdbnet", num_feat=8, num_block=1, num_grow_ch=4).eval()


def test_blend_is_linear_in_alpha_and_keeps_the_ends():
    a, b = tiny_rrdb(0), tiny_rrdb(1)
    sa, sb = a.state_dict(), b.state_dict()
    for alpha, want in ((0.0, sa), (1.0, sb)):
        got = blend(a, b, alpha).state_dict()
        assert all(torch.equal(got[k], want[k]) for k in sa)
    half = blend(a, b, 0.3).state_dict()
    k = "conv_first.weight"
    assert torch.allclose(half[k], 0.7 * sa[k] + 0.3 * sb[k])
    assert torch.equal(a.state_dict()[k], sa[k])  # the inputs are not modified


def test_blend_refuses_different_architectures():
    torch.manual_seed(0)
    other = build("rrdbnet", num_feat=8, num_block=2, num_grow_ch=4)
    with pytest.raises(ValueError, match="different parameter names"):
        blend(tiny_rrdb(0), other, 0.5)


def test_activation_statistics_before_and_after_relu():
    net = VGG19Features("conv2_2", seed=0).eval()
    x = torch.rand(1, 3, 24, 20, generator=torch.Generator().manual_seed(3))
    acts = activations(net, x, layers=("conv1_2", "conv2_2"))
    before, after = acts["conv2_2"]
    assert before.shape == (1, 128, 12, 10)
    assert torch.equal(after, torch.relu(before))
    s = layer_stats(before, after)
    assert s["before"]["histogram"]["edges"] == s["after"]["histogram"]["edges"]
    assert sum(s["before"]["histogram"]["counts"]) == before.numel() == sum(s["after"]["histogram"]["counts"])
    assert s["after"]["zeroFraction"] == pytest.approx(s["before"]["negativeFraction"], abs=1e-4)
    assert 0.05 < s["after"]["zeroFraction"] < 0.95
    assert s["after"]["negativeFraction"] == 0


def test_feature_maps_are_the_first_block_stretched_per_channel():
    torch.manual_seed(0)
    net = build("srresnet", num_feat=8, num_block=1).eval()
    with torch.no_grad():
        net.prelu_first.weight.uniform_(0.1, 0.3)  # distinct slopes, so the tap is after the PReLU
        x = torch.rand(1, 3, 12, 10, generator=torch.Generator().manual_seed(1))
        grey, shape = figures_srgan.feature_maps(net, x, keep=3)
        want = net.prelu_first(net.conv_first(x))[0, :3].double()
    assert shape == (12, 10, 8)
    assert grey.shape == (3, 12, 10) and grey.dtype == torch.uint8
    for k in range(3):
        lo, hi = want[k].min(), want[k].max()
        expected = torch.floor((want[k] - lo) / (hi - lo) * 255 + 0.5)
        assert torch.equal(grey[k].double(), expected)
        assert grey[k].min() == 0 and grey[k].max() == 255


def test_shipped_feature_maps_match_the_manifest_and_the_weights():
    manifest = json.loads((SRGAN_DATA / "manifest.json").read_text())
    f = manifest["features"]
    assert (f["generator"], f["net"], f["block"]) == (figures_srgan.FEATURE_NET, "g", figures_srgan.FEATURE_BLOCK)
    assert f["image"] == manifest["crops"][0]["image"]  # the figure's default image
    files = [SRGAN_DATA / name for name in f["files"]]
    assert len(files) == figures_srgan.FEATURE_KEEP
    assert sum(p.stat().st_size for p in files) < 40_000  # a static picture, not a data set
    shipped = np.stack([np.asarray(Image.open(p)) for p in files])
    h, w, _ = f["shape"]
    assert shipped.shape == (len(files), h, w) and shipped.dtype == np.uint8
    # Recomputed from the shipped weights: the files are the pipeline's output for them.
    crop = manifest["crops"][0]
    full = figures_srgan.to_tensor(Image.open(REPO / "public" / "images" / "demo" / f"{crop['image']}.png"))
    hr = full[..., crop["top"] : crop["top"] + manifest["hr"], crop["left"] : crop["left"] + manifest["hr"]]
    lr = quantize_uint8(imresize(hr, 1 / manifest["scale"]))
    net = load_generator(REPO / "public" / "weights" / f["generator"])[0].float().eval()
    with torch.no_grad():
        grey, shape = figures_srgan.feature_maps(net, lr.float())
    assert list(shape) == f["shape"]
    assert np.abs(grey.numpy().astype(int) - shipped.astype(int)).max() <= 1


def test_precomputed_esrgan_std_pictures_are_the_exported_models_output():
    """The discriminator figure shows public/data/esrgan/disc-<image>-esrgan_std.png instead of running
    esrgan_std in the browser: each must be the exported model's output on exactly the widget's LR input
    (photograph -> 256x256 -> bicubic x1/4), clamped and rounded to 8 bits."""
    import json

    import numpy as np
    from PIL import Image
    from conftest import REPO

    from srt.io.weights import load_generator
    from srt.site.figures_esrgan import disc_lr, disc_photo, run

    data, demo, weights = REPO / "public/data/esrgan", REPO / "public/images/demo", REPO / "public/weights"
    if not (data / "figures.json").exists() or not (weights / "esrgan_std/card.json").exists():
        pytest.skip("no exported esrgan_std or no chapter-3 figures in this checkout")
    entry = json.loads((data / "figures.json").read_text())["disc_precomputed"]["esrgan_std"]
    net, card = load_generator(weights / "esrgan_std")
    assert entry["weights_sha256"] == card["weights"]["sha256"], "made from other weights: rerun srt.site.figures_esrgan"
    photos = sorted(p.stem for p in demo.glob("*.png"))
    assert sorted(entry["images"]) == photos and len(photos) == 10
    torch.set_num_threads(1)
    for image, name in entry["images"].items():
        png = np.asarray(Image.open(data / name))
        assert png.shape == (256, 256, 3) and png.dtype == np.uint8, name
        lr = disc_lr(disc_photo(demo / f"{image}.png"))
        assert lr.shape == (64, 64, 3)
        out = np.clip(run(net, lr), 0, 1) * 255
        # Within 8-bit rounding (half a level), plus float noise between machines.
        err = np.abs(png.astype(np.float64) - out).max()
        assert err <= 0.5 + 1e-3, (name, err)


def test_disc_modes_scores_both_batchnorm_modes_without_touching_the_running_statistics():
    from srt.site import disc_modes
    torch.manual_seed(0)
    disc = build("vgg_discriminator", num_feat=2, input_size=128).eval()
    before = {k: v.clone() for k, v in disc.state_dict().items()}
    batches = [(torch.rand(2, 3, 32, 32), torch.rand(2, 3, 128, 128)) for _ in range(2)]
    gen = lambda lr: torch.nn.functional.interpolate(lr, scale_factor=4)  # noqa: E731
    deployed = disc_modes.scores(disc, gen, batches, training_mode=False)
    training = disc_modes.scores(disc, gen, batches, training_mode=True)
    assert all(torch.equal(v, disc.state_dict()[k]) for k, v in before.items())  # running statistics unchanged
    with torch.no_grad():
        direct = sum(torch.sigmoid(disc(hr)).mean().item() for _, hr in batches) / 2
    assert abs(deployed["d_real"] - direct) < 1e-4
    assert deployed != training  # per-batch statistics score differently
