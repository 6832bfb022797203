"""srt.core: Models, losses, training data, Real-ESRGAN's degradations, the zoo and the training loop."""
