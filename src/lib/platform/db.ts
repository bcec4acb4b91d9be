/**
 * The one IndexedDB database, `banmian`, and its schema. The schema is built by an ordered list
 * of migrations: MIGRATIONS[i] takes a database from version i to i + 1, so any older database
 * (or none) reaches the latest version by running the missing steps in order. Add a step to
 * change the schema; never edit one that has shipped.
 *
 * What comes back from IndexedDB is not trusted: another version of the app, an extension or a
 * bug may have written anything. Every record is checked with the core validators; a bad one is
 * skipped with a logged reason and never crashes the reader.
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import {
	checkBookmark,
	checkHighlight,
	checkImportedDocInfo,
	checkPosition,
	checkReadMark,
	checkRecentSearch,
	emptyState,
	IMPORT_KINDS,
	isRecord,
	mergeRecentSearches,
	sanitizeSettings,
	time,
	validated,
	articleKey,
	LIMITS,
	str,
	type Bookmark,
	type Highlight,
	type ImportedDocInfo,
	type Position,
	type ReadMark,
	type ReadingState,
	type RecentSearch,
	type Settings
} from '../core/state/index';

export const DB_NAME = 'banmian';

export interface SettingsRecord {
	values: Settings;
	updatedAt: number;
}

export interface RecentSearchesRecord {
	items: RecentSearch[];
}

/** A cache record (see caches.ts, which owns the cache stores and their keys). */
export interface CacheRecord {
	key: string;
	createdAt: number;
	value: unknown;
}

export interface ImportedTextRecord {
	id: string;
	text: string;
}

/** Singleton records in `settings` and `recentSearches` use this key. */
export const SINGLE_KEY = 'current';

export interface BanmianSchema extends DBSchema {
	positions: { key: [string, string]; value: Position };
	reads: { key: [string, string]; value: ReadMark };
	bookmarks: { key: string; value: Bookmark; indexes: { docId: string } };
	highlights: { key: string; value: Highlight; indexes: { docId: string } };
	settings: { key: string; value: SettingsRecord };
	recentSearches: { key: string; value: RecentSearchesRecord };
	/** Parses, the library's listing and unparsable pages; keys in caches.ts. */
	parseCache: { key: string; value: CacheRecord };
	/** The search index snapshot; key in caches.ts. */
	searchIndex: { key: string; value: CacheRecord };
	/** Imported page texts, listed without their text so the library opens fast. */
	importedDocs: { key: string; value: ImportedDocInfo };
	importedTexts: { key: string; value: ImportedTextRecord };
	/** The static archive's index shards as fetched, by file name; see caches.ts. */
	archiveShards: { key: string; value: CacheRecord };
}

export type BanmianDb = IDBPDatabase<BanmianSchema>;
type AnyDb = IDBPDatabase<unknown>;
type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

/** One schema step. Runs inside the upgrade transaction: IndexedDB work only, nothing slow. */
export type Migration = (db: AnyDb, tx: UpgradeTx) => void;

export const MIGRATIONS: readonly Migration[] = [
	// v1: the reader's own data.
	(db) => {
		db.createObjectStore('positions', { keyPath: ['docId', 'articleId'] });
		db.createObjectStore('reads', { keyPath: ['docId', 'articleId'] });
		db.createObjectStore('bookmarks', { keyPath: 'id' });
		db.createObjectStore('highlights', { keyPath: 'id' });
		db.createObjectStore('settings');
		db.createObjectStore('recentSearches');
	},
	// v2: caches, and per-document indexes so removing a document does not scan everything.
	(db, tx) => {
		db.createObjectStore('parseCache', { keyPath: 'key' });
		db.createObjectStore('searchIndex', { keyPath: 'key' });
		tx.objectStore('bookmarks').createIndex('docId', 'docId');
		tx.objectStore('highlights').createIndex('docId', 'docId');
	},
	// v3: pages the reader imported; text apart from the listing.
	(db) => {
		db.createObjectStore('importedDocs', { keyPath: 'id' });
		db.createObjectStore('importedTexts', { keyPath: 'id' });
	},
	// v4: index shards of the static archive (named by content, so never stale).
	(db) => {
		db.createObjectStore('archiveShards', { keyPath: 'key' });
	}
];

export const DB_VERSION = MIGRATIONS.length;

