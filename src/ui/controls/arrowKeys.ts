// Keyboard control of a 2D position: arrow keys move by one step (Shift: eight steps), Home/End
// jump to the left/right edge, PageUp/PageDown to the top/bottom.
export type Move = { dx: number; dy: number } | { to: 'left' | 'right' | 'top' | 'bottom' };

export function keyToMove(e: KeyboardEvent): Move | null {
  const k = e.shiftKey ? 8 : 1;
  switch (e.key) {
    case 'ArrowLeft':
      return { dx: -k, dy: 0 };
    case 'ArrowRight':
      return { dx: k, dy: 0 };
    case 'ArrowUp':
      return { dx: 0, dy: -k };
    case 'ArrowDown':
      return { dx: 0, dy: k };
    case 'Home':
      return { to: 'left' };
    case 'End':
      return { to: 'right' };
    case 'PageUp':
      return { to: 'top' };
    case 'PageDown':
      return { to: 'bottom' };
    default:
      return null;
  }
}

/** Listen for position keys on `el`; the default action (scrolling) is prevented for them. */
export function attachArrowKeys(el: HTMLElement, onMove: (m: Move) => void): void {
  el.addEventListener('keydown', (e) => {
    const move = keyToMove(e);
    if (!move) return;
    e.preventDefault();
    onMove(move);
  });
}
