"""The GPU benchmark's Python halves: srt.ops.bench_torch on a CPU at a tiny size, srt.ops.bench_merge on sample reports."""
import json

import pytest

from conftest import REPO
from srt.ops import bench_merge
from srt.ops import bench_torch

WEIGHTS = REPO / "public" / "weights"
SRCNN_MACS_PER_PIXEL = 81 * 3 * 64 + 25 * 64 * 32 + 25 * 32 * 3


def test_torch_bench_on_cpu(tmp_path, capsys):
    out = tmp_path / "torch.json"
    assert bench_torch.main(["--weights", str(WEIGHTS), "--sizes", "4", "--models", "srcnn,srresnet,srgan", "--device", "cpu",
                             "--precisions", "fp32,tf32,fp16", "--runs", "2", "--warmup", "0", "--json", str(out)]) == 0
    assert "this is a CPU run, not a GPU figure" in capsys.readouterr().out
    rep = json.loads(out.read_text())
    assert rep["complete"] is True and rep["device"]["device"] == "cpu" and "cuda" not in rep["device"]
    rows = {(r["label"], r["precision"]): r for r in rep["rows"]}
    assert set(rows) == {(m, p) for m in ("srcnn", "srresnet") for p in ("fp32", "tf32", "fp16")}
    assert rows[("srresnet", "fp32")]["models"] == ["srgan", "srresnet"]  # one run per architecture, index order
    srcnn = rows[("srcnn", "fp32")]
    assert srcnn["gmac"] * 1e9 == pytest.approx(16 * 16 * SRCNN_MACS_PER_PIXEL)  # on the x4 bicubic image
    assert len(srcnn["times"]) == 2 and srcnn["ms"] == pytest.approx(sum(srcnn["times"]) / 2)
    assert srcnn["gflops"] == pytest.approx(2 * srcnn["gmac"] / srcnn["ms"] * 1e3)
    for p in ("tf32", "fp16"):  # GPU modes: not run on a CPU, and the rows say why
        assert rows[("srcnn", p)]["skipped"] == f"{p} needs CUDA" and rows[("srcnn", p)]["ms"] is None


def test_tf32_switch():
    import torch
    before = torch.backends.cudnn.allow_tf32, torch.backends.cuda.matmul.allow_tf32
    try:
        bench_torch.set_tf32(False)
        assert not torch.backends.cudnn.allow_tf32 and not torch.backends.cuda.matmul.allow_tf32
        bench_torch.set_tf32(True)
        assert torch.backends.cudnn.allow_tf32 and torch.backends.cuda.matmul.allow_tf32
    finally:
        torch.backends.cudnn.allow_tf32, torch.backends.cuda.matmul.allow_tf32 = before


def test_timed_path_computes_what_evaluate_computes():
    """Host input -> (SRCNN's bicubic x4 as matrices) -> network -> host output = srt.measure.evaluate's upscale, unrounded."""
    import torch
    from srt.io.weights import load_generator
    from srt.core.imresize import imresize
    net, card = load_generator(WEIGHTS / "srcnn")
    x = torch.rand(1, 3, 6, 5, generator=torch.Generator().manual_seed(0))
    with torch.inference_mode():
        y = bench_torch.Runner(net, card, torch.device("cpu"), "fp32").run(x)
        ref = net(imresize(x.double(), 4).float())
    assert y.shape == (1, 3, 24, 20) and (y - ref).abs().max() < 1e-4


def row(models, size, ms, gmac, precision=None, skipped=None):
    r = {"models": models, "label": models[0], "size": size, "ms": ms, "gmac": gmac, "gflops": None if ms is None else 2 * gmac / ms * 1e3,
         "times": [] if ms is None else [ms]}
    if precision:
        r["precision"] = precision
    if skipped:
        r["skipped"] = skipped
    return r


TFJS = {"tool": "tfjs", "backend": "webgpu-dawn-node", "tfjs": "4.22.0", "nvidia": True, "complete": True, "host": "Node v24",
        "adapter": {"vendor": "nvidia", "architecture": "hopper", "device": "", "description": "NVIDIA H100"},
        "rows": [row(["srcnn"], 32, 10.0, 1.13), row(["srcnn"], 64, 20.0, 4.53), row(["rrdb_psnr", "esrgan"], 32, 41.0, 3.64),
                 row(["rrdb_psnr", "esrgan"], 64, None, 14.5, skipped="≈9 s predicted")]}
