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
 * - Every change is announced to the other tabs (tab-sync.ts), so they show it.
 * - Without IndexedDB (private modes, storage-blocked iframes, an error on open) the store keeps
 *   everything in memory and `persistent` is false; the UI says nothing will be kept.
 *
 * Its helpers, one job each: store-connection.ts (open, reopen, step aside for an upgrade),
 * write-queue.ts (transactions, recoveries, failed writes tried again), tab-sync.ts,
 * imported-pages.ts, and caches.ts (dropped first when the disk is full).
 */
import {
	addHighlight as addHighlightTo,
	addRecentSearch as addRecentSearchTo,
	applyReadRule as applyReadRuleTo,
	articleKey,
	bookmarkId,
	buildExport,
	checkHighlight,
	clearRecentSearches as clearRecentSearchesIn,
	createAnchor,
	describeImportSummary,
	emptyState,
	mergeStates,
	mergeTabChanges,
	isImportedDocId,
	mergeImport,
	removeBookmark as removeBookmarkFrom,
	removeDocState,
	removeHighlight as removeHighlightFrom,
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
	type ReadRule,
	type Settings,
	type StateChanges
} from '../core/state/index';
import {
	loadReaderData,
	READER_STORES,
	SINGLE_KEY,
	type LoadedData,
	type SkippedRecord
} from './db';
import { ImportedPages, putImportedDoc } from './imported-pages';
import { StoreConnection, type StoreNotice } from './store-connection';
import { CHANNEL_NAME, TabSync } from './tab-sync';
import { putNewer, quiet, WriteQueue } from './write-queue';

export type { StoreNotice } from './store-connection';

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

