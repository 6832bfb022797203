"""srt.io: The site's weight format: safetensors, int8/fp16 quantisation, reading (weights) and writing (export)."""