TORCH = {"tool": "torch", "complete": True, "device": {"torch": "2.11.0", "name": "NVIDIA H100 80GB HBM3", "cuda": "13.0", "cudnn": 91000},
         "rows": [row(["srcnn"], 32, 4.0, 1.13, "fp32"), row(["srcnn"], 32, 2.0, 1.13, "fp16"), row(["srcnn"], 64, 8.0, 4.60, "fp32"),
                  row(["srcnn"], 64, 5.0, 4.53, "fp16"), row(["rrdb_psnr", "esrgan"], 32, 0.5, 3.64, "fp32"),
                  row(["rrdb_psnr", "esrgan"], 32, 0.25, 3.64, "fp16"), row(["rrdb_psnr", "esrgan"], 128, 3.0, 58.2, "fp32")]}


def table_rows(md):
    return [[c.strip() for c in line.strip("|").split("|")] for line in md.splitlines() if line.startswith("| ") and "---" not in line]


def test_merge_ratios_and_flags():
    md = bench_merge.render(TFJS, TORCH)
    assert "Not NVIDIA" not in md and "did not finish" not in md
    head, *rows = table_rows(md)
    assert head == ["models", "architecture", "input", "GMAC", "tfjs-webgpu ms", "tfjs GFLOP/s", "PyTorch fp32 ms", "tfjs / fp32",
                    "PyTorch fp16 ms", "tfjs / fp16"]
    by = {(r[0], r[2]): r for r in rows}
    assert by[("srcnn", "32²")][4:] == ["10.00", "226", "4.00", "2.50×", "2.00", "5.00×"]
    assert by[("rrdb_psnr, esrgan", "32²")][7] == "82×" and by[("rrdb_psnr, esrgan", "32²")][9] == "164×"
    assert by[("rrdb_psnr, esrgan", "64²")][4] == "skipped" and by[("rrdb_psnr, esrgan", "64²")][6:] == ["—"] * 4
    assert by[("rrdb_psnr, esrgan", "128²")][4] == "—" and by[("rrdb_psnr, esrgan", "128²")][6] == "3.00"  # PyTorch-only size
    assert list(by) == [("srcnn", "32²"), ("srcnn", "64²"), ("rrdb_psnr, esrgan", "32²"), ("rrdb_psnr, esrgan", "64²"),
                        ("rrdb_psnr, esrgan", "128²")]
    assert "srcnn 64²: GMAC differ (tfjs 4.53, PyTorch 4.6)" in md  # the two MAC counts are checked against each other


def test_merge_says_when_it_is_not_a_gpu_figure(tmp_path):
    tfjs = dict(TFJS, nvidia=False, adapter={"vendor": "google", "architecture": "swiftshader"}, complete=False)
    torch = dict(TORCH, device={"torch": "1.13", "name": "CPU (x86_64)"})
    md = bench_merge.render(tfjs, torch)
    assert md.startswith("**Not NVIDIA GPU figures: the TensorFlow.js side did not run on an NVIDIA adapter; the PyTorch side did not run on CUDA.**")
    assert "**The TensorFlow.js run did not finish**" in md
    # a half that wrote nothing still gives the other half's table
    (tmp_path / "torch.json").write_text(json.dumps(TORCH))
    assert bench_merge.main(["--tfjs", str(tmp_path / "missing.json"), "--torch", str(tmp_path / "torch.json"),
                             "--out", str(tmp_path / "bench.md")]) == 0
    md = (tmp_path / "bench.md").read_text()
    assert "did not run" in md and "**The TensorFlow.js run did not finish**" in md
    assert {tuple(r[:3]) for r in table_rows(md)[1:]} >= {("srcnn", "srcnn", "32²"), ("rrdb_psnr, esrgan", "rrdb_psnr", "128²")}


def test_merge_adds_the_fused_path():
    fused = dict(TFJS, path="fused", rows=[row(["srcnn"], 32, 4.0, 1.13), row(["rrdb_psnr", "esrgan"], 32, 8.2, 3.64)])
    md = bench_merge.render(TFJS, TORCH, fused)
    head, *rows = table_rows(md)
    assert head[6:8] == ["fused ms", "stock / fused"]
    by = {(r[0], r[2]): r for r in rows}
    assert by[("srcnn", "32²")][6:8] == ["4.00", "2.50×"]
    assert by[("rrdb_psnr, esrgan", "32²")][6:8] == ["8.20", "5.00×"]
    assert by[("srcnn", "64²")][6:8] == ["—", "—"]  # the fused run had no such row
    assert by[("srcnn", "32²")][8:] == ["4.00", "2.50×", "2.00", "5.00×"]  # PyTorch columns after them, unchanged
