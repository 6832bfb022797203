"""Weight formats for the site: fp16, or int8 with one fp32 scale per output channel.

int8: every conv / linear weight W (PyTorch layout, output channels first) is stored as
q = round(W / s) in [-127, 127] with s = max|W[c]| / 127 per output channel c, and its scales
as `<name>.scale`; the browser computes W = q * s. Biases, BatchNorm and PReLU tensors are fp16.
"""
import numpy as np
import torch

SCALE_SUFFIX = ".scale"


def is_quantized_weight(name, t):
    return name.endswith(".weight") and t.ndim >= 2


def encode(state_dict, mode):
    out = {}
    for name, t in state_dict.items():
        if name.endswith("num_batches_tracked"):
            continue
        a = t.detach().float().cpu().numpy()
        if mode == "int8" and is_quantized_weight(name, a):
            flat = a.reshape(a.shape[0], -1)
            scale = np.abs(flat).max(axis=1) / 127
            scale[scale == 0] = 1
            out[name] = np.clip(np.round(flat / scale[:, None]), -127, 127).astype(np.int8).reshape(a.shape)
            out[name + SCALE_SUFFIX] = scale.astype(np.float32)
        elif mode in ("int8", "fp16"):
            out[name] = a.astype(np.float16)
        else:
            out[name] = a.astype(np.float32)
    return out


def decode(tensors):
    """Stored tensors -> fp32 torch state dict (what the browser reconstructs)."""
    sd = {}
    for name, a in tensors.items():
        if name.endswith(SCALE_SUFFIX):
            continue
        scale = tensors.get(name + SCALE_SUFFIX)
        w = a.astype(np.float32)
        if scale is not None:
            w = w * scale.reshape((-1,) + (1,) * (w.ndim - 1))
        sd[name] = torch.from_numpy(np.ascontiguousarray(w))
    return sd
