// Pointer dragging on a surface, reported as fractions of the surface's box (0..1, clamped).
// Uses pointer capture, so a drag keeps working when the pointer leaves the surface.
import { clampUnit, type Point } from '../point';

export function fractionOf(el: Element, clientX: number, clientY: number): Point {
  const box = el.getBoundingClientRect();
  return clampUnit({
    x: box.width > 0 ? (clientX - box.left) / box.width : 0,
    y: box.height > 0 ? (clientY - box.top) / box.height : 0,
  });
}

/**
 * Call `onMove` with the pointer position while the primary button is held on `surface`.
 * `accept(event)` may decline a pointerdown (e.g. one that started on a handle).
 */
export function attachPointerDrag(
  surface: HTMLElement,
  onMove: (p: Point) => void,
  accept: (e: PointerEvent) => boolean = () => true,
): void {
  let active: number | null = null;
  surface.addEventListener('pointerdown', (e) => {
    if (e.button !== 0 || !accept(e)) return;
    active = e.pointerId;
    surface.setPointerCapture(e.pointerId);
    e.preventDefault();
    onMove(fractionOf(surface, e.clientX, e.clientY));
  });
  surface.addEventListener('pointermove', (e) => {
    if (e.pointerId === active) onMove(fractionOf(surface, e.clientX, e.clientY));
  });
  const end = (e: PointerEvent): void => {
    if (e.pointerId === active) active = null;
  };
  surface.addEventListener('pointerup', end);
  surface.addEventListener('pointercancel', end);
}
