/** The parser's output: one newspaper page as structured articles. Plain JSON data. */

export interface PageMeta {
	/** The page header line as printed, e.g. `太行日报 2022年3月8日 第1版`. */
	header: string | null;
	/** The editors' footer line, e.g. `本版责编:张某 美编:李某`. */
	footer: string | null;
	paper: string | null;
	/** ISO date `YYYY-MM-DD`. */
	date: string | null;
	/**
	 * `MM-DD` when only month and day are known (from the articles' datelines, see
	 * derive-meta.ts); absent when `date` is known or nothing says.
	 */
	monthDay?: string;
	pageNumber: number | null;
	pageName: string | null;
}

export interface Article {
	/** URL-safe; stable when other articles on the page change. */
	id: string;
	kicker: string | null;
	/** Null when the title is not on this page: a continuation, or text before the first title. */
	title: string | null;
	subtitle: string | null;
	/** A column named in parentheses after the title (`（人民论坛）`); it stays in the title too. */
	column: string | null;
	agency: string | null;
	reporters: string[];
	correspondents: string[];
	dateline: string | null;
	paragraphs: string[];
	/** Indices into `paragraphs` of the article's subheads (小标题), in order; empty when none. */
	subheads: number[];
	captions: string[];
	continued: boolean;
	continuedFrom: string | null;
	continuedTo: string | null;
	/** First and last source line (1-based) of the article. */
	lines: [number, number];
	/**
	 * Continuation markers removed from the text, exactly as printed (`(下转第3版)`), so that
	 * every character of the page is still accounted for.
	 */
	markers?: string[];
}

/** What a non-article block on the page is. */
export type BlockKind = 'ad' | 'listing' | 'notice' | 'puzzle' | 'table' | 'other';

/** A non-article block (ad, cinema listing, notice, puzzle, table, weather box…). */
export interface PageBlock {
	kind: BlockKind;
	/** First and last source line (1-based). */
	lines: [number, number];
	/** Its lines as written (heading marks removed), one per line. */
	text: string;
}

export type DiagnosticLevel = 'info' | 'warning' | 'error';

export interface Diagnostic {
	level: DiagnosticLevel;
	message: string;
	line: number | null;
}

export interface ParsedDocument {
	/** From the file name: URL-safe and stable. */
	id: string;
	/** The file name. */
	source: string;
	page: PageMeta;
	articles: Article[];
	/** Ads, listings, notices, puzzles and tables: not articles, kept apart in page order. */
	blocks?: PageBlock[];
	diagnostics: Diagnostic[];
	/**
	 * Furniture lines that belong to no article and no page field: a second header line, a
	 * caption on a page without articles, a marker with nothing to attach to.
	 */
	furniture?: string[];
	/** The parser version that produced this document (a cache key). */
	parserVersion?: number;
	/** The text encoding the bytes were decoded with (set by `parseBytes`), e.g. `gb18030`. */
	encoding?: string;
}

/** Optional sidecar `NAME.json` beside a seed or import. */
export interface SidecarMeta {
	paper?: string;
	date?: string;
	page?: number;
	pageName?: string;
}
