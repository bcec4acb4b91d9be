import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../core/parse/index';
import {
	clearCaches,
	dropArchiveShardsExcept,
	loadArchiveShard,
	loadLibrary,
	loadParse,
	loadParses,
	loadSnapshot,
	parseCacheKey,
	saveArchiveShard,
	saveLibrary,
	saveParses,
	saveSnapshot
} from './caches';
import { openBanmianDb } from './db';
import { summariseArticle, type DocumentSummary } from '../core/library/summary';

// The worker's cache uses the default database (fake-indexeddb's global factory here).
const text = '#春耕备耕正当时\n本报讯(记者 王丹)全省春耕备耕工作有序推进。\n';
const document = parsePage(text, 'p1.txt', null);
const summary: DocumentSummary = {
	id: document.id,
	source: document.source,
	page: document.page,
	articles: document.articles.map(summariseArticle),
	blockCount: 0,
	diagnostics: [],
	encoding: 'utf-8',
	imported: false,
	error: null,
	unparsable: null
};

describe('caches', () => {
	it('keeps archive index shards by name until the caches are dropped', async () => {
		expect(await loadArchiveShard('index-00ff-0.bin')).toBeNull();
		await saveArchiveShard('index-00ff-0.bin', new Uint8Array([1, 2, 3]));
		expect([...((await loadArchiveShard('index-00ff-0.bin')) ?? [])]).toEqual([1, 2, 3]);
		const db = await openBanmianDb();
		await clearCaches(db);
		db.close();
		expect(await loadArchiveShard('index-00ff-0.bin')).toBeNull();
	});

	it("drops another build's index files and keeps this build's", async () => {
		await saveArchiveShard('index-aa-0.bin', new Uint8Array([1]));
		await saveArchiveShard('index-aa-z1-1.bin', new Uint8Array([2]));
		await saveArchiveShard('index-bb-0.bin', new Uint8Array([3]));
		await dropArchiveShardsExcept('index-bb-');
		expect(await loadArchiveShard('index-aa-0.bin')).toBeNull();
		expect(await loadArchiveShard('index-aa-z1-1.bin')).toBeNull();
		expect([...((await loadArchiveShard('index-bb-0.bin')) ?? [])]).toEqual([3]);
	});

	it('keeps the listed library for exactly its pages, and only the newest one', async () => {
		await saveLibrary('lib-a', { summaries: [summary], entries: [['k1', 'h1']] });
		expect((await loadLibrary('lib-a', ['k1']))?.summaries[0].articles[0].title).toBe(
			'春耕备耕正当时'
		);
		// Another list of pages (or the same pages in another order) is not this library.
		expect(await loadLibrary('lib-a', ['k2'])).toBeNull();
		expect(await loadLibrary('lib-a', ['k1', 'k2'])).toBeNull();
		await saveLibrary('lib-b', { summaries: [summary], entries: [['k2', 'h2']] });
		expect(await loadLibrary('lib-a', ['k1'])).toBeNull();
		expect(await loadLibrary('lib-b', ['k2'])).not.toBeNull();
	});

	it('ignores a damaged library record instead of listing it', async () => {
		const damaged = { summaries: [{ id: 7 }], entries: [['k3', 'h3']] };
		await saveLibrary('lib-c', damaged as never);
		expect(await loadLibrary('lib-c', ['k3'])).toBeNull();
	});

	it('takes a parse whose articles are damaged for no parse, so the page is parsed again', async () => {
		const damaged = { ...document, articles: [null, ...document.articles] } as never;
		await saveParses(
			new Map([['p|damaged', { document: damaged, encoding: 'utf-8', hash: 'h' }]]),
			[]
		);
		expect(await loadParse('p|damaged')).toBeNull();
		expect((await loadParses()).has('p|damaged')).toBe(false);
	});

	it('reads one parse back by key; the library record is not taken for a parse', async () => {
		await saveParses(new Map([['p|1', { document, encoding: 'utf-8', hash: 'h1' }]]), []);
		expect((await loadParse('p|1'))?.document.articles[0].paragraphs).toEqual(
			document.articles[0].paragraphs
		);
		expect(await loadParse('p|missing')).toBeNull();
		await saveLibrary('lib-d', { summaries: [summary], entries: [['p|1', 'h1']] });
		expect([...(await loadParses()).keys()]).toEqual(['p|1']);
	});

	it('reads back a parse whose continuation has no title on its page', async () => {
		const continued = parsePage('（上接第一版）续文写到这里。\n# 春耕\n正文。', 'p2.txt', null);
		expect(continued.articles[0].title).toBeNull();
		await saveParses(
			new Map([['p|untitled', { document: continued, encoding: 'utf-8', hash: 'h2' }]]),
			[]
		);
		expect((await loadParse('p|untitled'))?.document.articles).toEqual(continued.articles);
	});

	it('keeps only the newest index snapshot, and reads a damaged record as a miss', async () => {
		await saveSnapshot('idx-1', { terms: 3 });
		expect(await loadSnapshot('idx-1')).toEqual({ terms: 3 });
		await saveSnapshot('idx-2', { terms: 4 });
		expect(await loadSnapshot('idx-1')).toBeNull();
		const db = await openBanmianDb();
		await db.put('searchIndex', { key: 'idx-2', createdAt: 'yesterday', value: 1 } as never);
		expect(await loadSnapshot('idx-2')).toBeNull();
		db.close();
	});

	it('keys a bundled parse by file, sidecar and parser version; an import has no key', () => {
		const source = { source: '晚报.txt', url: '/seeds/wb.abc123.txt', sidecar: null };
		const key = parseCacheKey(source, 7);
		expect(key).toContain('wb.abc123.txt');
		expect(parseCacheKey(source, 8)).not.toBe(key);
		expect(parseCacheKey({ ...source, sidecar: { page: 2 } }, 7)).not.toBe(key);
		expect(parseCacheKey({ ...source, url: '/other/wb.abc123.txt' }, 7)).toBe(key);
		expect(parseCacheKey({ ...source, imported: true }, 7)).toBeNull();
		expect(parseCacheKey({ ...source, encoding: 'gb18030' }, 7)).toBeNull();
	});

	it('drops every cache at once, the reader’s own data aside', async () => {
		await saveParses(new Map([['p|2', { document, encoding: 'utf-8', hash: 'h2' }]]), []);
		await saveSnapshot('idx-4', { terms: 1 });
		const db = await openBanmianDb();
		await db.put('settings', { values: {} as never, updatedAt: 1 }, 'current');
		await clearCaches(db);
		expect(await db.count('parseCache')).toBe(0);
		expect(await db.count('searchIndex')).toBe(0);
		expect(await db.count('settings')).toBe(1);
		db.close();
		expect(await loadParse('p|2')).toBeNull();
	});
});
