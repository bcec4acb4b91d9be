/** Linking jumps across pages: `(下转第3版)` on one page, `(上接第1版)` on page 3 of the same issue. */

import type { Article, PageMeta } from './types';

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

/** What linking needs of a page: a parsed document and the library's summary of one both fit. */
export interface LinkablePage {
	id: string;
	page: Pick<PageMeta, 'paper' | 'date' | 'pageNumber'>;
	articles: readonly Pick<Article, 'id' | 'title' | 'continuedFrom' | 'continuedTo'>[];
}

type LinkableArticle = LinkablePage['articles'][number];

function pageRef(page: number | null): string | null {
	return page === null ? null : `第${page}版`;
}

/** Paper and date: a jump names a page of its own issue, so a page of unknown issue links nowhere. */
function issueKey(doc: LinkablePage): string | null {
	const { paper, date } = doc.page;
	return paper && date ? `${paper}|${date}` : null;
}

/** Titles compared without spaces: a repeated title may be set on one line or two. */
function titleKey(title: string | null): string {
	return (title ?? '').replace(/\s+/g, '');
}

/**
 * Pairs the articles on one page that jump to another page with those there that continue from
 * it, one to one: by title first; then, if exactly one start and one untitled continuation are
 * left, those two. A continuation under another title is never linked.
 */
function pairJumps(
	starts: { doc: LinkablePage; article: LinkableArticle }[],
	continuations: { doc: LinkablePage; article: LinkableArticle }[]
): ContinuationLink[] {
	const links: ContinuationLink[] = [];
	const unmatched = new Set(continuations);
	const left: typeof starts = [];
	for (const start of starts) {
		const wanted = titleKey(start.article.title);
		const match =
			wanted === '' ? undefined : [...unmatched].find((c) => titleKey(c.article.title) === wanted);
		if (!match) {
			left.push(start);
			continue;
		}
		unmatched.delete(match);
		links.push(link(start, match));
	}
	const untitled = [...unmatched].filter((c) => c.article.title === null);
	if (left.length === 1 && untitled.length === 1) links.push(link(left[0], untitled[0]));
	return links;
}

function link(
	start: { doc: LinkablePage; article: LinkableArticle },
	continuation: { doc: LinkablePage; article: LinkableArticle }
): ContinuationLink {
	return {
		from: { documentId: start.doc.id, articleId: start.article.id },
		to: { documentId: continuation.doc.id, articleId: continuation.article.id }
	};
}

/** The links between page `from` and page `to` of one issue, among that issue's pages. */
function linksBetween(
	issue: readonly LinkablePage[],
	from: string,
	to: string
): ContinuationLink[] {
	const on = (ref: string) => issue.filter((doc) => pageRef(doc.page.pageNumber) === ref);
	const starts = on(from).flatMap((doc) =>
		doc.articles.filter((a) => a.continuedTo === to).map((article) => ({ doc, article }))
	);
	const continuations = on(to).flatMap((doc) =>
		doc.articles.filter((a) => a.continuedFrom === from).map((article) => ({ doc, article }))
	);
	return starts.length && continuations.length ? pairJumps(starts, continuations) : [];
}

/**
 * Pairs every article continued on another page with its continuation among `documents`:
 * same paper and date, the page its `continuedTo` names, a `continuedFrom` naming the page it
 * left, and the same title — or, for the one start left over, the one untitled continuation.
 * Articles whose continuation is not among the documents are simply not linked.
 */
export function linkContinuations(documents: readonly LinkablePage[]): ContinuationLink[] {
	const issues = new Map<string, LinkablePage[]>();
	for (const doc of documents) {
		const key = issueKey(doc);
		if (key === null) continue;
		const list = issues.get(key);
		if (list) list.push(doc);
		else issues.set(key, [doc]);
	}
	const links: ContinuationLink[] = [];
	for (const issue of issues.values()) {
		// each pair of pages once, however many articles jump between them
		const jumps = new Map<string, Set<string>>();
		for (const doc of issue) {
			const here = pageRef(doc.page.pageNumber);
			if (here === null) continue;
			const targets = jumps.get(here) ?? new Set<string>();
			jumps.set(here, targets);
			for (const a of doc.articles) if (a.continuedTo !== null) targets.add(a.continuedTo);
		}
		for (const [from, targets] of jumps)
			for (const to of targets) links.push(...linksBetween(issue, from, to));
	}
	return links;
}

