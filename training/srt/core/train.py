"""Train one or more zoo models in lockstep: every model sees the same batches in the same order.

    python -m srt.core.train --models srresnet,rrdb_psnr --data ../shared/datasets --iters 20000
    python -m srt.core.train --models srresnet,rrdb_psnr --data DIR --budget 450   # fit the iterations to 450 s

Runs are resumable: `runs/<id>/ckpt.pt` is written every --ckpt-every steps and when --time-limit
is reached (exit code 3); running the same command again continues. A finished model leaves
`runs/<id>/final.pt` and its JSONL log `runs/<id>/log.jsonl`.
"""
import argparse
import contextlib
import copy
import json
import math
import os
import re
import sys
import time
from pathlib import Path

import torch

from ..core import losses
from ..core.data import PatchSampler, list_images, load_eval_set
from ..core.degraded_pairs import DegradedPairs
from ..measure.evaluate import upscale
from ..core.imresize import Resizer
from ..measure.metrics import psnr_y, ssim_y
from ..core.models import VGG19Features, build
from ..core.zoo import ZOO, with_overrides

WARMUP = 100
PROBE_STEPS = 30  # with --budget, steps WARMUP-PROBE_STEPS..WARMUP are timed to size the run
PUBLIC_WEIGHTS = Path(__file__).resolve().parents[3] / "public/weights"  # the exported zoo: zoo `init` falls back to it


def mixed_precision(device):
    """bf16 autocast on CUDA; plain fp32 on CPU (PyTorch 1.13's CPU build has no CUDA autocast)."""
    return torch.autocast(device_type="cuda", dtype=torch.bfloat16) if device == "cuda" else contextlib.nullcontext()


def pick_device():
    return "cuda" if torch.cuda.is_available() else "cpu"


