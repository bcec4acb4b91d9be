/**
 * Exact full-text search over parsed newspaper pages.
 *
 * An article matches when every included term, normalised (normalize.ts), is a substring of the
 * article's normalised text and no excluded term is. FlexSearch holds the inverted index of
 * n-gram tokens (encoder.ts), one FlexSearch document per page, except the tokens on more than
 * 1/COMMON_SHARE of the pages, kept as rows of bits (page-bits.ts); together they narrow the pages
 * that can contain the terms, and every article of those pages is then checked with `indexOf` on
 * its normalised text. The answer is therefore exactly what a substring scan over all articles
 * returns, with the exact total, whatever FlexSearch's own limits (its default 100 results).
 *
 * Bulk builds and restores compute the postings here and load them through FlexSearch's
 * `import` (its own export format), because FlexSearch's `add` costs about a microsecond per
 * posting: seconds for an 11 MB archive. Single pages go through `add`.
 *
 * Pure: no DOM, no Node APIs. The worker owns an instance and stores its `export()` snapshot.
 */

import { Index as FlexIndex } from 'flexsearch';
import type { Article, BlockKind, PageBlock, ParsedDocument } from '../parse/types';
import { normalize, normalizePrefixWithMap, normalizeWithMap } from './normalize';
import {
	SEGMENT_SEPARATOR,
	TOKEN_SPACE,
	flexEncode,
	indexTokenIds,
	queryTokenIds,
	tokenString
} from './encoder';
import { PageBits } from './page-bits';
import { byteCounts, findTerm, finderOf, type Finder } from './finder';
import { HEAD_SEGMENTS, searchSegments } from './segments';
import { compileQuery, type CompiledQuery, type QueryTerm } from './query';
import type {
	Facet,
	Facets,
	Marked,
	Range,
	SearchFilters,
	SearchHit,
	SearchOptions,
	SearchResult
} from './types';
import { hashString } from '../hash';

export { hashString };

export { parseQuery, formatQuery, compileQuery } from './query';
export type { QueryTerm, CompiledQuery } from './query';
export { normalize, normalizeWithMap, normalizeQueryTerm } from './normalize';
export type * from './types';

/** Version of normalisation, tokens and snapshot layout. A snapshot from another version is refused. */
export const SEARCH_VERSION = 'banmian-search-4';

/** One article as the index keeps it. Plain data: part of the snapshot. */
export interface StoredArticle {
	id: string;
	/**
	 * Source text of the searchable fields: title, kicker, subtitle (empty when absent), then
	 * agency, reporters, correspondents, paragraphs and captions.
	 */
	segments: string[];
	/** The segments normalised and joined by SEGMENT_SEPARATOR. */
	norm: string;
	/** End of title, kicker and subtitle in `norm`. */
	headEnd: number;
	/** Reporters and correspondents. */
	people: string[];
	/** Set for a non-article block: found only when the search asks for blocks. */
	block?: BlockKind;
}

/** One page as the index keeps it. Plain data: part of the snapshot. */
export interface StoredDoc {
	id: string;
	paper: string | null;
	date: string | null;
	page: number | null;
	pageName: string | null;
	articles: StoredArticle[];
}

/**
 * The inverted index FlexSearch holds, in compact form: for the i-th token id in `tokens`
 * (ascending), the slots of the pages holding it are `slots[offsets[i]] … slots[offsets[i+1]-1]`.
 */
export interface Postings {
	tokens: Int32Array;
	offsets: Int32Array;
	/** 16-bit while there are fewer than 65536 pages: half the snapshot's largest part. */
	slots: Uint16Array | Int32Array;
}

/**
 * Everything needed to restore an index without the documents or re-normalising them. Plain
 * objects, strings and typed arrays: structured-clone safe for IndexedDB and postMessage
 * (not JSON: typed arrays do not survive JSON.stringify).
 */
export interface SearchSnapshot {
	version: string;
	/** Page i has slot i. */
	docs: StoredDoc[];
	postings: Postings;
}