/**
 * Where one article's jump leads (`to`, from its `continuedTo`) and where its continuation
 * came from (`from`, from its `continuedFrom`), by the same rule as `linkContinuations`,
 * looking only at the pages the two markers name.
 */
export function continuationsOf(
	documents: readonly LinkablePage[],
	documentId: string,
	articleId: string
): { to: ArticleRef | null; from: ArticleRef | null } {
	const doc = documents.find((d) => d.id === documentId);
	const article = doc?.articles.find((a) => a.id === articleId);
	const key = doc && issueKey(doc);
	const here = doc && pageRef(doc.page.pageNumber);
	if (!article || !key || !here) return { to: null, from: null };
	const issue = documents.filter((d) => issueKey(d) === key);
	const to = article.continuedTo;
	const from = article.continuedFrom;
	const onward = to
		? linksBetween(issue, here, to).find(
				(l) => l.from.documentId === documentId && l.from.articleId === articleId
			)
		: undefined;
	const back = from
		? linksBetween(issue, from, here).find(
				(l) => l.to.documentId === documentId && l.to.articleId === articleId
			)
		: undefined;
	return { to: onward?.to ?? null, from: back?.from ?? null };
}

/** One part of a story read as one: an article on its own page. */
export interface JoinedPart extends ArticleRef {
	/** The page the part is printed on (for the divider 「接第3版」); null only for the first part. */
	pageNumber: number | null;
}

/** An article and the rest of its story on other pages in the library, read in place. */
export interface JoinedReading {
	/** The opened article first, then each continuation in turn. */
	parts: JoinedPart[];
	/**
	 * Where the story starts when the opened article is itself a continuation of one in the
	 * library (for 「从头读」); null when the opened article is the start.
	 */
	head: ArticleRef | null;
}

/** The divider shown before a continuation: 「接第3版」. */
export function joinLabel(part: Pick<JoinedPart, 'pageNumber'>): string | null {
	return part.pageNumber === null ? null : `接第${part.pageNumber}版`;
}

const refKey = (ref: ArticleRef) => `${ref.documentId}\n${ref.articleId}`;

/**
 * The opened article followed by its continuations, hop by hop, by `continuationsOf`; and the
 * start of its story when it is a continuation. A chain that comes back to an article already
 * in it (pages that name each other) stops there rather than looping, and has no start.
 */
export function joinedReading(
	documents: readonly LinkablePage[],
	documentId: string,
	articleId: string
): JoinedReading {
	const pageOf = (id: string) => documents.find((d) => d.id === id)?.page.pageNumber ?? null;
	const opened: ArticleRef = { documentId, articleId };
	const parts: JoinedPart[] = [{ ...opened, pageNumber: pageOf(documentId) }];
	const seen = new Set([refKey(opened)]);
	for (let at: ArticleRef = opened; ;) {
		const next = continuationsOf(documents, at.documentId, at.articleId).to;
		if (!next || seen.has(refKey(next))) break;
		seen.add(refKey(next));
		parts.push({ ...next, pageNumber: pageOf(next.documentId) });
		at = next;
	}
	let head: ArticleRef | null = null;
	const behind = new Set([refKey(opened)]);
	for (let at: ArticleRef = opened; ;) {
		const previous = continuationsOf(documents, at.documentId, at.articleId).from;
		if (!previous || behind.has(refKey(previous))) break;
		behind.add(refKey(previous));
		head = previous;
		at = previous;
	}
	// in a circle every article is both ahead and behind: there is no start to go back to
	if (head && seen.has(refKey(head))) head = null;
	return { parts, head };
}
