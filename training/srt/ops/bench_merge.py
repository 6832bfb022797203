"""One markdown table from the two halves of the GPU benchmark (issue #4).

    python -m srt.ops.bench_merge --tfjs tfjs.json --torch torch.json [--fused tfjs-fused.json] [--out bench.md]

`tfjs.json` is written by scripts/bench-gpu.ts (or `npm run bench -- --json`), `torch.json` by
`srt.ops.bench_torch`; `--fused` adds the same TensorFlow.js run on the fused WebGPU path
(`bench-gpu.ts --path fused`, src/sr/fused) as two more columns: its ms and stock ms / fused ms. Rows are matched by the models of an architecture group and the LR input side.
The ratio is tfjs ms / PyTorch ms (how many times longer TensorFlow.js-on-WebGPU takes; > 1 is slower).
Both sides count the multiply-accumulates independently (specs.ts `macs()`, PyTorch hooks); a
difference is flagged. A header says plainly when either side is not on an NVIDIA GPU.
"""
import argparse
import json
from pathlib import Path

PRECISION_ORDER = ("fp32", "tf32", "fp16")


def _key(row):
    return (tuple(row["models"]), int(row["size"]))


def _ms(v):
    return "—" if v is None else f"{v:.2f}" if v < 100 else f"{v:.1f}" if v < 1000 else f"{v:,.0f}".replace(",", " ")


def _gflops(v):
    return "—" if v is None else f"{v:.0f}" if v >= 100 else f"{v:.3g}"


def _ratio(a, b):
    if a is None or b is None or b <= 0:
        return "—"
    r = a / b
    return f"{r:.2f}×" if r < 10 else f"{r:.0f}×"


def describe(tfjs, torch):
    """Header lines: what ran where, and a warning when it was not an NVIDIA GPU."""
    ad = tfjs.get("adapter") or {}
    dev = torch.get("device") or {}
    tf_where = ", ".join(f"{k} {ad[k]}" for k in ("vendor", "architecture", "device", "description") if ad.get(k)) or tfjs.get("backend", "?")
    lines = [
        f"- TensorFlow.js {tfjs.get('tfjs', '?')}, backend `{tfjs.get('backend', '?')}`: adapter {tf_where}; {tfjs.get('host', '')}",
        f"- PyTorch {dev.get('torch', '?')} on {dev.get('name', '?')}" + (f" (CUDA {dev['cuda']}, cuDNN {dev['cudnn']})" if dev.get("cuda") else ""),
    ]
    warnings = []
    if not tfjs.get("nvidia"):
        warnings.append("the TensorFlow.js side did not run on an NVIDIA adapter")
    if not dev.get("cuda"):
        warnings.append("the PyTorch side did not run on CUDA")
    if warnings:
        lines.insert(0, f"**Not NVIDIA GPU figures: {'; '.join(warnings)}.**")
    for name, rep in (("TensorFlow.js", tfjs), ("PyTorch", torch)):
        if rep.get("complete") is False:
            lines.append(f"- **The {name} run did not finish** (timed out or failed): its missing rows show as —")
    return lines


def merge(tfjs, torch, fused=None):
    """(markdown table lines, notes) for the two reports (and the fused path's, when given)."""
    precisions = [p for p in PRECISION_ORDER if any(r["precision"] == p for r in torch["rows"])]
    by_prec = {p: {_key(r): r for r in torch["rows"] if r["precision"] == p} for p in precisions}
    keys = [_key(r) for r in tfjs["rows"]]
    for r in torch["rows"]:  # sizes or models only PyTorch ran still get a line
        if _key(r) not in keys:
            keys.append(_key(r))
    tf_rows = {_key(r): r for r in tfjs["rows"]}
    fused_rows = {_key(r): r for r in fused["rows"]} if fused else None
    head = ["models", "architecture", "input", "GMAC", "tfjs-webgpu ms", "tfjs GFLOP/s"]
    if fused_rows is not None:
        head += ["fused ms", "stock / fused"]
    for p in precisions:
        head += [f"PyTorch {p} ms", f"tfjs / {p}"]
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join(["---"] * 3 + ["---:"] * (len(head) - 3)) + " |"]
    notes = []
    for key in keys:
        t = tf_rows.get(key)
        some = t or next(by_prec[p][key] for p in precisions if key in by_prec[p])
        gmac = t["gmac"] if t else some.get("gmac")
        for p in precisions:
            o = by_prec[p].get(key)
            if t and o and o.get("gmac") and t.get("gmac") and abs(o["gmac"] - t["gmac"]) > 5e-3 * t["gmac"]:
                notes.append(f"{', '.join(key[0])} {key[1]}²: GMAC differ (tfjs {t['gmac']:.4g}, PyTorch {o['gmac']:.4g})")
        tf_ms = t["ms"] if t else None
        cells = [", ".join(key[0]), some["label"], f"{key[1]}²", "—" if gmac is None else f"{gmac:.3g}",
                 _ms(tf_ms) if not (t and t.get("skipped")) else "skipped",
                 _gflops(t.get("gflops") if t else None)]
        if fused_rows is not None:
            f = fused_rows.get(key)
            f_ms = f["ms"] if f and not f.get("skipped") else None
            cells += [_ms(f_ms) if not (f and f.get("skipped")) else "skipped", _ratio(tf_ms, f_ms)]
        for p in precisions:
            o = by_prec[p].get(key)
            o_ms = o["ms"] if o else None
            cells += [_ms(o_ms) if not (o and o.get("skipped")) else "skipped", _ratio(tf_ms, o_ms)]
        lines.append("| " + " | ".join(cells) + " |")
    return lines, sorted(set(notes))


def render(tfjs, torch, fused=None):
    lines, notes = merge(tfjs, torch, fused)
    legend = "ms per image, LR input side (x4 output), median; tfjs / pX = tfjs ms ÷ PyTorch pX ms (> 1: TensorFlow.js is slower)"
    if fused:
        legend += "; fused = the same TensorFlow.js run on the fused WebGPU path, stock / fused > 1: the fused path is faster"
    out = describe(tfjs, torch) + ["", legend, ""] + lines
    if fused and fused.get("complete") is False:
        out.insert(0, "- **The fused-path run did not finish** (timed out or failed): its missing rows show as —")
    if notes:
        out += ["", "Notes:"] + [f"- {n}" for n in notes]
    return "\n".join(out) + "\n"


def load(path, tool):
    """A report, or an empty unfinished one when its run wrote nothing (the other half still shows)."""
    if Path(path).exists():
        return json.loads(Path(path).read_text())
    return {"tool": tool, "backend": "did not run", "complete": False, "rows": []}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--tfjs", required=True)
    p.add_argument("--torch", required=True)
    p.add_argument("--fused", default=None)
    p.add_argument("--out", default=None)
    a = p.parse_args(argv)
    md = render(load(a.tfjs, "tfjs"), load(a.torch, "torch"), load(a.fused, "tfjs") if a.fused else None)
    if a.out:
        Path(a.out).write_text(md)
    print(md, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