const DEFAULT_LIMIT = 50;
const SNIPPET_BEFORE = 24;
const SNIPPET_LENGTH = 96;
const CACHE_SIZE = 8;
/** Up to this many hits, a first page is picked by insertion instead of sorting every match. */
const SELECT_MAX = 256;
/** From this many pages on, addAll rebuilds the whole map instead of adding page by page. */
const BULK_MIN = 32;
/**
 * A token on more than 1/COMMON_SHARE of the pages, and on at least COMMON_MIN, is kept as a row
 * of bits (page-bits.ts) instead of in FlexSearch: from 1/64 of the pages on, a bit per page is
 * cheaper than FlexSearch's eight bytes per posting, and such a token hardly narrows anyway.
 */
const COMMON_SHARE = 32;
/** About how many pages the byte counts that choose where to look for a term are taken from. */
const BYTE_SAMPLE_PAGES = 256;
const COMMON_MIN = 8;

interface Match {
	slot: number;
	article: number;
	inTitle: boolean;
	/** Non-overlapping hits of the terms, summed; -1 until a ranking needs it (see Ranking). */
	count: number;
	first: number;
	/** Position of the page among all pages by date (newest first), then id. */
	pageRank: number;
}

function createFlex(): FlexIndex {
	// Tokens arrive ready-made (see encoder.ts); one resolution slot: ranking is done here.
	return new FlexIndex({
		encode: flexEncode as (text: string) => string[],
		tokenize: 'strict',
		resolution: 1
	});
}

function storeArticle(article: Article): StoredArticle {
	const segments = searchSegments(article);
	const normalized = segments.map(normalize);
	let headEnd = HEAD_SEGMENTS - 1;
	for (let i = 0; i < HEAD_SEGMENTS; i++) headEnd += normalized[i].length;
	return {
		id: article.id,
		segments,
		norm: normalized.join(SEGMENT_SEPARATOR),
		headEnd,
		people: [...article.reporters, ...article.correspondents]
	};
}

/** The id a search hit gives the n-th block of a page (0-based): never an article's (`a…`). */
export function blockId(n: number): string {
	return `block-${n + 1}`;
}

/** A block as an entry: its first line stands as its title, the rest as its body. */
function storeBlock(block: PageBlock, n: number): StoredArticle {
	const lines = block.text.split('\n');
	const segments = [lines[0] ?? '', '', '', ...lines.slice(1)];
	const normalized = segments.map(normalize);
	return {
		id: blockId(n),
		segments,
		norm: normalized.join(SEGMENT_SEPARATOR),
		headEnd: normalized[0].length + HEAD_SEGMENTS - 1,
		people: [],
		block: block.kind
	};
}

function storeDoc(doc: ParsedDocument): StoredDoc {
	const entries = doc.articles.map(storeArticle);
	const blocks = doc.blocks ?? [];
	for (let n = 0; n < blocks.length; n++) entries.push(storeBlock(blocks[n], n));
	return {
		id: doc.id,
		paper: doc.page.paper,
		date: doc.page.date,
		page: doc.page.pageNumber,
		pageName: doc.page.pageName,
		articles: entries
	};
}

/** Ranges of non-overlapping occurrences of each term in a normalised text, sorted and merged. */
function normalizedRanges(norm: string, terms: readonly string[]): Range[] {
	const ranges: Range[] = [];
	for (const term of terms) {
		for (let p = norm.indexOf(term); p >= 0; p = norm.indexOf(term, p + term.length)) {
			ranges.push([p, p + term.length]);
		}
	}
	return mergeRanges(ranges);
}

function mergeRanges(ranges: Range[]): Range[] {
	ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	const out: Range[] = [];
	for (const r of ranges) {
		const last = out[out.length - 1];
		if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
		else out.push([r[0], r[1]]);
	}
	return out;
}

function markTerms(text: string, terms: readonly string[]): Range[] {
	if (!terms.length || !text) return [];
	const map = normalizeWithMap(text);
	const ranges = normalizedRanges(map.text, terms).map(([s, e]): Range => [
		map.toSource[s],
		map.toSourceEnd[e - 1]
	]);
	// Neighbouring hits can share a source character (one character may normalise to several).
	return mergeRanges(ranges);
}

