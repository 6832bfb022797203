"""Generators and discriminators, with BasicSR's parameter names so that state dicts load by name.

- SRCNN (Dong et al. 2014): 9-5-5 convolutions on a bicubic-enlarged image.
- SRResNet (Ledig et al. 2017): residual blocks with BatchNorm and PReLU, two x2 pixel-shuffle stages.
- RRDBNet (Wang et al. 2018): residual-in-residual dense blocks, residual scaling 0.2, nearest
  x2 upsampling twice; `use_bn=True` adds BatchNorm after every dense-block convolution.
- VGGStyleDiscriminator (SRGAN / ESRGAN): strided convolutions, BatchNorm, LeakyReLU 0.2, two linear layers.
- VGG19Features: torchvision's `features` layout, cut after the tapped layer.
"""
import torch
from torch import nn
from torch.nn import functional as F


def scale_init(module, scale):
    """Kaiming init scaled down (BasicSR's default_init_weights): keeps deep residual stacks stable."""
    for m in module.modules():
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight)
            m.weight.data *= scale
            if m.bias is not None:
                m.bias.data.zero_()


class SRCNN(nn.Module):
    """Patch extraction (9x9), non-linear mapping (5x5), reconstruction (5x5); input is already enlarged."""

    def __init__(self, num_in_ch=3, num_feat=64, num_feat2=32):
        super().__init__()
        self.conv1 = nn.Conv2d(num_in_ch, num_feat, 9, padding=4)
        self.conv2 = nn.Conv2d(num_feat, num_feat2, 5, padding=2)
        self.conv3 = nn.Conv2d(num_feat2, num_in_ch, 5, padding=2)

    def forward(self, x):
        return self.conv3(F.relu(self.conv2(F.relu(self.conv1(x)))))