class Job:
    """One model being trained: generator, optional discriminator, optimisers, log."""

    def __init__(self, model_id, runs, device, warm_start=None, overrides=()):
        self.id, self.cfg, self.dir = model_id, with_overrides(ZOO[model_id], overrides), Path(runs) / model_id
        self.dir.mkdir(parents=True, exist_ok=True)
        self.net = build(self.cfg["arch"], **self.cfg["params"]).to(device)
        self.warm_start = None  # where a run that trains a published model further started: recorded in meta and card
        if not (self.dir / "ckpt.pt").exists():
            self._initial_weights(runs, warm_start, device)
        betas = (0.9, 0.99)
        fused = {"fused": True} if device == "cuda" else {}  # one kernel per step instead of one per tensor
        self.opt = torch.optim.Adam(self.net.parameters(), lr=self.cfg["lr"], betas=betas, **fused)
        self.disc = self.opt_d = None
        if "gan" in self.cfg["loss"]:
            self.disc = build("vgg_discriminator", **self.cfg["disc"]).to(device)
            self.opt_d = torch.optim.Adam(self.disc.parameters(), lr=self.cfg["lr"], betas=betas, **fused)
        if device == "cuda":
            self.net.to(memory_format=torch.channels_last)
            if self.disc is not None:
                self.disc.to(memory_format=torch.channels_last)
        # `ema`: a decay d keeps an exponential moving average of the generator's weights, θ_ema ← d·θ_ema + (1 − d)·θ after
        # every step (Real-ESRGAN: 0.999); it is what the checkpoints' `ema`, the evaluation and the export hold
        self.ema = copy.deepcopy(self.net).eval().requires_grad_(False) if self.cfg.get("ema") else None
        self.seconds = 0.0  # measured compute time of this model's steps (probe), to apportion GPU time
        self.train_mode()

    def train_mode(self):
        """Training mode; with `freeze_bn` the generator's BatchNorm layers keep normalising with their
        stored statistics (eval mode) and leave them unchanged, while their scale and shift still learn."""
        self.net.train()
        if self.cfg.get("freeze_bn"):
            for m in self.net.modules():
                if isinstance(m, torch.nn.modules.batchnorm._BatchNorm):
                    m.eval()

    def _initial_weights(self, runs, warm_start, device):
        """A fresh run starts from: its own exported weights (--warm-start, to train a model further),
        else its zoo `init` run (runs/<init>/final.pt, or that model's exported weights), else random."""
        from ..io.weights import load_generator
        exported = lambda mid: Path(warm_start or PUBLIC_WEIGHTS) / mid  # noqa: E731
        if warm_start and (exported(self.id) / "card.json").exists():
            self.net.load_state_dict(load_generator(exported(self.id))[0].state_dict(), strict=False)
            card = json.loads((exported(self.id) / "card.json").read_text())
            self.warm_start = {"from": f"exported {self.id}", "iterations": card["training"]["iterations"],
                               "sha256": card["weights"]["sha256"], "warm_start": card["training"].get("warm_start")}
            print(f"{self.id}: warm start from {exported(self.id)}", flush=True)
        elif "init" in self.cfg:
            final = Path(runs) / self.cfg["init"] / "final.pt"
            if final.exists():
                self.net.load_state_dict(torch.load(final, map_location=device, weights_only=False)["model"])
            else:
                loaded = self.net.load_state_dict(load_generator(exported(self.cfg["init"]))[0].state_dict(), strict=False)
                silence_new_blocks(self.net, loaded.missing_keys)
                print(f"{self.id}: init from exported {self.cfg['init']}", flush=True)

    def state(self, step, total):
        s = {"step": step, "total": total, "model": self.net.state_dict(), "opt": self.opt.state_dict(),
             "warm_start": self.warm_start}
        if self.disc is not None:
            s.update(disc=self.disc.state_dict(), opt_d=self.opt_d.state_dict())
        if self.ema is not None:
            s["ema"] = self.ema.state_dict()
        return s

    def load(self, s):
        self.net.load_state_dict(s["model"])
        self.warm_start = s.get("warm_start")
        self.opt.load_state_dict(s["opt"])
        if self.disc is not None:
            self.disc.load_state_dict(s["disc"])
            self.opt_d.load_state_dict(s["opt_d"])
        if self.ema is not None:
            self.ema.load_state_dict(s.get("ema", s["model"]))

    @torch.no_grad()
    def update_ema(self):
        if self.ema is None:
            return
        d = self.cfg["ema"]
        ema, net = list(self.ema.parameters()), list(self.net.parameters())
        torch._foreach_mul_(ema, d)
        torch._foreach_add_(ema, net, alpha=1 - d)
        for e, b in zip(self.ema.buffers(), self.net.buffers()):
            e.copy_(b)

    @property
    def released(self):
        """The generator that is evaluated and exported: the moving average where the recipe keeps one."""
        return self.ema if self.ema is not None else self.net

    def set_lr(self, lr):
        for opt in (self.opt, self.opt_d):
            if opt is not None:
                for g in opt.param_groups:
                    g["lr"] = lr


def silence_new_blocks(net, missing_keys):
    """A generator deeper than its init (`--set params.num_block=6` from a 3-block one) starts as its init: each RDB
    of an RRDB the init lacks ends in a zeroed conv, so the RDB passes its input on and the RRDB returns 1.2 x
    (x + 0.2 * x); `conv_body` is linear, so dividing its weight by 1.2 per new block undoes that."""
    params = dict(net.named_parameters())
    new_blocks = {key.split(".")[1] for key in missing_keys if key.startswith("body.")}
    for key in missing_keys:
        if re.fullmatch(r"body\.\d+\.rdb\d\.conv5\.(weight|bias)", key):
            torch.nn.init.zeros_(params[key])
    if new_blocks:
        with torch.no_grad():
            params["conv_body.weight"].div_(1.2 ** len(new_blocks))


def lr_at(step, total, base):
    """Linear warm-up, then cosine decay to 1% of the base rate."""
    if step < WARMUP:
        return base * (step + 1) / WARMUP
    t = (step - WARMUP) / max(1, total - WARMUP)
    return base * (0.01 + 0.99 * 0.5 * (1 + math.cos(math.pi * min(1.0, t))))


