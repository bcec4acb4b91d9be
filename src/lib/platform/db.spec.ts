import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import {
	DB_NAME,
	DB_VERSION,
	loadReaderData,
	MIGRATIONS,
	OpenTimeoutError,
	openBanmianDb,
	SINGLE_KEY,
	type BanmianDb
} from './db';
import { bookmarkId, type Bookmark, type Highlight, type Position } from '../core/state/index';

const position: Position = {
	docId: 'd1',
	articleId: 'a1',
	paragraph: 4,
	offset: 12,
	fraction: 0.4,
	updatedAt: 100
};
const bookmark: Bookmark = {
	id: bookmarkId('d1', 'a1', null),
	docId: 'd1',
	articleId: 'a1',
	paragraph: null,
	createdAt: 100,
	updatedAt: 100
};
const highlight: Highlight = {
	id: 'h-1',
	docId: 'd1',
	articleId: 'a1',
	color: 'yellow',
	note: '留意',
	anchor: { paragraph: 0, start: 0, end: 2, quote: '春耕', prefix: '', suffix: '' },
	createdAt: 100,
	updatedAt: 100
};

/** Raw IndexedDB access, as an older app version or a stray script would have it. */
function rawPut(factory: IDBFactory, store: string, value: unknown, key?: IDBValidKey) {
	return new Promise<void>((resolve, reject) => {
		const req = factory.open(DB_NAME);
		req.onsuccess = () => {
			const db = req.result;
			const tx = db.transaction(store, 'readwrite');
			tx.objectStore(store).put(value, key);
			tx.oncomplete = () => {
				db.close();
				resolve();
			};
			tx.onerror = () => reject(tx.error);
		};
		req.onerror = () => reject(req.error);
	});
}

/** Every store's key path and indexes, as IndexedDB reports them. */
function schemaOf(db: BanmianDb) {
	const names = [...db.objectStoreNames].sort();
	const tx = db.transaction(names, 'readonly');
	return names.map((name) => {
		const store = tx.objectStore(name);
		return {
			name,
			keyPath: store.keyPath,
			autoIncrement: store.autoIncrement,
			indexes: [...store.indexNames].sort().map((index) => ({
				index,
				keyPath: store.index(index).keyPath,
				unique: store.index(index).unique
			}))
		};
	});
}

describe('openBanmianDb', () => {
	it('creates every store at the latest version', async () => {
		const db = await openBanmianDb({ factory: new IDBFactory() });
		expect(db.version).toBe(DB_VERSION);
		expect([...db.objectStoreNames].sort()).toEqual(
			[
				'archiveShards',
				'bookmarks',
				'highlights',
				'importedDocs',
				'importedTexts',
				'parseCache',
				'positions',
				'reads',
				'recentSearches',
				'searchIndex',
				'settings'
			].sort()
		);
		db.close();
	});

	for (let from = 1; from < DB_VERSION; from++) {
		it(`upgrades a version ${from} database keeping its data`, async () => {
			const factory = new IDBFactory();
			const old = await openBanmianDb({ factory, version: from });
			expect(old.version).toBe(from);
			await old.put('positions', position);
			await old.put('bookmarks', bookmark);
			await old.put('highlights', highlight);
			await old.put('settings', { values: { fontStep: 5 } as never, updatedAt: 7 }, SINGLE_KEY);
			old.close();

			const db = await openBanmianDb({ factory });
			expect(db.version).toBe(DB_VERSION);
			const loaded = await loadReaderData(db);
			expect(loaded.skipped).toEqual([]);
			expect(Object.values(loaded.state.positions)).toEqual([position]);
			expect(Object.values(loaded.state.bookmarks)).toEqual([bookmark]);
			expect(Object.values(loaded.state.highlights)).toEqual([highlight]);
			expect(loaded.state.settings.fontStep).toBe(5);
			// Indexes added by later steps cover records written before them.
			expect(await db.getAllKeysFromIndex('highlights', 'docId', 'd1')).toEqual(['h-1']);
			expect(await db.getAllKeysFromIndex('bookmarks', 'docId', 'd1')).toEqual([bookmark.id]);
			db.close();
		});
	}

	it('builds the same schema one version at a time as in one upgrade', async () => {
		const fresh = await openBanmianDb({ factory: new IDBFactory() });
		const expected = schemaOf(fresh);
		fresh.close();
		const factory = new IDBFactory();
		for (let version = 1; version <= MIGRATIONS.length; version++) {
			const db = await openBanmianDb({ factory, version });
			if (version === MIGRATIONS.length) expect(schemaOf(db)).toEqual(expected);
			db.close();
		}
		expect(expected.map((store) => store.name)).toContain('importedTexts');
	});

	it('gives up after the timeout while an old connection blocks the upgrade', async () => {
		const factory = new IDBFactory();
		const old = await openBanmianDb({ factory, version: 1, onBlocking: () => {} });
		const onBlocked = vi.fn();
		await expect(openBanmianDb({ factory, timeoutMs: 100, onBlocked })).rejects.toBeInstanceOf(
			OpenTimeoutError
		);
		expect(onBlocked).toHaveBeenCalled();
		old.close();
	});

	it('rejects when IndexedDB refuses to open', async () => {
		const throwing = {
			open() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			}
		} as unknown as IDBFactory;
		await expect(openBanmianDb({ factory: throwing })).rejects.toThrow(/insecure/);
	});
});

describe('loadReaderData', () => {
	async function seeded(): Promise<[IDBFactory, BanmianDb]> {
		const factory = new IDBFactory();
		const db = await openBanmianDb({ factory });
		await db.put('positions', position);
		await db.put('highlights', highlight);
		db.close();
		return [factory, db];
	}

	it('skips corrupt records with a reason and keeps the good ones', async () => {
		const [factory] = await seeded();
		await rawPut(factory, 'highlights', { id: 'h-bad', color: 'neon' });
		await rawPut(factory, 'highlights', {
			...highlight,
			id: 'h-2',
			anchor: { ...highlight.anchor, start: NaN }
		});
		await rawPut(factory, 'positions', { docId: 'd2', articleId: 'a', paragraph: -1 });
		await rawPut(factory, 'bookmarks', { ...bookmark, id: 'somewhere-else' });
		await rawPut(factory, 'settings', 'garbage', SINGLE_KEY);
		await rawPut(
			factory,
			'recentSearches',
			{ items: [{ query: '台风', at: 5 }, { query: 7 }] },
			SINGLE_KEY
		);
		await rawPut(factory, 'importedDocs', { id: 'x', name: 'a.txt' });

		const db = await openBanmianDb({ factory });
		const log = vi.fn();
		const loaded = await loadReaderData(db, log);
		db.close();
		expect(Object.values(loaded.state.highlights)).toEqual([highlight]);
		expect(Object.values(loaded.state.positions)).toEqual([position]);
		expect(loaded.state.bookmarks).toEqual({});
		expect(loaded.state.recentSearches).toEqual([{ query: '台风', at: 5 }]);
		expect(loaded.docs).toEqual([]);
		const where = loaded.skipped.map((s) => `${s.store} ${s.key}`);
		expect(where).toEqual(
			expect.arrayContaining([
				'highlights "h-bad"',
				'highlights "h-2"',
				'positions ["d2","a"]',
				'bookmarks "somewhere-else"',
				'settings "current"',
				'recentSearches "current"',
				'importedDocs "x"'
			])
		);
		expect(loaded.skipped.find((s) => s.key === '"h-bad"')?.reason).toMatch(/color/);
		expect(log).toHaveBeenCalledTimes(loaded.skipped.length);
	});
});
