"""The safetensors format, written and read directly (Debian has no `safetensors` package):
8-byte little-endian header length, a JSON header {name: {dtype, shape, data_offsets}}, raw
little-endian tensor bytes. https://github.com/huggingface/safetensors documents the format.

The site stores its weight files gzip-compressed (`weights.safetensors.gz`, see public/weights/README.md):
`gzip_bytes` writes them deterministically and `load` / `read_bytes` accept either form (gzip is
recognised by its magic bytes, not by the file name).
"""
import gzip
import json
import struct
import zlib

import numpy as np

DTYPES = {"F32": np.float32, "F16": np.float16, "I8": np.int8, "U8": np.uint8, "I32": np.int32}
NAMES = {np.dtype(v): k for k, v in DTYPES.items()}
GZIP_MAGIC = b"\x1f\x8b"


def gzip_bytes(data):
    """A gzip file of `data`, deterministic (header mtime 0, no file name): the same bytes in, the same out.

    zlib at level 9 with memLevel 9 and the Z_FILTERED strategy: on the int8 weight files this is
    0.3-0.6% smaller than `gzip -9` (e.g. rrdb_psnr 1983042 bytes against 1989582).
    """
    c = zlib.compressobj(9, zlib.DEFLATED, 31, 9, zlib.Z_FILTERED)  # wbits 31: gzip wrapper, mtime 0
    return c.compress(data) + c.flush()


def unpack(raw):
    """Safetensors bytes from a file's bytes: decompressed when they are gzip, else as they are."""
    return gzip.decompress(raw) if raw[:2] == GZIP_MAGIC else raw


def read_bytes(path):
    """The safetensors bytes of a file, plain or gzip-compressed."""
    return unpack(open(path, "rb").read())


def save(path, tensors, metadata=None):
    """tensors: {name: numpy array}; metadata: {str: str}."""
    with open(path, "wb") as f:
        f.write(dumps(tensors, metadata))


def dumps(tensors, metadata=None):
    """The safetensors file for `tensors` as bytes."""
    header, chunks, offset = {}, [], 0
    for name, arr in tensors.items():
        arr = np.ascontiguousarray(arr)
        data = arr.astype(arr.dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": NAMES[arr.dtype], "shape": list(arr.shape), "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    if metadata:
        header["__metadata__"] = {k: str(v) for k, v in metadata.items()}
    head = json.dumps(header, separators=(",", ":")).encode()
    head += b" " * (-len(head) % 8)  # pad so tensor data starts 8-byte aligned
    return struct.pack("<Q", len(head)) + head + b"".join(chunks)


def load(path):
    """({name: numpy array}, metadata) from a safetensors file, plain or gzip-compressed."""
    raw = read_bytes(path)
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    meta = header.pop("__metadata__", {})
    base = 8 + n
    out = {}
    for name, h in header.items():
        a, b = h["data_offsets"]
        out[name] = np.frombuffer(raw[base + a:base + b], dtype=np.dtype(DTYPES[h["dtype"]]).newbyteorder("<")).reshape(h["shape"])
    return out, meta
