/**
 * The shapes search answers in: made by the index (index.ts), passed through the worker as they
 * are, shown by the search view and mapped to the embed protocol's own fields at the embed. Types
 * only, so the UI can name them without loading the index.
 */

import type { BlockKind } from '../parse/types';

/** `[start, end)` in UTF-16 code units. */
export type Range = [number, number];

/** Text with the ranges where the query's terms occur, sorted and not overlapping. */
export interface Marked {
	text: string;
	ranges: Range[];
}

/** Each filter is off when absent or empty. */
export interface SearchFilters {
	/** Exact paper name. */
	paper?: string;
	/** ISO `YYYY-MM-DD`, inclusive. Pages without a date are left out when a bound is set. */
	dateFrom?: string;
	/** ISO `YYYY-MM-DD`, inclusive. */
	dateTo?: string;
	/** Page number. */
	page?: number;
	/** A name among the article's reporters or correspondents. */
	reporter?: string;
	/** Also search the page's non-article blocks (ads, listings, notices…). Default: articles only. */
	blocks?: boolean;
}

export interface SearchOptions {
	/** Ranked hits to skip. Default 0. */
	offset?: number;
	/** Hits to return at most. Default 50; `Infinity` for all. */
	limit?: number;
	filters?: SearchFilters;
}

export interface SearchHit {
	docId: string;
	/** The article's id, or for a block `blockId(n)`. */
	articleId: string;
	/** The block's kind when the hit is a non-article block (its first line is the title). */
	block: BlockKind | null;
	title: string;
	/** Kicker, title and subtitle with the query's hits marked. */
	heading: { kicker: Marked | null; title: Marked; subtitle: Marked | null };
	paper: string | null;
	date: string | null;
	pageNumber: number | null;
	pageName: string | null;
	/**
	 * Source text around the first hit outside the heading, hits marked; `…` where cut. When the
	 * terms occur only in the heading: the start of the body, no ranges.
	 */
	snippet: Marked;
	/** Some term occurs in the title, kicker or subtitle. */
	inTitle: boolean;
	/** Occurrences of all included terms (non-overlapping, per term). */
	count: number;
	/** Offset of the first occurrence in the article's normalised text. */
	firstOffset: number;
}

export interface SearchResult {
	/** Exact number of matching articles. */
	total: number;
	/** The ranked hits from `offset`, at most `limit`. */
	hits: SearchHit[];
}

export interface Facet<T> {
	value: T;
	/** Articles. */
	count: number;
}

export interface Facets {
	/** By count, then name. */
	papers: Facet<string>[];
	/** By page number. */
	pages: Facet<number>[];
	/** Reporters and correspondents, by count, then name. */
	reporters: Facet<string>[];
	/** By date, newest first. */
	dates: Facet<string>[];
}
