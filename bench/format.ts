// Numbers as BENCHMARKS.md writes them.
import type { Spread } from './stats';

export const num = (x: number, digits = 0) =>
	x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const kb = (bytes: number) => `${num(bytes / 1000, 1)} KB`;
export const mb = (bytes: number) => `${num(bytes / 1e6, 1)} MB`;

/** "median (min–max)" with a unit formatter. */
export function fmt(s: Spread | null, unit: (x: number) => string = (x) => `${num(x)} ms`): string {
	if (!s) return 'n/a';
	if (s.min === s.max) return unit(s.median);
	return `${unit(s.median)} (${unit(s.min)}–${unit(s.max)})`;
}
