/**
 * The reader's state, kept in IndexedDB and shared between tabs. Plain TypeScript: the UI
 * subscribes with callbacks (`subscribe` follows the Svelte store contract) and calls methods;
 * it never touches idb.
 *
 * - Positions change constantly while reading: they are kept in memory at once and written at
 *   most `debounceMs` later; `flush()` writes them now (call it on visibilitychange → hidden and
 *   on pagehide).
 * - Highlights, notes, bookmarks, read marks, settings and imports are written at once in a
 *   transaction with `durability: 'strict'`. Checking and hashing happen before it opens.
 * - Every change is announced on BroadcastChannel('banmian-state'), so other tabs show it.
 * - Without IndexedDB (private modes, storage-blocked iframes, an error on open) the store keeps
 *   everything in memory and `persistent` is false; the UI says nothing will be kept.
 */
import {
	addHighlight as addHighlightTo,
	addRecentSearch as addRecentSearchTo,
	applyReadRule as applyReadRuleTo,
	articleKey,
	bookmarkId,
	buildExport,
	checkBookmark,
	checkHighlight,
	checkImportedDoc,
	checkImportedDocInfo,
	checkPosition,
	checkReadMark,
	checkRecentSearch,
	clearRecentSearches as clearRecentSearchesIn,
	createAnchor,
	describeImportSummary,
	emptyState,
	mergeStates,
	isImportedDocId,
	isRecord,
	pickNewer,
	mergeImport,
	mergeRecords,
	mergeRecentSearches,
	pickSettings,
	removeBookmark as removeBookmarkFrom,
	removeDocState,
	removeHighlight as removeHighlightFrom,
	sanitizeSettings,
	setBookmark,
	setPosition,
	setRead,
	setSettings,
	updateHighlight as updateHighlightIn,
	validateImport,
	validated,
	type Bookmark,
	type Highlight,
	type HighlightAnchor,
	type HighlightColor,
	type ImportedDoc,
	type ImportedDocInfo,
	type ImportedDocMeta,
	type ImportSummary,
	type Position,
	type ReadingSession,
	type ReadingState,
	type ReadMark,
	type ReadRule,
	type RecentSearch,
	type Settings
} from '../core/state/index';
import {
	CACHE_STORES,
	checkCacheRecord,
	checkImportedText,
	DB_NAME,
	docKeyRange,
	isQuotaError,
	loadAll,
	openBanmianDb,
	READER_STORES,
	SINGLE_KEY,
	type BanmianDb,
	type BanmianSchema,
	type LoadedData,
	type SkippedRecord
} from './db';
import { unwrap, type IDBPTransaction, type StoreNames } from 'idb';

export const CHANNEL_NAME = 'banmian-state';

/** Things the UI should tell the reader about, unobtrusively. */
export type StoreNotice =
	/** Nothing will be kept (「阅读记录不会保存」). */
	| { kind: 'memory-only'; reason: string }
	/** Waiting for another tab that has an older version open. */
	| { kind: 'blocked' }
	/** Another tab upgraded the database: this one saved, closed, and should be reloaded. */
	| { kind: 'reload-needed' }
	/** The browser closed the database (site data cleared?); it was reopened. */
	| { kind: 'reconnected' }
	/** Stored records that did not check out were skipped (and logged). */
	| { kind: 'skipped-records'; count: number }
	/**
	 * A write failed; nothing was half-written. `quota` when storage is full. The change stays
	 * in memory (and in an export) and is written again once a later write gets through.
	 */
	| { kind: 'write-failed'; what: string; reason: string; quota: boolean }
	/** Every change that had failed to save has now been saved. */
	| { kind: 'saved-again'; count: number };

export interface StoreOptions {
	dbName?: string;
	/** IndexedDB to use; `null` forces memory mode. Default: `globalThis.indexedDB`. */
	indexedDB?: IDBFactory | null;
	channelName?: string;
	/** Position writes happen at most this long after a change. Default 500 ms. */
	debounceMs?: number;
	openTimeoutMs?: number;
	now?: () => number;
	newId?: () => string;
	readRule?: ReadRule;
	/** Receives notices raised while opening, before a listener could be added. */
	onNotice?: (n: StoreNotice) => void;
}

export type ImportResult =
	{ ok: true; summary: ImportSummary; message: string } | { ok: false; reason: string };

type Records = {
	positions?: Position[];
	reads?: ReadMark[];
	bookmarks?: Bookmark[];
	highlights?: Highlight[];
	settings?: { values: Settings; updatedAt: number };
	recentSearches?: RecentSearch[];
	docsChanged?: ImportedDocInfo[];
	docsRemoved?: string[];
};

interface SyncMessage extends Records {
	v: 1;
	from: string;
}

