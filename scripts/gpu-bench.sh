#!/usr/bin/env bash
# Issue #4's GPU table in one command on the NVIDIA machine (one 10-minute device command; ~8 min cap):
# PyTorch (same exported weights, fp32 / tf32 / fp16) and TensorFlow.js on WebGPU through Dawn under
# Node (the kit from ../shared/gpu), one after the other on the same GPU, then the merged table.
#
#   bash scripts/gpu-bench.sh OUTDIR          (from anywhere; works in the repository root)
#
# Needs, carried to the machine: .gpu/ = `bash ../shared/gpu/pack.sh .gpu && node scripts/build-bench-gpu.mjs .gpu`
# (npm run bench:gpu:kit). Writes to OUTDIR (7 files): env.txt, torch.json, torch.log, tfjs.json, tfjs.log,
# bench.md (the merged table: tfjs ms / PyTorch ms per model and size) and status.txt.
# Environment (defaults): SIZES (32,64,128,256), PRECISIONS (fp32,tf32,fp16), TORCH_BUDGET (20 s per
# architecture and precision), TFJS_BUDGET (60 s per architecture), DEADLINE (470 s for the whole script),
# KIT (.gpu), ACTIVATE ($KIT/activate.sh), PYTHON (python3), ALLOW_ANY_ADAPTER=1 (skip the NVIDIA check:
# pipeline tests on a CPU Vulkan only; the table then says it is not a GPU figure).
set -uo pipefail
out=${1:?usage: gpu-bench.sh OUTDIR}
mkdir -p "$out" && out=$(cd "$out" && pwd)
cd "$(dirname "$0")/.."
kit=${KIT:-.gpu}
sizes=${SIZES:-32,64,128,256}
py=${PYTHON:-python3}
deadline=${DEADLINE:-470}
export PYTHONUNBUFFERED=1
t0=$SECONDS
{
  date -u +"%Y-%m-%dT%H:%M:%SZ"
  nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.max.sm --format=csv,noheader 2>&1 || echo "nvidia-smi: not available"
  git rev-parse HEAD 2>/dev/null || echo "commit: (no .git here)"
  uname -srm
} > "$out/env.txt"

if [ ! -f "$kit/bench-gpu.mjs" ]; then
  echo "$kit/bench-gpu.mjs is missing: run npm run bench:gpu:kit here and carry $kit" | tee "$out/status.txt"; exit 2
fi
# shellcheck disable=SC1090
source "${ACTIVATE:-$kit/activate.sh}" >> "$out/env.txt" 2>&1
echo "node $(node -v 2>&1); $($py -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda)' 2>&1)" >> "$out/env.txt"
cat "$out/env.txt"

# PyTorch first: quick and dependable (a minute or so on an H100); TensorFlow.js gets the time left.
(cd training && timeout "${TORCH_TIMEOUT:-150}" "$py" -m srt.ops.bench_torch --weights ../public/weights --sizes "$sizes" \
  --precisions "${PRECISIONS:-fp32,tf32,fp16}" --budget "${TORCH_BUDGET:-20}" --json "$out/torch.json") 2>&1 | tee "$out/torch.log"
torch_rc=${PIPESTATUS[0]}

left=$(( deadline - (SECONDS - t0) - 15 ))
flags=(); [ "${ALLOW_ANY_ADAPTER:-0}" = 1 ] && flags+=(--allow-any-adapter)
if [ "$left" -gt 30 ]; then
  timeout "$left" node "$kit/bench-gpu.mjs" --sizes "$sizes" --budget "${TFJS_BUDGET:-60}" --json "$out/tfjs.json" "${flags[@]}" 2>&1 | tee "$out/tfjs.log"
  tfjs_rc=${PIPESTATUS[0]}
else
  echo "no time left for the TensorFlow.js run (${left} s)" | tee "$out/tfjs.log"; tfjs_rc=124
fi

(cd training && "$py" -m srt.ops.bench_merge --tfjs "$out/tfjs.json" --torch "$out/torch.json" --out "$out/bench.md")
merge_rc=$?
echo "torch rc=$torch_rc tfjs rc=$tfjs_rc merge rc=$merge_rc; $((SECONDS - t0)) s" | tee "$out/status.txt"
[ "$torch_rc" = 0 ] && [ "$tfjs_rc" = 0 ] && [ "$merge_rc" = 0 ]
