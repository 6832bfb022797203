// Redraws what depends on an element's width (charts drawn at their container's size) once it has stopped changing.

/** Calls `redraw` `delay` ms after the last change of `el`'s size. */
export function whenResized(el: Element, redraw: () => void, delay = 150): void {
  let timer = 0;
  new ResizeObserver(() => {
    clearTimeout(timer);
    timer = window.setTimeout(redraw, delay);
  }).observe(el);
}