function defaultId(): string {
	const c = globalThis.crypto;
	if (c?.randomUUID) return c.randomUUID();
	// randomUUID needs a secure context; getRandomValues does not.
	const b = new Uint8Array(16);
	c.getRandomValues(b);
	return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

const STRICT = { durability: 'strict' } as const;

/** A write that cannot land at all: the store is closed or waits for a reload. */
const CANNOT_KEEP = Symbol('cannot keep');

interface WriteStore {
	transaction: object;
	get(key: IDBValidKey): Promise<unknown>;
	put(value: unknown, key?: IDBValidKey): Promise<unknown>;
}

/** The first request error of a transaction aborted by putNewer, to report instead of "aborted". */
const txFailures = new WeakMap<object, unknown>();

/** The native transaction behind an idb wrapper (or itself), as a stable WeakMap key. */
function rawTx(tx: unknown): object {
	return unwrap(tx as IDBPTransaction) as object;
}

/**
 * Writes a record unless the stored copy is newer: another tab (or a clock that went back) may
 * have written a later version, and IndexedDB should keep the same winner the merge keeps in
 * memory. A quick read and write inside the one transaction; nothing slow. If the write is
 * refused, the whole transaction is aborted so nothing half-lands.
 */
function putNewer(
	store: unknown,
	rec: { updatedAt: number; deleted?: boolean; docId?: string; articleId?: string; id?: string },
	key?: IDBValidKey
): void {
	const s = store as WriteStore;
	const k = key ?? (rec.id !== undefined ? rec.id : [rec.docId!, rec.articleId!]);
	const newer = (old: unknown) =>
		!isRecord(old) ||
		typeof old.updatedAt !== 'number' ||
		pickNewer(old as typeof rec, rec) === rec;
	s.get(k)
		.then((old) => {
			if (newer(old)) return key === undefined ? s.put(rec) : s.put(rec, key);
		})
		.catch((e: unknown) => {
			const tx = s.transaction as IDBTransaction;
			if (!txFailures.has(rawTx(tx))) txFailures.set(rawTx(tx), e);
			try {
				tx.abort();
			} catch {
				// already finished or aborted
			}
		});
}

/** A request inside a transaction: its failure is reported by `tx.done`, not here. */
function quiet(p: Promise<unknown>): void {
	p.catch(() => {});
}

/** A write that failed and is tried again later; replaying it is safe (newer wins). */
interface UnsavedWrite {
	what: string;
	stores: StoreNames<BanmianSchema>[];
	write: (tx: IDBPTransaction<BanmianSchema, StoreNames<BanmianSchema>[], 'readwrite'>) => void;
	durability: 'strict' | 'default';
}

export class ReadingStore {
	#unsaved: UnsavedWrite[] = [];
	#retrying: Promise<boolean> | null = null;
	#state: ReadingState;
	#docs: ImportedDocInfo[];
	#db: BanmianDb | null;
	#persistent: boolean;
	#closed = false;
	#reloadNeeded = false;
	#opts: Required<Pick<StoreOptions, 'debounceMs' | 'now' | 'newId'>> & StoreOptions;
	#channel: BroadcastChannel | null = null;
	readonly #tab: string;
	#listeners = new Set<(s: ReadingState) => void>();
	#docListeners = new Set<(d: ImportedDocInfo[]) => void>();
	#noticeListeners = new Set<(n: StoreNotice) => void>();
	#pending = new Map<string, Position>();
	#timer: ReturnType<typeof setTimeout> | null = null;
	#reopening: Promise<BanmianDb | null> | null = null;
	/** Used only in memory mode. */
	#memTexts = new Map<string, string>();
	#memCache = new Map<string, unknown>();
	/** Records skipped when loading, for a settings/diagnostics view. */
	readonly skipped: SkippedRecord[];

	private constructor(
		opts: StoreOptions,
		db: BanmianDb | null,
		loaded: { state: ReadingState; docs: ImportedDocInfo[]; skipped: SkippedRecord[] }
	) {
		this.#opts = {
			debounceMs: 500,
			now: () => Date.now(),
			newId: defaultId,
			...opts
		};
		this.#db = db;
		this.#persistent = db !== null;
		this.#state = loaded.state;
		this.#docs = loaded.docs;
		this.skipped = loaded.skipped;
		this.#tab = this.#opts.newId();
		if (typeof BroadcastChannel === 'function') {
			try {
				this.#channel = new BroadcastChannel(opts.channelName ?? CHANNEL_NAME);
				this.#channel.onmessage = (e: MessageEvent) => this.#receive(e.data);
			} catch {
				this.#channel = null; // some sandboxed frames refuse; the store still works alone
			}
		}
	}

	/** Opens the database (or falls back to memory) and loads everything. Never rejects. */
	static async open(opts: StoreOptions = {}): Promise<ReadingStore> {
		const notices: StoreNotice[] = [];
		const notify = (n: StoreNotice) => {
			notices.push(n);
			opts.onNotice?.(n);
		};
		let store: ReadingStore | null = null;
		const empty: LoadedData = { state: emptyState(), docs: [], skipped: [] };
		const factory = opts.indexedDB === undefined ? globalThis.indexedDB : opts.indexedDB;
		let db: BanmianDb | null = null;
		let loaded: typeof empty = empty;
		let reason = '';
		if (!factory) reason = '此浏览器环境没有 IndexedDB / IndexedDB is not available here';
		else {
			try {
				db = await openBanmianDb({
					name: opts.dbName,
					factory,
					timeoutMs: opts.openTimeoutMs,
					onBlocked: () => notify({ kind: 'blocked' }),
					onBlocking: (d) => (store ? store.#yieldToUpgrade(d) : d.close()),
					onTerminated: () => {
						if (store) store.#lost();
					}
				});
				loaded = await loadAll(db);
			} catch (e) {
				db?.close();
				db = null;
				loaded = empty;
				// A newer version of the app already upgraded the database: this page is stale.
				if (e instanceof Error && e.name === 'VersionError') notify({ kind: 'reload-needed' });
				reason = `无法打开本地存储 / Could not open local storage: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
			}
		}
		store = new ReadingStore(opts, db, loaded);
		if (!db) notify({ kind: 'memory-only', reason });
		if (loaded.skipped.length) notify({ kind: 'skipped-records', count: loaded.skipped.length });
		return store;
	}

	/** False when nothing is kept beyond this page (no IndexedDB). */
	get persistent(): boolean {
		return this.#persistent;
	}

	get state(): ReadingState {
		return this.#state;
	}

	/** Imported pages, newest first, without their texts. */
	listImportedDocs(): ImportedDocInfo[] {
		return [...this.#docs];
	}

	/** Svelte store contract: called at once with the current state, then on every change. */
	subscribe(fn: (s: ReadingState) => void): () => void {
		this.#listeners.add(fn);
		fn(this.#state);
		return () => this.#listeners.delete(fn);
	}

	subscribeImportedDocs(fn: (d: ImportedDocInfo[]) => void): () => void {
		this.#docListeners.add(fn);
		fn(this.listImportedDocs());
		return () => this.#docListeners.delete(fn);
	}

	onNotice(fn: (n: StoreNotice) => void): () => void {
		this.#noticeListeners.add(fn);
		return () => this.#noticeListeners.delete(fn);
	}

	// ——— positions (debounced) ———

	/** Remembers where the reader is. Written within `debounceMs`, or at `flush()`. */
	savePosition(p: Omit<Position, 'updatedAt'> & { updatedAt?: number }): void {
		const pos = { ...p, updatedAt: p.updatedAt ?? this.#opts.now() };
		this.#set(setPosition(this.#state, pos));
		const stored = this.#state.positions[articleKey(p.docId, p.articleId)];
		this.#pending.set(articleKey(p.docId, p.articleId), stored);
		if (!this.#timer && !this.#closed)
			this.#timer = setTimeout(() => void this.flush(), this.#opts.debounceMs);
	}

	/** Writes pending positions now. The transaction is created before this returns. */
	flush(): Promise<void> {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		if (this.#pending.size === 0) return Promise.resolve();
		const positions = [...this.#pending.values()];
		this.#pending.clear();
		const done = this.#persist(
			'reading position',
			['positions'],
			(tx) => {
				for (const p of positions) putNewer(tx.objectStore('positions'), p);
			},
			'default',
			false // kept below instead: only the latest position per article is worth writing
		);
		this.#broadcast({ positions });
		return done.then((saved) => {
			if (saved) return;
			// Back into the pending ones (unless a newer one came meanwhile), for the next write.
			for (const p of positions) {
				const key = articleKey(p.docId, p.articleId);
				if (!this.#pending.has(key)) this.#pending.set(key, p);
			}
		});
	}

	// ——— read marks ———

	/** Marks by hand (or by the automatic rule when `manual` is false). */
	async markRead(docId: string, articleId: string, read: boolean, manual = true): Promise<void> {
		const next = setRead(this.#state, docId, articleId, read, this.#opts.now(), manual);
		await this.#commitReads(next, docId, articleId);
	}

	/** Applies the "read" rule to a reading session; marks the article read when it is met. */
	async applyReadRule(docId: string, articleId: string, session: ReadingSession): Promise<boolean> {
		const next = applyReadRuleTo(this.#state, docId, articleId, session, this.#opts.readRule);
		if (next === this.#state) return false;
		await this.#commitReads(next, docId, articleId);
		return true;
	}

	async #commitReads(next: ReadingState, docId: string, articleId: string) {
		this.#set(next);
		const mark = next.reads[articleKey(docId, articleId)];
		this.#broadcast({ reads: [mark] });
		await this.#persist('read mark', ['reads'], (tx) => putNewer(tx.objectStore('reads'), mark));
	}

	// ——— bookmarks ———

	async addBookmark(docId: string, articleId: string, paragraph: number | null = null) {
		const next = setBookmark(this.#state, docId, articleId, paragraph, this.#opts.now());
		const b = next.bookmarks[bookmarkId(docId, articleId, paragraph)];
		if (next !== this.#state) await this.#commitBookmark(next, b);
		return b;
	}

	async removeBookmark(id: string): Promise<void> {
		const next = removeBookmarkFrom(this.#state, id, this.#opts.now());
		if (next !== this.#state) await this.#commitBookmark(next, next.bookmarks[id]);
	}

	async #commitBookmark(next: ReadingState, b: Bookmark) {
		this.#set(next);
		this.#broadcast({ bookmarks: [b] });
		await this.#persist('bookmark', ['bookmarks'], (tx) =>
			putNewer(tx.objectStore('bookmarks'), b)
		);
	}

	// ——— highlights and notes ———

	/**
	 * Highlights paragraphs[paragraph].slice(start, end) of an article. Returns null for an
	 * empty selection.
	 */
	async addHighlight(input: {
		docId: string;
		articleId: string;
		paragraphs: readonly string[];
		paragraph: number;
		start: number;
		end: number;
		color?: HighlightColor;
		note?: string;
	}): Promise<Highlight | null> {
		const anchor: HighlightAnchor | null = createAnchor(
			input.paragraphs,
			input.paragraph,
			input.start,
			input.end
		);
		if (!anchor) return null;
		const now = this.#opts.now();
		const h = validated(
			checkHighlight,
			{
				id: `h-${this.#opts.newId()}`,
				docId: input.docId,
				articleId: input.articleId,
				color: input.color ?? 'yellow',
				note: input.note ?? '',
				anchor,
				createdAt: now,
				updatedAt: now
			},
			'highlight'
		);
		if (!h.ok) {
			this.#notify({ kind: 'write-failed', what: 'highlight', reason: h.reason, quota: false });
			return null;
		}
		await this.#commitHighlight(addHighlightTo(this.#state, h.value), h.value);
		return h.value;
	}

	async updateHighlight(id: string, patch: { color?: HighlightColor; note?: string }) {
		const next = updateHighlightIn(this.#state, id, patch, this.#opts.now());
		if (next !== this.#state) await this.#commitHighlight(next, next.highlights[id]);
	}

	async removeHighlight(id: string): Promise<void> {
		const next = removeHighlightFrom(this.#state, id, this.#opts.now());
		if (next !== this.#state) await this.#commitHighlight(next, next.highlights[id]);
	}

	async #commitHighlight(next: ReadingState, h: Highlight) {
		this.#set(next);
		this.#broadcast({ highlights: [h] });
		await this.#persist('highlight', ['highlights'], (tx) =>
			putNewer(tx.objectStore('highlights'), h)
		);
	}

	// ——— settings and recent searches ———

	async setSettings(patch: Partial<Settings>): Promise<void> {
		const next = setSettings(this.#state, patch, this.#opts.now());
		this.#set(next);
		const rec = { values: next.settings, updatedAt: next.settingsUpdatedAt };
		this.#broadcast({ settings: rec });
		await this.#persist('settings', ['settings'], (tx) =>
			putNewer(tx.objectStore('settings'), rec, SINGLE_KEY)
		);
	}

	async addRecentSearch(query: string): Promise<void> {
		const next = addRecentSearchTo(this.#state, query, this.#opts.now());
		if (next !== this.#state) await this.#commitRecent(next);
	}

	async clearRecentSearches(): Promise<void> {
		await this.#commitRecent(clearRecentSearchesIn(this.#state));
	}

	async #commitRecent(next: ReadingState) {
		this.#set(next);
		const items = next.recentSearches;
		this.#broadcast({ recentSearches: items });
		await this.#persist('recent searches', ['recentSearches'], (tx) =>
			quiet(tx.objectStore('recentSearches').put({ items }, SINGLE_KEY))
		);
	}

	// ——— imported pages (issue 10) ———

	/** Stores an imported page. Checked before the transaction; false when it could not be kept. */
	async addImportedDoc(doc: ImportedDoc): Promise<boolean> {
		const c = validated(checkImportedDoc, doc, 'importedDoc');
		if (!c.ok) {
			this.#notify({ kind: 'write-failed', what: 'imported page', reason: c.reason, quota: false });
			return false;
		}
		const { text, ...info } = c.value;
		const ok = await this.#persist(
			'imported page',
			['importedDocs', 'importedTexts'],
			(tx) => {
				quiet(tx.objectStore('importedDocs').put(info));
				quiet(tx.objectStore('importedTexts').put({ id: info.id, text }));
			},
			'strict',
			false // the import reports its failure; it is not kept in memory to try again
		);
		if (!ok) return false;
		if (!this.#db) this.#memTexts.set(info.id, text);
		this.#setDocs([info, ...this.#docs.filter((d) => d.id !== info.id)]);
		this.#broadcast({ docsChanged: [info] });
		return true;
	}

	/** The page with its text, or null when unknown or unreadable. */
	async getImportedDoc(id: string): Promise<ImportedDoc | null> {
		const info = this.#docs.find((d) => d.id === id);
		if (!info) return null;
		const db = await this.#ensureDb();
		if (!db) {
			const text = this.#memTexts.get(id);
			return text === undefined ? null : { ...info, text };
		}
		try {
			const text = checkImportedText(await db.get('importedTexts', id), id);
			if (text === null) console.warn(`banmian: imported text ${id} is missing or damaged`);
			return text === null ? null : { ...info, text };
		} catch (e) {
			console.warn('banmian: could not read an imported text', e);
			return null;
		}
	}

	/** Sets paper/date/page by hand when the header line did not give them. */
	async updateImportedDocMeta(id: string, meta: ImportedDocMeta): Promise<boolean> {
		const old = this.#docs.find((d) => d.id === id);
		if (!old) return false;
		const c = validated(
			checkImportedDocInfo,
			{
				...old,
				meta: { ...old.meta, ...meta },
				updatedAt: Math.max(this.#opts.now(), old.updatedAt + 1)
			},
			'importedDoc'
		);
		if (!c.ok) {
			this.#notify({ kind: 'write-failed', what: 'page details', reason: c.reason, quota: false });
			return false;
		}
		const info = c.value;
		const ok = await this.#persist(
			'page details',
			['importedDocs'],
			(tx) => quiet(tx.objectStore('importedDocs').put(info)),
			'strict',
			false
		);
		if (!ok) return false;
		this.#setDocs(this.#docs.map((d) => (d.id === id ? info : d)));
		this.#broadcast({ docsChanged: [info] });
		return true;
	}

	/** Removes an imported page and everything kept about it (positions, marks, notes). */
	async removeImportedDoc(id: string): Promise<boolean> {
		// Only an import can be removed: any other id is a bundled page's, whose state stays.
		if (!isImportedDocId(id)) return false;
		await this.flush();
		const ok = await this.#persist(
			'removal',
			['importedDocs', 'importedTexts', 'positions', 'reads', 'bookmarks', 'highlights'],
			(tx) => {
				quiet(tx.objectStore('importedDocs').delete(id));
				quiet(tx.objectStore('importedTexts').delete(id));
				quiet(tx.objectStore('positions').delete(docKeyRange(id)));
				quiet(tx.objectStore('reads').delete(docKeyRange(id)));
				for (const name of ['bookmarks', 'highlights'] as const) {
					const store = tx.objectStore(name);
					quiet(
						store
							.index('docId')
							.getAllKeys(id)
							.then((keys) => Promise.all(keys.map((k) => store.delete(k))))
					);
				}
			},
			'strict',
			false
		);
		if (!ok) return false;
		this.#memTexts.delete(id);
		this.#applyDocRemoval(id);
		this.#broadcast({ docsRemoved: [id] });
		return true;
	}

	#applyDocRemoval(id: string) {
		for (const k of [...this.#pending.keys()])
			if (this.#pending.get(k)!.docId === id) this.#pending.delete(k);
		this.#set(removeDocState(this.#state, id));
		this.#setDocs(this.#docs.filter((d) => d.id !== id));
	}

	// ——— caches: parse results and the search index ———

	async getParseCache(contentHash: string, parserVersion: string | number): Promise<unknown> {
		return this.#cacheGet('parseCache', `${contentHash}:${parserVersion}`);
	}

	/** Stores a parse result; false when it could not be kept (storage full is fine). */
	putParseCache(contentHash: string, parserVersion: string | number, value: unknown) {
		return this.#cachePut('parseCache', `${contentHash}:${parserVersion}`, value);
	}

	getSearchIndex(key: string): Promise<unknown> {
		return this.#cacheGet('searchIndex', key);
	}

	putSearchIndex(key: string, value: unknown): Promise<boolean> {
		return this.#cachePut('searchIndex', key, value);
	}

	/** Drops cached parse results and search indexes (they are rebuilt when needed). */
	async clearCaches(): Promise<void> {
		this.#memCache.clear();
		const db = await this.#ensureDb();
		if (!db) return;
		try {
			const tx = db.transaction([...CACHE_STORES], 'readwrite');
			await Promise.all([...CACHE_STORES.map((s) => tx.objectStore(s).clear()), tx.done]);
		} catch (e) {
			console.warn('banmian: could not clear caches', e);
		}
	}

	async #cacheGet(store: 'parseCache' | 'searchIndex', key: string): Promise<unknown> {
		const db = await this.#ensureDb();
		if (!db) return this.#memCache.get(`${store}/${key}`);
		try {
			return checkCacheRecord(await db.get(store, key), key)?.value;
		} catch (e) {
			console.warn(`banmian: cache read failed in ${store}`, e);
			return undefined;
		}
	}

	async #cachePut(store: 'parseCache' | 'searchIndex', key: string, value: unknown) {
		const db = await this.#ensureDb();
		if (!db) {
			this.#memCache.set(`${store}/${key}`, value);
			return true;
		}
		try {
			const tx = db.transaction(store, 'readwrite');
			await Promise.all([tx.store.put({ key, createdAt: this.#opts.now(), value }), tx.done]);
			return true;
		} catch (e) {
			// A cache is expendable: on a full disk it is the first thing dropped, and silently.
			if (isQuotaError(e)) await this.clearCaches();
			else console.warn(`banmian: cache write failed in ${store}`, e);
			return false;
		}
	}

	// ——— export and import ———

	/** Everything as one JSON text (a backup). Pending positions are included. */
	async exportAll(app = 'banmian'): Promise<string> {
		await this.flush();
		const docs: ImportedDoc[] = [];
		for (const info of this.#docs) {
			const d = await this.getImportedDoc(info.id);
			if (d) docs.push(d);
		}
		return JSON.stringify(
			buildExport(this.#state, { now: this.#opts.now(), app, importedDocs: docs })
		);
	}

	/**
	 * Imports a backup. It is checked in full first; a malformed or foreign file changes nothing.
	 * Everything that changes is written in one strict transaction, then shown.
	 */
	async importAll(json: unknown): Promise<ImportResult> {
		const check = validateImport(json, { now: this.#opts.now() });
		if (!check.ok) return check;
		await this.flush();
		const before = this.#state;
		const merged = mergeImport(before, check.data, this.#docs);
		const next = merged.state;
		const changed = <K extends 'positions' | 'reads' | 'bookmarks' | 'highlights'>(k: K) =>
			Object.entries(next[k])
				.filter(([key, v]) => !Object.hasOwn(before[k], key) || before[k][key] !== v)
				.map(([, v]) => v) as ReadingState[K][string][];
		const rec: Records = {
			positions: changed('positions'),
			reads: changed('reads'),
			bookmarks: changed('bookmarks'),
			highlights: changed('highlights')
		};
		if (next.settingsUpdatedAt !== before.settingsUpdatedAt)
			rec.settings = { values: next.settings, updatedAt: next.settingsUpdatedAt };
		if (next.recentSearches !== before.recentSearches) rec.recentSearches = next.recentSearches;
		const docs = merged.docsToPut;
		const ok = await this.#persist(
			'import',
			[...READER_STORES],
			(tx) => {
				for (const k of ['positions', 'reads', 'bookmarks', 'highlights'] as const)
					for (const v of rec[k] ?? []) putNewer(tx.objectStore(k), v);
				if (rec.settings) putNewer(tx.objectStore('settings'), rec.settings, SINGLE_KEY);
				if (rec.recentSearches)
					quiet(tx.objectStore('recentSearches').put({ items: rec.recentSearches }, SINGLE_KEY));
				for (const { text, ...info } of docs) {
					quiet(tx.objectStore('importedDocs').put(info));
					quiet(tx.objectStore('importedTexts').put({ id: info.id, text }));
				}
			},
			'strict',
			false
		);
		if (!ok)
			return {
				ok: false,
				reason:
					'无法保存导入的内容，什么也没有改变 / The import could not be saved; nothing was changed'
			};
		if (!this.#db) for (const d of docs) this.#memTexts.set(d.id, d.text);
		// Anything changed here (or in another tab) meanwhile is kept by the usual rule.
		this.#set(mergeStates(this.#state, next));
		if (docs.length) {
			const infos = docs.map(({ text: _text, ...info }) => info);
			const ids = new Set(infos.map((d) => d.id));
			this.#setDocs([...infos, ...this.#docs.filter((d) => !ids.has(d.id))]);
			rec.docsChanged = infos;
		}
		this.#broadcast(rec);
		return { ok: true, summary: merged.summary, message: describeImportSummary(merged.summary) };
	}

	// ——— storage persistence ———

	/** Asks the browser to keep this site's data (call after a user gesture). */
	async requestPersistence(): Promise<boolean | null> {
		try {
			const s = globalThis.navigator?.storage;
			return s?.persist ? await s.persist() : null;
		} catch {
			return null;
		}
	}

	async isPersisted(): Promise<boolean | null> {
		try {
			const s = globalThis.navigator?.storage;
			return s?.persisted ? await s.persisted() : null;
		} catch {
			return null;
		}
	}

	/** How much this site stores and may store, in bytes, when the browser says. */
	async storageEstimate(): Promise<{ usage: number; quota: number } | null> {
		try {
			const e = await globalThis.navigator?.storage?.estimate?.();
			return e && typeof e.usage === 'number' && typeof e.quota === 'number'
				? { usage: e.usage, quota: e.quota }
				: null;
		} catch {
			return null;
		}
	}

	/** Writes what is pending and lets go of the database and the channel. */
	async close(): Promise<void> {
		await this.flush();
		this.#closed = true;
		this.#channel?.close();
		this.#channel = null;
		this.#db?.close();
		this.#db = null;
	}

	// ——— internals ———

	#set(next: ReadingState) {
		if (next === this.#state) return;
		this.#state = next;
		for (const fn of this.#listeners) fn(next);
	}

	#setDocs(docs: ImportedDocInfo[]) {
		this.#docs = docs.sort((x, y) => y.importedAt - x.importedAt);
		for (const fn of this.#docListeners) fn(this.listImportedDocs());
	}

	#notify(n: StoreNotice) {
		this.#opts.onNotice?.(n);
		for (const fn of this.#noticeListeners) fn(n);
	}

	/**
	 * Runs one write transaction. On a full disk the caches are dropped and the write is tried
	 * once more. Resolves false (after a notice) when it failed; a failed transaction is rolled
	 * back whole, so nothing is half-written. In memory mode it does nothing and succeeds.
	 * With `keepIfFailed`, a failed write is kept and tried again after the next write that gets
	 * through (or `retryUnsaved()`): the change is already in memory, so it must not be lost.
	 */
	async #persist<N extends StoreNames<BanmianSchema>>(
		what: string,
		stores: N[],
		write: (tx: IDBPTransaction<BanmianSchema, N[], 'readwrite'>) => void,
		durability: 'strict' | 'default' = 'strict',
		keepIfFailed = true
	): Promise<boolean> {
		const entry = { what, stores, write, durability } as unknown as UnsavedWrite;
		const failure = await this.#write(entry);
		if (failure === null) {
			if (this.#unsaved.length) void this.retryUnsaved();
			return true;
		}
		if (failure === CANNOT_KEEP) return false;
		if (keepIfFailed) this.#unsaved.push(entry);
		this.#writeFailed(what, failure.error);
		return false;
	}

	/** Writes that failed and are waiting to be tried again. */
	get unsavedCount(): number {
		return this.#unsaved.length;
	}

	/**
	 * Tries the failed writes again, oldest first; true when none is left. Replaying is safe:
	 * each record is put only if the stored copy is not newer.
	 */
	retryUnsaved(): Promise<boolean> {
		this.#retrying ??= (async () => {
			// Positions wait in their own queue: the latest per article.
			if (this.#pending.size) await this.flush();
			let saved = 0;
			while (this.#unsaved.length) {
				const failure = await this.#write(this.#unsaved[0]);
				if (failure === CANNOT_KEEP) return false;
				if (failure !== null) {
					this.#writeFailed(this.#unsaved[0].what, failure.error);
					return false;
				}
				this.#unsaved.shift();
				saved++;
			}
			if (saved) this.#notify({ kind: 'saved-again', count: saved });
			return true;
		})().finally(() => (this.#retrying = null));
		return this.#retrying;
	}

	/** One write with its recoveries; null when it landed. */
	async #write(entry: UnsavedWrite): Promise<null | typeof CANNOT_KEEP | { error: unknown }> {
		const { stores, write, durability } = entry;
		const attempt = (db: BanmianDb) => {
			const tx = db.transaction(stores, 'readwrite', durability === 'strict' ? STRICT : undefined);
			try {
				write(tx);
			} catch (e) {
				// A request refused outright: undo the ones already made, so nothing half-lands.
				try {
					tx.abort();
				} catch {
					// already finished or aborted
				}
				quiet(tx.done);
				throw e;
			}
			return tx.done.catch((e: unknown) => {
				throw txFailures.get(rawTx(tx)) ?? e;
			});
		};
		// Synchronous when the connection is open, so the transaction exists before any await:
		// flush() inside pagehide or a versionchange close still gets its write in.
		let db: BanmianDb | null = this.#db;
		if (!db) db = await this.#ensureDb();
		// Memory mode succeeds; a store that was closed or must reload cannot keep anything.
		if (!db) return !this.#persistent && !this.#closed && !this.#reloadNeeded ? null : CANNOT_KEEP;
		try {
			await attempt(db);
			return null;
		} catch (e) {
			if (isQuotaError(e)) {
				await this.clearCaches();
				try {
					await attempt(db);
					return null;
				} catch (e2) {
					return { error: e2 };
				}
			}
			if (e instanceof Error && e.name === 'InvalidStateError') {
				// The connection went away under us: reopen once and retry.
				this.#db = null;
				const again = await this.#ensureDb();
				if (again) {
					try {
						await attempt(again);
						return null;
					} catch (e2) {
						return { error: e2 };
					}
				}
			}
			return { error: e };
		}
	}

	#writeFailed(what: string, e: unknown) {
		const quota = isQuotaError(e);
		const reason = quota
			? '存储空间已满，未能保存；请导出备份或删除一些导入的版面 / Storage is full; nothing was saved. Export a backup or remove some imported pages'
			: `未能保存 / Could not save: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
		console.warn(`banmian: ${what} not saved`, e);
		this.#notify({ kind: 'write-failed', what, reason, quota });
	}

	/** The open connection, reopening lazily after the browser closed it; null in memory mode. */
	async #ensureDb(): Promise<BanmianDb | null> {
		if (this.#db) return this.#db;
		if (!this.#persistent || this.#closed || this.#reloadNeeded) return null;
		this.#reopening ??= openBanmianDb({
			name: this.#opts.dbName ?? DB_NAME,
			factory: this.#opts.indexedDB ?? undefined,
			timeoutMs: this.#opts.openTimeoutMs,
			onBlocking: (d) => this.#yieldToUpgrade(d),
			onTerminated: () => this.#lost()
		})
			.then((db) => {
				this.#db = db;
				this.#notify({ kind: 'reconnected' });
				return db;
			})
			.catch((e) => {
				if (e instanceof Error && e.name === 'VersionError') this.#yieldToUpgrade(null);
				else {
					this.#persistent = false;
					this.#notify({
						kind: 'memory-only',
						reason: `无法重新打开本地存储 / Could not reopen local storage: ${String(e)}`
					});
				}
				return null;
			})
			.finally(() => (this.#reopening = null));
		return this.#reopening;
	}

	/** The browser closed the connection; reopen on the next use. */
	#lost() {
		this.#db = null;
	}

	/** A newer version wants the database: save what is pending, close, ask for a reload. */
	#yieldToUpgrade(db: BanmianDb | null) {
		void this.flush(); // creates its transaction synchronously, before the close below
		db?.close();
		this.#db = null;
		if (!this.#reloadNeeded) {
			this.#reloadNeeded = true;
			this.#notify({ kind: 'reload-needed' });
		}
	}

	#broadcast(r: Records) {
		if (!this.#channel) return;
		const msg: SyncMessage = { v: 1, from: this.#tab, ...r };
		try {
			this.#channel.postMessage(msg);
		} catch (e) {
			console.warn('banmian: could not tell other tabs', e);
		}
	}

	/** Another tab changed something. Its message is checked like any other stored data. */
	#receive(data: unknown) {
		if (typeof data !== 'object' || data === null || (data as SyncMessage).v !== 1) return;
		const m = data as SyncMessage;
		if (m.from === this.#tab) return;
		const take = <T extends { updatedAt: number }>(
			list: unknown,
			check: (v: unknown, path: string) => T,
			key: (r: T) => string
		): Record<string, T> => {
			const out = new Map<string, T>();
			if (Array.isArray(list))
				for (const v of list) {
					const c = validated(check, v, 'message');
					if (c.ok) out.set(key(c.value), c.value);
				}
			return Object.fromEntries(out);
		};
		let s = this.#state;
		const byArticle = (x: { docId: string; articleId: string }) => articleKey(x.docId, x.articleId);
		if (m.positions)
			s = {
				...s,
				positions: mergeRecords(s.positions, take(m.positions, checkPosition, byArticle))
			};
		if (m.reads)
			s = { ...s, reads: mergeRecords(s.reads, take(m.reads, checkReadMark, byArticle)) };
		if (m.bookmarks)
			s = {
				...s,
				bookmarks: mergeRecords(
					s.bookmarks,
					take(m.bookmarks, checkBookmark, (b) => b.id)
				)
			};
		if (m.highlights)
			s = {
				...s,
				highlights: mergeRecords(
					s.highlights,
					take(m.highlights, checkHighlight, (h) => h.id)
				)
			};
		if (m.settings && typeof m.settings === 'object') {
			const at = Number(m.settings.updatedAt);
			if (Number.isFinite(at)) {
				const win = pickSettings(s, {
					settings: sanitizeSettings(m.settings.values),
					settingsUpdatedAt: at
				});
				s = { ...s, settings: win.settings, settingsUpdatedAt: win.settingsUpdatedAt };
			}
		}
		if (Array.isArray(m.recentSearches)) {
			// The other tab sends its whole list; taking it as is lets "clear" travel too.
			const items: RecentSearch[] = [];
			for (const v of m.recentSearches) {
				const c = validated(checkRecentSearch, v, 'message');
				if (c.ok) items.push(c.value);
			}
			s = { ...s, recentSearches: mergeRecentSearches([], items) };
		}
		this.#set(s);
		if (Array.isArray(m.docsRemoved))
			for (const id of m.docsRemoved) if (isImportedDocId(id)) this.#applyDocRemoval(id);
		if (Array.isArray(m.docsChanged)) {
			const infos = m.docsChanged
				.map((v) => validated(checkImportedDocInfo, v, 'message'))
				.flatMap((c) => (c.ok ? [c.value] : []));
			if (infos.length) {
				const ids = new Set(infos.map((d) => d.id));
				this.#setDocs([...infos, ...this.#docs.filter((d) => !ids.has(d.id))]);
			}
		}
	}
}

/**
 * Flushes pending positions whenever the page may go away: when it is hidden (tab switch, app
 * switch on mobile, which may be the last chance) and on pagehide. Returns the remover.
 */
export function flushOnHide(
	store: Pick<ReadingStore, 'flush'>,
	doc: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'> = document,
	win: Pick<Window, 'addEventListener' | 'removeEventListener'> = window
): () => void {
	const onVisibility = () => {
		if (doc.visibilityState === 'hidden') void store.flush();
	};
	const onPageHide = () => void store.flush();
	doc.addEventListener('visibilitychange', onVisibility);
	win.addEventListener('pagehide', onPageHide);
	return () => {
		doc.removeEventListener('visibilitychange', onVisibility);
		win.removeEventListener('pagehide', onPageHide);
	};
}

let shared: Promise<ReadingStore> | null = null;

/** The page's one store, opened on first use. Never rejects (falls back to memory). */
export function readingStore(): Promise<ReadingStore> {
	shared ??= ReadingStore.open();
	return shared;
}
