/**
 * Paging through search results the UI has already shown. Each article is listed at most once,
 * whatever the index does between two pages (a page imported or removed in another tab shifts
 * every later offset).
 */

export interface HitRef {
	docId: string;
	articleId: string;
}

/** One key per article: the JSON of the two ids, which no other pair of strings produces. */
export function hitKey(hit: HitRef): string {
	return JSON.stringify([hit.docId, hit.articleId]);
}

/** The hits in order, each article's first occurrence only. */
export function uniqueHits<T extends HitRef>(hits: readonly T[]): T[] {
	const seen = new Set<string>();
	return hits.filter((hit) => {
		const key = hitKey(hit);
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** A total as shown: exact, or a lower bound (the hits found so far; counting goes on). */
export interface ShownTotal {
	total: number;
	exact: boolean;
}

/** A search answer's total; `totalExact` absent means exact. */
export interface AnswerTotal {
	total: number;
	totalExact?: boolean;
}

/**
 * The total to show once an answer arrives beside the one shown: an exact total replaces
 * anything; a lower bound never replaces an exact total (a later page asked without the exact
 * count says less than is known) and only raises a lower bound.
 */
export function mergeTotal(shown: ShownTotal, answer: AnswerTotal): ShownTotal {
	if (answer.totalExact !== false) return { total: answer.total, exact: true };
	if (shown.exact) return shown;
	return { total: Math.max(shown.total, answer.total), exact: false };
}

/**
 * Whether more hits may follow the `shown` ones: while the total is a lower bound, yes (the
 * search stopped once it had the hits asked for, without looking further; a page asked for past
 * the last hit comes back empty with the exact total), else when the exact total says so.
 */
export function mayHaveMore(shown: number, total: ShownTotal): boolean {
	return !total.exact || shown < total.total;
}

/**
 * The list once the page after `shown` has arrived, or null when that page shows the index
 * moved since `shown` was loaded (another exact total, an exact total below a lower bound
 * shown, or a hit already shown): offsets no longer line up, so results may have been skipped
 * as well as repeated, and the list must be loaded again from the top. Two totals of which one
 * is a lower bound cannot be compared beyond that.
 */
export function appendPage<T extends HitRef>(
	shown: readonly T[],
	shownTotal: ShownTotal,
	page: { hits: readonly T[] } & AnswerTotal
): T[] | null {
	const pageExact = page.totalExact !== false;
	if (shownTotal.exact && pageExact && page.total !== shownTotal.total) return null;
	if (!shownTotal.exact && pageExact && page.total < shownTotal.total) return null;
	const next = [...shown, ...page.hits];
	const unique = uniqueHits(next);
	return unique.length === next.length ? unique : null;
}
