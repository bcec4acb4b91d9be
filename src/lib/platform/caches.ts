/**
 * The caches in IndexedDB, and the one place that knows their keys: parses of bundled pages,
 * the library's listing, the pages the parser gave up on (all in `parseCache`) and the search
 * index snapshot (`searchIndex`). The worker reads and writes them so a second visit neither
 * re-parses the bundled pages nor rebuilds the index; the reading store drops them when the disk
 * is full. Any failure (no IndexedDB in this context, a damaged record) means "not cached": the
 * caller parses or builds.
 *
 * Keys in `parseCache`:
 * - a parse: `<parser version>|<file name>|<sidecar hash>` (see `parseCacheKey`);
 * - the library's listing: `library|<hash of the summary version and every parse key>`;
 * - a page the parser gave up on: `unparsable|<parser version>|<content hash>`;
 * - where an archive page opened before is (its paper and month): `archive-page|<page id>`.
 * Key in `searchIndex`: the search module's `indexCacheKey` (only the newest is kept).
 * Key in `archiveShards`: an archive index file's name (named by the build's index id: never stale;
 * another build's are dropped when the archive is opened).
 */
import { isRecord, time, validated } from '../core/state/index';
import { hashString } from '../core/hash';
import { openBanmianDb, type BanmianDb, type BanmianSchema, type CacheRecord } from './db';
import type { StoreNames } from 'idb';
import type { ParsedDocument } from '../core/parse/types';
import type { DocumentSummary } from '../core/library/summary';
import type { DocumentSource } from '../worker/types';

/** The stores that hold only what can be rebuilt. */
const CACHE_STORES = [
	'parseCache',
	'searchIndex',
	'archiveShards'
] as const satisfies readonly StoreNames<BanmianSchema>[];

/** Checks a cache record read back; anything odd reads as a miss. */
export function checkCacheRecord(v: unknown, key: string): CacheRecord | null {
	if (!isRecord(v) || v.key !== key || !('value' in v)) return null;
	const at = validated(time, v.createdAt, 'createdAt');
	return at.ok ? { key, createdAt: at.value, value: v.value } : null;
}

/**
 * A bundled page's parse-cache key: its file (named by content hash by the build), sidecar and
 * parser version; null for a page that is not a bundled file (imported, or bytes decoded by hand).
 */
export function parseCacheKey(source: DocumentSource, parserVersion: number): string | null {
	// (A bundled page may come with its bytes, fetched early by the page: still the same file.)
	if (!source.url || source.encoding || source.imported) return null;
	const file = source.url.slice(source.url.lastIndexOf('/') + 1);
	const sidecar = source.sidecar ? hashString(JSON.stringify(source.sidecar)) : '';
	return `${parserVersion}|${file}|${sidecar}`;
}

/** Drops every cache (they are rebuilt when needed): the first thing to go on a full disk. */
export async function clearCaches(db: BanmianDb): Promise<void> {
	try {
		const tx = db.transaction([...CACHE_STORES], 'readwrite');
		await Promise.all([...CACHE_STORES.map((s) => tx.objectStore(s).clear()), tx.done]);
	} catch (e) {
		console.warn('banmian: could not clear caches', e);
	}
}

/** This context's own connection for the caches (the worker has no reading store). */
let db: Promise<BanmianDb | null> | null = null;

function database(): Promise<BanmianDb | null> {
	db ??= openBanmianDb({
		timeoutMs: 3000,
		// A newer version of the app wants to upgrade: step aside.
		onBlocking: (open) => {
			open.close();
			db = null;
		},
		onTerminated: () => (db = null)
	}).catch(() => null);
	return db;
}

/** A stored record's value, or null when missing or unreadable. */
async function readValue(
	store: 'parseCache' | 'searchIndex' | 'archiveShards',
	key: string
): Promise<unknown> {
	try {
		return checkCacheRecord(await (await database())?.get(store, key), key)?.value ?? null;
	} catch {
		return null;
	}
}

export function loadSnapshot(key: string): Promise<unknown | null> {
	return readValue('searchIndex', key);
}

