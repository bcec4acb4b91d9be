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

/**
 * The list once the page after `shown` has arrived, or null when that page shows the index
 * moved since `shown` was loaded (another total, or a hit already shown): offsets no longer
 * line up, so results may have been skipped as well as repeated, and the list must be loaded
 * again from the top.
 */
export function appendPage<T extends HitRef>(
	shown: readonly T[],
	shownTotal: number,
	page: { hits: readonly T[]; total: number }
): T[] | null {
	if (page.total !== shownTotal) return null;
	const next = [...shown, ...page.hits];
	const unique = uniqueHits(next);
	return unique.length === next.length ? unique : null;
}
