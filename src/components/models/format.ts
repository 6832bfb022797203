// Number formatting for the models page. Locale-neutral digits (both languages print 31.20 and 1.55 M),
// with a typographic minus so negative values read clearly in tables.
import type { Lang } from '../../i18n';

const minus = (s: string) => s.replace(/^-/, '−');

/** Fixed decimals, typographic minus. */
export function fixed(value: number, digits: number): string {
  return minus(value.toFixed(digits));
}

/** Signed fixed decimals: "+0.071", "−0.099", "0.000". */
export function signed(value: number, digits: number): string {
  const s = value.toFixed(digits);
  if (Number(s) === 0) return (0).toFixed(digits);
  return value > 0 ? `+${s}` : minus(s);
}

/** Decimal file size: "139 KB", "1.60 MB". */
export function fileSize(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(2)} MB`;
  return `${Math.round(bytes / 1e3)} KB`;
}

/** Parameter count: "69.3 K" / "1.55 M" (English) or "6.9万" / "155万" (Japanese). */
export function paramCount(n: number, lang: Lang): string {
  if (lang === 'ja') {
    const man = n / 1e4;
    return `${man >= 100 ? Math.round(man) : man.toFixed(1)}万`;
  }
  return n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : `${(n / 1e3).toFixed(1)} K`;
}

/** Thousands separators: 8,699. */
export function integer(n: number): string {
  return n.toLocaleString('en-US');
}

/** First 12 hex digits of a hash, for display (the full hash goes in a title attribute). */
export function shortHash(sha256: string): string {
  return `${sha256.slice(0, 12)}…`;
}

/** Learning rate in compact scientific form: 0.0003 -> "3×10⁻⁴". */
export function learningRate(lr: number): string {
  const exponent = Math.floor(Math.log10(lr));
  const mantissa = Number((lr / 10 ** exponent).toPrecision(3));
  const superscript = String(exponent)
    .split('')
    .map((ch) => '⁰¹²³⁴⁵⁶⁷⁸⁹'['0123456789'.indexOf(ch)] ?? (ch === '-' ? '⁻' : ch))
    .join('');
  return mantissa === 1 ? `10${superscript}` : `${mantissa}×10${superscript}`;
}
