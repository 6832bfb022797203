"""srt: the site's super-resolution training pipeline, in five packages:

- core: models, losses, data, Real-ESRGAN's degradations, the zoo and the training loop (train);
- io: the site's weight format: safetensors, quantisation, reading (weights) and writing (export);
- measure: PSNR / SSIM / NIQE / grid, the Set5 / Set14 evaluation, degraded evaluation, crops and probes;
- site: what the site and its tests read: chapter figures, activation statistics, perception-distortion, fixtures;
- ops: the GPU benchmark's PyTorch side.

Each runnable module says its command in its docstring, e.g. `python -m srt.core.train`.
"""
