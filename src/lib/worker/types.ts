import type { Article, BlockKind, Diagnostic, PageMeta, SidecarMeta } from '../core/parse/types';

/** Where a document's text comes from: a bundled seed URL or bytes the reader imported. */
export interface DocumentSource {
	source: string;
	url?: string;
	bytes?: ArrayBuffer;
	sidecar: SidecarMeta | null;
	/** Forces a text encoding instead of detecting one. */
	encoding?: string;
	imported?: boolean;
	/** Set for imported pages, which keep the id they were stored under. */
	id?: string;
}

/**
 * The shape of DocumentSummary and ArticleSummary: the worker keeps the library's summaries in
 * IndexedDB under it, so raise it whenever they change.
 */
export const SUMMARY_VERSION = 2;

/** What the library and page views need of an article, without its full text. */
export type ArticleSummary = Pick<
	Article,
	| 'id'
	| 'kicker'
	| 'title'
	| 'subtitle'
	| 'agency'
	| 'reporters'
	| 'correspondents'
	| 'dateline'
	| 'continued'
	| 'continuedFrom'
	| 'continuedTo'
> & {
	/** The opening of the lead paragraph. */
	lead: string;
	paragraphCount: number;
};

export interface DocumentSummary {
	id: string;
	source: string;
	page: PageMeta;
	articles: ArticleSummary[];
	/** Non-article blocks (ads, listings, notices…) on the page; their text comes with the page. */
	blockCount: number;
	diagnostics: Diagnostic[];
	encoding: string;
	imported: boolean;
	/** Set when the text could not be fetched or read at all. */
	error: string | null;
}

export function summariseArticle(article: Article): ArticleSummary {
	const lead = article.paragraphs[0] ?? '';
	return {
		id: article.id,
		kicker: article.kicker,
		title: article.title,
		subtitle: article.subtitle,
		agency: article.agency,
		reporters: article.reporters,
		correspondents: article.correspondents,
		dateline: article.dateline,
		lead: lead.length > 120 ? `${lead.slice(0, 120)}…` : lead,
		paragraphCount: article.paragraphs.length,
		continued: article.continued,
		continuedFrom: article.continuedFrom,
		continuedTo: article.continuedTo
	};
}

export type { SearchFilters } from '../core/search/index';

/** One search result as the UI shows it: the snippet comes with the ranges to mark. */
export interface SearchResultHit {
	docId: string;
	/** An article's id, or a block's search id (`block-1`, `block-2`…). */
	articleId: string;
	/** The kind of a non-article block; null for an article. */
	block: BlockKind | null;
	title: string;
	paper: string | null;
	date: string | null;
	pageNumber: number | null;
	snippet: string;
	/** [start, end) ranges inside `snippet` that matched. */
	marks: [number, number][];
	inTitle: boolean;
	/** Kicker, title and subtitle with the hits in them marked. */
	heading: {
		kicker: { text: string; marks: [number, number][] } | null;
		title: { text: string; marks: [number, number][] };
		subtitle: { text: string; marks: [number, number][] } | null;
	};
}

export interface SearchResultPage {
	query: string;
	total: number;
	offset: number;
	hits: SearchResultHit[];
	/** Set when the query could not be run (e.g. only exclusions). */
	message: string | null;
}

export interface SearchFacets {
	papers: string[];
	pages: number[];
	reporters: string[];
	dates: string[];
}

export interface IndexProgress {
	indexed: number;
	total: number;
	ready: boolean;
	restored: boolean;
}
