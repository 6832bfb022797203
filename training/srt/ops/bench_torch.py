"""PyTorch's side of the site's GPU benchmark (issue #4): the exported weights, timed like `npm run bench`.

    python -m srt.ops.bench_torch --weights ../public/weights [--sizes 32,64,128,256] [--precisions fp32,fp16]
                              [--models srcnn,...] [--budget 30] [--runs 20] [--run-ms 3000] [--warmup 3]
                              [--device cuda|cpu] [--json FILE] [--md FILE]

Every generator of the weight folder, grouped by architecture like scripts/bench-core.ts (models that
share an architecture are timed once, with the first one's weights), loaded with `export.load_generator`
(the stored, dequantised weights: what the browser runs). One timed run is what the TensorFlow.js
benchmark times: the LR input (float32, on the host) copied to the device, SRCNN's MATLAB-style bicubic
x4 (as two matrix products, like src/sr/resample.ts), the network, and the output copied back to the
host as float32; the clock stops once it is there. Channels-last, cuDNN autotuning, inference mode.
Per size: `--warmup` untimed runs, then up to `--runs` timed runs (or until they add up to `--run-ms`),
the median reported. `--budget` (seconds per architecture and precision) skips a size whose time,
predicted from the previous size by the pixel count, would not fit.

Precisions: `fp32` (TF32 off: strict float32 like WebGPU), `tf32` (PyTorch's default for convolutions
on Ampere and later), `fp16` (model and input `.half()`). On a CPU it runs fp32 only (the others are GPU
modes; their rows say "needs CUDA") and says it is a CPU run: use tiny sizes there, for testing.
GFLOP/s = 2 x the multiply-accumulates of all convolutions (counted with hooks) / time.
"""
import argparse
import copy
import json
import platform
import statistics
import time
from pathlib import Path

import torch
from torch import nn

from ..core.imresize import Resizer

PRECISIONS = ("fp32", "tf32", "fp16")


def generator_groups(weights, only=None):
    """[[card, ...], ...]: generators of index.json grouped by (name, params, input), index order."""
    index = json.loads((Path(weights) / "index.json").read_text())
    groups = {}
    for entry in index["models"]:
        card = json.loads((Path(weights) / entry["card"]).read_text())
        if card["kind"] != "generator" or (only and card["id"] not in only):
            continue
        a = card["architecture"]
        key = json.dumps([a["name"], a["params"], a["input"]])
        groups.setdefault(key, []).append(card)
    return list(groups.values())


def architecture_label(arch):
    """The same label as scripts/bench-core.ts (`rrdbnet {"num_feat":64,...}`)."""
    return arch["name"] + (" " + json.dumps(arch["params"], separators=(",", ":")) if arch["params"] else "")


