"""Export trained runs to the site's weight folder (the format `src/sr` loads; see public/weights/README.md).

    python -m srt.io.export --runs runs --data ../shared/datasets --out ../public/weights [--only esrgan,...]

Per model `<id>/`: weights.safetensors.gz (int8 per-channel, or fp16; gzip -9, mtime 0), card.json
(architecture, training, measured metrics; the file's size, and the size and sha256 of the safetensors
bytes inside it), golden.safetensors (a fixed input and the PyTorch fp32 output of the stored weights,
NHWC), curves.json (training curves for plots). Discriminators are exported as `<generator id>_d`.

    python -m srt.io.export --repack --out ../public/weights

rewrites an existing export's uncompressed `weights.safetensors` files as `weights.safetensors.gz`
(the safetensors bytes, hence their sha256, golden vectors and parity, stay exactly the same) and
updates the cards and index.json: no run, data or retraining needed.
"""
import argparse
import hashlib
import json
from pathlib import Path

import numpy as np
import torch

from . import quantize, safetensors
from .weights import load_state
from ..measure import niqe as niqe_mod
from ..measure.evaluate import measure
from ..core.imresize import imresize, quantize_uint8
from ..core.models import build, fold_spectral_norm
from ..core.zoo import ZOO

FORMAT = "sr-site-weights/1"
GENERATORS = ["srcnn", "srresnet", "srresnet_vgg", "srgan", "rrdb_psnr", "esrgan", "esrgan_bn", "esrgan_std", "realesrnet"]
DISCRIMINATORS = ["srgan", "esrgan", "esrgan_std"]
GOLDEN_LR = 16  # golden input side (LR pixels): small enough for SwiftShader in CI
WEIGHTS_FILE = "weights.safetensors.gz"  # gzip: ~15% fewer bytes to download than the int8 safetensors
TITLES = {
    "srcnn": ("SRCNN (MSE)", "SRCNN（MSE）"),
    "srresnet": ("SRResNet (MSE)", "SRResNet（MSE）"),
    "srresnet_vgg": ("SRResNet (VGG content loss)", "SRResNet（VGG コンテンツ損失）"),
    "srgan": ("SRGAN (VGG + adversarial)", "SRGAN（VGG＋敵対的損失）"),
    "rrdb_psnr": ("RRDBNet, PSNR-oriented (L1)", "RRDBNet・PSNR 重視（L1）"),
    "esrgan": ("ESRGAN (relativistic)", "ESRGAN（相対的判別器）"),
    "esrgan_bn": ("ESRGAN with BatchNorm", "BatchNorm 付き ESRGAN"),
    "esrgan_std": ("ESRGAN with a standard discriminator", "標準判別器の ESRGAN"),
    "realesrnet": ("Real-ESRNet (L1, trained on degraded inputs)", "Real-ESRNet（L1・劣化入力で学習）"),
}
PAIRS = {
    "bicubic": "LR made on the fly by MATLAB-style bicubic x1/4",
    "realesrgan": "LR made on the fly by Real-ESRGAN's second-order degradation (srt/core/degradations.py, parameters drawn "
                  "per sample from the published distributions), target sharpened by the unsharp mask",
}


def golden_pattern(h, w, seed=7):
    """A fixed procedural test image (gradient, diagonal edge, checks, noise) on 8-bit levels, NCHW."""
    yy, xx = np.mgrid[0:h, 0:w] / np.array([[[max(h - 1, 1)]], [[max(w - 1, 1)]]])
    rng = np.random.default_rng(seed)
    r = 0.2 + 0.6 * xx
    g = np.where(xx + 0.5 * yy > 0.6, 0.85, 0.15)
    b = ((np.floor(xx * 4) + np.floor(yy * 4)) % 2) * 0.5 + 0.25
    img = np.stack([r, g, b]) + rng.normal(0, 0.04, (3, h, w))
    return quantize_uint8(torch.tensor(img[None], dtype=torch.float32))


def nhwc(t):
    return t.detach().permute(0, 2, 3, 1).contiguous().numpy().astype(np.float32)


