"""srt.ops: Operations: the GPU benchmark's PyTorch side and its table."""
