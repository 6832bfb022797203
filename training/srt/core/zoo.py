"""The model zoo v1: one entry per trained network. Compared pairs differ only in the compared thing.

`loss` maps a term to its weight: `mse` / `l1` pixel losses; `vgg` content loss (SRGAN: MSE of a
VGG19 layer after activation, relu1_2 here, see SRGAN_CONTENT; ESRGAN: L1 of a layer before activation, conv2_2 here,
see ESRGAN_CONTENT);
`gan` adversarial.
`freeze_bn`: the generator's BatchNorm layers normalise with the statistics they start from (those of
`srresnet`) instead of each batch's, and keep them (see training/README.md, "Choices").
"""
RRDB = dict(num_feat=64, num_block=3, num_grow_ch=32)
DISC = dict(num_feat=16, norm="batch")  # narrow VGG-style discriminator: ~1.06 M parameters, fits the download budget;
# norm "batch" (SRGAN, ESRGAN) or "spectral" (spectral normalisation, no BatchNorm, as Real-ESRGAN's discriminator)
# how real and generated patches meet the discriminator's BatchNorm: "separate" batches (the shipped models) or one
# "joint" batch (`srt.core.train.Trainer.scores`)
DISC_BATCH = "separate"

PSNR_TRAINING = dict(batch=64, patch=128, lr=3e-4)
GAN_TRAINING = dict(batch=16, patch=128, lr=1e-4)
SRGAN_L1 = 0.1  # L1 anchor to the photograph; 0.1 kept srgan's grid under 2x srresnet's, 0.5 did not (training/EXPERIMENTS.md)
# srgan's adversarial weight: ESRGAN's 5e-3, five times SRGAN's 1e-3, at which srgan drew almost no texture against
# relu1_2 and the L1 anchor (training/EXPERIMENTS.md, "The adversarial weight of srgan")
SRGAN_GAN = 5e-3

# Ledig et al. 2017, after activation. Their main models use relu5_4 ("VGG54") of an ImageNet VGG; on our
# random VGG it grows a x4 checkerboard, and with their "VGG22" srgan's NIQE stays above srresnet's on Set14,
# so we use the shallowest layer, relu1_2 (training/README.md, "Choices").
SRGAN_CONTENT = dict(distance="mse", layer="relu1_2")
# Wang et al. 2018: L1 before activation, on conv5_4 of an ImageNet VGG. On our random VGG conv5_4 paints worms and
# bubbles; conv2_2 lowered NIQE on both sets in the CPU layer probe (training/EXPERIMENTS.md, "The content layer").
ESRGAN_CONTENT = dict(distance="l1", layer="conv2_2")
# The ESRGAN trio's discriminator: spectral normalisation instead of BatchNorm (the BatchNorm one won early and the
# generators answered with rings and bubbles; EXPERIMENTS.md, "A discriminator with spectral normalisation"), and
# batch 8, which halves a CPU step (the shipped trio: 800 lockstep steps on 2 cores).
ESRGAN_DISC = dict(num_feat=16, norm="spectral")
ESRGAN_TRAINING = dict(GAN_TRAINING, batch=8)

# Real-ESRNet (Wang et al. 2021): rrdb_psnr fine-tuned with L1 on pairs made by the high-order degradation model
# (`srt/core/degradations.py`) instead of bicubic; their learning rate 2e-4; batch 16 keeps a CPU step near a second
# `ema`: the decay of a moving average of the weights, which is what gets evaluated and exported (Real-ESRNet: 0.999,
# the shipped model since 2026-12-06; `--set ema=none` exports the weights themselves; EXPERIMENTS.md, "`realesrnet`
# exported as a moving average of its weights"). Only realesrnet has the key, so only its runs take `--set ema=...`
REALESRNET_TRAINING = dict(batch=16, patch=128, lr=2e-4, ema=0.999)

