import numpy as np
import torch

from srt.io import quantize
from srt.io import safetensors
from srt.core.models import build


def test_safetensors_round_trip(tmp_path):
    tensors = {"a": np.arange(6, dtype=np.float32).reshape(2, 3), "b": np.array([-3, 4], np.int8),
               "c": np.array([1.5, -2.25], np.float16)}
    safetensors.save(tmp_path / "x.safetensors", tensors, {"format": "test"})
    raw = (tmp_path / "x.safetensors").read_bytes()
    assert int.from_bytes(raw[:8], "little") % 8 == 0
    back, meta = safetensors.load(tmp_path / "x.safetensors")
    assert meta == {"format": "test"}
    for k, v in tensors.items():
        assert back[k].dtype == v.dtype and np.array_equal(back[k], v)


def test_gzip_weight_files_are_deterministic_and_read_back(tmp_path):
    tensors = {"w": np.arange(-64, 64, dtype=np.int8).reshape(8, 16), "s": np.linspace(0, 1, 8, dtype=np.float32)}
    content = safetensors.dumps(tensors, {"format": "test"})
    packed = safetensors.gzip_bytes(content)
    assert packed == safetensors.gzip_bytes(content)  # no time stamp, no file name
    assert packed[:2] == safetensors.GZIP_MAGIC and packed[4:8] == bytes(4)
    assert safetensors.unpack(packed) == content and safetensors.unpack(content) == content
    (tmp_path / "x.safetensors.gz").write_bytes(packed)
    back, meta = safetensors.load(tmp_path / "x.safetensors.gz")
    assert meta == {"format": "test"} and all(np.array_equal(back[k], v) for k, v in tensors.items())


def test_int8_per_channel_error_is_within_half_a_step():
    net = build("rrdbnet", num_feat=8, num_block=1, num_grow_ch=4, use_bn=True)
    sd = net.state_dict()
    stored = quantize.encode(sd, "int8")
    assert stored["conv_first.weight"].dtype == np.int8
    assert stored["conv_first.weight.scale"].shape == (8,)
    assert stored["body.0.rdb1.bn1.running_var"].dtype == np.float16
    assert not any(k.endswith("num_batches_tracked") for k in stored)
    back = quantize.decode(stored)
    w, scale = sd["conv_first.weight"], stored["conv_first.weight.scale"]
    err = (back["conv_first.weight"] - w).abs().amax(dim=(1, 2, 3))
    assert torch.all(err <= torch.from_numpy(scale) / 2 + 1e-7)