def sha256(path):
    """SHA-256 of a file's safetensors bytes (of the decompressed content when the file is gzip)."""
    return hashlib.sha256(safetensors.read_bytes(path)).hexdigest()


def write_weights(folder, content):
    """Writes safetensors bytes as the gzip weight file; returns the card's `weights` entry (less quantization).

    `bytes` is the size of the file as stored and downloaded (what progress counts); `sha256` and
    `decoded_bytes` describe the safetensors bytes inside it, so the identity of the weights does not
    depend on the compressor (zlib version, level) and matches what the browser parses.
    """
    packed = safetensors.gzip_bytes(content)
    assert safetensors.unpack(packed) == content
    (Path(folder) / WEIGHTS_FILE).write_bytes(packed)
    return {"file": WEIGHTS_FILE, "encoding": "gzip", "bytes": len(packed),
            "decoded_bytes": len(content), "sha256": hashlib.sha256(content).hexdigest()}


def curves(log_path, keep=200):
    """Training curves: every logged step (thinned to <= keep points) as columns."""
    recs = [json.loads(line) for line in Path(log_path).read_text().splitlines() if line.strip()]
    stride = max(1, len(recs) // keep)
    cols = {}
    for i, r in enumerate(recs):
        if i % stride and "set5_psnr" not in r and i != len(recs) - 1:
            continue
        for k, v in r.items():
            if k != "time":
                cols.setdefault(k, []).append(v)
        for k in cols:
            if len(cols[k]) < len(cols["step"]):
                cols[k].append(None)
    return cols


def training_seconds(log_path):
    """Wall seconds over all sessions of a run: the log's clock restarts at each resume."""
    total, last = 0.0, 0.0
    for line in Path(log_path).read_text().splitlines():
        t = json.loads(line)["time"]
        if t < last:
            total += last
        last = t
    return total + last


def write_model(out, mid, kind, net, fmt, card, golden_in):
    folder = out / mid
    folder.mkdir(parents=True, exist_ok=True)
    stored = quantize.encode(net.state_dict(), fmt)
    entry = write_weights(folder, safetensors.dumps(stored, {"format": FORMAT, "quantization": fmt, "model": mid}))
    (folder / "weights.safetensors").unlink(missing_ok=True)  # an uncompressed file of an older export
    net = load_state(build(card["architecture"]["name"], **card["architecture"]["params"]), quantize.decode(stored))
    with torch.no_grad():
        golden_out = net(golden_in)
    golden_out = golden_out[:, None] if kind == "discriminator" else nhwc(golden_out)
    safetensors.save(folder / "golden.safetensors", {"input": nhwc(golden_in), "output": np.asarray(golden_out, np.float32)},
                     {"format": FORMAT, "model": mid, "note": "PyTorch fp32 output of the stored (dequantised) weights"})
    card.update({
        "id": mid, "kind": kind, "format": FORMAT,
        "parameters": int(sum(p.numel() for p in net.parameters())),
        "weights": {**entry, "quantization": fmt},
        "tensors": {k: list(v.shape) for k, v in quantize.decode(stored).items()},
        "golden": {"file": "golden.safetensors", "layout": "NHWC", "input_shape": list(golden_in.permute(0, 2, 3, 1).shape),
                   "output_shape": list(np.asarray(golden_out).shape), "tolerance": 1e-3},
    })
    (folder / "card.json").write_text(json.dumps(card, indent=1, ensure_ascii=False))
    return net


MAX_INT8_COST_DB = 0.1  # int8 is kept when it costs at most this much Set5 PSNR, else fp16 (twice the bytes)


def export_generator(mid, runs, out, data_root, niqe_params, fmt="auto"):
    run = Path(runs) / mid
    final = torch.load(run / "final.pt", map_location="cpu", weights_only=False)
    meta = final["meta"]
    cfg = meta.get("config") or ZOO[mid]  # the recipe the run used, `srt.core.train --set` changes included
    arch = {"name": cfg["arch"], "params": cfg["params"], "scale": 4, "input": cfg.get("input", "lr")}
    net32 = load_state(build(cfg["arch"], **cfg["params"]), {k: v.float() for k, v in final["model"].items()})
    golden_in = golden_pattern(GOLDEN_LR, GOLDEN_LR)
    if arch["input"] == "bicubic":
        golden_in = imresize(golden_in.double(), 4).float()
    seconds = training_seconds(run / "log.jsonl")
    share = meta.get("share_of_group_time", 1 / len(meta["lockstep_group"]))
    card = {
        "title": {"en": TITLES[mid][0], "ja": TITLES[mid][1]},
        "architecture": arch,
        "training": {
            "data": "BSDS500 train+test and T91 (491 images; those smaller than a patch skipped), "
                    f"{PAIRS[cfg.get('pairs', 'bicubic')]}, random crops, flips and 90-degree rotations",
            "pairs": cfg.get("pairs", "bicubic"),
            "train_images": meta["train_images"], "iterations": meta["iterations"], "batch": cfg["batch"],
            "hr_patch": cfg["patch"], "optimizer": "Adam (0.9, 0.99)", "lr": cfg["lr"],
            "schedule": "100-step linear warm-up, cosine decay to 1%", "losses": cfg["loss"],
            "content_loss": cfg.get("content"), "perceptual_network": cfg.get("vgg"), "gan": cfg.get("gan"),
            "content_norm": meta.get("content_norm"), "init": cfg.get("init"),
            "warm_start": meta.get("warm_start"),  # a published model trained further: that card's iterations (and its own start) come before these
            "freeze_bn": cfg.get("freeze_bn", False),
            "ema": cfg.get("ema"),  # the decay of the weights' moving average that was exported, or None: the weights themselves
            "seed": meta["seed"],
            "lockstep_group": meta["lockstep_group"], "device": meta["device"], "threads": meta.get("threads"), "torch": meta["torch"],
            "group_wall_seconds": round(seconds, 1), "share_of_group_gpu_time": share,
            # this model's share of the group's wall time, named by the device it ran on
            ("cpu_minutes" if meta["device"] == "cpu" else "gpu_minutes"): round(seconds * share / 60, 2),
            "iterations_per_second": round(meta["iterations"] / seconds, 2),
            "precision": "bf16 autocast, channels-last, fused Adam" if meta["device"] != "cpu" else "fp32",
        },
        "curves": "curves.json",
        "discriminator": f"{mid}_d" if final.get("disc") else None,
    }
    full = measure(net32, arch["input"], data_root, niqe_params)
    costs = {}
    for f in (["int8", "fp16"] if fmt == "auto" else [fmt]):
        net = write_model(out, mid, "generator", net32, f, card, golden_in)
        stored = measure(net, arch["input"], data_root, niqe_params)
        costs[f] = {s: round(full[s]["psnr"] - stored[s]["psnr"], 4) for s in ("set5", "set14")}
        if costs[f]["set5"] <= MAX_INT8_COST_DB:
            break
    (out / mid / "curves.json").write_text(json.dumps(curves(run / "log.jsonl")))
    card["metrics"] = {
        **{s: {k: stored[s][k] for k in ("psnr", "ssim", "niqe", "grid")} for s in ("set5", "set14")},
        "fp32_psnr": {s: full[s]["psnr"] for s in ("set5", "set14")},
        "fp32_niqe": {s: full[s]["niqe"] for s in ("set5", "set14")},
        "format_cost_db": costs,
        "format_rule": f"int8 unless it costs more than {MAX_INT8_COST_DB} dB Set5 PSNR against fp32, then fp16",
        "measured_by": "python -m srt.measure.evaluate conventions: Y (BT.601), 4-pixel border, 8-bit output",
    }
    (out / mid / "card.json").write_text(json.dumps(card, indent=1, ensure_ascii=False))
    if final.get("disc"):
        export_discriminator(mid, cfg, final, out, "int8")
    print(f"{mid}: {card['weights']['bytes']} B, Set5 {stored['set5']['psnr']:.2f} dB (fp32 {full['set5']['psnr']:.2f}), "
          f"NIQE {stored['set5']['niqe']}", flush=True)
    return card


def export_discriminator(gen_id, cfg, final, out, fmt):
    params = {**cfg["disc"], "input_size": 128}
    net32 = load_state(build("vgg_discriminator", **params), {k: v.float() for k, v in final["disc"].items()})
    trained = {"trained_with": gen_id}
    if params.get("norm") == "spectral":  # stored as plain weights: W / sigma, computed once here, not in every browser
        net32, params = fold_spectral_norm(net32), {**params, "norm": "none"}
        trained["normalisation"] = "spectral (Miyato et al. 2018), folded into the stored weights"
    golden_in = torch.cat([golden_pattern(128, 128, seed=1), golden_pattern(128, 128, seed=2).flip(3)])
    card = {"title": {"en": f"Discriminator of {gen_id}", "ja": f"{gen_id} の判別器"},
            "architecture": {"name": "vgg_discriminator", "params": params, "input": "hr 128x128",
                             "output": "raw logit C(x); standard D(x) = sigmoid(C(x))"},
            "gan": cfg["gan"], "generator": gen_id, "training": trained}
    write_model(out, f"{gen_id}_d", "discriminator", net32, fmt, card, golden_in)


def write_index(out):
    models = []
    for card_path in sorted(Path(out).glob("*/card.json")):
        c = json.loads(card_path.read_text())
        models.append({"id": c["id"], "kind": c["kind"], "card": f"{c['id']}/card.json", "bytes": c["weights"]["bytes"]})
    index = {"format": FORMAT, "total_bytes": sum(m["bytes"] for m in models), "models": models}
    (Path(out) / "index.json").write_text(json.dumps(index, indent=1))
    return index


def repack(out):
    """Rewrites every `<id>/weights.safetensors` under `out` as the gzip weight file, content unchanged.

    The card's sha256 (of the safetensors bytes) must match before anything is written; the plain file
    is removed afterwards. Folders already holding the gzip file are left as they are.
    """
    done = []
    for card_path in sorted(Path(out).glob("*/card.json")):
        folder = card_path.parent
        card = json.loads(card_path.read_text())
        plain = folder / "weights.safetensors"
        if card["weights"]["file"] == WEIGHTS_FILE or not plain.exists():
            continue
        content = plain.read_bytes()
        if hashlib.sha256(content).hexdigest() != card["weights"]["sha256"] or len(content) != card["weights"]["bytes"]:
            raise SystemExit(f"{folder.name}: weights.safetensors does not match its card; re-export instead")
        entry = write_weights(folder, content)
        card["weights"] = {**entry, "quantization": card["weights"]["quantization"]}
        card_path.write_text(json.dumps(card, indent=1, ensure_ascii=False))
        plain.unlink()
        done.append((folder.name, len(content), entry["bytes"]))
    return done


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs")
    p.add_argument("--data")
    p.add_argument("--out", required=True)
    p.add_argument("--only", type=lambda s: s.split(","), default=GENERATORS)
    p.add_argument("--format", choices=["auto", "int8", "fp16"], default="auto")
    p.add_argument("--repack", action="store_true", help="gzip an existing export's weight files (no runs or data needed)")
    a = p.parse_args(argv)
    out = Path(a.out)
    if a.repack:
        for mid, before, after in repack(out):
            print(f"{mid}: {before} -> {after} B ({100 * (1 - after / before):.1f}% smaller)")
        index = write_index(out)
        print(f"total {index['total_bytes'] / 1e6:.2f} MB to download in {len(index['models'])} files")
        return 0
    if not a.runs or not a.data:
        p.error("--runs and --data are required (unless --repack)")
    params = niqe_mod.load_params(Path(a.data) / "metrics" / "niqe_pris_params.npz")
    for mid in a.only:
        export_generator(mid, a.runs, out, a.data, params, a.format)
    index = write_index(out)
    print(f"total {index['total_bytes'] / 1e6:.2f} MB in {len(index['models'])} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