export async function saveSnapshot(key: string, value: unknown): Promise<void> {
	try {
		const store = await database();
		if (!store) return;
		const tx = store.transaction('searchIndex', 'readwrite');
		await tx.store.clear();
		await tx.store.put({ key, createdAt: Date.now(), value });
		await tx.done;
	} catch {
		// Storage full or unavailable: the index simply is rebuilt next time.
	}
}

/**
 * The library as last listed: every bundled page's summary, with its parse-cache key and content
 * hash. One read lists a thousand pages on a second visit; the full parses load when needed.
 */
export interface CachedLibrary {
	summaries: DocumentSummary[];
	/** Per summary: its parse-cache key and content hash. */
	entries: [key: string, hash: string][];
}

/** Every library listing's key starts so (exported for the specs that drop parses by hand). */
export const LIBRARY_PREFIX = 'library|';

function isCachedLibrary(value: unknown, keys: readonly string[]): value is CachedLibrary {
	if (typeof value !== 'object' || value === null) return false;
	const { summaries, entries } = value as Partial<CachedLibrary>;
	return (
		Array.isArray(summaries) &&
		Array.isArray(entries) &&
		summaries.length === keys.length &&
		entries.length === keys.length &&
		entries.every((e, i) => Array.isArray(e) && e[0] === keys[i] && typeof e[1] === 'string') &&
		summaries.every(
			(s) =>
				typeof s === 'object' &&
				s !== null &&
				typeof s.id === 'string' &&
				typeof s.source === 'string' &&
				Array.isArray(s.articles) &&
				typeof s.page === 'object' &&
				s.page !== null
		)
	);
}

/** The cached library for exactly these parse keys (in this order), or null. */
export async function loadLibrary(
	libraryKey: string,
	keys: readonly string[]
): Promise<CachedLibrary | null> {
	const value = await readValue('parseCache', LIBRARY_PREFIX + libraryKey);
	return isCachedLibrary(value, keys) ? value : null;
}

/** Keeps this library's listing, replacing any older one. */
export async function saveLibrary(libraryKey: string, library: CachedLibrary): Promise<void> {
	try {
		const store = await database();
		if (!store) return;
		const tx = store.transaction('parseCache', 'readwrite');
		const range = IDBKeyRange.bound(LIBRARY_PREFIX, `${LIBRARY_PREFIX}\uffff`);
		tx.store.delete(range).catch(() => {});
		tx.store
			.put({ key: LIBRARY_PREFIX + libraryKey, createdAt: Date.now(), value: library })
			.catch(() => {});
		await tx.done;
	} catch {
		// storage full or unavailable: the next visit lists from the parses
	}
}

/** One cached parse, or null. */
export async function loadParse(key: string): Promise<CachedParse | null> {
	const value = await readValue('parseCache', key);
	return isCachedParse(value) ? value : null;
}

/** A parsed page as cached: the document and what its summary and the index key need. */
export interface CachedParse {
	document: ParsedDocument;
	encoding: string;
	hash: string;
}

function isCachedParse(value: unknown): value is CachedParse {
	if (typeof value !== 'object' || value === null) return false;
	const { document, encoding, hash } = value as Partial<CachedParse>;
	return (
		typeof encoding === 'string' &&
		typeof hash === 'string' &&
		typeof document === 'object' &&
		document !== null &&
		typeof document.id === 'string' &&
		Array.isArray(document.articles) &&
		// the views read these of every article: a damaged one is parsed again instead
		document.articles.every(
			(article) =>
				typeof article === 'object' &&
				article !== null &&
				typeof article.id === 'string' &&
				// null: a continuation whose title is on another page
				(typeof article.title === 'string' || article.title === null) &&
				Array.isArray(article.paragraphs)
		)
	);
}

/** Every cached parse, by key; records that do not look like one are ignored. */
export async function loadParses(): Promise<Map<string, CachedParse>> {
	const found = new Map<string, CachedParse>();
	try {
		const records = (await (await database())?.getAll('parseCache')) ?? [];
		for (const record of records) {
			if (isCachedParse(record.value)) found.set(record.key, record.value);
		}
	} catch {
		// no cache: everything is parsed
	}
	return found;
}

const UNPARSABLE_PREFIX = 'unparsable|';

/**
 * Pages the parser gave up on (timed out or threw), by `<parser version>|<content hash>`, with
 * why: they are listed as unparsable instead of being parsed (and hanging) again on every visit.
 * Entries of other parser versions are dropped, so a new parser tries those pages again.
 */
