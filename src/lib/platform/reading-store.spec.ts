import 'fake-indexeddb/auto';
import { forceCloseDatabase, IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DB_NAME, openBanmianDb, type BanmianSchema } from './db';
import {
	flushOnHide,
	ReadingStore,
	readingStore,
	type StoreNotice,
	type StoreOptions
} from './reading-store';
import { MAX_IMPORT_BYTES } from '../core/import/sniff';
import {
	BACKUP_HEAD_CHARS,
	backupFileProblem,
	getPosition,
	isRead,
	listBookmarks,
	listHighlights,
	type ImportedDoc
} from '../core/state/index';

const paragraphs = ['记者从市农业农村局获悉，今年春耕生产已全面展开。', '全市已备足种子和化肥。'];

const doc: ImportedDoc = {
	id: 'imp-0a0b0c0d0e0f12',
	name: '晚报.txt',
	text: '某某晚报 2023年1月2日 第3版\n正文一段。',
	encoding: 'gb18030',
	meta: {},
	importedAt: 1000,
	updatedAt: 1000,
	size: 64
};

const open: ReadingStore[] = [];
let channel = 0;

/** A store on its own IndexedDB and channel unless told to share them. */
async function store(opts: StoreOptions = {}): Promise<ReadingStore> {
	const s = await ReadingStore.open({
		indexedDB: new IDBFactory(),
		channelName: `test-${channel++}`,
		...opts
	});
	open.push(s);
	return s;
}

afterEach(async () => {
	await Promise.all(open.splice(0).map((s) => s.close()));
	vi.restoreAllMocks();
});

/** Reads a store's records through a separate connection, as a reload would. */
async function stored<N extends 'positions' | 'highlights' | 'bookmarks' | 'reads'>(
	factory: IDBFactory,
	name: N
): Promise<BanmianSchema[N]['value'][]> {
	const db = await openBanmianDb({ factory });
	const all = await db.getAll(name);
	db.close();
	return all;
}

async function until(check: () => boolean, ms = 1000) {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 10));
	}
}

/** Makes IndexedDB refuse writes as a full disk does, while `refuse(storeName)` says so. */
function refusePuts(refuse: (store: string) => boolean): void {
	const realPut = IDBObjectStore.prototype.put;
	vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
		this: IDBObjectStore,
		...args
	) {
		if (refuse(this.name)) throw new DOMException('full', 'QuotaExceededError');
		return realPut.apply(this, args as [unknown, IDBValidKey?]);
	});
}

