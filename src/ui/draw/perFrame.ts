// Redraws on the next animation frame, once however often they are asked for in between (a drag fires many moves).

/** `draw`, coalesced: calling the result any number of times before the next frame draws once. */
export function perFrame(draw: () => void): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      draw();
    });
  };
}
