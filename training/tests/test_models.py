import torch

from srt.core.models import VGG19Features, build, vgg19_layer_index


def test_rrdbnet_uses_basicsr_names_and_upscales_x4():
    net = build("rrdbnet", num_feat=8, num_block=2, num_grow_ch=4)
    keys = set(net.state_dict())
    for k in ["conv_first.weight", "body.1.rdb3.conv5.weight", "conv_body.weight", "conv_up1.weight",
              "conv_up2.weight", "conv_hr.weight", "conv_last.bias"]:
        assert k in keys, k
    assert not any(".bn" in k for k in keys)
    assert net(torch.rand(1, 3, 5, 7)).shape == (1, 3, 20, 28)
    bn = build("rrdbnet", num_feat=8, num_block=1, num_grow_ch=4, use_bn=True).state_dict()
    assert "body.0.rdb2.bn5.running_var" in bn


def test_srresnet_and_srcnn_shapes():
    assert build("srresnet", num_feat=8, num_block=2)(torch.rand(2, 3, 6, 6)).shape == (2, 3, 24, 24)
    assert build("srcnn")(torch.rand(1, 3, 20, 20)).shape == (1, 3, 20, 20)


def test_discriminator_gives_one_logit_per_image():
    d = build("vgg_discriminator", num_feat=4)
    assert d(torch.rand(3, 3, 128, 128)).shape == (3,)
    assert d.linear1.in_features == 4 * 8 * 4 * 4


def test_vgg_taps_before_or_after_activation():
    assert vgg19_layer_index("conv5_4") == 34 and vgg19_layer_index("relu5_4") == 35
    pre, post = VGG19Features("conv1_2"), VGG19Features("relu1_2")
    x = torch.rand(1, 3, 16, 16)
    a, b = pre(x), post(x)
    assert (a < 0).any() and (b >= 0).all()
    assert torch.equal(torch.relu(a), b)  # same fixed-seed weights, tapped on either side of the ReLU
    assert torch.equal(VGG19Features("conv1_2", seed=0)(x), a)


def test_identity_batchnorm_copies_rrdbnet_value_for_value():
    """rrdb_bn_psnr (srt.core.bn_init) is rrdb_psnr under its stored statistics, which are those of rrdb_psnr's convolutions."""
    from srt.core.bn_init import identity_batchnorm
    torch.manual_seed(0)
    plain = build("rrdbnet", num_feat=8, num_block=2, num_grow_ch=4).eval()
    batches = [torch.rand(4, 3, 12, 12) for _ in range(3)]
    bn = identity_batchnorm(plain, batches)
    assert sum(isinstance(m, torch.nn.BatchNorm2d) for m in bn.modules()) == 2 * 3 * 5
    x = torch.rand(2, 3, 10, 10)
    with torch.no_grad():
        assert torch.allclose(bn(x), plain(x), atol=1e-5)
        first = plain.body[0].rdb1.conv1(plain.conv_first(torch.cat(batches)))
    assert torch.allclose(bn.body[0].rdb1.bn1.running_mean, first.mean((0, 2, 3)), atol=1e-5)
    assert torch.allclose(bn.body[0].rdb1.bn1.running_var, first.var((0, 2, 3), unbiased=False), atol=1e-5)


def test_spectral_discriminator_has_no_batchnorm_and_unit_spectral_norms():
    """norm="spectral" (Real-ESRGAN's choice): no BatchNorm, and after a few power steps every weight's largest singular
    value is 1, so one patch's score no longer depends on the other patches in its batch."""
    import torch
    from srt.core.models import build

    torch.manual_seed(0)
    d = build("vgg_discriminator", num_feat=8, norm="spectral")
    assert not any(isinstance(m, torch.nn.BatchNorm2d) for m in d.modules())
    x = torch.rand(3, 3, 128, 128)
    d.train()
    for _ in range(20):  # power iterations run in training mode
        d(x)
    d.eval()
    w = d.conv1_0.weight.reshape(d.conv1_0.weight.shape[0], -1)
    assert abs(torch.linalg.matrix_norm(w, ord=2).item() - 1) < 1e-2
    alone = d(x[:1])
    assert torch.allclose(alone, d(x)[:1], atol=1e-5)
    try:
        build("vgg_discriminator", num_feat=8, norm="group")  # noqa
    except AssertionError:
        pass
    else:
        raise AssertionError("an unknown norm must be refused")


def test_folded_spectral_discriminator_scores_like_the_trained_one():
    """The export stores W / sigma as plain weights (norm="none"): same logits as the spectrally normalised network in
    inference mode, no weight_orig / weight_u / weight_v keys, and the stored weights have unit spectral norm."""
    import torch
    from srt.core.models import build, fold_spectral_norm

    torch.manual_seed(1)
    d = build("vgg_discriminator", num_feat=8, norm="spectral").train()
    x = torch.rand(4, 3, 128, 128)
    for _ in range(40):  # power iterations
        d(x)
    d.eval()
    folded = fold_spectral_norm(d)
    assert all(not k.endswith(("_orig", "_u", "_v")) for k in folded.state_dict())
    with torch.no_grad():
        assert torch.allclose(folded(x), d(x), atol=1e-5)
    w = folded.conv1_0.weight.reshape(folded.conv1_0.weight.shape[0], -1)
    assert abs(torch.linalg.matrix_norm(w, ord=2).item() - 1) < 2e-2