function defaultId(): string {
	const c = globalThis.crypto;
	if (c?.randomUUID) return c.randomUUID();
	// randomUUID needs a secure context; getRandomValues does not.
	const b = new Uint8Array(16);
	c.getRandomValues(b);
	return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

export class ReadingStore {
	#state: ReadingState;
	readonly #connection: StoreConnection;
	readonly #queue: WriteQueue;
	readonly #imported: ImportedPages;
	readonly #sync: TabSync;
	#opts: Required<Pick<StoreOptions, 'debounceMs' | 'now' | 'newId'>> & StoreOptions;
	#closed = false;
	#listeners = new Set<(s: ReadingState) => void>();
	#noticeListeners = new Set<(n: StoreNotice) => void>();
	#pending = new Map<string, Position>();
	#timer: ReturnType<typeof setTimeout> | null = null;
	/** Records skipped when loading, for a settings/diagnostics view. */
	readonly skipped: SkippedRecord[];

	private constructor(opts: StoreOptions, connection: StoreConnection, loaded: LoadedData) {
		this.#opts = {
			debounceMs: 500,
			now: () => Date.now(),
			newId: defaultId,
			...opts
		};
		this.#connection = connection;
		connection.beforeYield = () => void this.flush();
		const notify = (n: StoreNotice) => this.#notify(n);
		this.#queue = new WriteQueue(connection, notify, async () => {
			// Positions wait in their own queue: the latest per article.
			if (this.#pending.size) await this.flush();
		});
		this.#imported = new ImportedPages(loaded.docs, connection, this.#queue, notify);
		this.#state = loaded.state;
		this.skipped = loaded.skipped;
		this.#sync = new TabSync(opts.channelName ?? CHANNEL_NAME, this.#opts.newId(), (changes) =>
			this.#receive(changes)
		);
	}

	/** Opens the database (or falls back to memory) and loads everything. Never rejects. */
	static async open(opts: StoreOptions = {}): Promise<ReadingStore> {
		let store: ReadingStore | null = null;
		// Until the store exists, only the opener's callback can hear a notice.
		const notify = (n: StoreNotice) => (store ? store.#notify(n) : opts.onNotice?.(n));
		const factory = opts.indexedDB === undefined ? globalThis.indexedDB : opts.indexedDB;
		const connection = new StoreConnection(
			{ name: opts.dbName, factory: factory ?? undefined, timeoutMs: opts.openTimeoutMs },
			notify
		);
		let loaded: LoadedData = { state: emptyState(), docs: [], skipped: [] };
		let reason = '';
		if (!factory) reason = '此浏览器环境没有 IndexedDB / IndexedDB is not available here';
		else {
			try {
				loaded = await connection.open((db) => loadReaderData(db));
			} catch (e) {
				// A newer version of the app already upgraded the database: this page is stale.
				if (e instanceof Error && e.name === 'VersionError') notify({ kind: 'reload-needed' });
				reason = `无法打开本地存储 / Could not open local storage: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
			}
		}
		store = new ReadingStore(opts, connection, loaded);
		if (!connection.persistent) notify({ kind: 'memory-only', reason });
		if (loaded.skipped.length) notify({ kind: 'skipped-records', count: loaded.skipped.length });
		return store;
	}

	/** False when nothing is kept beyond this page (no IndexedDB). */
	get persistent(): boolean {
		return this.#connection.persistent;
	}

	get state(): ReadingState {
		return this.#state;
	}

	/** Imported pages, newest first, without their texts. */
	listImportedDocs(): ImportedDocInfo[] {
		return this.#imported.list();
	}

	/** Svelte store contract: called at once with the current state, then on every change. */
	subscribe(fn: (s: ReadingState) => void): () => void {
		this.#listeners.add(fn);
		fn(this.#state);
		return () => this.#listeners.delete(fn);
	}

	subscribeImportedDocs(fn: (d: ImportedDocInfo[]) => void): () => void {
		return this.#imported.subscribe(fn);
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
		const done = this.#queue.persist(
			'reading position',
			['positions'],
			(tx) => {
				for (const p of positions) putNewer(tx.objectStore('positions'), p);
			},
			'default',
			false // kept below instead: only the latest position per article is worth writing
		);
		this.#sync.send({ positions });
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
		this.#sync.send({ reads: [mark] });
		await this.#queue.persist('read mark', ['reads'], (tx) =>
			putNewer(tx.objectStore('reads'), mark)
		);
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
		this.#sync.send({ bookmarks: [b] });
		await this.#queue.persist('bookmark', ['bookmarks'], (tx) =>
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
		this.#sync.send({ highlights: [h] });
		await this.#queue.persist('highlight', ['highlights'], (tx) =>
			putNewer(tx.objectStore('highlights'), h)
		);
	}

	// ——— settings and recent searches ———

	async setSettings(patch: Partial<Settings>): Promise<void> {
		const next = setSettings(this.#state, patch, this.#opts.now());
		this.#set(next);
		const rec = { values: next.settings, updatedAt: next.settingsUpdatedAt };
		this.#sync.send({ settings: rec });
		await this.#queue.persist('settings', ['settings'], (tx) =>
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
		this.#sync.send({ recentSearches: items });
		await this.#queue.persist('recent searches', ['recentSearches'], (tx) =>
			quiet(tx.objectStore('recentSearches').put({ items }, SINGLE_KEY))
		);
	}

	// ——— imported pages ———

	/** Stores an imported page. Checked before the transaction; false when it could not be kept. */
	async addImportedDoc(doc: ImportedDoc): Promise<boolean> {
		const info = await this.#imported.add(doc);
		if (info) this.#sync.send({ docsChanged: [info] });
		return info !== null;
	}

	/** The page with its text, or null when unknown or unreadable. */
	getImportedDoc(id: string): Promise<ImportedDoc | null> {
		return this.#imported.get(id);
	}

	/** Sets paper/date/page by hand when the header line did not give them. */
	async updateImportedDocMeta(id: string, meta: ImportedDocMeta): Promise<boolean> {
		const info = await this.#imported.updateMeta(id, meta, this.#opts.now());
		if (info) this.#sync.send({ docsChanged: [info] });
		return info !== null;
	}

	/** Removes an imported page and everything kept about it (positions, marks, notes). */
	async removeImportedDoc(id: string): Promise<boolean> {
		// Only an import can be removed: any other id is a bundled page's, whose state stays.
		if (!isImportedDocId(id)) return false;
		await this.flush();
		if (!(await this.#imported.delete(id))) return false;
		this.#forgetDoc(id);
		this.#sync.send({ docsRemoved: [id] });
		return true;
	}

	#forgetDoc(id: string) {
		for (const k of [...this.#pending.keys()])
			if (this.#pending.get(k)!.docId === id) this.#pending.delete(k);
		this.#set(removeDocState(this.#state, id));
		this.#imported.forget(id);
	}

	// ——— export and import ———

	/** Everything as one JSON text (a backup). Pending positions are included. */
	async exportAll(app = 'banmian'): Promise<string> {
		await this.flush();
		const docs: ImportedDoc[] = [];
		for (const info of this.#imported.list()) {
			const d = await this.#imported.get(info.id);
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
		const merged = mergeImport(before, check.data, this.#imported.list());
		const next = merged.state;
		const changed = <K extends 'positions' | 'reads' | 'bookmarks' | 'highlights'>(k: K) =>
			Object.entries(next[k])
				.filter(([key, v]) => !Object.hasOwn(before[k], key) || before[k][key] !== v)
				.map(([, v]) => v) as ReadingState[K][string][];
		const rec: StateChanges = {
			positions: changed('positions'),
			reads: changed('reads'),
			bookmarks: changed('bookmarks'),
			highlights: changed('highlights')
		};
		if (next.settingsUpdatedAt !== before.settingsUpdatedAt)
			rec.settings = { values: next.settings, updatedAt: next.settingsUpdatedAt };
		if (next.recentSearches !== before.recentSearches) rec.recentSearches = next.recentSearches;
		const docs = merged.docsToPut;
		const ok = await this.#queue.persist(
			'import',
			[...READER_STORES],
			(tx) => {
				for (const k of ['positions', 'reads', 'bookmarks', 'highlights'] as const)
					for (const v of rec[k] ?? []) putNewer(tx.objectStore(k), v);
				if (rec.settings) putNewer(tx.objectStore('settings'), rec.settings, SINGLE_KEY);
				if (rec.recentSearches)
					quiet(tx.objectStore('recentSearches').put({ items: rec.recentSearches }, SINGLE_KEY));
				for (const doc of docs) putImportedDoc(tx, doc);
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
		// Anything changed here (or in another tab) meanwhile is kept by the usual rule.
		this.#set(mergeStates(this.#state, next));
		if (docs.length) {
			this.#imported.keep(docs);
			rec.docsChanged = docs.map(({ text: _text, ...info }) => info);
		}
		this.#sync.send(rec);
		return { ok: true, summary: merged.summary, message: describeImportSummary(merged.summary) };
	}

	/** Writes that failed and are waiting to be tried again. */
	get unsavedCount(): number {
		return this.#queue.unsavedCount;
	}

	/**
	 * Tries the failed writes again, oldest first; true when none is left. Replaying is safe:
	 * each record is put only if the stored copy is not newer.
	 */
	retryUnsaved(): Promise<boolean> {
		return this.#queue.retryUnsaved();
	}

	/** Writes what is pending and lets go of the database and the channel. */
	async close(): Promise<void> {
		await this.flush();
		this.#closed = true;
		this.#sync.close();
		this.#connection.close();
	}

	// ——— internals ———

	#set(next: ReadingState) {
		if (next === this.#state) return;
		this.#state = next;
		for (const fn of this.#listeners) fn(next);
	}

	#notify(n: StoreNotice) {
		this.#opts.onNotice?.(n);
		for (const fn of this.#noticeListeners) fn(n);
	}

	/** Another tab changed something; its message is checked like any other stored data. */
	#receive(changes: unknown) {
		const merged = mergeTabChanges(this.#state, changes);
		for (const id of merged.docsRemoved)
			for (const [k, p] of [...this.#pending]) if (p.docId === id) this.#pending.delete(k);
		this.#set(merged.state);
		for (const id of merged.docsRemoved) this.#imported.forget(id);
		this.#imported.took(merged.docsChanged);
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
