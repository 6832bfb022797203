#!/usr/bin/env bash
# Issue #4's GPU table in one command on the NVIDIA machine (one 10-minute device command; ~8 min cap):
# PyTorch (same exported weights, fp32 / tf32 / fp16) and TensorFlow.js on WebGPU through Dawn under
# Node (the kit from ../shared/gpu), one after the other on the same GPU, then the merged table.
#
#   bash scripts/gpu-bench.sh OUTDIR          (from anywhere; works in the repository root)
#
# Needs, carried to the machine: .gpu/ = `bash ../shared/gpu/pack.sh .gpu && node scripts/build-bench-gpu.mjs .gpu`
# (npm run bench:gpu:kit). Writes to OUTDIR (9 files): env.txt, torch.json, torch.log, tfjs.json, tfjs.log,
# tfjs-fused.json, tfjs-fused.log (the fused WebGPU path, src/sr/fused), bench.md (the merged table: tfjs
# stock and fused ms, stock / fused, tfjs ms / PyTorch ms per model and size) and status.txt.
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
# TensorFlow.js twice: the stock ops, then the fused WebGPU path (src/sr/fused), half the time left each.
tfjs_rc=124; fused_rc=124
if [ "$left" -gt 60 ]; then
  timeout $(( left / 2 )) node "$kit/bench-gpu.mjs" --sizes "$sizes" --budget "${TFJS_BUDGET:-60}" --json "$out/tfjs.json" "${flags[@]}" 2>&1 | tee "$out/tfjs.log"
  tfjs_rc=${PIPESTATUS[0]}
  left=$(( deadline - (SECONDS - t0) - 15 ))
  timeout "$left" node "$kit/bench-gpu.mjs" --path fused --sizes "$sizes" --budget "${TFJS_BUDGET:-60}" --json "$out/tfjs-fused.json" "${flags[@]}" 2>&1 | tee "$out/tfjs-fused.log"
  fused_rc=${PIPESTATUS[0]}
else
  echo "no time left for the TensorFlow.js runs (${left} s)" | tee "$out/tfjs.log"
fi

(cd training && "$py" -m srt.ops.bench_merge --tfjs "$out/tfjs.json" --fused "$out/tfjs-fused.json" --torch "$out/torch.json" --out "$out/bench.md")
merge_rc=$?
echo "torch rc=$torch_rc tfjs rc=$tfjs_rc fused rc=$fused_rc merge rc=$merge_rc; $((SECONDS - t0)) s" | tee "$out/status.txt"
[ "$torch_rc" = 0 ] && [ "$tfjs_rc" = 0 ] && [ "$fused_rc" = 0 ] && [ "$merge_rc" = 0 ]
