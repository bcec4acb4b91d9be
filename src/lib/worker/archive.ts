/**
 * The worker's side of the static archive (core/archive, platform/archive): the manifest and the
 * catalog shards and locators loaded so far, search with ArchiveSearch over index shards fetched
 * on demand (kept in IndexedDB), hits placed by their shards' locators and made whole from their
 * pages' files, and offline search over the pages on the device.
 */
import {
	articleInLocator,
	articleInShard,
	indexFilePrefix,
	locateArticle,
	type ArchiveManifest,
	type CatalogLocator,
	type CatalogPage,
	type CatalogShard,
	type LocatedArticle,
	type ManifestCatalogEntry,
	type PageFileRef
} from '../core/archive/catalog';
import {
	archivePageFile,
	catalogSummary,
	checkCatalogShard,
	checkLocator,
	checkManifest,
	newestMonthEntries,
	offlineFiles
} from '../core/archive/pages';
import type { ArchiveSearch } from '../core/archive/search';
import type { DocumentSummary } from '../core/library/summary';
import type { ParsedDocument } from '../core/parse/types';
import type { SearchIndex } from '../core/search/index';
import type { SearchFilters, SearchHit } from '../core/search/types';
import {
	ArchiveUnavailable,
	cachedArchiveFiles,
	fetchArchiveFile,
	MANIFEST_FILE
} from '../platform/archive';
import {
	dropArchiveShardsExcept,
	loadArchivePlace,
	loadArchiveShard,
	saveArchivePlace,
	saveArchiveShard
} from '../platform/caches';
import type { ArchiveMonth, SearchAnswer, SearchRequest } from './types';

const decoder = new TextDecoder();
const searchModule = () => import('../core/search/index');
// The index reader (and the normaliser's tables it brings) loads on the first search, not with
// the listing: a first visit lists the newest issue without it.
const archiveSearchModule = () => import('../core/archive/search');

function json(bytes: Uint8Array): unknown {
	try {
		return JSON.parse(decoder.decode(bytes));
	} catch {
		return null;
	}
}

/** The catalog's page details pass the filters (as the on-device index's docPasses). */
function pagePasses(page: CatalogPage, filters: SearchFilters): boolean {
	if (filters.paper && page.paper !== filters.paper) return false;
	if (Number.isFinite(filters.page) && page.page !== filters.page) return false;
	if (filters.dateFrom || filters.dateTo) {
		if (page.date === null) return false;
		if (filters.dateFrom && page.date < filters.dateFrom) return false;
		if (filters.dateTo && page.date > filters.dateTo) return false;
	}
	return true;
}

/** Whether a catalog shard (one paper, one month) can hold pages passing the filters. */
function entryPasses(entry: ManifestCatalogEntry, filters: SearchFilters): boolean {
	if (filters.paper && entry.paper !== filters.paper) return false;
	if (filters.dateFrom || filters.dateTo) {
		if (entry.month === null) return false;
		if (filters.dateFrom && entry.month < filters.dateFrom.slice(0, 7)) return false;
		if (filters.dateTo && entry.month > filters.dateTo.slice(0, 7)) return false;
	}
	return true;
}

export class ArchiveSession {
	readonly #catalog = new Map<string, Promise<CatalogShard>>();
	readonly #locators = new Map<string, Promise<CatalogLocator>>();
	readonly #pages = new Map<string, CatalogPage>();
	/** Pages placed by a locator (search hits) and not listed: enough to open their files. */
	readonly #located = new Map<string, PageFileRef>();
	/** Each listed or placed page's catalog shard (paper and month), remembered for pages opened. */
	readonly #places = new Map<string, { paper: string | null; month: string | null }>();
	#index: Promise<ArchiveSearch> | null = null;
	#offline: SearchIndex | null = null;

	private constructor(
		readonly base: string,
		readonly manifest: ArchiveManifest,
		private readonly openDocument: (page: PageFileRef) => Promise<ParsedDocument>
	) {}

