/**
 * The archive's catalog and manifest. The catalog is sharded by paper and month; every shard file
 * and index shard is named by a hash of its content, so files never change once published and
 * caches never need revalidating; only the small manifest changes from build to build.
 *
 * Archive order, which numbers the articles and orders search hits: newest month first; within a
 * month, paper by name; then newest date first, page number, page id, article order on the page.
 * Undated pages and pages without a paper come after the others. Grouping by month before paper
 * keeps every catalog shard one contiguous run of article numbers, so a hit is placed in its
 * shard by a binary search in the manifest.
 */

import { hashBytes } from '../hash';
import type { ParsedDocument } from '../parse/types';
import { articleHeading } from '../parse/title';
import { ARCHIVE_FORMAT } from './version';

/** One page in a catalog shard. */
export interface CatalogPage {
	id: string;
	/** The page's file name, as the reader's page files are named. */
	source: string;
	paper: string | null;
	date: string | null;
	page: number | null;
	pageName: string | null;
	/** The header line as printed, else the lead article's title. */
	titleLine: string;
	/** Hash of the page file's bytes: the key for caching its text. */
	hash: string;
	/** [article id, heading] in page order. */
	articles: [string, string][];
}

/** One catalog shard file: the pages of one paper in one month, in archive order. */
export interface CatalogShard {
	paper: string | null;
	month: string | null;
	/** Number of the first article of the first page. */
	firstArticle: number;
	pages: CatalogPage[];
}

export interface ManifestCatalogEntry {
	paper: string | null;
	month: string | null;
	name: string;
	/** The catalog shard's locator file (encodeCatalogLocator). */
	locator: string;
	bytes: number;
	pages: number;
	firstArticle: number;
	articles: number;
}

/**
 * The search index: one shard per bucket, `index-<id>-<bucket>.bin`, and the later chunks of
 * frequent tokens, `index-<id>-<key>-<chunk>.bin` (indexShardName, indexChunkName). Names are
 * computed, not listed, so the manifest stays the same size however large the archive grows.
 * The id hashes the format, the settings and the catalog (which names every page's content):
 * the same pages build the same files. (Renumbering on a new month changes every posting anyway,
 * so per-file content names would buy no cache hits.)
 */
export interface ManifestIndex {
	id: string;
	/** 2^bucketBits shards, one per bucket. */
	shards: number;
	/** All shards' bytes. */
	shardBytes: number;
	/** Files holding later chunks of frequent tokens, and their bytes. */
	chunkFiles: number;
	chunkBytes: number;
}

export interface ArchiveManifest {
	format: typeof ARCHIVE_FORMAT;
	/** Tokens fall in 2^bucketBits buckets (format.ts tokenBucket), one index shard each. */
	bucketBits: number;
	pages: number;
	articles: number;
	/** In archive order: the newest month first. */
	catalog: ManifestCatalogEntry[];
	index: ManifestIndex;
}

/** What opening a page's file takes: its id and file, and what the parser gets as its sidecar. */
export type PageFileRef = Pick<
	CatalogPage,
	'id' | 'source' | 'hash' | 'paper' | 'date' | 'page' | 'pageName'
>;

/**
 * One page in a locator, a tuple to keep the file small: id, source, hash, date, page number,
 * page name, and how many articles the build numbered on it.
 */
export type LocatorPage = [
	id: string,
	source: string,
	hash: string,
	date: string | null,
	page: number | null,
	pageName: string | null,
	articles: number
];

/**
 * A catalog shard without its title lines and headings: what turns an article number into its
 * page and that page's file. A search hit needs no more (its heading and snippet come from the
 * page file), and at 30,000 pages this is 1.8 KB a month gzipped where the catalog shard is 12 KB.
 */
export interface CatalogLocator {
	paper: string | null;
	month: string | null;
	firstArticle: number;
	pages: LocatorPage[];
}

/** A page placed by a locator: the page, the article's position on it, and its article count. */
export interface LocatedArticle {
	page: PageFileRef;
	/** The article's index among the page's articles, in page order. */
	index: number;
	/** The articles the build numbered on the page: a parse that splits it otherwise cannot place the hit. */
	articles: number;
}

export function catalogPage(doc: ParsedDocument, hash: string): CatalogPage {
	return {
		id: doc.id,
		source: doc.source,
		paper: doc.page.paper,
		date: doc.page.date,
		page: doc.page.pageNumber,
		pageName: doc.page.pageName,
		titleLine: doc.page.header ?? doc.articles[0]?.title ?? '',
		hash,
		articles: doc.articles.map((a) => [a.id, articleHeading(a)])
	};
}

/** `YYYY-MM` of an ISO date, null when undated. */
export function monthOf(date: string | null): string | null {
	return date && /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : null;
}

/** Null last; otherwise ascending, or descending when `descending`. */
function compareNullable<T extends string | number>(
	a: T | null,
	b: T | null,
	descending = false
): number {
	if (a === b) return 0;
	if (a === null) return 1;
	if (b === null) return -1;
	const order = a < b ? -1 : 1;
	return descending ? -order : order;
}

