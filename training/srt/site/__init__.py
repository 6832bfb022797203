"""srt.site: Data the site and its tests read: chapter figures, activation statistics, perception-distortion, fixtures."""
