"""Real-ESRNet's training pairs, made on the CPU, in the training process or ahead of it by worker processes.

    pairs = DegradedPairs(PatchSampler(files, patch=128), seed=0, usm=True, workers=0, device="cuda")
    lr, target = pairs.batch(16)      # the next step's batch, on `device`; pairs.seek(step) on resuming

A batch: HR crops from the sampler (CPU), the crop sharpened by the unsharp mask (USM) as the degradation's source
and the L1 target (the plain crop with `usm=False`), the input that source through `degradations.degrade` with
parameters drawn per sample from the published distributions. The degradations run on the CPU whatever the
training device (JPEG is Pillow's), so on a GPU machine they are what limits the step: `workers=N` forks N processes
that make the next batches while the GPU trains on this one (a GPU machine's idle cores; on this project's 2-core
CPU machine `workers=0`, as a worker would only take a core from the network's threads).

Batch k of a run is a pure function of (seed, k) (crops, parameters and noise from generators seeded with both),
so a resumed run goes on exactly and the number of workers does not change what the network sees. Batches travel
as 8-bit pixels, exact for both the crop and the degraded input; the sharpened target is made again from the crop
on the training device.
"""
import multiprocessing
from collections import deque

import numpy as np
import torch

from .degradations import TorchNoise, degrade, sample_params, usm_sharp

_MAKER = None  # the worker processes' BatchMaker, inherited through fork (the sampler's images are not pickled)


def step_seed(seed, step):
    """One 63-bit seed per (run seed, step) for PyTorch's generators."""
    return int(np.random.SeedSequence([seed, step]).generate_state(2, np.uint64)[0] >> np.uint64(1))


def to_bytes(img):
    return (img * 255).round().clamp(0, 255).to(torch.uint8).numpy()


class BatchMaker:
    """What one batch needs: the CPU sampler, the run's seed and whether the source is sharpened."""

    def __init__(self, sampler, seed, usm):
        assert sampler.device == "cpu", "degraded pairs are made from a CPU sampler"
        self.sampler, self.seed, self.usm = sampler, seed, usm

    def __call__(self, step, n):
        """(crops, inputs) of batch `step` as uint8 arrays, n x 3 x P x P and n x 3 x P/4 x P/4."""
        self.sampler.gen.manual_seed(step_seed(self.seed, step))
        rng = np.random.default_rng([self.seed, step])
        noise = TorchNoise(torch.Generator().manual_seed(step_seed(self.seed + 1, step)))
        _, hr = self.sampler.batch(n)
        source = usm_sharp(hr) if self.usm else hr
        lr = torch.cat([degrade(source[i:i + 1], sample_params(rng), noise) for i in range(n)])
        return to_bytes(hr), to_bytes(lr)


def _worker_init():
    torch.set_num_threads(1)  # one core each: the processes are the parallelism


def _worker_batch(step, n):
    return _MAKER(step, n)


class DegradedPairs:
    def __init__(self, sampler, seed=0, usm=True, workers=0, ahead=None, device="cpu"):
        self.make = BatchMaker(sampler, seed, usm)
        self.usm, self.workers, self.device = usm, workers, device
        self.ahead = ahead or 2 * workers
        self.step, self.pending, self.pool = 0, deque(), None

    def __len__(self):
        return len(self.make.sampler)

    def seek(self, step):
        """The next batch is batch `step` (a resumed run)."""
        self.pending.clear()
        self.step = step

    def batch(self, n):
        """(lr, target) of the next step, float in [0, 1] on the training device."""
        if self.workers:
            hr, lr = self._from_pool(n)
        else:
            hr, lr = self.make(self.step, n)
        self.step += 1
        hr, lr = (torch.from_numpy(a).to(self.device).float() / 255 for a in (hr, lr))
        return lr, usm_sharp(hr) if self.usm else hr

    def _from_pool(self, n):
        global _MAKER
        if self.pool is None:
            _MAKER = self.make
            self.pool = multiprocessing.get_context("fork").Pool(self.workers, initializer=_worker_init)
        if not self.pending or self.pending[0][0] != self.step:
            self.pending.clear()
        queued = self.pending[-1][0] + 1 if self.pending else self.step
        while queued < self.step + max(1, self.ahead):
            self.pending.append((queued, n, self.pool.apply_async(_worker_batch, (queued, n))))
            queued += 1
        step, size, result = self.pending.popleft()
        assert (step, size) == (self.step, n), (step, size, self.step, n)
        return result.get()

    def close(self):
        if self.pool is not None:
            self.pool.terminate()
            self.pool = None
