// Saves what a figure shows as a PNG file on the reader's machine: the canvas's pixels, or, before the live
// figure has drawn, the pre-computed picture in its place. Nothing leaves the browser.

/** The pixels of a canvas, or of a loaded <img> drawn at its natural size, as a PNG blob. */
export async function pngOf(source: HTMLCanvasElement | HTMLImageElement): Promise<Blob> {
  let canvas = source as HTMLCanvasElement;
  if (source instanceof HTMLImageElement) {
    await source.decode();
    canvas = document.createElement('canvas');
    canvas.width = source.naturalWidth;
    canvas.height = source.naturalHeight;
    canvas.getContext('2d')!.drawImage(source, 0, 0);
  }
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

/** Offers `blob` as a download named `filename`. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