	/** The index reader, made on the first search. */
	#search(): Promise<ArchiveSearch> {
		if (!this.#index) {
			this.#index = archiveSearchModule().then(
				({ ArchiveSearch }) => new ArchiveSearch(this.manifest, (name) => this.#indexShard(name))
			);
			// A failed import is not kept: the next search tries again.
			this.#index.catch(() => (this.#index = null));
		}
		return this.#index;
	}

	/** Reads the manifest (from the server; offline, the copy on the device). */
	static async open(
		base: string,
		openDocument: (page: PageFileRef) => Promise<ParsedDocument>
	): Promise<ArchiveSession> {
		const manifest = checkManifest(json(await fetchArchiveFile(base, MANIFEST_FILE)));
		if (typeof manifest === 'string')
			throw new Error(`档案目录(manifest.json)无法使用:${manifest}`);
		void dropArchiveShardsExcept(indexFilePrefix(manifest.index));
		return new ArchiveSession(base, manifest, openDocument);
	}

	async #indexShard(name: string): Promise<Uint8Array> {
		const kept = await loadArchiveShard(name);
		if (kept) return kept;
		const bytes = await fetchArchiveFile(this.base, name, { keep: false });
		void saveArchiveShard(name, bytes);
		return bytes;
	}

	months(): ArchiveMonth[] {
		return this.manifest.catalog.map(({ paper, month, pages, name, bytes }) => ({
			paper,
			month,
			pages,
			name,
			bytes
		}));
	}

	catalogShard(entry: ManifestCatalogEntry): Promise<CatalogShard> {
		let pending = this.#catalog.get(entry.name);
		if (!pending) {
			pending = fetchArchiveFile(this.base, entry.name).then((bytes) => {
				const shard = checkCatalogShard(json(bytes), entry);
				if (!shard) throw new Error(`档案分目录 ${entry.name} 无法识别`);
				for (const page of shard.pages) {
					this.#pages.set(page.id, page);
					this.#places.set(page.id, { paper: shard.paper, month: shard.month });
				}
				return shard;
			});
			this.#catalog.set(entry.name, pending);
			// A failed fetch is not kept: the next use tries again.
			pending.catch(() => this.#catalog.delete(entry.name));
		}
		return pending;
	}

	/** A catalog shard's locator: what places a search hit, a few KB where the shard is ~70. */
	locator(entry: ManifestCatalogEntry): Promise<CatalogLocator> {
		let pending = this.#locators.get(entry.locator);
		if (!pending) {
			pending = fetchArchiveFile(this.base, entry.locator).then((bytes) => {
				const locator = checkLocator(json(bytes), entry);
				if (!locator) throw new Error(`档案定位文件 ${entry.locator} 无法识别`);
				return locator;
			});
			this.#locators.set(entry.locator, pending);
			// A failed fetch is not kept: the next use tries again.
			pending.catch(() => this.#locators.delete(entry.locator));
		}
		return pending;
	}

	async #summaries(entries: readonly ManifestCatalogEntry[]): Promise<DocumentSummary[]> {
		const shards = await Promise.all(entries.map((entry) => this.catalogShard(entry)));
		return shards.flatMap((shard) => shard.pages.map(catalogSummary));
	}

	/** The newest month's pages, every paper: what the library lists first. */
	newest(): Promise<DocumentSummary[]> {
		return this.#summaries(newestMonthEntries(this.manifest));
	}

	/** One month's pages of one paper (or of every paper when `paper` is undefined). */
	month(paper: string | null | undefined, month: string | null): Promise<DocumentSummary[]> {
		return this.#summaries(
			this.manifest.catalog.filter(
				(e) => (paper === undefined || e.paper === paper) && e.month === month
			)
		);
	}

	/**
	 * A page of any month: one listed so far, else one opened on an earlier visit (its month is
	 * remembered), whose catalog shard is fetched again. A link to a page of a month never listed
	 * on this device is not found: ids do not say their month.
	 */
	async find(id: string): Promise<PageFileRef | undefined> {
		const listed = this.#pages.get(id) ?? this.#located.get(id);
		if (listed) return listed;
		const place = await loadArchivePlace(id);
		if (!place) return undefined;
		try {
			await this.month(place.paper, place.month);
		} catch {
			return undefined;
		}
		return this.#pages.get(id);
	}

	/** Remembers where an opened page is, for links to it on later visits. */
	remember(id: string): void {
		const place = this.#places.get(id);
		if (place) void saveArchivePlace(id, place);
	}

	/** A page's file, from the device when it is there. */
	pageFile(page: PageFileRef): Promise<Uint8Array> {
		const name = archivePageFile(page);
		if (!name) return Promise.reject(new Error(`无法载入 ${page.source}`));
		return fetchArchiveFile(this.base, name);
	}

	/** Every file an offline copy of these catalog shards needs (the shards and their pages). */
	async offlineFiles(names: readonly string[]): Promise<string[]> {
		const entries = this.manifest.catalog.filter((e) => names.includes(e.name));
		const shards = await Promise.all(entries.map((entry) => this.catalogShard(entry)));
		return offlineFiles(entries, shards);
	}

	/**
	 * Hits `offset` … `offset + limit - 1` in archive order and the total: exact unless asked
	 * with `exactTotal: false`, when the index stops at the window completing the hits (filters
	 * and offline search always count exactly). Offline (or when an index shard cannot be had)
	 * only the pages on the device are searched, and the answer says how many there are.
	 */
	async search(query: string, options: SearchRequest): Promise<SearchAnswer> {
		if (globalThis.navigator?.onLine === false) return this.#searchOffline(query, options);
		try {
			return await this.#searchOnline(query, options);
		} catch (error) {
			if (error instanceof ArchiveUnavailable) return this.#searchOffline(query, options);
			throw error;
		}
	}

	async #searchOnline(
		query: string,
		{ offset, limit, filters, exactTotal = true }: SearchRequest
	): Promise<SearchAnswer> {
		// The catalog holds no bylines: a reporter filter narrows imported pages only.
		if (filters.reporter) return { total: 0, totalExact: true, hits: [] };
		const narrowed = Boolean(
			filters.paper || filters.dateFrom || filters.dateTo || Number.isFinite(filters.page)
		);
		if (!narrowed) {
			const found = await (
				await this.#search()
			).search(query, {
				offset,
				limit,
				exactTotal,
				onCandidates: (articles) => this.#prepare(articles, limit)
			});
			return {
				total: found.total,
				totalExact: found.totalExact,
				hits: await this.#hits(found.hits, query)
			};
		}
		// Narrowed: every hit is placed in its catalog shard (months and papers the filters rule
		// out are never fetched) and checked against its page. This takes every hit, so the
		// total is exact whatever was asked.
		const all = await (
			await this.#search()
		).search(query, { offset: 0, limit: this.manifest.articles });
		const kept: { article: number; count: number }[] = [];
		for (const hit of all.hits) {
			const entry = locateArticle(this.manifest, hit.article);
			if (!entry || !entryPasses(entry, filters)) continue;
			const placed = articleInShard(await this.catalogShard(entry), hit.article);
			if (placed && pagePasses(placed.page, filters)) kept.push(hit);
		}
		return {
			total: kept.length,
			totalExact: true,
			hits: await this.#hits(kept.slice(offset, offset + limit), query)
		};
	}

	/**
	 * The hits made whole. Each is placed by its catalog shard when that is held already (the
	 * library's months, the newest among them: where most first hits are), else by the shard's
	 * locator (all of them fetched in one round, each file once), and made from its page's file
	 * (one round more); a locator that cannot be had or read leaves its hits to the catalog shard.
	 */
	/**
	 * While the index decides among a few candidate articles, places them and fetches their
	 * pages, so the hits among them show a round or two sooner: locators (about 2 KB) for a few
	 * more than the hits asked for, page files (about 6 KB) only when the candidates are no more
	 * than the hits asked for. What is fetched is kept (the same promises serve the hits).
	 */
	#prepare(articles: Uint32Array, limit: number): void {
		if (articles.length > limit + 6) return;
		for (const article of articles) {
			const entry = locateArticle(this.manifest, article);
			if (!entry) continue;
			this.#place(entry, article)
				.then((placed) => {
					if (placed && articles.length <= limit) return this.openDocument(placed.page);
				})
				.catch(() => undefined); // the hits fetch again, and say so
		}
	}

	async #hits(hits: readonly { article: number; count: number }[], query: string) {
		const made = await Promise.all(
			hits.map(async ({ article, count }) => {
				const entry = locateArticle(this.manifest, article);
				if (!entry) return null;
				const placed = await this.#place(entry, article);
				return placed ? this.#hit(entry, article, placed, count, query) : null;
			})
		);
		return made.filter((hit): hit is SearchHit => hit !== null);
	}

	/** Article number `article`'s page and place on it: by a held catalog shard, else the locator. */
	async #place(entry: ManifestCatalogEntry, article: number): Promise<LocatedArticle | null> {
		const inShard = (shard: CatalogShard): LocatedArticle | null => {
			const placed = articleInShard(shard, article);
			if (!placed) return null;
			const { page } = placed;
			return {
				page,
				index: page.articles.findIndex(([id]) => id === placed.articleId),
				articles: page.articles.length
			};
		};
		const held = this.#catalog.get(entry.name);
		if (held) {
			try {
				return inShard(await held);
			} catch {
				// it could not be had after all: the locator
			}
		}
		let locator: CatalogLocator;
		try {
			locator = await this.locator(entry);
		} catch {
			return inShard(await this.catalogShard(entry));
		}
		const placed = articleInLocator(locator, article);
		if (placed && !this.#pages.has(placed.page.id)) {
			this.#located.set(placed.page.id, placed.page);
			this.#places.set(placed.page.id, { paper: entry.paper, month: entry.month });
		}
		return placed;
	}

	/** A hit as the on-device index makes it (heading, snippet, marks), from the page's own file. */
	async #hit(
		entry: ManifestCatalogEntry,
		article: number,
		{ page, index, articles }: LocatedArticle,
		count: number,
		query: string
	): Promise<SearchHit | null> {
		try {
			const doc = await this.openDocument(page);
			// The build numbered the articles of the page as its parse split them: a parse that
			// splits it otherwise cannot say which article the hit is.
			if (doc.articles.length === articles) {
				const { articleHit } = await searchModule();
				const hit = articleHit(doc, index, query);
				if (hit) return hit;
			}
		} catch {
			// the page's file cannot be had: the catalog's heading stands in
		}
		const placed = articleInShard(await this.catalogShard(entry), article);
		if (!placed) return null;
		const heading = placed.page.articles.find(([id]) => id === placed.articleId)?.[1] ?? '';
		return {
			docId: page.id,
			articleId: placed.articleId,
			block: null,
			title: heading,
			heading: { kicker: null, title: { text: heading, ranges: [] }, subtitle: null },
			paper: page.paper,
			date: page.date,
			pageNumber: page.page,
			pageName: page.pageName,
			snippet: { text: '', ranges: [] },
			inTitle: false,
			count,
			firstOffset: 0
		};
	}

	/** Searches the archive pages whose files are on the device, with the on-device index. */
	async #searchOffline(query: string, options: SearchRequest): Promise<SearchAnswer> {
		const files = await cachedArchiveFiles(this.base);
		const { SearchIndex } = await searchModule();
		const index = (this.#offline ??= new SearchIndex());
		let pages = 0;
		for (const entry of this.manifest.catalog) {
			if (!files.has(entry.name)) continue;
			let shard: CatalogShard;
			try {
				shard = await this.catalogShard(entry);
			} catch {
				continue;
			}
			for (const page of shard.pages) {
				const name = archivePageFile(page);
				if (!name || !files.has(name)) continue;
				if (!index.has(page.id)) {
					try {
						index.add(await this.openDocument(page));
					} catch {
						continue; // unreadable: not searched, not counted
					}
				}
				pages++;
			}
		}
		return { ...index.search(query, options), totalExact: true, offlinePages: pages };
	}
}
