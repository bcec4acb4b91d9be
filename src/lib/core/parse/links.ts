/** Linking jumps across pages: `(下转第3版)` on one page, `(上接第1版)` on page 3 of the same issue. */

import type { ParsedDocument } from './types';

export interface ArticleRef {
	documentId: string;
	articleId: string;
}

export interface ContinuationLink {
	/** The article that breaks off with `continuedTo`. */
	from: ArticleRef;
	/** Its continuation, which starts with `continuedFrom`. */
	to: ArticleRef;
}

function pageRef(page: number | null): string | null {
	return page === null ? null : `第${page}版`;
}

/** Titles compared without spaces: a repeated title may be set on one line or two. */
function titleKey(title: string): string {
	return title.replace(/\s+/g, '');
}

/**
 * Pairs every article continued on another page with its continuation among `documents`:
 * same paper and date, the page its `continuedTo` names, a `continuedFrom` naming the page it
 * left, and the same title — or, when the continuation has no title, the only candidate.
 * Articles whose continuation is not among the documents are simply not linked.
 */
export function linkContinuations(documents: ParsedDocument[]): ContinuationLink[] {
	const byIssuePage = new Map<string, ParsedDocument[]>();
	const issueKey = (doc: ParsedDocument, page: string) =>
		`${doc.page.paper ?? ''}|${doc.page.date ?? ''}|${page}`;
	for (const doc of documents) {
		const page = pageRef(doc.page.pageNumber);
		if (page === null) continue;
		const key = issueKey(doc, page);
		const list = byIssuePage.get(key);
		if (list) list.push(doc);
		else byIssuePage.set(key, [doc]);
	}
	const links: ContinuationLink[] = [];
	for (const doc of documents) {
		const here = pageRef(doc.page.pageNumber);
		if (here === null) continue;
		for (const article of doc.articles) {
			if (article.continuedTo === null) continue;
			const targets = byIssuePage.get(issueKey(doc, article.continuedTo)) ?? [];
			const candidates = targets.flatMap((target) =>
				target.articles.filter((a) => a.continuedFrom === here).map((a) => ({ target, a }))
			);
			const wanted = titleKey(article.title ?? '');
			const match =
				candidates.find((c) => wanted !== '' && titleKey(c.a.title ?? '') === wanted) ??
				(candidates.length === 1 && candidates[0].a.title === null ? candidates[0] : undefined);
			if (match) {
				links.push({
					from: { documentId: doc.id, articleId: article.id },
					to: { documentId: match.target.id, articleId: match.a.id }
				});
			}
		}
	}
	return links;
}
