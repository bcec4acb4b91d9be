import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../core/parse/index';
import { loadLibrary, loadParse, loadParses, saveLibrary, saveParses } from './cache';
import { summariseArticle, type DocumentSummary } from './types';

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
	error: null
};

describe('worker cache', () => {
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

	it('reads one parse back by key; the library record is not taken for a parse', async () => {
		await saveParses(new Map([['p|1', { document, encoding: 'utf-8', hash: 'h1' }]]), []);
		expect((await loadParse('p|1'))?.document.articles[0].paragraphs).toEqual(
			document.articles[0].paragraphs
		);
		expect(await loadParse('p|missing')).toBeNull();
		await saveLibrary('lib-d', { summaries: [summary], entries: [['p|1', 'h1']] });
		expect([...(await loadParses()).keys()]).toEqual(['p|1']);
	});
});