/**
 * The marks `cutSnippet` keeps of `markTerms(text, terms)`, without normalising a long paragraph
 * or finding every occurrence in it: each term's occurrences are followed only up to the first
 * that starts past any window around the first hit (that one still counts: in normalised text it
 * may adjoin an earlier one, and merged with it carry that mark to the window's end).
 */
function snippetMarks(text: string, terms: readonly string[]): Range[] {
	if (!terms.length || !text) return [];
	const longest = Math.max(...terms.map((t) => t.length));
	// Normalise a prefix, longer each time it proves too short: enough that every occurrence
	// starting before the first unit past the window's limit lies wholly inside it.
	for (let units = 4 * SNIPPET_LENGTH; ; units *= 4) {
		const map = normalizePrefixWithMap(text, units);
		const firsts = terms.map((term) => map.text.indexOf(term));
		let anchor = Infinity;
		for (const p of firsts) if (p >= 0) anchor = Math.min(anchor, map.toSource[p]);
		if (anchor === Infinity) {
			if (map.complete) return [];
			continue;
		}
		// No window ends later (see cutSnippet; one more for a surrogate pair).
		const limit = Math.max(0, anchor - SNIPPET_BEFORE) + SNIPPET_LENGTH + 1;
		let past = 0;
		while (past < map.text.length && map.toSource[past] < limit) past++;
		if (!map.complete && map.text.length < past + longest) continue;
		const ranges: Range[] = [];
		terms.forEach((term, t) => {
			for (let p = firsts[t]; p >= 0; p = map.text.indexOf(term, p + term.length)) {
				ranges.push([p, p + term.length]);
				if (map.toSource[p] >= limit) break;
			}
		});
		return mergeRanges(
			mergeRanges(ranges).map(([s, e]): Range => [map.toSource[s], map.toSourceEnd[e - 1]])
		);
	}
}

/**
 * Where the query's included terms occur in a source text, in source offsets: for marking every
 * hit in an opened article, field by field. Same normalisation as search.
 */
export function highlight(
	text: string,
	query: string | readonly QueryTerm[] | CompiledQuery
): Range[] {
	const compiled = isCompiled(query) ? query : compileQuery(query);
	return markTerms(text, compiled.include);
}

function isCompiled(query: unknown): query is CompiledQuery {
	return typeof query === 'object' && query !== null && 'include' in query && 'exclude' in query;
}

/** Cuts a window around `ranges[0]` out of `text`, keeping the ranges that fall inside. */
function cutSnippet(text: string, ranges: Range[]): Marked {
	const anchor = ranges.length ? ranges[0][0] : 0;
	let start = Math.max(0, anchor - SNIPPET_BEFORE);
	let end = Math.min(text.length, start + SNIPPET_LENGTH);
	if (end === text.length) start = Math.max(0, end - SNIPPET_LENGTH);
	// Never split a surrogate pair.
	if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
	if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
	const prefix = start > 0 ? '…' : '';
	const suffix = end < text.length ? '…' : '';
	const shift = prefix.length - start;
	const kept: Range[] = [];
	for (const [s, e] of ranges) {
		if (e <= start || s >= end) continue;
		kept.push([Math.max(s, start) + shift, Math.min(e, end) + shift]);
	}
	return { text: prefix + text.slice(start, end) + suffix, ranges: kept };
}

function isLowSurrogate(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}

function marked(text: string, terms: readonly string[]): Marked {
	return { text, ranges: markTerms(text, terms) };
}

/**
 * Key for a stored snapshot: changes when any document's content, the parser or the search code
 * changes. Independent of document order (ranking is too).
 */
export function indexCacheKey(docHashes: readonly string[], parserVersion: string): string {
	const docs = [...docHashes].sort().join('\n');
	return `${SEARCH_VERSION}|${parserVersion}|${docHashes.length}|${hashString(docs)}`;
}

