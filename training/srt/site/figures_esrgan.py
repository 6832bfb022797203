"""Static pictures for chapter 3 (ESRGAN): what the live figures show before (or without) a GPU backend.

    cd training && /usr/bin/python3 -m srt.site.figures_esrgan --weights ../public/weights \
        --demo ../public/images/demo --out ../public/data/esrgan

CPU PyTorch, the exported (stored, dequantised) weights read by `srt.io.export.load_generator`, so the
pictures are those the browser computes, up to float rounding. Writes small PNGs and `figures.json`
(the crop and the file names) into --out:

- network interpolation: rrdb_psnr and esrgan blended in weight space at alpha, and the two
  outputs blended in pixel space with the same alpha, on one LR crop of a demo photograph;
- BatchNorm: esrgan and esrgan_bn on the same crop and on altered copies of it (dark, flat,
  saturated), esrgan_bn once with its stored running statistics and once with the crop's own.
The transforms match `src/components/esrgan/inputs.ts`.
- discriminators: the photograph enlarged by esrgan, and both discriminators' logits, for the static
  figure; and, for every demo photograph, the `esrgan_std` output that the live figure shows (and scores
  with both discriminators in the browser) when the reader picks esrgan_std as the source of generated
  patches, so that the page does not download a fourth RRDB generator (~2 MB) for that one choice.
  Each is made from exactly the LR the widget makes (`disc_photo`, `disc_lr`: src/components/esrgan/discWidget.ts).
"""
import argparse
import copy
import json
from pathlib import Path

import numpy as np
import torch
from PIL import Image

from ..io.weights import load_discriminator, load_generator
from ..core.imresize import resize_to

ALPHAS = [0.0, 0.5, 1.0]
VARIANTS = ["original", "dark", "flat", "saturated"]
DISC_SIDE = 256  # the discriminator figure's photograph: four 128x128 quarters
PRECOMPUTED = ["esrgan_std"]  # sources of generated patches the live figure loads as pictures, not as networks


def variant(x, kind):
    """x: HxWx3 float32 in [0, 1]. Same rules as inputs.ts."""
    if kind == "dark":
        return x * 0.25
    if kind == "flat":
        return np.broadcast_to(x.reshape(-1, 3).mean(0), x.shape).astype(np.float32).copy()
    if kind == "saturated":
        return np.clip((x - 0.5) * 3 + 0.5, 0, 1).astype(np.float32)
    return x


def run(net, x):
    with torch.no_grad():
        t = torch.from_numpy(np.ascontiguousarray(x)).permute(2, 0, 1)[None].float()
        return net(t)[0].permute(1, 2, 0).numpy()


def with_input_stats(net):
    """A copy whose BatchNorm layers normalise with the statistics of the input (train-mode BN)."""
    n = copy.deepcopy(net).eval()
    for m in n.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.train()
            m.momentum = 0.0
    return n


def blend_state(a, b, alpha):
    sa, sb = a.state_dict(), b.state_dict()
    net = copy.deepcopy(a)
    net.load_state_dict({k: (1 - alpha) * sa[k] + alpha * sb[k] for k in sa})
    return net.eval()


def disc_photo(path):
    """The discriminator figure's real photograph as the widget makes it: the PNG as RGB in [0, 1] (grey
    PNGs repeated on three channels, as a browser decodes them), brought to 256x256 by bicubic with
    scale = out/in per axis (`resizeImage` in src/sr/esrgan.ts) unless it is that size already."""
    x = np.asarray(Image.open(path).convert("RGB"), dtype=np.float32) / 255
    if x.shape[:2] != (DISC_SIDE, DISC_SIDE):
        t = torch.from_numpy(np.ascontiguousarray(x)).permute(2, 0, 1).double()
        x = resize_to(t, DISC_SIDE, DISC_SIDE).permute(1, 2, 0).float().numpy()
    return x