/** What archive order sorts a page by. */
export type CatalogSortKey = Pick<CatalogPage, 'id' | 'paper' | 'date' | 'page'>;

/** Archive order of pages (see the top of this file). */
export function compareCatalogPages(a: CatalogSortKey, b: CatalogSortKey): number {
	return (
		compareNullable(monthOf(a.date), monthOf(b.date), true) ||
		compareNullable(a.paper, b.paper) ||
		compareNullable(a.date, b.date, true) ||
		compareNullable(a.page, b.page) ||
		(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}

/**
 * Pages (or their sort keys) already in archive order, cut into shards by paper and month, their
 * articles numbered from 0.
 */
export function groupCatalog<T extends CatalogSortKey>(
	sorted: readonly T[],
	articleCount: (page: T) => number
): { paper: string | null; month: string | null; firstArticle: number; pages: T[] }[] {
	const shards: { paper: string | null; month: string | null; firstArticle: number; pages: T[] }[] =
		[];
	let next = 0;
	for (const page of sorted) {
		const month = monthOf(page.date);
		let shard = shards.at(-1);
		if (!shard || shard.paper !== page.paper || shard.month !== month) {
			shard = { paper: page.paper, month, firstArticle: next, pages: [] };
			shards.push(shard);
		}
		shard.pages.push(page);
		next += articleCount(page);
	}
	return shards;
}

const encoder = new TextEncoder();

/** A catalog shard as its file's bytes, and the file's content-addressed name. */
export function encodeCatalogShard(shard: CatalogShard): { name: string; bytes: Uint8Array } {
	const bytes = encoder.encode(JSON.stringify(shard));
	return { name: `catalog-${hashBytes(bytes)}.json`, bytes };
}

/** The locator of a catalog shard (every page of a shard is its paper's). */
export function catalogLocator(shard: CatalogShard): CatalogLocator {
	return {
		paper: shard.paper,
		month: shard.month,
		firstArticle: shard.firstArticle,
		pages: shard.pages.map((p) => [
			p.id,
			p.source,
			p.hash,
			p.date,
			p.page,
			p.pageName,
			p.articles.length
		])
	};
}

/** A locator as its file's bytes, and the file's content-addressed name. */
export function encodeCatalogLocator(locator: CatalogLocator): { name: string; bytes: Uint8Array } {
	const bytes = encoder.encode(JSON.stringify(locator));
	return { name: `locator-${hashBytes(bytes)}.json`, bytes };
}

/** What every file of this index's name starts with, and no other index's. */
export function indexFilePrefix(index: Pick<ManifestIndex, 'id'>): string {
	return `index-${index.id}-`;
}

/** The index shard of bucket `bucket`. */
export function indexShardName(index: Pick<ManifestIndex, 'id'>, bucket: number): string {
	return `${indexFilePrefix(index)}${bucket}.bin`;
}

/** The file of chunk `chunk` (> 0) of token `key`'s postings. */
export function indexChunkName(
	index: Pick<ManifestIndex, 'id'>,
	key: number,
	chunk: number
): string {
	return `${indexFilePrefix(index)}${key.toString(36)}-${chunk}.bin`;
}

/** The file of chunk `chunk` of token `key`'s article list (format.ts encodeArticleLists). */
export function indexArticlesName(
	index: Pick<ManifestIndex, 'id'>,
	key: number,
	chunk: number
): string {
	return `${indexFilePrefix(index)}${key.toString(36)}-a${chunk}.bin`;
}

/** Where article number `article` is: its catalog shard's entry, or null past the end. */
export function locateArticle(
	manifest: ArchiveManifest,
	article: number
): ManifestCatalogEntry | null {
	const list = manifest.catalog;
	let lo = 0;
	let hi = list.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const entry = list[mid];
		if (article < entry.firstArticle) hi = mid - 1;
		else if (article >= entry.firstArticle + entry.articles) lo = mid + 1;
		else return entry;
	}
	return null;
}

/** The page and article id of article number `article` in its (fetched) catalog shard. */
export function articleInShard(
	shard: CatalogShard,
	article: number
): { page: CatalogPage; articleId: string } | null {
	let n = article - shard.firstArticle;
	if (n < 0) return null;
	for (const page of shard.pages) {
		if (n < page.articles.length) return { page, articleId: page.articles[n][0] };
		n -= page.articles.length;
	}
	return null;
}

/** Article number `article` placed by its (fetched) catalog shard's locator, as articleInShard places it. */
export function articleInLocator(locator: CatalogLocator, article: number): LocatedArticle | null {
	let n = article - locator.firstArticle;
	if (n < 0) return null;
	for (const [id, source, hash, date, page, pageName, articles] of locator.pages) {
		if (n < articles) {
			const ref = { id, source, hash, paper: locator.paper, date, page, pageName };
			return { page: ref, index: n, articles };
		}
		n -= articles;
	}
	return null;
}