/** Inverts per-page token ids (page i at slot i) into postings, slots ascending. */
function invert(perDoc: readonly Int32Array[]): Postings {
	const counts = new Int32Array(TOKEN_SPACE);
	for (const ids of perDoc) for (let i = 0; i < ids.length; i++) counts[ids[i]]++;
	let distinct = 0;
	for (let id = 0; id < TOKEN_SPACE; id++) if (counts[id]) distinct++;
	const tokens = new Int32Array(distinct);
	const offsets = new Int32Array(distinct + 1);
	const next = new Int32Array(TOKEN_SPACE);
	let k = 0;
	let total = 0;
	for (let id = 0; id < TOKEN_SPACE; id++) {
		if (!counts[id]) continue;
		tokens[k] = id;
		offsets[k] = total;
		next[id] = total;
		total += counts[id];
		k++;
	}
	offsets[distinct] = total;
	const slots = perDoc.length <= 0x10000 ? new Uint16Array(total) : new Int32Array(total);
	perDoc.forEach((ids, slot) => {
		for (let i = 0; i < ids.length; i++) slots[next[ids[i]]++] = slot;
	});
	return { tokens, offsets, slots };
}

export class SearchIndex {
	private flex: FlexIndex = createFlex();
	/** The common tokens (see COMMON_SHARE), which FlexSearch does not hold. */
	private common = new PageBits([], 0);
	/** By FlexSearch id. */
	private docs: (StoredDoc | null)[] = [];
	private slots = new Map<string, number>();
	private cache = new Map<string, Ranking>();
	private ranks: Int32Array | null = null;
	private counts: Uint32Array | null = null;

	/** Adds a page, replacing any page with the same id. */
	add(doc: ParsedDocument): void {
		if (this.slots.has(doc.id)) this.remove(doc.id);
		const stored = storeDoc(doc);
		const slot = this.docs.length;
		this.docs.push(stored);
		this.slots.set(stored.id, slot);
		const tokens: string[] = [];
		for (const id of indexTokenIds(stored.articles.map((a) => a.norm))) {
			if (this.common.has(id)) this.common.set(id, slot);
			else tokens.push(tokenString(id));
		}
		// The encoder takes the token array as is (see flexEncode).
		if (tokens.length) this.flex.add(slot, tokens as unknown as string);
		this.changed();
	}

	/**
	 * Adds many pages, replacing pages with the same ids; a later page in `docs` wins. A large
	 * batch rebuilds FlexSearch's map in one pass and hands it over through FlexSearch's import,
	 * several times faster than adding page by page (0.3 s instead of 3 s for 11 MB).
	 */
	addAll(docs: Iterable<ParsedDocument>): void {
		const batch = new Map<string, ParsedDocument>();
		for (const doc of docs) {
			batch.delete(doc.id);
			batch.set(doc.id, doc);
		}
		if (this.slots.size && batch.size < BULK_MIN) {
			for (const doc of batch.values()) this.add(doc);
			return;
		}
		const kept = this.docs.filter((doc): doc is StoredDoc => doc !== null && !batch.has(doc.id));
		this.load([...kept, ...[...batch.values()].map(storeDoc)], null);
	}

	/** Fills an empty index with pages at slots 0…n-1 and their postings (computed if null). */
	private load(docs: StoredDoc[], postings: Postings | null): void {
		this.docs = docs.slice();
		this.slots = new Map(docs.map((doc, slot) => [doc.id, slot]));
		this.changed();
		postings ??= invert(docs.map((doc) => indexTokenIds(doc.articles.map((a) => a.norm))));
		const { tokens, offsets, slots } = postings;
		const isCommon = (k: number) => {
			const pages = offsets[k + 1] - offsets[k];
			return pages >= COMMON_MIN && pages * COMMON_SHARE > docs.length;
		};
		const common: number[] = [];
		for (let k = 0; k < tokens.length; k++) if (isCommon(k)) common.push(tokens[k]);
		this.common = new PageBits(common, docs.length);
		// FlexSearch's own export format, resolution 1: [token, [ids]] per token, and the ids.
		const map: [string, number[][]][] = [];
		for (let k = 0; k < tokens.length; k++) {
			const start = offsets[k];
			const end = offsets[k + 1];
			if (isCommon(k)) {
				for (let i = start; i < end; i++) this.common.set(tokens[k], slots[i]);
				continue;
			}
			const ids: number[] = new Array(end - start);
			for (let i = 0; i < ids.length; i++) ids[i] = slots[start + i];
			map.push([tokenString(tokens[k]), [ids]]);
		}
		this.flex = createFlex();
		this.flex.import('reg', docs.map((_, slot) => slot) as unknown as string);
		this.flex.import('map', map as unknown as string);
	}

