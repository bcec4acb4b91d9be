import type { SidecarMeta } from '../core/parse/types';

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

/** Why a page the parser gave up on was given up: its parse outlasted the budget. */
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

/** A catalog shard of the archive as the library and the download sheet see it. */
export interface ArchiveMonth {
	paper: string | null;
	/** `YYYY-MM`, null for undated pages. */
	month: string | null;
	pages: number;
	/** The catalog shard's file name. */
	name: string;
	/** The catalog shard's bytes. */
	bytes: number;
}

/** What the worker's search is asked for: hits `offset` … `offset + limit - 1`. */
export interface SearchRequest {
	offset: number;
	limit: number;
	filters: import('../core/search/types').SearchFilters;
	/**
	 * Default true. False: the archive stops once the requested hits are found, and the answer's
	 * total may be a lower bound (`totalExact: false`); on-device pages are always counted exactly.
	 */
	exactTotal?: boolean;
}

/**
 * A search answer. `totalExact` is false when `total` is only the hits found so far (a lower
 * bound: asked with `exactTotal: false`, the archive stopped early). `offlinePages` is set when
 * only the archive pages on the device were searched.
 */
export type SearchAnswer = import('../core/search/types').SearchResult & {
	totalExact: boolean;
	offlinePages?: number;
};
