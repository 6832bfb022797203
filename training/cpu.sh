#!/usr/bin/env bash
# Runs a training module on this machine's CPU the fast way, e.g.
#   bash training/cpu.sh srt.core.train --models srresnet_vgg,srgan --data ../shared/datasets --iters 750 --ckpt-every 50
# from training/. PyTorch's CPU kernels allocate and free tensors of tens of MB every step; with glibc's
# malloc each of those is a fresh mmap whose pages fault in again, which makes an srgan generator step at batch
# 16 take 6.3-6.4 s on 2 cores. tcmalloc keeps the memory: 1.7 s (training/README.md, "Training on a CPU").
# Debian: apt-get install libtcmalloc-minimal4. Without it the command still runs, about 3.8x slower.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
tcmalloc=$(ls /usr/lib/*/libtcmalloc_minimal.so.4 2>/dev/null | head -n1 || true)
if [ -n "$tcmalloc" ]; then export LD_PRELOAD="$tcmalloc${LD_PRELOAD:+:$LD_PRELOAD}"; else echo "cpu.sh: libtcmalloc_minimal.so.4 not found; running with glibc malloc (about 3.8x slower)" >&2; fi
module=$1
shift
exec /usr/bin/python3 -m "$module" "$@"