	private changed(): void {
		this.cache.clear();
		this.ranks = null;
		this.counts = null;
	}

	/**
	 * Byte counts (see finder.ts) of a sample of the indexed text, counted again after a change:
	 * a few hundred pages tell the rare bytes from the common ones as well as all of them.
	 */
	private byteCounts(): Uint32Array {
		if (this.counts) return this.counts;
		const texts: string[] = [];
		const step = Math.max(1, Math.floor(this.docs.length / BYTE_SAMPLE_PAGES));
		for (let slot = 0; slot < this.docs.length; slot += step) {
			for (const article of this.docs[slot]?.articles ?? []) texts.push(article.norm);
		}
		return (this.counts = byteCounts(texts));
	}

	/** Removes a page; no-op when absent. */
	remove(docId: string): void {
		const slot = this.slots.get(docId);
		if (slot === undefined) return;
		this.flex.remove(slot);
		this.common.clear(slot);
		this.docs[slot] = null;
		this.slots.delete(docId);
		this.changed();
	}

	has(docId: string): boolean {
		return this.slots.has(docId);
	}

	/** Ids of the indexed pages, in insertion order. */
	docIds(): string[] {
		return [...this.slots.keys()];
	}

	get articleCount(): number {
		let n = 0;
		for (const doc of this.docs) if (doc) n += countArticles(doc);
		return n;
	}

	/**
	 * Articles matching the query, ranked: hits in the heading first, then more hits, then an
	 * earlier first hit, then newer pages. A query without included terms matches nothing.
	 */
	search(query: string | readonly QueryTerm[], options: SearchOptions = {}): SearchResult {
		const compiled = compileQuery(query);
		if (!compiled.include.length) return { total: 0, hits: [] };
		const filters = options.filters ?? {};
		const offset = Math.max(0, Math.floor(options.offset ?? 0));
		const limit = Math.max(0, options.limit ?? DEFAULT_LIMIT);
		const end = limit === Infinity ? Infinity : offset + Math.floor(limit);
		const ranking = this.ranking(compiled, filters, end);
		return {
			total: ranking.total,
			hits: ranking.range(offset, end).map((m) => this.hit(m, compiled.include, ranking.finders))
		};
	}

	/** All matches of a query; cached so paging through one query stays cheap. */
	/** `end`: how many of the best the first page asked for needs. */
	private ranking(query: CompiledQuery, filters: SearchFilters, end: number): Ranking {
		const key = JSON.stringify([query.include, query.exclude, filters]);
		const cached = this.cache.get(key);
		if (cached) {
			// Refresh its place in the LRU order.
			this.cache.delete(key);
			this.cache.set(key, cached);
			return cached;
		}
		const counts = this.byteCounts();
		const include = query.include.map((term) => finderOf(term, counts));
		const exclude = query.exclude.map((term) => finderOf(term, counts));
		const countHits = (m: Match) =>
			countTerms((this.docs[m.slot] as StoredDoc).articles[m.article].norm, include, m.first);
		const matches = this.match(query.include, include, exclude, filters, end);
		const ranking = new Ranking(matches, countHits, include);
		this.cache.set(key, ranking);
		if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
		return ranking;
	}