export async function loadUnparsable(parserVersion: number): Promise<Map<string, string>> {
	const found = new Map<string, string>();
	const current = `${UNPARSABLE_PREFIX}${parserVersion}|`;
	try {
		const store = await database();
		if (!store) return found;
		const range = IDBKeyRange.bound(UNPARSABLE_PREFIX, `${UNPARSABLE_PREFIX}\uffff`);
		const stale: string[] = [];
		for (const record of await store.getAll('parseCache', range)) {
			const reason = (record.value as { reason?: unknown } | null)?.reason;
			if (!record.key.startsWith(current)) stale.push(record.key);
			else if (typeof reason === 'string') {
				found.set(record.key.slice(UNPARSABLE_PREFIX.length), reason);
			}
		}
		if (stale.length) {
			const tx = store.transaction('parseCache', 'readwrite');
			for (const key of stale) void tx.store.delete(key).catch(() => {});
			await tx.done;
		}
	} catch {
		// unreadable: such pages are tried again, and the client's watch stops them again
	}
	return found;
}

export async function saveUnparsable(key: string, reason: string): Promise<void> {
	try {
		const store = await database();
		await store?.put('parseCache', {
			key: UNPARSABLE_PREFIX + key,
			createdAt: Date.now(),
			value: { reason }
		});
	} catch {
		// storage full or unavailable: the page may be tried again next visit
	}
}

/** Stores new parses and forgets the ones no longer wanted, in one transaction. */
export async function saveParses(
	added: Map<string, CachedParse>,
	stale: readonly string[]
): Promise<void> {
	if (!added.size && !stale.length) return;
	try {
		const store = await database();
		if (!store) return;
		const tx = store.transaction('parseCache', 'readwrite');
		for (const key of stale) void tx.store.delete(key);
		for (const [key, value] of added) void tx.store.put({ key, createdAt: Date.now(), value });
		await tx.done;
	} catch {
		// storage full or unavailable: pages are parsed again next time
	}
}

/** An archive index shard fetched before, or null. */
export async function loadArchiveShard(name: string): Promise<Uint8Array | null> {
	const value = await readValue('archiveShards', name);
	return value instanceof Uint8Array ? value : null;
}

export async function saveArchiveShard(name: string, bytes: Uint8Array): Promise<void> {
	try {
		await (
			await database()
		)?.put('archiveShards', { key: name, createdAt: Date.now(), value: bytes });
	} catch {
		// storage full or unavailable: the shard is fetched again when needed
	}
}

/**
 * Drops the index files of every other build of the archive: each build names its index files by
 * a new id (`index-<id>-…`), so those of an older one are never asked for again.
 */
export async function dropArchiveShardsExcept(prefix: string): Promise<void> {
	try {
		const db = await database();
		if (!db) return;
		const tx = db.transaction('archiveShards', 'readwrite');
		for (const key of await tx.store.getAllKeys()) {
			if (!key.startsWith(prefix)) await tx.store.delete(key);
		}
		await tx.done;
	} catch {
		// storage unavailable: the old files stay until the caches are dropped
	}
}

const ARCHIVE_PAGE_PREFIX = 'archive-page|';

/** The paper and month of an archive page opened before (its catalog shard), or null. */
export async function loadArchivePlace(
	id: string
): Promise<{ paper: string | null; month: string | null } | null> {
	const value = await readValue('parseCache', ARCHIVE_PAGE_PREFIX + id);
	if (typeof value !== 'object' || value === null) return null;
	const { paper, month } = value as { paper?: unknown; month?: unknown };
	const ok = (v: unknown) => v === null || typeof v === 'string';
	return ok(paper) && ok(month)
		? { paper: paper as string | null, month: month as string | null }
		: null;
}

export async function saveArchivePlace(
	id: string,
	place: { paper: string | null; month: string | null }
): Promise<void> {
	try {
		await (
			await database()
		)?.put('parseCache', {
			key: ARCHIVE_PAGE_PREFIX + id,
			createdAt: Date.now(),
			value: { paper: place.paper, month: place.month }
		});
	} catch {
		// storage full or unavailable: a link to the page works once its month is listed
	}
}
