// Binds ui/SeedPicker.astro: Draw (or Enter in the field) reports the typed seed, Random seed a random one;
// the seed reported is always an integer in [0, max].

export function bindSeed(root: HTMLElement, max: number, initial: number | null, onSeed: (seed: number) => void): void {
  const input = root.querySelector<HTMLInputElement>('[data-role="seed"]')!;
  if (initial !== null) input.value = String(initial);
  const report = (n: number) => {
    const seed = Math.min(max, Math.max(0, Math.round(n) || 0));
    input.value = String(seed);
    onSeed(seed);
  };
  root.querySelector('[data-role="draw"]')!.addEventListener('click', () => report(Number(input.value)));
  input.addEventListener('keydown', (e) => e.key === 'Enter' && report(Number(input.value)));
  root.querySelector('[data-role="random"]')!.addEventListener('click', () => report(Math.floor(Math.random() * (max + 1))));
}