	/** Slots of the pages holding every token of the terms: FlexSearch's and the common ones. */
	private candidates(include: readonly string[]): number[] {
		const tokens = new Set<number>();
		for (const term of include) for (const t of queryTokenIds(term)) tokens.add(t);
		const rare: string[] = [];
		const common: number[] = [];
		for (const t of tokens) {
			if (this.common.has(t)) common.push(t);
			else rare.push(tokenString(t));
		}
		if (!rare.length) return this.common.slotsWithAll(common);
		const limit = Math.max(1, this.docs.length);
		const found = this.flex.search(rare.join(' '), { limit }) as number[];
		return common.length ? found.filter((slot) => this.common.hasAll(slot, common)) : found;
	}

	/**
	 * The matches, counted while their text is at hand, except body matches once `end` heading
	 * matches are found: those rank after every heading match, and are counted later if a page
	 * reaches them (see Ranking).
	 */
	private match(
		terms: readonly string[],
		include: readonly Finder[],
		exclude: readonly Finder[],
		filters: SearchFilters,
		end: number
	): Match[] {
		const ranks = this.pageRanks();
		const out: Match[] = [];
		let headed = 0;
		for (const slot of this.candidates(terms)) {
			const doc = this.docs[slot];
			if (!doc || !docPasses(doc, filters)) continue;
			for (let i = 0; i < doc.articles.length; i++) {
				const article = doc.articles[i];
				if (article.block !== undefined && !filters.blocks) continue;
				if (filters.reporter && !article.people.includes(filters.reporter)) continue;
				const first = firstMatch(article.norm, include, exclude);
				if (first < 0) continue;
				// A term's first occurrence is in the heading iff any is: the heading comes first.
				const inTitle = first < article.headEnd;
				if (inTitle) headed++;
				const count = inTitle || headed < end ? countTerms(article.norm, include, first) : -1;
				out.push({ slot, article: i, inTitle, count, first, pageRank: ranks[slot] });
			}
		}
		return out;
	}

	/** Page ranks by slot (see Match.pageRank), computed once per change of the page set. */
	private pageRanks(): Int32Array {
		if (this.ranks) return this.ranks;
		const live: StoredDoc[] = [];
		for (const doc of this.docs) if (doc) live.push(doc);
		live.sort((a, b) => {
			const da = a.date ?? '';
			const db = b.date ?? '';
			if (da !== db) return da < db ? 1 : -1;
			return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
		});
		const ranks = new Int32Array(this.docs.length);
		live.forEach((doc, rank) => {
			ranks[this.slots.get(doc.id) as number] = rank;
		});
		return (this.ranks = ranks);
	}

	private hit(m: Match, terms: readonly string[], finders: readonly Finder[]): SearchHit {
		const doc = this.docs[m.slot] as StoredDoc;
		return makeHit(doc, doc.articles[m.article], m, terms, finders);
	}

	/** Papers, pages, reporters and dates of everything indexed, with article counts. */
	facets(): Facets {
		const papers = new Map<string, number>();
		const pages = new Map<number, number>();
		const reporters = new Map<string, number>();
		const dates = new Map<string, number>();
		const bump = <K>(map: Map<K, number>, key: K | null, by = 1) => {
			if (key !== null && key !== '') map.set(key, (map.get(key) ?? 0) + by);
		};
		for (const doc of this.docs) {
			if (!doc) continue;
			const n = countArticles(doc);
			bump(papers, doc.paper, n);
			bump(pages, doc.page, n);
			bump(dates, doc.date, n);
			for (const article of doc.articles) {
				for (const person of new Set(article.people)) bump(reporters, person);
			}
		}
		const byCount = (a: Facet<string>, b: Facet<string>) =>
			b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
		const list = <K>(map: Map<K, number>) => [...map].map(([value, count]) => ({ value, count }));
		return {
			papers: list(papers).sort(byCount),
			pages: list(pages).sort((a, b) => a.value - b.value),
			reporters: list(reporters).sort(byCount),
			dates: list(dates).sort((a, b) => (a.value < b.value ? 1 : a.value > b.value ? -1 : 0))
		};
	}

