/**
 * The archive as the reader uses it: the page files beside the catalog (`page-<hash>.txt`,
 * named by the content hash the catalog holds), a catalog page as a library summary until its
 * file is opened and parsed, the checks every fetched manifest, catalog shard and locator passes
 * (they come from a server: untrusted), and which files the offline copy of an issue or a month
 * needs.
 */

import type { SidecarMeta } from '../parse/types';
import type { DocumentSummary } from '../library/summary';
import type {
	ArchiveManifest,
	CatalogLocator,
	CatalogPage,
	CatalogShard,
	ManifestCatalogEntry,
	PageFileRef
} from './catalog';
import { ARCHIVE_FORMAT } from './version';

/** Per catalog shard name, the bytes of its pages' files and its locator (written beside the manifest). */
export const DOWNLOADS_FILE = 'downloads.json';

/** A fetched downloads.json, checked: a shard name → bytes map, or empty. */
export function checkDownloadSizes(value: unknown): Map<string, number> {
	const sizes = new Map<string, number>();
	if (!isObject(value)) return sizes;
	for (const [name, bytes] of Object.entries(value)) {
		if (CATALOG_NAME.test(name) && isCount(bytes)) sizes.set(name, bytes);
	}
	return sizes;
}

const HASH = /^[0-9a-f]{1,32}$/;
const CATALOG_NAME = /^catalog-[0-9a-f]{1,32}\.json$/;
const LOCATOR_NAME = /^locator-[0-9a-f]{1,32}\.json$/;
/** The index's id goes into every index file's URL (catalog.ts indexShardName): a hash, nothing else. */
const INDEX_ID = /^[0-9a-f]{1,32}$/;
/** The most buckets a build makes is 2^20 (build.ts); a little room above, not a reason to trust 2^31. */
const MAX_BUCKET_BITS = 24;
const MONTH = /^\d{4}-\d{2}$/;

/** The page file's name in the archive, or null for a hash no build writes. */
export function archivePageFile(page: Pick<CatalogPage, 'hash'>): string | null {
	return HASH.test(page.hash) ? `page-${page.hash}.txt` : null;
}

/** The catalog's page details as the parser's sidecar: parsing the file gives the same page. */
export function pageSidecar(page: PageFileRef): SidecarMeta | null {
	const sidecar: SidecarMeta = {};
	if (page.paper !== null) sidecar.paper = page.paper;
	if (page.date !== null) sidecar.date = page.date;
	if (page.page !== null) sidecar.page = page.page;
	if (page.pageName !== null) sidecar.pageName = page.pageName;
	return Object.keys(sidecar).length ? sidecar : null;
}

/** What the library lists for a page not opened yet: its catalog entry, article headings only. */
export function catalogSummary(page: CatalogPage): DocumentSummary {
	return {
		id: page.id,
		source: page.source,
		page: {
			header: null,
			footer: null,
			paper: page.paper,
			date: page.date,
			pageNumber: page.page,
			pageName: page.pageName
		},
		articles: page.articles.map(([id, heading]) => ({
			id,
			kicker: null,
			title: heading,
			subtitle: null,
			agency: null,
			reporters: [],
			correspondents: [],
			dateline: null,
			continued: false,
			continuedFrom: null,
			continuedTo: null,
			lead: '',
			paragraphCount: 0
		})),
		blockCount: 0,
		diagnostics: [],
		encoding: 'utf-8',
		imported: false,
		error: null,
		unparsable: null
	};
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isText = (v: unknown, max = 1000): v is string => typeof v === 'string' && v.length <= max;
const textOrNull = (v: unknown) => v === null || isText(v);
const monthOrNull = (v: unknown) => v === null || (typeof v === 'string' && MONTH.test(v));

/**
 * A fetched manifest, checked: the manifest, or the reason it is not one this reader can use (a
 * reader message; the manifest comes from a server, so anything can be in it).
 */
export function checkManifest(value: unknown): ArchiveManifest | string {
	if (!isObject(value)) return '不是档案目录';
	if (value.format !== ARCHIVE_FORMAT) {
		return `档案格式 ${typeof value.format === 'string' ? value.format.slice(0, 40) : '不明'},本阅读器读 ${ARCHIVE_FORMAT}`;
	}
	const { bucketBits, pages, articles, catalog, index } = value;
	if (!isCount(bucketBits) || bucketBits > MAX_BUCKET_BITS) return '索引分片数无法识别';
	if (!isCount(pages) || !isCount(articles)) return '版数或文章数无法识别';
	if (!Array.isArray(catalog)) return '分目录列表无法识别';
	let next = 0;
	for (const e of catalog as unknown[]) {
		const ok =
			isObject(e) &&
			textOrNull(e.paper) &&
			monthOrNull(e.month) &&
			typeof e.name === 'string' &&
			CATALOG_NAME.test(e.name) &&
			typeof e.locator === 'string' &&
			LOCATOR_NAME.test(e.locator) &&
			isCount(e.bytes) &&
			isCount(e.pages) &&
			isCount(e.articles) &&
			// Entries are consecutive runs of article numbers: locateArticle's binary search needs it.
			e.firstArticle === next;
		if (!ok) return '分目录条目无法识别';
		next += e.articles as number;
	}
	if (next !== articles) return '分目录的文章数与总数不符';
	// Index file names are computed from the id, so only the id and the sizes are listed.
	if (
		!isObject(index) ||
		typeof index.id !== 'string' ||
		!INDEX_ID.test(index.id) ||
		index.shards !== 2 ** bucketBits ||
		!isCount(index.shardBytes) ||
		!isCount(index.chunkFiles) ||
		!isCount(index.chunkBytes)
	) {
		return '索引条目无法识别';
	}
	return value as unknown as ArchiveManifest;
}

const isDateOrNull = (v: unknown) =>
	v === null || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v));

