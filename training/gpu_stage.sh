#!/usr/bin/env bash
# The GPU sessions that trained the zoo v1, each fitting one 10-minute device command.
# Usage (from the repository root, datasets copied to .data/): bash training/gpu_stage.sh A|B|C|D|E OUTDIR
# A: the PSNR-oriented generators. B: the self-supervised VGG, then the perceptual / GAN generators
# from A's weights (which B finds in .runs_in/). Models compared with each other train in one
# lockstep group (same batches, same iterations); the two groups of a stage share the GPU.
# C: srresnet_vgg and srgan again, alone on the GPU, with the zoo's current recipe (relu1_2, generator BatchNorm
# frozen), starting from the exported srresnet in public/weights; .data/ needs no Set14 (README, "GPU calls").
# D: the ESRGAN trio on two recipes (content layer conv2_2 and the paper's conv5_4, both with an L1 anchor of 0.1;
# training/EXPERIMENTS.md says why), and srresnet_vgg + srgan with srgan's GAN weight at ESRGAN's 5e-3: three
# lockstep groups sharing the GPU, from the exported weights (esrgan_bn from srt.core.bn_init). ITERS=N replaces the
# time budget (a dry run on the CPU: ITERS=2).
# E: realesrnet trained further (issue #18): the shipped recipe from the exported realesrnet (--warm-start: a new
# warm-up and cosine schedule, moving average 0.999) at Real-ESRNet's batch 48 (BATCH=16 keeps ours), the degraded pairs
# made by the machine's idle cores (--pair-workers, WORKERS=N to change); the GPU only trains. README, "GPU calls".
set -uo pipefail
stage=$1; out=$2
cd "$(dirname "$0")"
export PYTHONUNBUFFERED=1
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
group() {  # group NAME MODELS BUDGET LIMIT EVAL_EVERY [more srt.core.train arguments]
  local size=(--budget "$3"); [ -n "${ITERS:-}" ] && size=(--iters "$ITERS")
  python3 -m srt.core.train --models "$2" --data ../.data --runs runs "${size[@]}" --time-limit "$4" --eval-every "$5" \
    "${@:6}" > "$out/$1.log" 2>&1
}
rm -rf runs  # every stage starts clean; B gets A's weights from .runs_in/
if [ "$stage" = A ]; then
  group A_rrdb rrdb_psnr,rrdb_bn_psnr "${BUDGET:-470}" 520 1000 &
  group A_srres srcnn,srresnet "${BUDGET:-470}" 520 1000 &
  wait
  python3 -m srt.io.transport "$out" runs/srcnn runs/srresnet runs/rrdb_psnr runs/rrdb_bn_psnr
  tar czf "$out/logsA.tgz" runs/*/log.jsonl runs/*/meta.json
  tail -n 4 "$out"/*.log
elif [ "$stage" = D ]; then
  python3 -m srt.core.bn_init --data ../.data --runs runs/c22 > "$out/D_bn_init.log" 2>&1
  mkdir -p runs/c54 && cp -r runs/c22/rrdb_bn_psnr runs/c54/
  trio=esrgan,esrgan_std,esrgan_bn
  group D_c22 $trio "${BUDGET:-330}" 400 1000 --runs runs/c22 --set content.layer=conv2_2 --set loss.l1=0.1 &
  group D_c54 $trio "${BUDGET:-330}" 400 1000 --runs runs/c54 --set loss.l1=0.1 &
  group D_srgan srresnet_vgg,srgan "${BUDGET:-330}" 400 1000 --runs runs/g5 --set loss.gan=5e-3 &
  wait
  for v in c22 c54; do python3 -m srt.io.transport "$out/$v" runs/$v/esrgan runs/$v/esrgan_std runs/$v/esrgan_bn; done
  python3 -m srt.io.transport runs/g5/packed runs/g5/srresnet_vgg runs/g5/srgan && tar cf "$out/g5.tar" -C runs/g5/packed .
  tail -n 4 "$out"/D_*.log
  tar czf "$out/logsD.tgz" runs/*/*/log.jsonl runs/*/*/meta.json "$out"/D_*.log && rm "$out"/D_*.log
elif [ "$stage" = E ]; then
  tcmalloc=$(ls /usr/lib/*/libtcmalloc_minimal.so.4 2>/dev/null | head -n1 || true)  # as cpu.sh: the pair workers' allocations
  [ -n "$tcmalloc" ] && export LD_PRELOAD="$tcmalloc${LD_PRELOAD:+:$LD_PRELOAD}"
  group E_realesrnet realesrnet "${BUDGET:-420}" 480 100000 --warm-start ../public/weights --set batch="${BATCH:-48}" \
    --pair-workers "${WORKERS:-$(( $(nproc) - 2 ))}" --ckpt-every 500 --log-every 50
  python3 -m srt.io.transport "$out" runs/realesrnet
  tail -n 4 "$out"/E_realesrnet.log
  tar czf "$out/logsE.tgz" runs/*/log.jsonl runs/*/meta.json "$out"/E_realesrnet.log && rm "$out"/E_realesrnet.log
elif [ "$stage" = C ]; then
  group C_srgan srresnet_vgg,srgan "${BUDGET:-300}" 340 500
  python3 -m srt.io.transport "$out" runs/srresnet_vgg runs/srgan
  tail -n 4 "$out"/C_srgan.log
  tar czf "$out/logsC.tgz" runs/*/log.jsonl runs/*/meta.json "$out"/C_srgan.log && rm "$out"/C_srgan.log
else
  mkdir -p runs && for f in ../.runs_in/*.pt; do n=$(basename "$f" .pt); mkdir -p runs/$n; cp "$f" runs/$n/final.pt; done
  python3 -m srt.core.pretrain_vgg --data ../.data --iters "${SSL_ITERS:-2000}" > "$out/B_vgg_ssl.log" 2>&1
  group B_srgan srresnet_vgg,srresnet_vgg_ssl,srgan "${BUDGET:-390}" 440 500 &
  group B_esrgan esrgan,esrgan_std,esrgan_bn "${BUDGET:-390}" 440 500 &
  wait
  python3 -m srt.io.transport "$out" runs/srresnet_vgg runs/srresnet_vgg_ssl runs/srgan runs/esrgan runs/esrgan_std
  tail -n 4 "$out"/*.log
  tar czf "$out/logsB.tgz" runs/*/log.jsonl runs/*/meta.json runs/esrgan_bn/final.pt "$out"/*.log && rm "$out"/*.log
fi
