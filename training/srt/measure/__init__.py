"""srt.measure: Measurements: PSNR/SSIM/NIQE/grid, the Set5/Set14 evaluation, degraded evaluation, crops and probes."""
