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

/**
 * The file name a save button gives its picture: its `data-save` stem, the α a panel shows where it has one
 * (chapter 3's interpolation), and `.png`. Pure, so a unit test pins it.
 */
export function savedName(stem: string, alpha?: string): string {
  const safe = (t: string) => t.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `${safe(stem)}${alpha ? `-alpha-${safe(alpha)}` : ''}.png`;
}

/**
 * One listener for every `button[data-save]` on the page (SaveButton.astro): the button saves the picture of the
 * `[data-panel]` it sits in, its live canvas (the panel's one canvas not hidden) once it has drawn, else the
 * pre-computed picture in its place.
 */
export function wireSaveButtons(doc: Document = document): void {
  doc.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-save]');
    const panel = button?.closest<HTMLElement>('[data-panel]');
    if (!button || !panel) return;
    const canvas = panel.querySelector<HTMLCanvasElement>('canvas:not([hidden])');
    const picture = canvas ?? panel.querySelector<HTMLImageElement>('img');
    if (!picture) return;
    const alpha = canvas?.dataset.alpha;
    void pngOf(picture).then(
      (png) => download(png, savedName(button.dataset.save!, alpha)),
      () => button.setAttribute('data-error', 'true'),
    );
  });
}
