import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentSource } from './types';

// The real worker api, run in Node. The parser is linear and does not throw on any text, so a
// page it throws on is made here: one that contains 「解析器崩溃」 throws as a stack overflow
// would. Everything else is the real parser, cache (fake-indexeddb) and search.
const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('../core/parse/index', async (importOriginal) => {
	const real = await importOriginal<typeof import('../core/parse/index')>();
	return {
		...real,
		parsePage: (...args: Parameters<typeof real.parsePage>) => {
			parses.count++;
			if (args[0].includes('解析器崩溃')) throw new RangeError('Maximum call stack size exceeded');
			return real.parsePage(...args);
		}
	};
});

const encode = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;
const page = (id: string, text: string): DocumentSource => ({
	source: `${id}.txt`,
	bytes: encode(text),
	sidecar: null,
	imported: true,
	id
});
const good = page('imp-good', '#春耕备耕正当时\n本报讯 全省春耕备耕工作有序推进。\n');
const bad = page('imp-bad', '#标题\n解析器崩溃的一版。\n');

/** A fresh worker, as on the next visit: module state gone, IndexedDB kept. */
async function freshWorker() {
	vi.resetModules();
	return (await import('./banmian.worker')).api;
}

beforeEach(() => {
	parses.count = 0;
});

describe('worker: a page whose parse throws', () => {
	it('is listed as unparsable with why, while the other pages load and search', async () => {
		const api = await freshWorker();
		const [goodSummary, badSummary] = await api.loadDocuments([good, bad]);
		expect(badSummary).toMatchObject({
			id: 'imp-bad',
			imported: true,
			articles: [],
			unparsable: 'RangeError: Maximum call stack size exceeded',
			error: '这一版无法解析:RangeError: Maximum call stack size exceeded'
		});
		expect(goodSummary.unparsable).toBeNull();
		expect(goodSummary.articles[0].title).toBe('春耕备耕正当时');
		expect(await api.getDocument('imp-bad')).toBeNull();
		const found = await api.search('春耕', { offset: 0, limit: 10, filters: {} });
		expect(found.hits.map((hit) => hit.docId)).toEqual(['imp-good']);
	});

	it('is not parsed again on the next visit, and importing it again is refused', async () => {
		await (await freshWorker()).loadDocuments([bad]);
		const api = await freshWorker();
		parses.count = 0;
		const [again] = await api.loadDocuments([bad]);
		expect(again.unparsable).toBe('RangeError: Maximum call stack size exceeded');
		expect(parses.count).toBe(0);
		await expect(
			api.prepareImport(
				{ name: 'bad.txt', bytes: encode('#标题\n解析器崩溃的一版。\n'), sidecar: null },
				'token-1'
			)
		).rejects.toThrow('这一版无法解析:RangeError: Maximum call stack size exceeded');
		expect(parses.count).toBe(0);
	});

	it('remembers a page the client reports stuck, on later visits too', async () => {
		const api = await freshWorker();
		const notices: unknown[] = [];
		const post = (notice: unknown) => notices.push(notice);
		Object.assign(globalThis, { postMessage: post });
		try {
			await api.loadDocuments([page('imp-slow', '#慢\n很长的一版。\n')]);
		} finally {
			Reflect.deleteProperty(globalThis, 'postMessage');
		}
		// the worker announced the parse, with the key the client reports back
		const start = notices[0] as { banmianParse: string; key: string };
		expect(start.banmianParse).toBe('start');
		expect(notices[1]).toEqual({ banmianParse: 'end' });
		await api.markUnparsable(start.key, '解析超时');
		const next = await freshWorker();
		const [slow] = await next.loadDocuments([page('imp-slow', '#慢\n很长的一版。\n')]);
		expect(slow.error).toBe('这一版无法解析:解析超时');
	});
});

describe('worker: search results', () => {
	it('are the search index’s own hits, marks and page details as the index gives them', async () => {
		const api = await freshWorker();
		await api.loadDocuments([good]);
		const found = await api.search('春耕', { offset: 0, limit: 10, filters: {} });
		const { SearchIndex } = await import('../core/search/index');
		const index = new SearchIndex();
		index.add((await api.getDocument('imp-good'))!);
		expect(found).toEqual({
			...index.search('春耕', { offset: 0, limit: 10, filters: {} }),
			totalExact: true
		});
		expect(found.hits[0].heading.title).toEqual({ text: '春耕备耕正当时', ranges: [[0, 2]] });
	});
});

describe('worker: a long library streamed to the page', () => {
	it('arrives 50 summaries or fewer to a message, every page once, first visit and next', async () => {
		const { loadLibrary, parseCacheKey } = await import('../platform/caches');
		const { PARSER_VERSION } = await import('../core/parse/index');
		const { SUMMARY_VERSION } = await import('../core/library/summary');
		const { hashString } = await import('../core/hash');
		const ids = Array.from({ length: 120 }, (_, i) => `long-${String(i).padStart(3, '0')}`);
		const sources: DocumentSource[] = ids.map((id) => ({
			source: `${id}.txt`,
			url: `/seeds/${id}.txt`,
			sidecar: null
		}));
		vi.stubGlobal('fetch', async (url: string) => {
			const id = /long-\d+/.exec(url)![0];
			return new Response(`#${id}的标题\n本报讯 ${id}的正文。\n`);
		});
		const stream = async () => {
			const batches: { size: number; done: number }[] = [];
			const arrived: string[] = [];
			const count = await (
				await freshWorker()
			).streamDocuments(sources, (batch, done) => {
				batches.push({ size: batch.length, done });
				arrived.push(...batch.map((summary) => summary.id));
			});
			return { count, batches, arrived };
		};
		try {
			const first = await stream();
			expect(first.count).toBe(120);
			expect(Math.max(...first.batches.map((b) => b.size))).toBeLessThanOrEqual(50);
			expect([...first.arrived].sort()).toEqual(ids);
			expect(first.batches.at(-1)!.done).toBe(120);
			// the next visit lists them from the cached library, still a message's worth at a time
			const keys = sources.map((source) => parseCacheKey(source, PARSER_VERSION)!);
			const libraryKey = hashString([SUMMARY_VERSION, ...keys].join('\n'));
			await vi.waitFor(async () => expect(await loadLibrary(libraryKey, keys)).not.toBeNull());
			parses.count = 0;
			const next = await stream();
			expect(parses.count).toBe(0);
			expect(next.batches.map((b) => b.size)).toEqual([50, 50, 20]);
			expect(next.batches.map((b) => b.done)).toEqual([50, 100, 120]);
			expect(next.arrived).toEqual(ids);
		} finally {
			vi.unstubAllGlobals();
		}
	});
});
