"""The data the chapters ship: network interpolation for the perception-distortion curve, and the
perceptual network's activation statistics before and after ReLU."""
import pytest
import torch

from srt.activation_stats import activations, layer_stats
from srt.models import VGG19Features, build
from srt.perception_distortion import blend


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
