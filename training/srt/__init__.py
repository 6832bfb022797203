"""srt: the site's super-resolution training pipeline (data, models, losses, training, export, evaluation)."""