def count_macs(net, x):
    """Multiply-accumulates of every Conv2d / Linear for one forward pass on x (per image)."""
    total = [0]

    def conv_hook(m, _inp, out):
        total[0] += out.shape[1] * out.shape[2] * out.shape[3] * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]

    def linear_hook(m, _inp, out):
        total[0] += m.in_features * m.out_features

    hooks = [m.register_forward_hook(conv_hook if isinstance(m, nn.Conv2d) else linear_hook)
             for m in net.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    try:
        net(x)
    finally:
        for h in hooks:
            h.remove()
    return total[0] // x.shape[0]


def _has(obj, name):
    """hasattr that also survives torch 1.x's cuBLAS module, whose __getattr__ raises AssertionError."""
    try:
        return obj is not None and hasattr(obj, name)
    except AssertionError:
        return False


def set_tf32(on):
    """TF32 for cuDNN convolutions and cuBLAS matrix products on or off; returns the API used.
    PyTorch >= 2.9 has per-backend `fp32_precision` ("tf32" / "ieee"), older ones `allow_tf32`."""
    conv, matmul = getattr(torch.backends.cudnn, "conv", None), torch.backends.cuda.matmul
    if _has(conv, "fp32_precision") and _has(matmul, "fp32_precision"):
        try:
            conv.fp32_precision = matmul.fp32_precision = "tf32" if on else "ieee"
            return "fp32_precision"
        except (AttributeError, RuntimeError, ValueError) as err:
            print(f"fp32_precision refused ({err}); using allow_tf32", flush=True)
    torch.backends.cudnn.allow_tf32 = on
    matmul.allow_tf32 = on
    return "allow_tf32"


class Runner:
    """One architecture at one precision on one device: run(x_host) -> output on the host, float32."""

    def __init__(self, net, card, device, precision):
        self.device, self.precision = device, precision
        self.dtype = torch.float16 if precision == "fp16" else torch.float32
        self.net = copy.deepcopy(net).to(device=device, dtype=self.dtype).to(memory_format=torch.channels_last).eval()
        self.bicubic = card["architecture"]["input"] == "bicubic"
        self.resizers = {}

    def prepare(self, x):
        """Host LR input -> the network's input on the device (SRCNN: bicubic x4 first)."""
        x = x.to(self.device, dtype=self.dtype)
        if self.bicubic:
            h, w = x.shape[-2:]
            if (h, w) not in self.resizers:  # the matrices are made once per size, outside the clock
                self.resizers[(h, w)] = Resizer(h, w, 4, device=self.device, dtype=self.dtype)
            x = self.resizers[(h, w)](x)
        return x.contiguous(memory_format=torch.channels_last)

    def run(self, x_host):
        out = self.net(self.prepare(x_host)).float().cpu()
        if self.device.type == "cuda":
            torch.cuda.synchronize()  # .cpu() already waits; this keeps the clock honest if that changes
        return out

    def macs(self, size):
        return count_macs(self.net, self.prepare(torch.rand(1, 3, size, size)))


def time_runs(runner, x_host, runs, run_ms):
    times = []
    while True:
        t0 = time.perf_counter()
        runner.run(x_host)
        times.append((time.perf_counter() - t0) * 1e3)
        if len(times) >= runs or sum(times) >= run_ms:
            return times


def device_info(device):
    info = {"device": str(device), "torch": torch.__version__, "python": platform.python_version()}
    if device.type == "cuda":
        p = torch.cuda.get_device_properties(device)
        info.update(name=p.name, cuda=torch.version.cuda, cudnn=torch.backends.cudnn.version(),
                    multiprocessors=p.multi_processor_count, memory_gib=round(p.total_memory / 2 ** 30, 1))
    else:
        info.update(name=f"CPU ({platform.processor() or platform.machine()}), {torch.get_num_threads()} threads")
    return info


@torch.inference_mode()
def bench(weights, sizes, precisions, device, only=None, budget_s=30.0, runs=20, run_ms=3000.0, warmup=3, on_row=None):
    """Rows {models, architecture, label, size, precision, gmac, ms, gflops, times, skipped?};
    on_row(rows so far) after each one."""
    from ..io.weights import load_generator

    rows = []
    if device.type == "cuda":
        torch.backends.cudnn.benchmark = True
    for cards in generator_groups(weights, only):
        card = cards[0]
        net, _ = load_generator(Path(weights) / card["id"])
        arch = card["architecture"]
        models, label = [c["id"] for c in cards], architecture_label(arch)
        for precision in precisions:
            base = dict(models=models, architecture={k: arch[k] for k in ("name", "params", "input")}, label=label,
                        precision=precision)
            if precision != "fp32" and device.type != "cuda":
                for s in sizes:
                    rows.append(dict(base, size=s, gmac=None, ms=None, gflops=None, times=[], skipped=f"{precision} needs CUDA"))
                    on_row and on_row(rows)
                continue
            if device.type == "cuda":
                base["tf32_api"] = set_tf32(precision == "tf32")
            runner = Runner(net, card, device, precision)
            spent, last = time.perf_counter(), None
            for size in sizes:
                gmac = runner.macs(size) / 1e9
                row = dict(base, size=size, gmac=gmac, ms=None, gflops=None, times=[])
                left = budget_s * 1e3 - (time.perf_counter() - spent) * 1e3
                predicted = last[1] * (size / last[0]) ** 2 * (warmup + 1) if last else 0.0
                if predicted > left:
                    row["skipped"] = f"≈{predicted / 1e3:.0f} s predicted, {max(left, 0) / 1e3:.0f} s left"
                else:
                    x_host = torch.rand(1, 3, size, size, generator=torch.Generator().manual_seed(1))
                    for _ in range(warmup):
                        runner.run(x_host)
                    times = time_runs(runner, x_host, runs, run_ms)
                    ms = statistics.median(times)
                    row.update(ms=ms, gflops=2 * gmac / ms * 1e3, times=times)
                    last = (size, ms)
                rows.append(row)
                on_row and on_row(rows)
            del runner
            if device.type == "cuda":
                torch.cuda.empty_cache()
    return rows


def row_line(r):
    ms = f"{r['ms']:.2f}" if r["ms"] is not None else f"skipped ({r['skipped']})"
    gflops = f"{r['gflops']:.1f}" if r["gflops"] is not None else ""
    return f"| {', '.join(r['models'])} | {r['label']} | {r['size']}² | {r['precision']} | {ms} | {gflops} | {len(r['times'])} |"


def markdown(report):
    d = report["device"]
    head = (f"PyTorch {d['torch']} on {d['name']}" + (f" (CUDA {d['cuda']}, cuDNN {d['cudnn']})" if d.get("cuda") else " — CPU, not a GPU figure")
            + f"; channels-last; median of up to {report['options']['runs']} runs after {report['options']['warmup']} warm-up runs;"
            " host input to host output\n\n")
    lines = ["| models | architecture | input | precision | ms / image | GFLOP/s | runs |", "| --- | --- | --- | --- | ---: | ---: | ---: |"]
    return head + "\n".join(lines + [row_line(r) for r in report["rows"]]) + "\n"


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--weights", default=str(Path(__file__).resolve().parents[3] / "public" / "weights"))
    p.add_argument("--sizes", default="32,64,128,256")
    p.add_argument("--precisions", default="fp32,fp16", help=f"comma list of {', '.join(PRECISIONS)}")
    p.add_argument("--models", default=None)
    p.add_argument("--device", default=None, help="cuda or cpu (default: cuda when there is one)")
    p.add_argument("--budget", type=float, default=30.0, help="seconds per architecture and precision")
    p.add_argument("--runs", type=int, default=20)
    p.add_argument("--run-ms", type=float, default=3000.0)
    p.add_argument("--warmup", type=int, default=None, help="untimed runs per size (default 3 on CUDA, 1 on a CPU)")
    p.add_argument("--json", default=None)
    p.add_argument("--md", default=None)
    a = p.parse_args(argv)
    device = torch.device(a.device or ("cuda" if torch.cuda.is_available() else "cpu"))
    precisions = a.precisions.split(",")
    assert all(x in PRECISIONS for x in precisions), precisions
    warmup = a.warmup if a.warmup is not None else (3 if device.type == "cuda" else 1)
    info = device_info(device)
    print(f"device: {info['name']}" + ("" if device.type == "cuda" else " — this is a CPU run, not a GPU figure"), flush=True)
    sizes = [int(s) for s in a.sizes.split(",")]
    report = {"tool": "torch", "device": info, "options": {"sizes": sizes, "precisions": precisions, "budget_s": a.budget,
              "runs": a.runs, "run_ms": a.run_ms, "warmup": warmup, "channels_last": True}, "complete": False, "rows": []}

    def save(rows, complete=False):
        report.update(rows=rows, complete=complete)
        if a.json:  # after every row: a report that survives a timeout
            Path(a.json).write_text(json.dumps(report, indent=1) + "\n")

    def on_row(rows):
        print(row_line(rows[-1]), flush=True)
        save(rows)

    rows = bench(a.weights, sizes, precisions, device, only=a.models.split(",") if a.models else None,
                 budget_s=a.budget, runs=a.runs, run_ms=a.run_ms, warmup=warmup, on_row=on_row)
    save(rows, complete=True)
    md = markdown(report)
    if a.md:
        Path(a.md).write_text(md)
    print("\n" + md, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
