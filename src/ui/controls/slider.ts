// Keeps a range input (ui/Slider.astro), its <output> and its aria-valuetext in step.

/** Formats `input`'s value with `format` into its output and aria-valuetext; calls `onChange` as it moves. */
export function bindSlider(input: HTMLInputElement, format: (v: number) => string, onChange: (v: number) => void) {
  const output = input.parentElement?.querySelector('output');
  const show = () => {
    const text = format(Number(input.value));
    input.setAttribute('aria-valuetext', text);
    if (output) output.textContent = text;
  };
  input.addEventListener('input', () => {
    show();
    onChange(Number(input.value));
  });
  return {
    /** Moves the slider without reporting a change (state → control); `range` updates its bounds. */
    set(value: number, range?: readonly [number, number]) {
      if (range) [input.min, input.max] = range.map(String);
      input.value = String(value);
      show();
    },
  };
}
