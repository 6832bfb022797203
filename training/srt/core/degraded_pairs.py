"""Real-ESRNet's training pairs, made on the CPU, in the training process or ahead of it by worker processes.

    pairs = DegradedPairs(PatchSampler(files, patch=128), seed=0, usm=True, workers=0, device="cuda")
    lr, target = pairs.batch(16)      # the next step's batch, on `device`; pairs.seek(step) on resuming

A batch: HR crops from the sampler (CPU), the crop sharpened by the unsharp mask (USM) as the degradation's source
and the L1 target (the plain crop with `usm=False`), the input that source through `degradations.degrade` with
parameters drawn per sample from the published distributions. The degradations run on the CPU whatever the
training device (JPEG is Pillow's), so on a GPU machine they are what limits the step: `workers=N` forks N processes
that make the next 2N batches while the GPU trains on this one (a GPU machine's idle cores; on this project's 2-core
CPU machine `workers=0`, as a worker would only take a core from the network's threads). The processes are forked when
the pairs are created, before the trainer puts its networks on the GPU, and never touch CUDA.

Batch k of a run is a pure function of (seed, k) (crops, parameters and noise from generators seeded with both),
so a resumed run goes on exactly and the number of workers does not change what the network sees. Batches travel
as 8-bit pixels, exact for both the crop and the degraded input; the sharpened target is made again from the crop
on the training device (on a GPU in full fp32, no TF32: the same as the CPU's up to float rounding).
"""
import multiprocessing
from collections import deque
from contextlib import nullcontext

import numpy as np
import torch

from .degradations import TorchNoise, degrade, sample_params, usm_sharp

WAIT_SECONDS = 600  # a batch takes seconds in one worker; longer means a worker died (its task is lost, not retried)
_MAKER = None  # a worker process's BatchMaker, inherited through fork (the sampler's images are not pickled)


def step_seed(seed, step, stream):
    """One 63-bit seed per (run seed, step, stream) for PyTorch's generators."""
    return int(np.random.SeedSequence([seed, step, stream]).generate_state(1, np.uint64)[0] >> np.uint64(1))


def to_bytes(img):
    return (img * 255).round().clamp(0, 255).to(torch.uint8).numpy()


class BatchMaker:
    """What one batch needs: the CPU sampler, the run's seed and whether the source is sharpened."""

    def __init__(self, sampler, seed, usm):
        assert sampler.device == "cpu", "degraded pairs are made from a CPU sampler"
        self.sampler, self.seed, self.usm = sampler, seed, usm

    def __call__(self, step, n):
        """(crops, inputs) of batch `step` as uint8 arrays, n x 3 x P x P and n x 3 x P/4 x P/4."""
        self.sampler.gen.manual_seed(step_seed(self.seed, step, 0))
        rng = np.random.default_rng([self.seed, step, 1])
        noise = TorchNoise(torch.Generator().manual_seed(step_seed(self.seed, step, 2)))
        hr = self.sampler.crops(n)  # the bicubic input `batch` would add is not needed here
        source = usm_sharp(hr) if self.usm else hr
        lr = torch.cat([degrade(source[i:i + 1], sample_params(rng), noise) for i in range(n)])
        return to_bytes(hr), to_bytes(lr)


def _worker_init(maker):
    global _MAKER
    _MAKER = maker
    torch.set_num_threads(1)  # one core each: the processes are the parallelism


def _worker_batch(step, n):
    return _MAKER(step, n)


class DegradedPairs:
    """The batches of a `realesrnet` run: `batch(n)` gives the next step's (input, target) on `device`."""

    def __init__(self, sampler, seed=0, usm=True, workers=0, ahead=None, device="cpu"):
        self.make, self.device = BatchMaker(sampler, seed, usm), device
        self.ahead = ahead or 2 * workers
        self.step, self.pending, self.pool = 0, deque(), None
        if workers:  # forked now, before CUDA is set up; under fork the maker is inherited, not pickled
            self.pool = multiprocessing.get_context("fork").Pool(workers, _worker_init, (self.make,))

    def __len__(self):
        return len(self.make.sampler)

    def seek(self, step):
        """The next batch is batch `step` (a resumed run)."""
        self.pending.clear()
        self.step = step

    def batch(self, n):
        """(lr, target) of the next step, float in [0, 1] on the training device."""
        hr, lr = self._from_pool(n) if self.pool else self.make(self.step, n)
        self.step += 1
        hr, lr = (torch.from_numpy(a).to(self.device).float() / 255 for a in (hr, lr))
        if not self.make.usm:
            return lr, hr
        exact = torch.backends.cudnn.flags(enabled=True, allow_tf32=False) if hr.is_cuda else nullcontext()
        with exact:
            return lr, usm_sharp(hr)

    def _from_pool(self, n):
        if not self.pending or self.pending[0][:2] != (self.step, n):
            self.pending.clear()
        queued = self.pending[-1][0] + 1 if self.pending else self.step
        while queued < self.step + max(1, self.ahead):
            self.pending.append((queued, n, self.pool.apply_async(_worker_batch, (queued, n))))
            queued += 1
        step, size, result = self.pending.popleft()
        assert (step, size) == (self.step, n), (step, size, self.step, n)
        try:
            return result.get(timeout=WAIT_SECONDS)
        except multiprocessing.TimeoutError:
            raise RuntimeError(f"no degraded batch {step} after {WAIT_SECONDS} s: a pair worker died (out of memory?)") from None

    def close(self):
        if self.pool is not None:
            self.pool.terminate()
            self.pool = None
