import math

import torch

from srt.core.losses import gan_d_loss, gan_g_loss


def softplus(x):
    return math.log1p(math.exp(x))


def test_relativistic_losses_follow_the_definition():
    c_real, c_fake = torch.tensor([2.0, 0.0]), torch.tensor([-1.0, 1.0])
    # D_Ra(xr, xf) = sigmoid(C(xr) - mean C(xf)); -log sigmoid(z) = softplus(-z); -log(1 - sigmoid(z)) = softplus(z)
    zr = [2.0 - 0.0, 0.0 - 0.0]
    zf = [-1.0 - 1.0, 1.0 - 1.0]
    want_d = 0.5 * (sum(softplus(-z) for z in zr) / 2 + sum(softplus(z) for z in zf) / 2)
    want_g = 0.5 * (sum(softplus(z) for z in zr) / 2 + sum(softplus(-z) for z in zf) / 2)
    assert abs(gan_d_loss("relativistic", c_real, c_fake).item() - want_d) < 1e-6
    assert abs(gan_g_loss("relativistic", c_real, c_fake).item() - want_g) < 1e-6


def test_standard_losses_are_binary_cross_entropy():
    c_real, c_fake = torch.tensor([3.0]), torch.tensor([-2.0])
    assert abs(gan_d_loss("standard", c_real, c_fake).item() - (softplus(-3.0) + softplus(-2.0))) < 1e-6
    assert abs(gan_g_loss("standard", None, c_fake).item() - softplus(2.0)) < 1e-6