function checkPage(p: unknown): boolean {
	return (
		isObject(p) &&
		isText(p.id, 300) &&
		isText(p.source, 300) &&
		textOrNull(p.paper) &&
		isDateOrNull(p.date) &&
		(p.page === null || isCount(p.page)) &&
		textOrNull(p.pageName) &&
		isText(p.titleLine, 10_000) &&
		typeof p.hash === 'string' &&
		HASH.test(p.hash) &&
		Array.isArray(p.articles) &&
		p.articles.every(
			(a: unknown) =>
				Array.isArray(a) && a.length === 2 && isText(a[0], 300) && isText(a[1], 10_000)
		)
	);
}

/** A fetched catalog shard, checked against its manifest entry; null when it does not fit. */
export function checkCatalogShard(
	value: unknown,
	entry: ManifestCatalogEntry
): CatalogShard | null {
	if (!isObject(value) || !Array.isArray(value.pages)) return null;
	if (value.paper !== entry.paper || value.month !== entry.month) return null;
	if (value.firstArticle !== entry.firstArticle || !value.pages.every(checkPage)) return null;
	const shard = value as unknown as CatalogShard;
	const articles = shard.pages.reduce((sum, page) => sum + page.articles.length, 0);
	return articles === entry.articles ? shard : null;
}

/** A locator page: [id, source, hash, date, page number, page name, article count]. */
function checkLocatorPage(p: unknown): boolean {
	return (
		Array.isArray(p) &&
		p.length === 7 &&
		isText(p[0], 300) &&
		isText(p[1], 300) &&
		typeof p[2] === 'string' &&
		HASH.test(p[2]) &&
		isDateOrNull(p[3]) &&
		(p[4] === null || isCount(p[4])) &&
		textOrNull(p[5]) &&
		isCount(p[6])
	);
}

/**
 * A fetched locator, checked against its manifest entry as a catalog shard is: its pages and
 * article counts must add up to the entry's, so every article number of the entry lands on a
 * page. Null when it does not fit.
 */
export function checkLocator(value: unknown, entry: ManifestCatalogEntry): CatalogLocator | null {
	if (!isObject(value) || !Array.isArray(value.pages)) return null;
	if (value.paper !== entry.paper || value.month !== entry.month) return null;
	if (value.firstArticle !== entry.firstArticle || value.pages.length !== entry.pages) return null;
	if (!value.pages.every(checkLocatorPage)) return null;
	const locator = value as unknown as CatalogLocator;
	const articles = locator.pages.reduce((sum, page) => sum + page[6], 0);
	return articles === entry.articles ? locator : null;
}

/** The catalog entries of the newest month (every paper), which a first visit loads. */
export function newestMonthEntries(manifest: ArchiveManifest): ManifestCatalogEntry[] {
	const newest = manifest.catalog[0]?.month;
	return manifest.catalog.filter((entry) => entry.month === newest);
}

/** One paper's issue: its date and pages. */
export interface ArchiveIssue {
	paper: string | null;
	date: string;
	pages: CatalogPage[];
}

/** The dated issues in catalog shards, newest first (then paper by name). */
export function issuesIn(shards: readonly CatalogShard[]): ArchiveIssue[] {
	const byKey = new Map<string, ArchiveIssue>();
	for (const shard of shards) {
		for (const page of shard.pages) {
			if (page.date === null) continue;
			const key = JSON.stringify([page.paper, page.date]);
			let issue = byKey.get(key);
			if (!issue) byKey.set(key, (issue = { paper: page.paper, date: page.date, pages: [] }));
			issue.pages.push(page);
		}
	}
	return [...byKey.values()].sort(
		(a, b) =>
			(a.date < b.date ? 1 : a.date > b.date ? -1 : 0) ||
			((a.paper ?? '') < (b.paper ?? '') ? -1 : (a.paper ?? '') > (b.paper ?? '') ? 1 : 0)
	);
}

/** The page files of the newest `count` issues among the shards, no file twice. */
export function newestIssueFiles(shards: readonly CatalogShard[], count: number): string[] {
	const files = issuesIn(shards)
		.slice(0, count)
		.flatMap((issue) => issue.pages.map(archivePageFile));
	return [...new Set(files.filter((name): name is string => name !== null))];
}

/**
 * What an offline copy of some catalog shards is: the shards, their locators (which place a hit
 * on the device as online) and their pages' files.
 */
export function offlineFiles(
	entries: readonly ManifestCatalogEntry[],
	shards: readonly CatalogShard[]
): string[] {
	const pages = shards.flatMap((shard) => shard.pages.map(archivePageFile));
	const names = [...entries.flatMap((entry) => [entry.name, entry.locator]), ...pages];
	return [...new Set(names.filter((name): name is string => name !== null))];
}

/** One paper of the archive as the back-issues view lists it, from the manifest alone. */
export interface ArchivePaper {
	paper: string;
	/** Months with pages, newest first. */
	months: string[];
	pages: number;
}

/** The papers in the archive's catalog entries, by name; pages naming no paper are left out. */
export function archivePapers(
	entries: readonly { paper: string | null; month: string | null; pages: number }[]
): ArchivePaper[] {
	const byPaper = new Map<string, ArchivePaper>();
	for (const { paper, month, pages } of entries) {
		if (paper === null) continue;
		let found = byPaper.get(paper);
		if (!found) byPaper.set(paper, (found = { paper, months: [], pages: 0 }));
		if (month !== null && !found.months.includes(month)) found.months.push(month);
		found.pages += pages;
	}
	for (const found of byPaper.values()) found.months.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
	return [...byPaper.values()].sort((a, b) => (a.paper < b.paper ? -1 : a.paper > b.paper ? 1 : 0));
}