class Trainer:
    def __init__(self, args):
        self.args, self.device = args, pick_device()
        if self.device == "cpu":  # Debian's PyTorch starts with one thread; a CPU run uses every core
            torch.set_num_threads(args.threads or os.cpu_count())
        torch.manual_seed(args.seed)
        torch.backends.cudnn.benchmark = True
        files = list_images(*(Path(args.data) / d for d in ("train/bsds500", "train/t91")))
        cfgs = [with_overrides(ZOO[m], args.set) for m in args.models]
        shapes = {(c["batch"], c["patch"], c.get("pairs", "bicubic"), c.get("usm", False)) for c in cfgs}
        assert len(shapes) == 1, f"models trained in lockstep share batch, patch size and pairs, got {shapes}"
        self.batch, patch, pairs, usm = shapes.pop()
        # the batches the models see: bicubic pairs, or Real-ESRGAN's degraded pairs, made on the CPU (by
        # --pair-workers processes on a GPU machine) from the same crops
        degraded = pairs == "realesrgan"
        self.sampler = PatchSampler(files, patch=patch, device="cpu" if degraded else self.device, seed=args.seed)
        self.pairs = DegradedPairs(self.sampler, seed=args.seed, usm=usm, workers=args.pair_workers,
                                   device=self.device) if degraded else self.sampler
        self.upscale = Resizer(patch // 4, patch // 4, 4, device=self.device)  # SRCNN's bicubic input
        self.jobs = [Job(m, args.runs, self.device, args.warm_start, args.set) for m in args.models]
        self.eval_set = load_eval_set(args.data, "Set5")
        self.autocast = lambda: mixed_precision(self.device)
        self.perceptual = self._perceptual_losses()
        self.timing = False

    def _perceptual_losses(self):
        """One Perceptual per (vgg, layer, distance); the HR features are computed once per step for all."""
        out = {}
        norm_batch = None
        for job in self.jobs:
            if "vgg" not in job.cfg["loss"]:
                continue
            key = self._content_key(job)
            if key in out:
                continue
            net = VGG19Features(job.cfg["content"]["layer"], seed=0)
            if job.cfg["vgg"] != "random":
                ssl = torch.load(Path(self.args.runs) / job.cfg["vgg"] / "final.pt", map_location="cpu", weights_only=False)
                missing = net.load_state_dict(ssl["model"], strict=False)
                assert not missing.missing_keys, missing.missing_keys
            net = net.to(self.device).eval()
            if norm_batch is None:  # a fixed batch of real patches sets every loss's normalisation
                g = torch.Generator(device=self.sampler.device).manual_seed(1234)
                self.sampler.gen, saved = g, self.sampler.gen
                norm_batch = self.sampler.batch(64)[1].to(self.device)
                self.sampler.gen = saved
            with self.autocast():
                norm = losses.Perceptual.feature_norm(net, key[2], norm_batch)
            out[key] = losses.Perceptual(net, key[2], norm)
        return out

    def _content_key(self, job):
        return (job.cfg["vgg"], job.cfg["content"]["layer"], job.cfg["content"]["distance"])

    @staticmethod
    def scores(job, hr, sr, real=True):
        """The discriminator's logits C(real), C(fake). `disc_batch` "separate": two batches, so BatchNorm normalises
        the photographs and the generated patches each by their own statistics and the discriminator can tell them
        apart by those alone (training/EXPERIMENTS.md, "What the discriminators' scores mean"); "joint": one batch
        holding both. With `real` False and separate batches C(real) is not computed (None)."""
        how = job.cfg.get("disc_batch", "separate")
        assert how in ("separate", "joint"), f"disc_batch is 'separate' or 'joint', got {how!r}"
        if how == "joint":
            c = job.disc(torch.cat([hr, sr]))
            return c[: len(hr)], c[len(hr):]
        return job.disc(hr) if real else None, job.disc(sr)

    def step(self, lr_img, hr, lr_rate, hr_feats):
        logs = {}
        up = None
        for job in self.jobs:
            t0 = time.perf_counter()
            job.set_lr(lr_rate)
            cfg, w = job.cfg, job.cfg["loss"]
            if cfg.get("input") == "bicubic":
                up = self.upscale(lr_img) if up is None else up
            x = up if cfg.get("input") == "bicubic" else lr_img
            if self.device == "cuda":
                x = x.contiguous(memory_format=torch.channels_last)
            with self.autocast():
                sr = job.net(x)
                terms = {}
                for k in ("mse", "l1"):
                    if k in w:
                        terms[k] = losses.pixel_loss(k, sr, hr)
                if "vgg" in w:
                    key = self._content_key(job)
                    terms["vgg"] = self.perceptual[key](sr, hr_feats[key])
                if "gan" in w:
                    job.disc.requires_grad_(False)
                    c_real, c_fake = self.scores(job, hr, sr, real=cfg["gan"] == "relativistic")
                    terms["gan"] = losses.gan_g_loss(cfg["gan"], None if c_real is None else c_real.detach(), c_fake)
            loss = sum(w[k] * v for k, v in terms.items())
            job.opt.zero_grad(set_to_none=True)
            loss.backward()
            job.opt.step()
            job.update_ema()
            entry = {f"loss_{k}": v.detach() for k, v in terms.items()}
            if job.disc is not None:
                job.disc.requires_grad_(True)
                with self.autocast():
                    c_real, c_fake = self.scores(job, hr, sr.detach())
                    loss_d = losses.gan_d_loss(cfg["gan"], c_real, c_fake)
                job.opt_d.zero_grad(set_to_none=True)
                loss_d.backward()
                job.opt_d.step()
                entry.update(loss_d=loss_d.detach(), c_real=c_real.float().mean().detach(),
                             c_fake=c_fake.float().mean().detach(),
                             d_real=torch.sigmoid(c_real.float()).mean().detach(),
                             d_fake=torch.sigmoid(c_fake.float()).mean().detach())
            logs[job.id] = entry
            if self.timing:
                if self.device == "cuda":
                    torch.cuda.synchronize()
                job.seconds += time.perf_counter() - t0
        return logs

    @torch.no_grad()
    def evaluate(self, job, eval_set=None):
        job.net.eval()
        p, s = [], []
        for _, lr_img, hr in eval_set or self.eval_set:
            sr = upscale(job.released, lr_img.to(self.device), job.cfg.get("input", "lr"))
            hr = hr.to(self.device)
            p.append(psnr_y(sr, hr, 4))
            s.append(ssim_y(sr, hr, 4))
        job.train_mode()
        return sum(p) / len(p), sum(s) / len(s)

    def run(self):
        a = self.args
        start, total = 0, a.iters
        ckpts = [j.dir / "ckpt.pt" for j in self.jobs]
        if all(c.exists() for c in ckpts):
            for j, c in zip(self.jobs, ckpts):
                s = torch.load(c, map_location=self.device, weights_only=False)
                j.load(s)
                start, total = s["step"], s["total"]
            self.sampler.gen.manual_seed(a.seed + start)  # resumed runs continue a deterministic stream
            if self.pairs is not self.sampler:
                self.pairs.seek(start)
            print(f"resumed at step {start} of {total}", flush=True)
        logs = {j.id: open(j.dir / "log.jsonl", "a") for j in self.jobs}
        t_start = time.time()
        last_print = t_start
        self.timing = False
        for step in range(start, 10 ** 9):
            if total is not None and step >= total:
                break
            # with --budget, time a few steps just before the end of warm-up, then fix the total
            self.timing = total is None and WARMUP - PROBE_STEPS <= step < WARMUP
            if self.timing and step == WARMUP - PROBE_STEPS:
                t_probe = time.time()
            if total is None and step == WARMUP:
                per_step = (time.time() - t_probe) / PROBE_STEPS
                left = a.budget - (time.time() - t_start)
                total = WARMUP + int(left / per_step)
                for j in self.jobs:
                    j.share = j.seconds / max(1e-9, sum(k.seconds for k in self.jobs))
                print(f"probe: {per_step * 1000:.1f} ms per lockstep step -> {total} iterations", flush=True)
            lr_img, hr = self.pairs.batch(self.batch)
            hr_feats = {}
            with torch.no_grad(), self.autocast():
                for key, loss in self.perceptual.items():
                    hr_feats[key] = loss.net(hr).float()
            lr_rate = lr_at(step, total or 10 ** 9, self.jobs[0].cfg["lr"])
            out = self.step(lr_img, hr, lr_rate, hr_feats)
            if step % a.log_every == 0 or step == (total or 0) - 1:
                for j in self.jobs:
                    rec = {"step": step, "time": round(time.time() - t_start, 2), "lr": lr_rate}
                    rec.update({k: round(v.item(), 6) for k, v in out[j.id].items()})
                    if step % a.eval_every == 0 or step == (total or 0) - 1:
                        rec["set5_psnr"], rec["set5_ssim"] = (round(v, 4) for v in self.evaluate(j))
                    logs[j.id].write(json.dumps(rec) + "\n")
                    logs[j.id].flush()
            if time.time() - last_print > 60:
                last_print = time.time()
                print(f"step {step}/{total} {time.time() - t_start:.0f}s " +
                      " ".join(f"{j.id}:{sum(v.item() for k, v in out[j.id].items() if k.startswith('loss_') and k != 'loss_d'):.4f}"
                               for j in self.jobs), flush=True)
            done = step + 1
            if done % a.ckpt_every == 0 or time.time() - t_start > a.time_limit:
                for j in self.jobs:
                    torch.save(j.state(done, total), j.dir / "ckpt.pt")
                if time.time() - t_start > a.time_limit:
                    print(f"time limit at step {done}: checkpointed; run again to resume", flush=True)
                    return 3
        wall = time.time() - t_start
        # Set14 is optional here (a GPU call may carry only Set5 to stay within its size limit); export measures both
        set14 = load_eval_set(a.data, "Set14") if (Path(a.data) / "eval/Set14").is_dir() else None
        for j in self.jobs:
            psnr5, ssim5 = self.evaluate(j)
            on14 = dict(zip(("psnr", "ssim"), self.evaluate(j, set14))) if set14 else None
            meta = {
                "model_id": j.id, "config": j.cfg, "iterations": total, "seed": a.seed,
                "lockstep_group": [k.id for k in self.jobs], "device": torch.cuda.get_device_name() if self.device == "cuda" else "cpu",
                "torch": str(torch.__version__), "threads": torch.get_num_threads(), "group_seconds_this_run": round(wall, 1),
                "share_of_group_time": round(getattr(j, "share", 1 / len(self.jobs)), 4),
                "group_iterations_per_second": round((total - start) / wall, 2),
                "warm_start": j.warm_start,
                "train_images": len(self.sampler), "pairs": j.cfg.get("pairs", "bicubic"), "set5": {"psnr": psnr5, "ssim": ssim5}, "set14": on14,
            }
            if "vgg" in j.cfg["loss"]:
                meta["content_norm"] = self.perceptual[self._content_key(j)].norm
            torch.save({"model": j.released.state_dict(), "disc": j.disc.state_dict() if j.disc else None, "meta": meta},
                       j.dir / "final.pt")
            (j.dir / "meta.json").write_text(json.dumps(meta, indent=1))
            s14 = f"Set14 {on14['psnr']:.2f} dB / {on14['ssim']:.4f}" if on14 else "Set14 not in --data"
            print(f"{j.id}: {total} it, Set5 {psnr5:.2f} dB / {ssim5:.4f}, {s14}", flush=True)
        return 0

    def close(self):
        if self.pairs is not self.sampler:
            self.pairs.close()


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--models", required=True, type=lambda s: s.split(","))
    p.add_argument("--data", required=True, help="folder with train/{bsds500,t91} and eval/{Set5,Set14}")
    p.add_argument("--runs", default=str(Path(__file__).resolve().parents[2] / "runs"))
    p.add_argument("--iters", type=int, help="total iterations")
    p.add_argument("--budget", type=float, help="seconds: size --iters to fit (measured on the first steps)")
    p.add_argument("--time-limit", type=float, default=float("inf"), help="checkpoint and stop after this many seconds")
    p.add_argument("--warm-start", help="folder of exported weights (public/weights): continue training those models")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help="change a zoo setting for this run, e.g. loss.l1=0.1 or content.layer=conv2_2; applied to each "
                        "model that has the setting (a loss term is not added where the model has none), recorded in meta")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, help="CPU threads (default: every core)")
    p.add_argument("--pair-workers", type=int, default=0,
                   help="processes making Real-ESRGAN's degraded pairs ahead of the step (a GPU machine's idle cores); "
                        "the batches do not depend on it")
    p.add_argument("--log-every", type=int, default=50)
    p.add_argument("--eval-every", type=int, default=500)
    p.add_argument("--ckpt-every", type=int, default=1000)
    a = p.parse_args(argv)
    if (a.iters is None) == (a.budget is None):
        p.error("give exactly one of --iters and --budget")
    trainer = Trainer(a)
    try:
        return trainer.run()
    finally:
        trainer.close()


if __name__ == "__main__":
    sys.exit(main())