/** The reader's own data: what a backup carries, and the imported pages' texts. */
export const READER_STORES = [
	...IMPORT_KINDS,
	'importedTexts'
] as const satisfies readonly StoreNames<BanmianSchema>[];

export class OpenTimeoutError extends Error {
	constructor(ms: number) {
		super(`Opening IndexedDB took longer than ${ms} ms`);
		this.name = 'OpenTimeoutError';
	}
}

export interface OpenOptions {
	name?: string;
	/** Open at this version (tests build older databases with it). Default: latest. */
	version?: number;
	/** Default: `globalThis.indexedDB`. */
	factory?: IDBFactory;
	/** Give up after this long, e.g. while an old tab blocks an upgrade. Default 10 s. */
	timeoutMs?: number;
	/** An older connection elsewhere blocks this open; it keeps waiting until the timeout. */
	onBlocked?: () => void;
	/** This connection blocks a newer version elsewhere: save, close, ask for a reload. */
	onBlocking?: (db: BanmianDb) => void;
	/** The browser closed the connection (e.g. site data cleared). */
	onTerminated?: () => void;
}

/**
 * Opens (creating or upgrading) the database. Rejects when IndexedDB is missing, refuses, errors
 * or takes longer than the timeout; the caller falls back to memory.
 */
export function openBanmianDb(options: OpenOptions = {}): Promise<BanmianDb> {
	const version = options.version ?? DB_VERSION;
	const timeoutMs = options.timeoutMs ?? 10_000;
	return new Promise<BanmianDb>((resolve, reject) => {
		let settled = false;
		let request: IDBOpenDBRequest;
		try {
			const factory = options.factory ?? globalThis.indexedDB;
			if (!factory) throw new Error('IndexedDB is not available');
			request = factory.open(options.name ?? DB_NAME, version);
		} catch (e) {
			reject(e);
			return;
		}
		const timer = setTimeout(() => {
			settled = true;
			reject(new OpenTimeoutError(timeoutMs));
		}, timeoutMs);
		request.addEventListener('upgradeneeded', (event) => {
			const db = wrap(request.result) as AnyDb;
			const tx = wrap(request.transaction!) as unknown as UpgradeTx;
			for (let v = event.oldVersion; v < (event.newVersion ?? version); v++) MIGRATIONS[v](db, tx);
		});
		request.addEventListener('blocked', () => options.onBlocked?.());
		request.addEventListener('error', (event) => {
			// Handled here; keep it from surfacing as an uncaught error event.
			event.preventDefault();
			clearTimeout(timer);
			if (!settled) reject(request.error ?? new Error('IndexedDB open failed'));
			settled = true;
		});
		request.addEventListener('success', () => {
			clearTimeout(timer);
			const raw = request.result;
			if (settled) {
				raw.close(); // too late: the caller already went on without it
				return;
			}
			settled = true;
			const db = wrap(raw) as unknown as BanmianDb;
			raw.addEventListener('versionchange', () => {
				if (options.onBlocking) options.onBlocking(db);
				else raw.close();
			});
			raw.addEventListener('close', () => options.onTerminated?.());
			resolve(db);
		});
	});
}

/** A record that did not pass its check on the way out of IndexedDB. */
export interface SkippedRecord {
	store: string;
	key: string;
	reason: string;
}

export interface LoadedData {
	state: ReadingState;
	docs: ImportedDocInfo[];
	skipped: SkippedRecord[];
}

function keyText(key: unknown): string {
	try {
		return JSON.stringify(key) ?? String(key);
	} catch {
		return String(key);
	}
}

