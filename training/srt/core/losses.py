"""Losses: pixel (MSE, L1), VGG content loss, and the standard and relativistic-average GAN losses.

GAN losses take raw discriminator logits C(x). Standard GAN (SRGAN): D(x) = sigmoid(C(x)).
Relativistic average GAN (ESRGAN, Jolicoeur-Martineau 2018):
D_Ra(x_r, x_f) = sigmoid(C(x_r) - E[C(x_f)]), D_Ra(x_f, x_r) = sigmoid(C(x_f) - E[C(x_r)]).
"""
import torch
from torch.nn import functional as F


def bce(logits, target):
    return F.binary_cross_entropy_with_logits(logits.float(), torch.full_like(logits.float(), target))


def gan_d_loss(kind, c_real, c_fake):
    if kind == "standard":
        return bce(c_real, 1.0) + bce(c_fake, 0.0)
    return 0.5 * (bce(c_real - c_fake.mean(), 1.0) + bce(c_fake - c_real.mean(), 0.0))


def gan_g_loss(kind, c_real, c_fake):
    """c_real is detached: the generator step does not train the discriminator."""
    if kind == "standard":
        return bce(c_fake, 1.0)
    return 0.5 * (bce(c_real - c_fake.mean(), 0.0) + bce(c_fake - c_real.mean(), 1.0))


def pixel_loss(kind, sr, hr):
    return F.mse_loss(sr.float(), hr) if kind == "mse" else F.l1_loss(sr.float(), hr)


class Perceptual:
    """Distance between VGG19 features of SR and HR, divided by the mean feature magnitude of real
    images (measured once), so the loss is about 1 whatever the scale of the (possibly random) VGG."""

    def __init__(self, net, distance, norm):
        self.net, self.distance, self.norm = net, distance, norm

    @staticmethod
    def feature_norm(net, distance, hr):
        with torch.no_grad():
            f = net(hr).float()
        return (f.pow(2).mean() if distance == "mse" else f.abs().mean()).item()

    def __call__(self, sr, hr_features):
        f = self.net(sr).float()
        d = F.mse_loss(f, hr_features) if self.distance == "mse" else F.l1_loss(f, hr_features)
        return d / self.norm
