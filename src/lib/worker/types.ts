import type { Article, BlockKind, Diagnostic, PageMeta, SidecarMeta } from '../core/parse/types';

/** Where a document's text comes from: a bundled seed URL or bytes the reader imported. */
export interface DocumentSource {
	source: string;
	url?: string;
	bytes?: ArrayBuffer;
	/** Text decoded already (an import the client gives a restarted worker); read as is. */
	text?: string;
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
	/** Set when the text could not be fetched, read or parsed. */
	error: string | null;
	/** Set when the parser gave up on the text (timed out or threw): why, for the notice. */
	unparsable: string | null;
}

/** What the library says of a page the parser gave up on. */
export const UNPARSABLE_NOTICE = '这一版无法解析';
export const PARSE_TIMEOUT_REASON = '解析超时';

/**
 * How long one page's parse may take before the worker counts as stuck: a floor for small pages
 * (and slow phones), plus a second per million characters, some ten times what the linear parser
 * needs, so a legitimate 50 MB import is never cut off.
 */
export function parseBudgetMs(characters: number): number {
	return 10_000 + Math.ceil(characters / 1000);
}

/**
 * Posted by the worker (outside comlink, which ignores messages without an id) around every
 * parse, so the client can tell a long parse from a stuck worker and which page it was.
 */
export type ParseNotice =
	| { banmianParse: 'start'; key: string; characters: number; token?: string }
	| { banmianParse: 'end' };

export function isParseNotice(value: unknown): value is ParseNotice {
	if (typeof value !== 'object' || value === null) return false;
	const notice = value as Partial<Record<string, unknown>>;
	if (notice.banmianParse === 'end') return true;
	return (
		notice.banmianParse === 'start' &&
		typeof notice.key === 'string' &&
		typeof notice.characters === 'number'
	);
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