/** Reads and checks all of the reader's data (not the texts or caches) in one transaction. */
export async function loadReaderData(
	db: BanmianDb,
	log: (s: SkippedRecord) => void = (s) =>
		console.warn(`banmian: skipped a stored record in ${s.store} ${s.key}: ${s.reason}`)
): Promise<LoadedData> {
	// the stores a backup carries: all of the reader's data but the texts
	const tx = db.transaction([...IMPORT_KINDS], 'readonly');
	const read = (name: 'positions' | 'reads' | 'bookmarks' | 'highlights' | 'importedDocs') =>
		Promise.all([
			tx.objectStore(name).getAllKeys() as Promise<unknown[]>,
			tx.objectStore(name).getAll() as Promise<unknown[]>
		]);
	const [positions, reads, bookmarks, highlights, settings, recent, docs] = await Promise.all([
		read('positions'),
		read('reads'),
		read('bookmarks'),
		read('highlights'),
		tx.objectStore('settings').get(SINGLE_KEY),
		tx.objectStore('recentSearches').get(SINGLE_KEY),
		read('importedDocs')
	]);
	await tx.done;

	const skipped: SkippedRecord[] = [];
	const skip = (store: string, key: unknown, reason: string) => {
		const s = { store, key: keyText(key), reason };
		skipped.push(s);
		log(s);
	};
	/** Checks each record and that it sits under the key its content implies. */
	function take<T>(
		store: string,
		[keys, values]: [unknown[], unknown[]],
		check: (v: unknown, path: string) => T,
		storedKey: (r: T) => unknown,
		put: (r: T) => void
	) {
		values.forEach((v, i) => {
			const r = validated(check, v, store);
			if (!r.ok) return skip(store, keys[i], r.reason);
			if (keyText(storedKey(r.value)) !== keyText(keys[i]))
				return skip(store, keys[i], 'key does not match the record');
			put(r.value);
		});
	}

	const state = emptyState();
	const p: Record<string, Position> = {};
	const r: Record<string, ReadMark> = {};
	const b: Record<string, Bookmark> = {};
	const h: Record<string, Highlight> = {};
	take(
		'positions',
		positions,
		checkPosition,
		(x) => [x.docId, x.articleId],
		(x) => {
			p[articleKey(x.docId, x.articleId)] = x;
		}
	);
	take(
		'reads',
		reads,
		checkReadMark,
		(x) => [x.docId, x.articleId],
		(x) => {
			r[articleKey(x.docId, x.articleId)] = x;
		}
	);
	take(
		'bookmarks',
		bookmarks,
		checkBookmark,
		(x) => x.id,
		(x) => {
			b[x.id] = x;
		}
	);
	take(
		'highlights',
		highlights,
		checkHighlight,
		(x) => x.id,
		(x) => {
			h[x.id] = x;
		}
	);
	state.positions = p;
	state.reads = r;
	state.bookmarks = b;
	state.highlights = h;

	if (settings !== undefined) {
		if (isRecord(settings)) {
			state.settings = sanitizeSettings(settings.values);
			const at = validated(time, settings.updatedAt, 'settings.updatedAt');
			state.settingsUpdatedAt = at.ok ? at.value : 0;
		} else skip('settings', SINGLE_KEY, 'not an object');
	}
	if (recent !== undefined) {
		const items = isRecord(recent) && Array.isArray(recent.items) ? recent.items : null;
		if (!items) skip('recentSearches', SINGLE_KEY, 'not a list');
		else {
			const ok: RecentSearch[] = [];
			items.forEach((it, i) => {
				const c = validated(checkRecentSearch, it, `recentSearches[${i}]`);
				if (c.ok) ok.push(c.value);
				else skip('recentSearches', SINGLE_KEY, c.reason);
			});
			state.recentSearches = mergeRecentSearches([], ok);
		}
	}
	const docList: ImportedDocInfo[] = [];
	take(
		'importedDocs',
		docs,
		checkImportedDocInfo,
		(x) => x.id,
		(x) => docList.push(x)
	);
	docList.sort((x, y) => y.importedAt - x.importedAt);
	return { state, docs: docList, skipped };
}

/** Checks an imported text read back. */
export function checkImportedText(v: unknown, id: string): string | null {
	if (!isRecord(v) || v.id !== id) return null;
	const t = validated((x, path) => str(x, path, LIMITS.text), v.text, 'text');
	return t.ok ? t.value : null;
}

/** The key range of everything keyed [docId, articleId] for one document. */
export function docKeyRange(docId: string): IDBKeyRange {
	// Arrays sort after strings, so [docId, []] is above every [docId, articleId].
	return IDBKeyRange.bound([docId], [docId, []]);
}

export function isQuotaError(e: unknown): boolean {
	return (
		typeof e === 'object' &&
		e !== null &&
		'name' in e &&
		((e as { name: unknown }).name === 'QuotaExceededError' ||
			// Firefox before DOMException names were unified.
			(e as { name: unknown }).name === 'NS_ERROR_DOM_QUOTA_REACHED')
	);
}