	/** A snapshot to store (e.g. in IndexedDB) and restore with `SearchIndex.import`. */
	export(): SearchSnapshot {
		const docs = this.docs.filter((doc): doc is StoredDoc => doc !== null);
		// Recomputed from the stored normalised texts: exactly what FlexSearch was given.
		const postings = invert(docs.map((doc) => indexTokenIds(doc.articles.map((a) => a.norm))));
		return { version: SEARCH_VERSION, docs, postings };
	}

	/** Restores an index from `export()`. Throws on a snapshot from another SEARCH_VERSION. */
	static import(snapshot: SearchSnapshot): SearchIndex {
		if (!snapshot || snapshot.version !== SEARCH_VERSION) {
			throw new Error(
				`search snapshot version ${snapshot?.version} is not ${SEARCH_VERSION}: rebuild the index`
			);
		}
		const index = new SearchIndex();
		index.load(snapshot.docs, snapshot.postings);
		return index;
	}
}

/** Articles of a page, its blocks left out. */
function countArticles(doc: StoredDoc): number {
	let n = 0;
	for (const entry of doc.articles) if (entry.block === undefined) n++;
	return n;
}

/**
 * The matches of one query and their order (see compareMatches). Only as many are put in order
 * as the pages asked for so far need: a first page of ten picks ten, a later page sorts once.
 * Hits are counted only where the order needs them: heading hits rank first, so while a page
 * lies within them, the others are not counted (a common character's body hits are most of the
 * work of a query).
 */
class Ranking {
	/** Best first: the best `ordered` of all, or all once sorted. */
	private order: Match[] = [];
	private ordered = 0;
	private readonly headed: Match[];

	constructor(
		private readonly matches: Match[],
		private readonly countHits: (m: Match) => number,
		/** How the query's included terms are found (see finder.ts). */
		readonly finders: readonly Finder[]
	) {
		this.headed = matches.filter((m) => m.inTitle);
	}

	get total(): number {
		return this.matches.length;
	}

	/** The matches ranked `start` … `end - 1`, counted. */
	range(start: number, end: number): Match[] {
		end = Math.min(end, this.total);
		if (start >= end) return [];
		if (end > this.ordered) {
			const pool = end <= this.headed.length ? this.headed : this.matches;
			for (const m of pool) if (m.count < 0) m.count = this.countHits(m);
			if (end <= SELECT_MAX && end * 4 < pool.length) this.select(pool, end);
			else this.sortAll(pool);
		}
		return this.order.slice(start, end);
	}

	/** The best `k` of `pool` in order, by insertion into a sorted list: most are rejected at once. */
	private select(pool: readonly Match[], k: number): void {
		const best: Match[] = [];
		for (const m of pool) {
			if (best.length === k && compareMatches(m, best[k - 1]) >= 0) continue;
			let j = best.length === k ? k - 1 : best.length;
			while (j > 0 && compareMatches(m, best[j - 1]) < 0) {
				best[j] = best[j - 1];
				j--;
			}
			best[j] = m;
		}
		this.order = best;
		this.ordered = k;
	}

	private sortAll(pool: readonly Match[]): void {
		this.order = pool.slice().sort(compareMatches);
		this.ordered = pool.length;
	}
}

/**
 * Where the first of the included terms occurs in a normalised text when every one does and no
 * excluded term does; else -1.
 */
function firstMatch(norm: string, include: readonly Finder[], exclude: readonly Finder[]): number {
	let first = Infinity;
	for (let t = 0; t < include.length; t++) {
		const p = findTerm(norm, include[t]);
		if (p < 0) return -1;
		if (p < first) first = p;
	}
	for (const term of exclude) if (findTerm(norm, term) >= 0) return -1;
	return first;
}

