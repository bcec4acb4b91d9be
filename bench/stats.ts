// Summaries of measured values, shared by the sections, the budgets and the renderer.

export interface Spread {
	median: number;
	min: number;
	max: number;
}

/** The p-th percentile (nearest rank) of the values. */
export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The upper median: for an even count, the higher of the middle two. */
export function upperMedian(values: number[]): number {
	return [...values].sort((a, b) => a - b)[values.length >> 1];
}

/** The upper median, minimum and maximum of a section's own runs, rounded: what it stores. */
export function spread(values: number[], digits = 3): Spread {
	const sorted = [...values].sort((a, b) => a - b);
	const round = (x: number) => Math.round(x * 10 ** digits) / 10 ** digits;
	return {
		median: round(upperMedian(sorted)),
		min: round(sorted[0]),
		max: round(sorted[sorted.length - 1])
	};
}

/** Stored samples summarised for the report; null when none is a number. */
export function spreadOf(values: (number | null | undefined)[]): Spread | null {
	const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
	if (!v.length) return null;
	v.sort((a, b) => a - b);
	// The lower median for even counts: one of the measured values, never an average.
	return { median: v[(v.length - 1) >> 1], min: v[0], max: v[v.length - 1] };
}