ZOO = {
    "srcnn": dict(arch="srcnn", params={}, input="bicubic", loss={"mse": 1.0}, **PSNR_TRAINING),
    "srresnet": dict(arch="srresnet", params={}, loss={"mse": 1.0}, **PSNR_TRAINING),
    "rrdb_psnr": dict(arch="rrdbnet", params=RRDB, loss={"l1": 1.0}, **PSNR_TRAINING),
    "rrdb_bn_psnr": dict(arch="rrdbnet", params={**RRDB, "use_bn": True}, loss={"l1": 1.0}, **PSNR_TRAINING),
    "srresnet_vgg": dict(arch="srresnet", params={}, init="srresnet", freeze_bn=True,
                         loss={"vgg": 1.0, "l1": SRGAN_L1}, content=SRGAN_CONTENT, vgg="random", **GAN_TRAINING),
    "srresnet_vgg_ssl": dict(arch="srresnet", params={}, init="srresnet", freeze_bn=True, loss={"vgg": 1.0},
                             content=SRGAN_CONTENT, vgg="vgg_ssl", **GAN_TRAINING),
    "srgan": dict(arch="srresnet", params={}, init="srresnet", freeze_bn=True,
                  loss={"vgg": 1.0, "l1": SRGAN_L1, "gan": SRGAN_GAN}, content=SRGAN_CONTENT, vgg="random", gan="standard",
                  disc=DISC, disc_batch=DISC_BATCH, **GAN_TRAINING),
    "esrgan": dict(arch="rrdbnet", params=RRDB, init="rrdb_psnr", loss={"vgg": 1.0, "gan": 5e-3, "l1": 1e-2},
                   content=ESRGAN_CONTENT, vgg="random", gan="relativistic", disc=ESRGAN_DISC, **ESRGAN_TRAINING),
    "esrgan_std": dict(arch="rrdbnet", params=RRDB, init="rrdb_psnr", loss={"vgg": 1.0, "gan": 5e-3, "l1": 1e-2},
                       content=ESRGAN_CONTENT, vgg="random", gan="standard", disc=ESRGAN_DISC, **ESRGAN_TRAINING),
    "esrgan_bn": dict(arch="rrdbnet", params={**RRDB, "use_bn": True}, init="rrdb_bn_psnr",
                      loss={"vgg": 1.0, "gan": 5e-3, "l1": 1e-2},
                      content=ESRGAN_CONTENT, vgg="random", gan="relativistic", disc=ESRGAN_DISC, **ESRGAN_TRAINING),
    # usm: the HR crop is sharpened by the unsharp mask before it is degraded and used as the target (Real-ESRGAN's
    # `gt_usm`); False degrades and targets the plain photograph
    "realesrnet": dict(arch="rrdbnet", params=RRDB, init="rrdb_psnr", loss={"l1": 1.0}, pairs="realesrgan", usm=True,
                       **REALESRNET_TRAINING),
}


def with_overrides(cfg, overrides):
    """A copy of a zoo entry with `KEY=VALUE` settings applied (`srt.core.train --set`), to try a recipe change without
    a new entry: dotted keys reach into dicts (`loss.gan=5e-3`, `content.layer=conv2_2`); a key the entry lacks is
    left out, so one run can change the GAN weight of a group that also holds a model without a GAN term. Values
    are read as numbers where they parse as one, `true` / `false` as booleans, `none` as None."""
    out, applied = {k: dict(v) if isinstance(v, dict) else v for k, v in cfg.items()}, []
    for item in overrides:
        key, sep, raw = item.partition("=")
        assert sep and key, f"--set wants KEY=VALUE, got {item!r}"
        *path, leaf = key.split(".")
        node = out
        for part in path:
            node = node.get(part) if isinstance(node, dict) else None
        if not isinstance(node, dict) or leaf not in node:
            continue
        if raw in ("true", "false"):
            value = raw == "true"
        elif raw == "none":
            value = None
        else:
            try:
                value = int(raw) if raw.lstrip("-").isdigit() else float(raw)
            except ValueError:
                value = raw
        node[leaf] = value
        applied.append(item)
    if applied:
        out["overrides"] = applied
    return out