/** The hit of a matching article: its heading and snippet marked, its page's details. */
function makeHit(
	doc: Omit<StoredDoc, 'articles'>,
	article: StoredArticle,
	m: Pick<Match, 'inTitle' | 'count' | 'first'>,
	terms: readonly string[],
	finders: readonly Finder[]
): SearchHit {
	const [title, kicker, subtitle] = article.segments;
	return {
		docId: doc.id,
		articleId: article.id,
		block: article.block ?? null,
		title,
		heading: {
			kicker: kicker ? marked(kicker, terms) : null,
			title: marked(title, terms),
			subtitle: subtitle ? marked(subtitle, terms) : null
		},
		paper: doc.paper,
		date: doc.date,
		pageNumber: doc.page,
		pageName: doc.pageName,
		snippet: snippet(article, terms, finders),
		inTitle: m.inTitle,
		count: m.count,
		firstOffset: m.first
	};
}

/**
 * The hit a SearchIndex holding `doc` gives for its article `index` (same heading, snippet, marks
 * and counts), or null when the article does not match: for a hit found elsewhere (the static
 * archive's index), without indexing the page for it.
 */
export function articleHit(
	doc: ParsedDocument,
	index: number,
	query: string | readonly QueryTerm[]
): SearchHit | null {
	const source = doc.articles[index];
	const compiled = compileQuery(query);
	if (!source || !compiled.include.length) return null;
	const article = storeArticle(source);
	// The finders only choose how to look (finder.ts); this article's bytes do for counts.
	const counts = byteCounts([article.norm]);
	const include = compiled.include.map((term) => finderOf(term, counts));
	const exclude = compiled.exclude.map((term) => finderOf(term, counts));
	const first = firstMatch(article.norm, include, exclude);
	if (first < 0) return null;
	const page = {
		id: doc.id,
		paper: doc.page.paper,
		date: doc.page.date,
		page: doc.page.pageNumber,
		pageName: doc.page.pageName
	};
	const count = countTerms(article.norm, include, first);
	const m = { inTitle: first < article.headEnd, count, first };
	return makeHit(page, article, m, compiled.include, include);
}

/** Non-overlapping hits of the terms in a normalised text, summed; none starts before `from`. */
function countTerms(norm: string, terms: readonly Finder[], from: number): number {
	let count = 0;
	for (const finder of terms) {
		const length = finder.term.length;
		for (let p = findTerm(norm, finder, from); p >= 0; p = findTerm(norm, finder, p + length)) {
			count++;
		}
	}
	return count;
}

/** Heading hits first, then more hits, an earlier first hit, a newer page, article order. */
function compareMatches(a: Match, b: Match): number {
	if (a.inTitle !== b.inTitle) return a.inTitle ? -1 : 1;
	if (a.count !== b.count) return b.count - a.count;
	if (a.first !== b.first) return a.first - b.first;
	if (a.pageRank !== b.pageRank) return a.pageRank - b.pageRank;
	return a.article - b.article;
}

function docPasses(doc: StoredDoc, filters: SearchFilters): boolean {
	// An empty string or a missing number means "any", as an unset form field does.
	if (filters.paper && doc.paper !== filters.paper) return false;
	if (Number.isFinite(filters.page) && doc.page !== filters.page) return false;
	if (filters.dateFrom || filters.dateTo) {
		if (doc.date === null) return false;
		if (filters.dateFrom && doc.date < filters.dateFrom) return false;
		if (filters.dateTo && doc.date > filters.dateTo) return false;
	}
	return true;
}

function snippet(
	article: StoredArticle,
	terms: readonly string[],
	finders: readonly Finder[]
): Marked {
	const { segments, norm, headEnd } = article;
	let first = Infinity;
	for (const finder of finders) {
		const p = findTerm(norm, finder, headEnd + 1);
		if (p >= 0 && p < first) first = p;
	}
	if (first !== Infinity) {
		let segment = HEAD_SEGMENTS;
		for (let p = norm.indexOf(SEGMENT_SEPARATOR, headEnd + 1); p >= 0 && p < first;) {
			segment++;
			p = norm.indexOf(SEGMENT_SEPARATOR, p + 1);
		}
		return cutSnippet(segments[segment], snippetMarks(segments[segment], terms));
	}
	const body = segments.slice(HEAD_SEGMENTS).find((s) => s.trim()) ?? '';
	return cutSnippet(body, []);
}
