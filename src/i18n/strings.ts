// The one shape of the site's strings: an English dictionary and a Japanese one with exactly its keys (each file
// writes `const ja: Strings<typeof en> = { ... }`, so a missing or extra key is a type error), exported together
// as `{ en, ja }` by `bilingual`. `{name}` placeholders are filled by `fill` (./fill.ts).
import type { Lang } from './index';

/** The same keys with any text (nested groups of strings keep their keys too). */
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export function bilingual<T>(en: T, ja: Strings<T>): Record<Lang, Strings<T>> {
  return { en: en as Strings<T>, ja };
}