class ResidualBlockBN(nn.Module):
    """conv-BN-PReLU-conv-BN plus the identity (SRGAN, figure 4)."""

    def __init__(self, num_feat):
        super().__init__()
        self.conv1 = nn.Conv2d(num_feat, num_feat, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(num_feat)
        self.prelu = nn.PReLU(num_feat)
        self.conv2 = nn.Conv2d(num_feat, num_feat, 3, padding=1)
        self.bn2 = nn.BatchNorm2d(num_feat)

    def forward(self, x):
        return x + self.bn2(self.conv2(self.prelu(self.bn1(self.conv1(x)))))


class SRResNet(nn.Module):
    def __init__(self, num_in_ch=3, num_feat=64, num_block=16, upscale=4):
        super().__init__()
        assert upscale == 4, "two x2 pixel-shuffle stages"
        self.conv_first = nn.Conv2d(num_in_ch, num_feat, 9, padding=4)
        self.prelu_first = nn.PReLU(num_feat)
        self.body = nn.Sequential(*[ResidualBlockBN(num_feat) for _ in range(num_block)])
        self.conv_body = nn.Conv2d(num_feat, num_feat, 3, padding=1)
        self.bn_body = nn.BatchNorm2d(num_feat)
        self.upconv1 = nn.Conv2d(num_feat, num_feat * 4, 3, padding=1)
        self.prelu_up1 = nn.PReLU(num_feat)
        self.upconv2 = nn.Conv2d(num_feat, num_feat * 4, 3, padding=1)
        self.prelu_up2 = nn.PReLU(num_feat)
        self.conv_last = nn.Conv2d(num_feat, num_in_ch, 9, padding=4)
        scale_init(self, 0.1)

    def forward(self, x):
        feat = self.prelu_first(self.conv_first(x))
        feat = feat + self.bn_body(self.conv_body(self.body(feat)))
        feat = self.prelu_up1(F.pixel_shuffle(self.upconv1(feat), 2))
        feat = self.prelu_up2(F.pixel_shuffle(self.upconv2(feat), 2))
        return self.conv_last(feat)


class ResidualDenseBlock(nn.Module):
    """Five densely connected convolutions; the output is scaled by 0.2 and added to the input."""

    def __init__(self, num_feat=64, num_grow_ch=32, use_bn=False):
        super().__init__()
        for i in range(1, 6):
            cin = num_feat + (i - 1) * num_grow_ch
            cout = num_grow_ch if i < 5 else num_feat
            setattr(self, f"conv{i}", nn.Conv2d(cin, cout, 3, padding=1))
            if use_bn:
                setattr(self, f"bn{i}", nn.BatchNorm2d(cout))
        self.use_bn = use_bn
        scale_init(self, 0.1)

    def _conv(self, i, x):
        y = getattr(self, f"conv{i}")(x)
        return getattr(self, f"bn{i}")(y) if self.use_bn else y

    def forward(self, x):
        feats = [x]
        for i in range(1, 5):
            feats.append(F.leaky_relu(self._conv(i, torch.cat(feats, 1)), 0.2))
        return x + 0.2 * self._conv(5, torch.cat(feats, 1))


class RRDB(nn.Module):
    def __init__(self, num_feat, num_grow_ch=32, use_bn=False):
        super().__init__()
        self.rdb1 = ResidualDenseBlock(num_feat, num_grow_ch, use_bn)
        self.rdb2 = ResidualDenseBlock(num_feat, num_grow_ch, use_bn)
        self.rdb3 = ResidualDenseBlock(num_feat, num_grow_ch, use_bn)

    def forward(self, x):
        return x + 0.2 * self.rdb3(self.rdb2(self.rdb1(x)))


class RRDBNet(nn.Module):
    def __init__(self, num_in_ch=3, num_out_ch=3, num_feat=64, num_block=23, num_grow_ch=32, use_bn=False):
        super().__init__()
        self.conv_first = nn.Conv2d(num_in_ch, num_feat, 3, padding=1)
        self.body = nn.Sequential(*[RRDB(num_feat, num_grow_ch, use_bn) for _ in range(num_block)])
        self.conv_body = nn.Conv2d(num_feat, num_feat, 3, padding=1)
        self.conv_up1 = nn.Conv2d(num_feat, num_feat, 3, padding=1)
        self.conv_up2 = nn.Conv2d(num_feat, num_feat, 3, padding=1)
        self.conv_hr = nn.Conv2d(num_feat, num_feat, 3, padding=1)
        self.conv_last = nn.Conv2d(num_feat, num_out_ch, 3, padding=1)

    def forward(self, x):
        feat = self.conv_first(x)
        feat = feat + self.conv_body(self.body(feat))
        feat = F.leaky_relu(self.conv_up1(F.interpolate(feat, scale_factor=2, mode="nearest")), 0.2)
        feat = F.leaky_relu(self.conv_up2(F.interpolate(feat, scale_factor=2, mode="nearest")), 0.2)
        return self.conv_last(F.leaky_relu(self.conv_hr(feat), 0.2))


class VGGStyleDiscriminator(nn.Module):
    """Input 128x128; five stride-2 stages down to 4x4, then linear1 (-> 100) and linear2 (-> 1 logit)."""

    def __init__(self, num_in_ch=3, num_feat=64, input_size=128, norm="batch"):
        super().__init__()
        assert input_size == 128
        assert norm in ("batch", "spectral", "none"), f"norm is 'batch', 'spectral' or 'none', got {norm!r}"
        nf = num_feat
        widths = [(num_in_ch, nf), (nf, nf * 2), (nf * 2, nf * 4), (nf * 4, nf * 8), (nf * 8, nf * 8)]
        self.conv0_0 = nn.Conv2d(num_in_ch, nf, 3, 1, 1, bias=True)
        self.conv0_1 = nn.Conv2d(nf, nf, 4, 2, 1, bias=False)
        self.bn0_1 = nn.BatchNorm2d(nf)
        for s in range(1, 5):
            cin, cout = widths[s]
            setattr(self, f"conv{s}_0", nn.Conv2d(cin, cout, 3, 1, 1, bias=False))
            setattr(self, f"bn{s}_0", nn.BatchNorm2d(cout))
            setattr(self, f"conv{s}_1", nn.Conv2d(cout, cout, 4, 2, 1, bias=False))
            setattr(self, f"bn{s}_1", nn.BatchNorm2d(cout))
        self.linear1 = nn.Linear(nf * 8 * 4 * 4, 100)
        self.linear2 = nn.Linear(100, 1)
        # "spectral" (Miyato et al. 2018, as Real-ESRGAN's discriminator): no BatchNorm, every weight divided by its
        # largest singular value (one power step a call). "none": no BatchNorm and plain weights, which is what a
        # spectrally normalised network is once training ends (`fold_spectral_norm`; the exported form).
        for name, m in list(self.named_children()):
            if norm != "batch" and isinstance(m, nn.BatchNorm2d):
                setattr(self, name, nn.Identity())
            elif norm == "spectral":
                nn.utils.spectral_norm(m)

    def forward(self, x):
        lrelu = lambda t: F.leaky_relu(t, 0.2)  # noqa: E731
        feat = lrelu(self.conv0_0(x))
        feat = lrelu(self.bn0_1(self.conv0_1(feat)))
        for s in range(1, 5):
            feat = lrelu(getattr(self, f"bn{s}_0")(getattr(self, f"conv{s}_0")(feat)))
            feat = lrelu(getattr(self, f"bn{s}_1")(getattr(self, f"conv{s}_1")(feat)))
        return self.linear2(lrelu(self.linear1(feat.flatten(1)))).squeeze(1)  # raw logit C(x)


def fold_spectral_norm(disc):
    """A norm="none" copy of a spectrally normalised discriminator with each weight divided by its stored
    sigma = u^T W v (what the network computes in inference mode), so it runs with no power iteration."""
    sizes = dict(num_in_ch=disc.conv0_0.in_channels, num_feat=disc.conv0_0.out_channels)
    folded = build("vgg_discriminator", **sizes, norm="spectral")  # a fresh copy (deepcopy refuses SN's computed weights)
    folded.load_state_dict(disc.state_dict())
    for m in folded.eval().children():
        if hasattr(m, "weight_orig"):
            nn.utils.remove_spectral_norm(m)
    plain = build("vgg_discriminator", **sizes, norm="none")
    plain.load_state_dict(folded.state_dict())
    return plain.eval()


VGG19_CFG = [64, 64, "M", 128, 128, "M", 256, 256, 256, 256, "M", 512, 512, 512, 512, "M", 512, 512, 512, 512, "M"]


def vgg19_layer_index(name):
    """torchvision `features` index of e.g. 'conv5_4' or 'relu5_4'."""
    kind, pos = name[:4], name[4:]
    block, conv = (int(v) for v in pos.split("_"))
    idx, b, c = 0, 1, 0
    for v in VGG19_CFG:
        if v == "M":
            b, c = b + 1, 0
            idx += 1
            continue
        c += 1
        if (b, c) == (block, conv):
            return idx if kind == "conv" else idx + 1
        idx += 2
    raise ValueError(name)


class VGG19Features(nn.Module):
    """VGG19 `features` (torchvision names: features.N.weight) up to the tapped layer; ImageNet input normalisation."""

    def __init__(self, layer="conv5_4", seed=0):
        super().__init__()
        last = vgg19_layer_index(layer)
        layers, cin = [], 3
        for v in VGG19_CFG:
            if v == "M":
                layers.append(nn.MaxPool2d(2))
            else:
                layers += [nn.Conv2d(cin, v, 3, padding=1), nn.ReLU(inplace=False)]
                cin = v
        self.features = nn.Sequential(*layers[: last + 1])
        gen = torch.Generator().manual_seed(seed)
        for m in self.features:  # fixed-seed init (torchvision's scheme) so a random VGG is reproducible
            if isinstance(m, nn.Conv2d):
                std = (2.0 / (m.out_channels * 9)) ** 0.5
                m.weight.data = torch.randn(m.weight.shape, generator=gen) * std
                m.bias.data.zero_()
        self.register_buffer("mean", torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1))
        self.register_buffer("std", torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1))
        self.requires_grad_(False)

    def forward(self, x):
        return self.features((x - self.mean) / self.std)


def build(arch, **params):
    return {"srcnn": SRCNN, "srresnet": SRResNet, "rrdbnet": RRDBNet, "vgg_discriminator": VGGStyleDiscriminator}[arch](**params)