describe('ReadingStore', () => {
	it('finds everything again after a reload', async () => {
		const factory = new IDBFactory();
		const a = await store({ indexedDB: factory });
		expect(a.persistent).toBe(true);
		a.savePosition({ docId: 'd', articleId: 'a1', paragraph: 1, offset: 3, fraction: 0.5 });
		const h = await a.addHighlight({
			docId: 'd',
			articleId: 'a1',
			paragraphs,
			paragraph: 0,
			start: 12,
			end: 18,
			color: 'green',
			note: '春耕开始'
		});
		expect(h?.anchor.quote).toBe('今年春耕生产');
		await a.addBookmark('d', 'a1', 1);
		await a.markRead('d', 'a2', true);
		await a.setSettings({ writing: 'vertical', fontStep: 4 });
		await a.addRecentSearch('春耕');
		expect(await a.addImportedDoc(doc)).toBe(true);
		await a.close();

		const b = await store({ indexedDB: factory });
		expect(getPosition(b.state, 'd', 'a1')).toMatchObject({
			paragraph: 1,
			offset: 3,
			fraction: 0.5
		});
		expect(listHighlights(b.state)).toEqual([h]);
		expect(listBookmarks(b.state).map((x) => x.paragraph)).toEqual([1]);
		expect(isRead(b.state, 'd', 'a2')).toBe(true);
		expect(b.state.settings).toMatchObject({ writing: 'vertical', fontStep: 4 });
		expect(b.state.recentSearches.map((r) => r.query)).toEqual(['春耕']);
		expect(b.listImportedDocs()).toEqual(
			[{ ...doc, text: undefined }].map(({ text: _t, ...d }) => d)
		);
		expect(await b.getImportedDoc(doc.id)).toEqual(doc);
		expect(b.skipped).toEqual([]);
	});

	it('writes positions within the debounce time, or at once on flush()', async () => {
		const factory = new IDBFactory();
		const s = await store({ indexedDB: factory, debounceMs: 100 });
		for (let i = 0; i < 5; i++)
			s.savePosition({ docId: 'd', articleId: 'a', paragraph: i, offset: 0, fraction: i / 10 });
		expect(getPosition(s.state, 'd', 'a')?.paragraph).toBe(4);
		expect(await stored(factory, 'positions')).toEqual([]);
		await new Promise((r) => setTimeout(r, 250));
		expect((await stored(factory, 'positions')).map((p) => p.paragraph)).toEqual([4]);

		s.savePosition({ docId: 'd', articleId: 'b', paragraph: 9, offset: 2, fraction: 1 });
		await s.flush();
		expect((await stored(factory, 'positions')).map((p) => p.articleId).sort()).toEqual(['a', 'b']);
	});

	it('writes highlights, notes, bookmarks and read marks at once with strict durability', async () => {
		const factory = new IDBFactory();
		const s = await store({ indexedDB: factory });
		const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
		const h = await s.addHighlight({
			docId: 'd',
			articleId: 'a',
			paragraphs,
			paragraph: 1,
			start: 0,
			end: 4
		});
		await s.updateHighlight(h!.id, { note: '种子' });
		await s.addBookmark('d', 'a');
		await s.markRead('d', 'a', true);
		const writes = spy.mock.calls.filter((c) => c[1] === 'readwrite');
		expect(writes.map((c) => c[0])).toEqual([
			['highlights'],
			['highlights'],
			['bookmarks'],
			['reads']
		]);
		for (const c of writes) expect(c[2]).toEqual({ durability: 'strict' });
		// Already on disk: a second connection sees them without any flush.
		expect((await stored(factory, 'highlights'))[0]).toMatchObject({ id: h!.id, note: '种子' });
		expect(await stored(factory, 'bookmarks')).toHaveLength(1);
		expect(await stored(factory, 'reads')).toHaveLength(1);
	});

	it('keeps the newer copy on disk when an older write arrives later', async () => {
		const factory = new IDBFactory();
		let clock = 50;
		const a = await store({ indexedDB: factory, now: () => clock });
		const h = await a.addHighlight({
			docId: 'd',
			articleId: 'a',
			paragraphs,
			paragraph: 0,
			start: 0,
			end: 4
		});
		// A second tab that does not hear the first (and whose clock is behind).
		const bClock = { t: 0 };
		const b = await store({ indexedDB: factory, now: () => bClock.t });
		clock = 200;
		await a.updateHighlight(h!.id, { note: '较新' });
		bClock.t = 100;
		await b.updateHighlight(h!.id, { color: 'pink' });
		const [onDisk] = await stored(factory, 'highlights');
		expect(onDisk).toMatchObject({ note: '较新', color: 'yellow', updatedAt: 200 });
	});

	it('skips corrupt stored records, tells the UI, and still opens', async () => {
		const factory = new IDBFactory();
		const db = await openBanmianDb({ factory });
		await db.put('highlights', { id: 'h-x', color: 'yellow' } as never);
		await db.put('positions', {
			docId: 'd',
			articleId: 'a',
			paragraph: 1,
			offset: 0,
			fraction: 0.1,
			updatedAt: 1
		});
		db.close();
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const notices: StoreNotice[] = [];
		const s = await store({ indexedDB: factory, onNotice: (n) => notices.push(n) });
		expect(s.persistent).toBe(true);
		expect(s.skipped.map((x) => x.store)).toEqual(['highlights']);
		expect(notices).toEqual([{ kind: 'skipped-records', count: 1 }]);
		expect(warn).toHaveBeenCalled();
		expect(getPosition(s.state, 'd', 'a')?.paragraph).toBe(1);
	});

	it('imports a backup: merged without duplicates, with a summary', async () => {
		const a = await store();
		await a.addHighlight({
			docId: 'd',
			articleId: 'a',
			paragraphs,
			paragraph: 0,
			start: 0,
			end: 4
		});
		await a.addBookmark('d', 'a');
		await a.addImportedDoc(doc);
		const backup = await a.exportAll('banmian test');
		expect(JSON.parse(backup)).toMatchObject({
			format: 'banmian-export',
			version: 1,
			app: 'banmian test'
		});

		const factory = new IDBFactory();
		const b = await store({ indexedDB: factory });
		await b.addBookmark('d', 'a'); // the same place: must not become two
		const r = await b.importAll(backup);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.summary.highlights.added).toBe(1);
		expect(r.summary.importedDocs.added).toBe(1);
		expect(r.message).toContain('划线和笔记 1');
		expect(listBookmarks(b.state)).toHaveLength(1);
		expect(await b.getImportedDoc(doc.id)).toEqual(doc);
		// Again: nothing new.
		const again = await b.importAll(backup);
		expect(again.ok && again.summary.highlights.added + again.summary.highlights.updated).toBe(0);
		// And it is on disk.
		await b.close();
		const c = await store({ indexedDB: factory });
		expect(listHighlights(c.state)).toHaveLength(1);
		expect(c.listImportedDocs().map((d) => d.id)).toEqual([doc.id]);
	});

	it('changes nothing when the import is malformed or foreign, and says why', async () => {
		const factory = new IDBFactory();
		const s = await store({ indexedDB: factory });
		await s.addBookmark('d', 'a');
		const before = s.state;
		const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
		for (const bad of [
			'{oops',
			'{"format":"other"}',
			'{"format":"banmian-export","version":1,"highlights":[{"id":1}]}'
		]) {
			const r = await s.importAll(bad);
			expect(r.ok).toBe(false);
			expect(!r.ok && r.reason).toMatch(/\/.+/);
		}
		expect(s.state).toBe(before);
		expect(spy.mock.calls.filter((c) => c[1] === 'readwrite')).toEqual([]);
	});

	it('removes an imported page together with its reading state', async () => {
		const factory = new IDBFactory();
		const s = await store({ indexedDB: factory });
		await s.addImportedDoc(doc);
		s.savePosition({ docId: doc.id, articleId: 'a', paragraph: 1, offset: 0, fraction: 0.2 });
		await s.markRead(doc.id, 'a', true);
		await s.addBookmark(doc.id, 'a', 0);
		await s.addHighlight({
			docId: doc.id,
			articleId: 'a',
			paragraphs,
			paragraph: 0,
			start: 0,
			end: 3
		});
		await s.addBookmark('other', 'a');
		await s.markRead('other', 'a', true);
		expect(await s.removeImportedDoc(doc.id)).toBe(true);
		expect(s.listImportedDocs()).toEqual([]);
		expect(await s.getImportedDoc(doc.id)).toBeNull();
		expect(listHighlights(s.state)).toEqual([]);
		expect(listBookmarks(s.state).map((b) => b.docId)).toEqual(['other']);
		expect(getPosition(s.state, doc.id, 'a')).toBeUndefined();
		await s.close();
		const again = await store({ indexedDB: factory });
		expect(again.listImportedDocs()).toEqual([]);
		expect(listHighlights(again.state)).toEqual([]);
		expect(Object.keys(again.state.positions)).toEqual([]);
		expect(Object.values(again.state.reads).map((r) => r.docId)).toEqual(['other']);
		expect(listBookmarks(again.state).map((b) => b.docId)).toEqual(['other']);
	});

	it('keeps two tabs in agreement within a second', async () => {
		const factory = new IDBFactory();
		const channelName = `tabs-${channel++}`;
		const a = await store({ indexedDB: factory, channelName, debounceMs: 50 });
		const b = await store({ indexedDB: factory, channelName, debounceMs: 50 });
		const seen = vi.fn();
		b.subscribe(seen);

		const h = await a.addHighlight({
			docId: 'd',
			articleId: 'a',
			paragraphs,
			paragraph: 0,
			start: 0,
			end: 4
		});
		await until(() => listHighlights(b.state).length === 1);
		await a.updateHighlight(h!.id, { note: '另一个标签页写的' });
		await until(() => listHighlights(b.state)[0]?.note === '另一个标签页写的');
		await b.removeHighlight(h!.id);
		await until(() => listHighlights(a.state).length === 0);

		await a.setSettings({ theme: 'dark' });
		await until(() => b.state.settings.theme === 'dark');
		a.savePosition({ docId: 'd', articleId: 'a', paragraph: 3, offset: 1, fraction: 0.3 });
		await until(() => getPosition(b.state, 'd', 'a')?.paragraph === 3);
		await b.addRecentSearch('会议');
		await until(() => a.state.recentSearches.length === 1);
		await a.clearRecentSearches();
		await until(() => b.state.recentSearches.length === 0);

		await a.addImportedDoc(doc);
		await until(() => b.listImportedDocs().length === 1);
		expect(await b.getImportedDoc(doc.id)).toEqual(doc);
		await b.markRead(doc.id, 'x', true);
		await until(() => isRead(a.state, doc.id, 'x'));
		await a.removeImportedDoc(doc.id);
		await until(() => b.listImportedDocs().length === 0 && !isRead(b.state, doc.id, 'x'));
		expect(seen.mock.calls.length).toBeGreaterThan(5);
	});

	it('ignores malformed messages from the channel', async () => {
		const channelName = `tabs-${channel++}`;
		const s = await store({ channelName });
		const before = s.state;
		const bc = new BroadcastChannel(channelName);
		bc.postMessage({ v: 1, from: 'evil', highlights: [{ id: '__proto__' }], settings: 'x' });
		bc.postMessage('hello');
		await new Promise((r) => setTimeout(r, 50));
		bc.close();
		expect(listHighlights(s.state)).toEqual([]);
		expect(s.state.settings).toEqual(before.settings);
	});

	it('removes reading state only for imported pages, never for a bundled one', async () => {
		const channelName = `tabs-${channel++}`;
		const factory = new IDBFactory();
		const s = await store({ channelName, indexedDB: factory });
		await s.markRead('000_8d483b34ee5996a6', 'a1', true);
		expect(await s.removeImportedDoc('000_8d483b34ee5996a6')).toBe(false);
		const bc = new BroadcastChannel(channelName);
		bc.postMessage({ v: 1, from: 'other', docsRemoved: ['000_8d483b34ee5996a6'] });
		await new Promise((r) => setTimeout(r, 50));
		bc.close();
		expect(isRead(s.state, '000_8d483b34ee5996a6', 'a1')).toBe(true);
		await s.close();
		const reloaded = await store({ indexedDB: factory });
		expect(isRead(reloaded.state, '000_8d483b34ee5996a6', 'a1')).toBe(true);
	});

	it('works in memory, and says so, when IndexedDB is missing or refuses', async () => {
		const throwing = {
			open() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			}
		} as unknown as IDBFactory;
		const failing = {
			open() {
				const req = new EventTarget() as IDBOpenDBRequest;
				Object.defineProperty(req, 'error', { value: new DOMException('denied', 'UnknownError') });
				setTimeout(() => req.dispatchEvent(new Event('error')));
				return req;
			}
		} as unknown as IDBFactory;
		for (const indexedDB of [null, throwing, failing]) {
			const notices: StoreNotice[] = [];
			const s = await store({ indexedDB, onNotice: (n) => notices.push(n) });
			expect(s.persistent).toBe(false);
			expect(notices[0]).toMatchObject({ kind: 'memory-only' });
			await s.addHighlight({
				docId: 'd',
				articleId: 'a',
				paragraphs,
				paragraph: 0,
				start: 0,
				end: 4
			});
			s.savePosition({ docId: 'd', articleId: 'a', paragraph: 1, offset: 0, fraction: 0 });
			await s.flush();
			expect(listHighlights(s.state)).toHaveLength(1);
			expect(await s.addImportedDoc(doc)).toBe(true);
			expect(await s.getImportedDoc(doc.id)).toEqual(doc);
			expect(JSON.parse(await s.exportAll()).highlights).toHaveLength(1);
		}
	});

	it('falls back to memory when the global indexedDB is missing', async () => {
		const saved = globalThis.indexedDB;
		// @ts-expect-error simulating a browser context without IndexedDB
		delete globalThis.indexedDB;
		try {
			const s = await ReadingStore.open({ channelName: `t-${channel++}` });
			open.push(s);
			expect(s.persistent).toBe(false);
		} finally {
			globalThis.indexedDB = saved;
		}
	});

	it('on a full disk drops the caches first, and reports a write that still fails', async () => {
		const factory = new IDBFactory();
		const notices: StoreNotice[] = [];
		const s = await store({ indexedDB: factory, onNotice: (n) => notices.push(n) });
		const cacheDb = await openBanmianDb({ factory });
		await cacheDb.put('parseCache', { key: 'big', createdAt: 1, value: 'x'.repeat(1000) });
		let refusals = 1;
		refusePuts((store) => store === 'highlights' && refusals-- > 0);
		// Fails once, caches are dropped, the retry succeeds.
		const h = await s.addHighlight({
			docId: 'd',
			articleId: 'a',
			paragraphs,
			paragraph: 0,
			start: 0,
			end: 4
		});
		expect(await stored(factory, 'highlights')).toHaveLength(1);
		expect(await cacheDb.count('parseCache')).toBe(0);
		cacheDb.close();
		expect(notices).toEqual([]);
		// Fails for good: reported, and nothing half-written.
		refusals = 10;
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		await s.updateHighlight(h!.id, { note: '写不进去' });
		expect(notices).toEqual([expect.objectContaining({ kind: 'write-failed', quota: true })]);
		expect((await stored(factory, 'highlights'))[0].note).toBe('');
	});

	it('keeps a change that failed to save and writes it once space is back', async () => {
		const factory = new IDBFactory();
		const notices: StoreNotice[] = [];
		const s = await store({ indexedDB: factory, onNotice: (n) => notices.push(n) });
		let full = true;
		refusePuts(() => full);
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		const h = await s.addHighlight({
			docId: 'd',
			articleId: 'a',
			paragraphs,
			paragraph: 0,
			start: 0,
			end: 4,
			note: '第一条'
		});
		await s.addBookmark('d', 'a');
		s.savePosition({ docId: 'd', articleId: 'a', paragraph: 3, offset: 0, fraction: 0.3 });
		await s.flush();
		s.savePosition({ docId: 'd', articleId: 'a', paragraph: 5, offset: 0, fraction: 0.5 });
		await s.flush();
		expect(await stored(factory, 'positions')).toHaveLength(0);
		expect(s.unsavedCount).toBe(2);
		expect(notices.filter((n) => n.kind === 'write-failed')).toHaveLength(4);
		// Still there for the reader, and in a backup.
		expect(s.state.highlights[h!.id].note).toBe('第一条');
		expect(JSON.parse(await s.exportAll()).highlights).toHaveLength(1);
		expect(await stored(factory, 'highlights')).toHaveLength(0);
		// Trying again while still full keeps them waiting.
		expect(await s.retryUnsaved()).toBe(false);
		expect(s.unsavedCount).toBe(2);
		// Space is back: the next write takes the waiting ones along.
		full = false;
		await s.markRead('d', 'b', true);
		await vi.waitFor(() => expect(s.unsavedCount).toBe(0));
		expect(await stored(factory, 'highlights')).toHaveLength(1);
		expect(await stored(factory, 'bookmarks')).toHaveLength(1);
		expect(notices.at(-1)).toEqual({ kind: 'saved-again', count: 2 });
		// The position kept is the latest one, written with the next flush.
		await s.flush();
		expect((await stored(factory, 'positions')).map((p) => p.paragraph)).toEqual([5]);
	});

	it('saves and steps aside when another tab upgrades the database', async () => {
		const factory = new IDBFactory();
		const notices: StoreNotice[] = [];
		const s = await store({
			indexedDB: factory,
			debounceMs: 10_000,
			onNotice: (n) => notices.push(n)
		});
		s.savePosition({ docId: 'd', articleId: 'a', paragraph: 7, offset: 0, fraction: 0.7 });
		const newer = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = factory.open(DB_NAME, 99);
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		expect(notices).toContainEqual({ kind: 'reload-needed' });
		const positions = await new Promise<unknown[]>((resolve) => {
			const r = newer.transaction('positions').objectStore('positions').getAll();
			r.onsuccess = () => resolve(r.result);
		});
		newer.close();
		expect(positions).toEqual([expect.objectContaining({ paragraph: 7 })]);
	});

	it('waits for an old tab with a notice, then works in memory instead of hanging', async () => {
		const factory = new IDBFactory();
		const old = await openBanmianDb({ factory, version: 1, onBlocking: () => {} });
		const notices: StoreNotice[] = [];
		const s = await store({
			indexedDB: factory,
			openTimeoutMs: 100,
			onNotice: (n) => notices.push(n)
		});
		expect(notices.map((n) => n.kind)).toEqual(['blocked', 'memory-only']);
		expect(s.persistent).toBe(false);
		old.close();
	});

	it('asks for a reload when a newer version already upgraded the database', async () => {
		const factory = new IDBFactory();
		await new Promise<void>((resolve) => {
			const req = factory.open(DB_NAME, 99);
			req.onsuccess = () => {
				req.result.close();
				resolve();
			};
		});
		const notices: StoreNotice[] = [];
		const s = await store({ indexedDB: factory, onNotice: (n) => notices.push(n) });
		expect(notices.map((n) => n.kind)).toEqual(['reload-needed', 'memory-only']);
		expect(s.persistent).toBe(false);
	});

	it('reopens after the browser closes the connection', async () => {
		const inner = new IDBFactory();
		const conns: IDBDatabase[] = [];
		const factory = {
			open(name: string, version?: number) {
				const req = inner.open(name, version);
				req.addEventListener('success', () => conns.push(req.result));
				return req;
			}
		} as unknown as IDBFactory;
		const notices: StoreNotice[] = [];
		const s = await store({ indexedDB: factory, onNotice: (n) => notices.push(n) });
		// The library types want its own class; at run time this is a fake-indexeddb connection.
		forceCloseDatabase(conns[0] as never);
		await s.addBookmark('d', 'a');
		expect(notices).toEqual([{ kind: 'reconnected' }]);
		expect(await stored(inner, 'bookmarks')).toHaveLength(1);
	});

	it('marks an article read by the rule, and not against a manual "unread"', async () => {
		const s = await store({ now: () => 5_000 });
		expect(await s.applyReadRule('d', 'a', { maxFraction: 1, openedAt: 1_000, now: 5_000 })).toBe(
			true
		);
		expect(isRead(s.state, 'd', 'a')).toBe(true);
		await s.markRead('d', 'a', false);
		expect(await s.applyReadRule('d', 'a', { maxFraction: 1, openedAt: 1_000, now: 6_000 })).toBe(
			false
		);
		expect(isRead(s.state, 'd', 'a')).toBe(false);
	});

	it('keeps "mark unread" across a reload after importing a read mark dated in the future', async () => {
		const factory = new IDBFactory();
		const now = 1_700_000_000_000;
		const s = await store({ indexedDB: factory, now: () => now });
		const backup = {
			format: 'banmian-export',
			version: 1,
			reads: [{ docId: 'd', articleId: 'a', read: true, manual: true, updatedAt: 8.64e15 }],
			positions: [
				{ docId: 'd', articleId: 'a', paragraph: 7, offset: 0, fraction: 0.9, updatedAt: 8.64e15 }
			]
		};
		expect((await s.importAll(JSON.stringify(backup))).ok).toBe(true);
		expect(isRead(s.state, 'd', 'a')).toBe(true);
		await s.markRead('d', 'a', false);
		s.savePosition({ docId: 'd', articleId: 'a', paragraph: 2, offset: 0, fraction: 0.2 });
		await s.close();
		const reloaded = await store({ indexedDB: factory, now: () => now });
		expect(isRead(reloaded.state, 'd', 'a')).toBe(false);
		expect(getPosition(reloaded.state, 'd', 'a')?.paragraph).toBe(2);
	});

	it('refuses a backup that would put its text under a bundled page, and changes nothing', async () => {
		const factory = new IDBFactory();
		const s = await store({ indexedDB: factory });
		await s.markRead('000_8d483b34ee5996a6', 'a1', true);
		const before = s.state;
		const backup = {
			format: 'banmian-export',
			version: 1,
			importedDocs: [{ ...doc, id: '000_8d483b34ee5996a6', text: '冒名的正文' }]
		};
		const r = await s.importAll(JSON.stringify(backup));
		expect(r.ok).toBe(false);
		expect(!r.ok && r.reason).toMatch(/importedDocs\[0\]\.id/);
		expect(s.state).toBe(before);
		expect(s.listImportedDocs()).toEqual([]);
		// Such a record already on disk (from an older version) is skipped, not listed.
		const db = await openBanmianDb({ factory });
		const { text: _text, ...info } = backup.importedDocs[0];
		await db.put('importedDocs', info);
		db.close();
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		await s.close();
		const reloaded = await store({ indexedDB: factory });
		expect(reloaded.listImportedDocs()).toEqual([]);
		expect(reloaded.skipped.map((x) => x.store)).toEqual(['importedDocs']);
		expect(isRead(reloaded.state, '000_8d483b34ee5996a6', 'a1')).toBe(true);
	});

	it('restores its own backup of a maximum-size import (a 50 MB GB18030 file)', async () => {
		// 25 million Chinese characters: 50 MB in GB18030, 75 MB once written as UTF-8 JSON.
		const text = '版'.repeat(MAX_IMPORT_BYTES / 2);
		const big: ImportedDoc = { ...doc, text, size: MAX_IMPORT_BYTES };
		const a = await store();
		expect(await a.addImportedDoc(big)).toBe(true);
		const backup = await a.exportAll();
		const bytes = Buffer.byteLength(backup, 'utf8');
		expect(bytes).toBeGreaterThan(MAX_IMPORT_BYTES);
		// What the notes page checks before it reads the file.
		expect(backupFileProblem(bytes, backup.slice(0, BACKUP_HEAD_CHARS))).toBeNull();
		const b = await store();
		const r = await b.importAll(backup);
		expect(r.ok).toBe(true);
		const restored = await b.getImportedDoc(doc.id);
		expect(restored?.text.length).toBe(text.length);
		expect(restored?.text === text).toBe(true);
	});
});

describe('flushOnHide', () => {
	it('flushes when the page is hidden or goes away, until removed', () => {
		const flush = vi.fn(async () => {});
		const doc = Object.assign(new EventTarget(), {
			visibilityState: 'visible' as DocumentVisibilityState
		});
		const win = new EventTarget();
		const remove = flushOnHide({ flush }, doc, win as Window);
		doc.dispatchEvent(new Event('visibilitychange'));
		expect(flush).not.toHaveBeenCalled();
		doc.visibilityState = 'hidden';
		doc.dispatchEvent(new Event('visibilitychange'));
		win.dispatchEvent(new Event('pagehide'));
		expect(flush).toHaveBeenCalledTimes(2);
		remove();
		win.dispatchEvent(new Event('pagehide'));
		expect(flush).toHaveBeenCalledTimes(2);
	});
});

describe('readingStore', () => {
	it('opens one store per page, on the real IndexedDB when there is one', async () => {
		const p = readingStore();
		expect(readingStore()).toBe(p);
		const s = await p;
		open.push(s);
		expect(s.persistent).toBe(true);
	});
});
