/**
 * How the library lists pages: one group per paper and date (an issue), its pages in page order,
 * and the pages before and after one in its issue (上一版/下一版).
 */

import type { DocumentSummary } from './summary';

/** The page details grouping needs; a DocumentSummary has them. */
export interface GroupedPage {
	id: string;
	source: string;
	page: { paper: string | null; date: string | null; pageNumber: number | null };
}

export interface PageGroup<T extends GroupedPage = DocumentSummary> {
	/** `paper|date`; empty for the group of pages known only by name. */
	key: string;
	paper: string | null;
	date: string | null;
	documents: T[];
}

/**
 * Plain code-unit order: localeCompare goes through ICU collation, which a thousand pages
 * re-sorted on every batch made one of the main thread's largest costs.
 */
export function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** By file name. */
export function bySource(a: GroupedPage, b: GroupedPage): number {
	return compareText(a.source, b.source);
}

/** By page number (pages without one last), then file name. */
export function byPageNumber(a: GroupedPage, b: GroupedPage): number {
	return (a.page.pageNumber ?? 1e9) - (b.page.pageNumber ?? 1e9) || bySource(a, b);
}

/** The issue a page belongs to, or null when its paper or date is unknown. */
export function issueKey(doc: GroupedPage): string | null {
	return doc.page.paper && doc.page.date ? `${doc.page.paper}|${doc.page.date}` : null;
}

/**
 * Pages of one paper and date together, newest date first, then by paper; each group's pages in
 * page order. Pages known only by name come last, in one group by file name.
 */
export function groupPages<T extends GroupedPage>(documents: readonly T[]): PageGroup<T>[] {
	const groups = new Map<string, PageGroup<T>>();
	const loose: T[] = [];
	for (const doc of documents) {
		const key = issueKey(doc);
		if (!key) {
			loose.push(doc);
			continue;
		}
		let group = groups.get(key);
		if (!group) {
			group = { key, paper: doc.page.paper, date: doc.page.date, documents: [] };
			groups.set(key, group);
		}
		group.documents.push(doc);
	}
	const dated = [...groups.values()]
		.map((g) => ({ ...g, documents: g.documents.sort(byPageNumber) }))
		.sort(
			(a, b) => compareText(b.date ?? '', a.date ?? '') || compareText(a.paper ?? '', b.paper ?? '')
		);
	return loose.length
		? [...dated, { key: '', paper: null, date: null, documents: loose.sort(bySource) }]
		: dated;
}

/** The previous and next page of page `id`'s paper and date; none for a page without both. */
export function neighbours<T extends GroupedPage>(
	documents: readonly T[],
	id: string
): { previous: T | null; next: T | null } {
	const doc = documents.find((d) => d.id === id);
	const key = doc && issueKey(doc);
	if (!doc || !key) return { previous: null, next: null };
	const pages = documents.filter((d) => issueKey(d) === key).sort(byPageNumber);
	const at = pages.indexOf(doc);
	return { previous: pages[at - 1] ?? null, next: pages[at + 1] ?? null };
}