def disc_lr(photo):
    """The generator input the widget makes from it: MATLAB-style bicubic x1/4 (antialiased), not rounded."""
    t = torch.from_numpy(np.ascontiguousarray(photo)).permute(2, 0, 1).double()
    return resize_to(t, photo.shape[0] // 4, photo.shape[1] // 4).permute(1, 2, 0).float().numpy()


def to_uint8(img):
    """Clamp to [0, 1] and round to 8 bits, as `save` stores a picture."""
    return (np.clip(img, 0, 1) * 255 + 0.5).astype(np.uint8)


def save(img, path):
    Image.fromarray(to_uint8(img)).save(path, optimize=True)


def heat(a, b):
    """Heat-map of max-channel |a - b| (clamped outputs), coloured like heatRGBA in src/sr/esrgan.ts."""
    d = np.abs(np.clip(a, 0, 1) - np.clip(b, 0, 1)).max(axis=2)
    t = np.minimum(1, d / max(d.max(), 8 / 255))
    return np.stack([np.minimum(1, 2 * t), np.clip(2 * t - 0.6, 0, 1), np.clip(3 * t - 2, 0, 1)], axis=2)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--weights", default="../public/weights")
    p.add_argument("--demo", default="../public/images/demo")
    p.add_argument("--out", default="../public/data/esrgan")
    p.add_argument("--image", default="chelsea")
    p.add_argument("--size", type=int, default=24)
    p.add_argument("--x", type=float, default=0.5, help="crop centre, fraction of the free width")
    p.add_argument("--y", type=float, default=0.5)
    args = p.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    torch.set_num_threads(1)

    src = np.asarray(Image.open(Path(args.demo) / f"{args.image}.png").convert("RGB"), dtype=np.float32) / 255
    h, w, _ = src.shape
    x0 = round(args.x * (w - args.size))
    y0 = round(args.y * (h - args.size))
    lr = src[y0:y0 + args.size, x0:x0 + args.size]
    stem = f"{args.image}-{x0}-{y0}-{args.size}"
    save(lr, out / f"{stem}-lr.png")

    psnr, _ = load_generator(Path(args.weights) / "rrdb_psnr")
    gan, _ = load_generator(Path(args.weights) / "esrgan")
    bn, _ = load_generator(Path(args.weights) / "esrgan_bn")
    psnr.eval(), gan.eval(), bn.eval()
    ends = {0.0: run(psnr, lr), 1.0: run(gan, lr)}
    files = {"lr": f"{stem}-lr.png", "weights": {}, "pixels": {}, "diff": {}, "bn": {}}
    for a in ALPHAS:
        net_out = ends.get(a)
        if net_out is None:
            net_out = run(blend_state(psnr, gan, a), lr)
        key = f"{a:.2f}"
        files["weights"][key] = f"{stem}-w{key}.png"
        save(net_out, out / files["weights"][key])
        files["pixels"][key] = f"{stem}-p{key}.png"
        pixels = (1 - a) * np.clip(ends[0.0], 0, 1) + a * np.clip(ends[1.0], 0, 1)
        save(pixels, out / files["pixels"][key])
        files["diff"][key] = f"{stem}-d{key}.png"
        save(heat(net_out, pixels), out / files["diff"][key])

    bn_input = with_input_stats(bn)
    for v in VARIANTS:
        x = variant(lr, v)
        entry = {"input": f"{stem}-{v}-in.png"}
        save(x, out / entry["input"])
        outs = {}
        for name, net in [("esrgan", gan), ("esrgan_bn", bn), ("esrgan_bn_input", bn_input)]:
            entry[name] = f"{stem}-{v}-{name}.png"
            outs[name] = run(net, x)
            save(outs[name], out / entry[name])
        entry["heat_bn"] = f"{stem}-{v}-heat-bn.png"
        save(heat(outs["esrgan_bn"], outs["esrgan"]), out / entry["heat_bn"])
        entry["heat_input"] = f"{stem}-{v}-heat-input.png"
        save(heat(outs["esrgan_bn_input"], outs["esrgan_bn"]), out / entry["heat_input"])
        files["bn"][v] = entry

    # Discriminators: the four 128x128 quarters of the photograph (real) and of the photograph reduced
    # x4 (MATLAB-style bicubic) and enlarged by esrgan (generated); raw logits C(x) of both.
    photo = disc_photo(Path(args.demo) / f"{args.image}.png")
    fake = np.clip(run(gan, disc_lr(photo)), 0, 1)
    files["disc_fake"] = f"disc-{args.image}-esrgan.png"
    save(fake, out / files["disc_fake"])
    quarters = lambda im: torch.from_numpy(np.stack([im[y:y + 128, x:x + 128] for y in (0, 128) for x in (0, 128)])).permute(0, 3, 1, 2).float()
    logits = {}
    for d in ["esrgan_d", "esrgan_std_d"]:
        net, _ = load_discriminator(Path(args.weights) / d)
        with torch.no_grad():
            logits[d] = {"real": [round(float(v), 5) for v in net(quarters(photo)).flatten()],
                         "fake": [round(float(v), 5) for v in net(quarters(fake)).flatten()]}

    # The live figure's pre-computed sources: the generator's output on every demo photograph.
    precomputed = {}
    for mid in PRECOMPUTED:
        net, card = load_generator(Path(args.weights) / mid)
        images = {}
        for path in sorted(Path(args.demo).glob("*.png")):
            images[path.stem] = f"disc-{path.stem}-{mid}.png"
            save(run(net, disc_lr(disc_photo(path))), out / images[path.stem])
        precomputed[mid] = {"weights_sha256": card["weights"]["sha256"], "images": images,
                            "bytes": sum((out / f).stat().st_size for f in images.values())}

    manifest = {
        "command": "cd training && /usr/bin/python3 -m srt.site.figures_esrgan",
        "image": args.image,
        "crop": {"x": x0, "y": y0, "size": args.size, "fx": args.x, "fy": args.y},
        "alphas": ALPHAS,
        "variants": VARIANTS,
        "files": files,
        "disc": {"image": args.image, "fake": "esrgan", "logits": logits},
        "disc_precomputed": precomputed,
    }
    (out / "figures.json").write_text(json.dumps(manifest, indent=1) + "\n")
    total = sum(f.stat().st_size for f in out.glob("*.png"))
    print(f"wrote {len(list(out.glob('*.png')))} PNGs, {total / 1024:.0f} kB, into {out}")


if __name__ == "__main__":
    main()
