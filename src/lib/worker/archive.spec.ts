import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildArchiveInMemory } from '../core/archive/testing.spec-helpers';
import { hashBytes } from '../core/hash';
import { parsePage } from '../core/parse/index';
import type { ParsedDocument } from '../core/parse/types';
import { normalize } from '../core/search/normalize';
import { searchSegments } from '../core/search/segments';
import { SearchIndex } from '../core/search/index';
import { pageSidecar } from '../core/archive/pages';
import type { PageFileRef } from '../core/archive/catalog';
import { ArchiveSession } from './archive';

// The worker's archive session against an archive built in memory, served by a stubbed fetch
// (and a stubbed Cache Storage): what it fetches, and that hits and totals equal a scan.
const BASE = 'https://news.example/archive/';
const encoder = new TextEncoder();

const texts = [
	['甲报', '2026-03-25', '#汾河两岸春来早\n本报讯 汾河沿岸的柳树发芽了。\n'],
	['甲报', '2026-03-05', '#城市新闻\n本报讯 市民在汾河公园散步。\n'],
	['乙报', '2026-03-20', '#乡村振兴\n本报讯 村里修了新路。\n'],
	['甲报', '2026-02-14', '#汾河治理见成效\n本报讯 汾河水质持续好转。\n'],
	['乙报', '2026-01-09', '#冬季运动\n本报讯 汾河冰面上的孩子们。\n']
] as const;

const pages = texts.map(([paper, date, text], i) => {
	const bytes = encoder.encode(text);
	const sidecar = { paper, date, page: 1 };
	return { doc: parsePage(text, `p${i}.txt`, sidecar), hash: hashBytes(bytes), bytes };
});
const { manifest, files } = buildArchiveInMemory(pages, {
	shardBytes: 32,
	// Chunks of a few articles: frequent tokens' postings span chunk files, as at scale.
	chunkBytes: 8
});
for (const page of pages) files.set(`page-${page.hash}.txt`, page.bytes);
files.set('manifest.json', encoder.encode(JSON.stringify(manifest)));

/** A larger archive: 50 pages of one article each, every one holding 汾河公园. */
const parkPages = Array.from({ length: 50 }, (_, i) => {
	const text = `#汾河公园${i + 1}\n本报讯 市民在汾河公园散步。\n`;
	const bytes = encoder.encode(text);
	const day = String((i % 28) + 1).padStart(2, '0');
	const sidecar = { paper: i % 2 ? '甲报' : '乙报', date: `2026-0${1 + (i % 3)}-${day}`, page: 1 };
	return { doc: parsePage(text, `park${i}.txt`, sidecar), hash: hashBytes(bytes), bytes };
});
const park = buildArchiveInMemory(parkPages, { shardBytes: 32, chunkBytes: 8 });
for (const page of parkPages) park.files.set(`page-${page.hash}.txt`, page.bytes);
park.files.set('manifest.json', encoder.encode(JSON.stringify(park.manifest)));

/** The archive the stubbed fetch serves. */
let served: Map<string, Uint8Array>;
let fetched: string[];
let offline: boolean;
let stored: Map<string, Response>;

beforeEach(() => {
	served = files;
	fetched = [];
	offline = false;
	stored = new Map();
	vi.stubGlobal('fetch', async (url: string) => {
		if (offline) throw new TypeError('Failed to fetch');
		const name = String(url).slice(BASE.length);
		fetched.push(name);
		const bytes = served.get(name);
		return bytes ? new Response(bytes.slice()) : new Response('not found', { status: 404 });
	});
	const cache = {
		match: async (url: string) => stored.get(url)?.clone(),
		put: async (url: string, response: Response) => void stored.set(url, response),
		keys: async () => [...stored.keys()].map((url) => ({ url }))
	};
	vi.stubGlobal('caches', { open: async () => cache });
});

afterEach(() => vi.unstubAllGlobals());

/** A session that opens pages as the worker does: their files through the session. */
async function open() {
	let session: ArchiveSession | null = null;
	const parse = async (page: PageFileRef): Promise<ParsedDocument> =>
		parsePage(
			new TextDecoder().decode(await session!.pageFile(page)),
			page.source,
			pageSidecar(page)
		);
	session = await ArchiveSession.open(BASE, parse);
	return session;
}

/** [page id, article id] of the articles holding the term, by a scan of the parsed pages. */
function scan(term: string, keep: (doc: ParsedDocument) => boolean = () => true): string[] {
	return pages
		.map((p) => p.doc)
		.filter(keep)
		.flatMap((doc) =>
			doc.articles
				.filter((a) => searchSegments(a).some((s) => normalize(s).includes(normalize(term))))
				.map((a) => `${doc.id}/${a.id}`)
		)
		.sort();
}

const keys = (hits: { docId: string; articleId: string }[]) =>
	hits.map((h) => `${h.docId}/${h.articleId}`).sort();
const noFilters = { offset: 0, limit: 10, filters: {} };

describe('ArchiveSession', () => {
	it('lists the newest month from the manifest and its catalog shards alone', async () => {
		const session = await open();
		const listed = await session.newest();
		expect(listed.map((d) => d.page.date).sort()).toEqual([
			'2026-03-05',
			'2026-03-20',
			'2026-03-25'
		]);
		expect(fetched.filter((n) => !n.startsWith('catalog-'))).toEqual(['manifest.json']);
		expect(fetched.filter((n) => n.startsWith('catalog-'))).toHaveLength(2);
	});

	it('refuses a manifest it cannot read, saying why', async () => {
		const format1 = { ...manifest, format: 'banmian-archive-1', index: [] };
		vi.stubGlobal('fetch', async () => new Response(JSON.stringify(format1)));
		await expect(open()).rejects.toThrow(/manifest\.json.*banmian-archive-1/);
	});

	it('finds exactly what a scan finds, with the exact total and marked snippets', async () => {
		expect(manifest.index.chunkFiles).toBeGreaterThan(0);
		const session = await open();
		const found = await session.search('汾河', noFilters);
		expect(found.total).toBe(scan('汾河').length);
		expect(keys(found.hits)).toEqual(scan('汾河'));
		expect(found.offlinePages).toBeUndefined();
		// Only this index's files, some shards and not all.
		const indexFiles = fetched.filter((n) => n.startsWith('index-'));
		expect(indexFiles.every((n) => n.startsWith(`index-${manifest.index.id}-`))).toBe(true);
		const shards = indexFiles.filter((n) => /^index-[0-9a-f]+-\d+\.bin$/.test(n));
		expect(shards.length).toBeGreaterThan(0);
		expect(shards.length).toBeLessThan(manifest.index.shards);
		const marked = found.hits.find((h) => h.snippet.ranges.length || h.heading.title.ranges.length);
		expect(marked).toBeDefined();
		// newest first
		expect(found.hits.map((h) => h.date)).toEqual(
			[...found.hits.map((h) => h.date)].sort().reverse()
		);
		// pages of hits, further on
		const second = await session.search('汾河', { ...noFilters, offset: 2, limit: 2 });
		expect(second.hits.map((h) => h.docId)).toEqual(found.hits.slice(2, 4).map((h) => h.docId));
	});

	it('without the exact total, answers with the first hits and a lower bound', async () => {
		served = park.files;
		const session = await open();
		const fast = await session.search('汾河公园', { ...noFilters, exactTotal: false });
		expect(fast.hits).toHaveLength(10);
		expect(fast.totalExact).toBe(false);
		expect(fast.total).toBeGreaterThanOrEqual(10);
		expect(fast.total).toBeLessThan(parkPages.length);
		const before = fetched.length;
		const counted = await session.search('汾河公园', { ...noFilters, limit: 0 });
		expect(counted).toMatchObject({ total: parkPages.length, totalExact: true, hits: [] });
		// the count fetches only what the first answer had not
		expect(fetched.slice(before).filter((n) => fetched.indexOf(n) < before)).toEqual([]);
		// asked exactly, as before; filters take every hit, so they count exactly anyway
		const exact = await session.search('汾河公园', noFilters);
		expect(exact).toMatchObject({ total: parkPages.length, totalExact: true });
		expect(exact.hits.map((h) => h.docId)).toEqual(fast.hits.map((h) => h.docId));
		const byPaper = await session.search('汾河公园', {
			...noFilters,
			filters: { paper: '甲报' },
			exactTotal: false
		});
		expect(byPaper).toMatchObject({ total: parkPages.length / 2, totalExact: true });
	});

	it('places hits by the locators and makes them from the page files, no catalog shard fetched', async () => {
		const session = await open();
		const found = await session.search('汾河', noFilters);
		expect(found.hits.length).toBeGreaterThan(2);
		const months = new Set(found.hits.map((h) => h.date!.slice(0, 7)));
		expect(months.size).toBeGreaterThan(1);
		expect(fetched.filter((n) => n.startsWith('catalog-'))).toEqual([]);
		// Every locator the hits need, once each; every hit page's file, once each.
		const locators = fetched.filter((n) => n.startsWith('locator-'));
		expect(new Set(locators).size).toBe(locators.length);
		const wanted = manifest.catalog.filter((e) =>
			found.hits.some((h) => h.paper === e.paper && h.date!.startsWith(e.month!))
		);
		expect(locators.sort()).toEqual(wanted.map((e) => e.locator).sort());
		const pageFiles = fetched.filter((n) => n.startsWith('page-'));
		expect(new Set(pageFiles).size).toBe(new Set(found.hits.map((h) => h.docId)).size);
		// Each hit is the one the on-device index makes of its page (heading, snippet, marks, counts).
		for (const hit of found.hits) {
			const index = new SearchIndex();
			index.add(pages.find((p) => p.doc.id === hit.docId)!.doc);
			const own = index.search('汾河', { limit: Infinity }).hits;
			expect(hit).toEqual(own.find((h) => h.articleId === hit.articleId));
		}
		// A placed page opens, and is remembered, without its month listed.
		const january = found.hits.find((h) => h.date === '2026-01-09')!;
		expect((await session.find(january.docId))?.hash).toBe(
			pages.find((p) => p.doc.id === january.docId)!.hash
		);
		expect(fetched.filter((n) => n.startsWith('catalog-'))).toEqual([]);
	});

	it('fetches the hits’ locators together, then their page files together', async () => {
		const session = await open();
		const served = globalThis.fetch;
		const inFlight = new Map<string, number>();
		const most = new Map<string, number>();
		vi.stubGlobal('fetch', async (url: string) => {
			const kind = String(url).slice(BASE.length).split('-')[0];
			inFlight.set(kind, (inFlight.get(kind) ?? 0) + 1);
			most.set(kind, Math.max(most.get(kind) ?? 0, inFlight.get(kind)!));
			await new Promise((resolve) => setTimeout(resolve, 20));
			inFlight.set(kind, inFlight.get(kind)! - 1);
			return served(url);
		});
		await session.search('汾河', noFilters);
		const count = (kind: string) => new Set(fetched.filter((n) => n.startsWith(kind))).size;
		expect(count('locator-')).toBeGreaterThan(1);
		expect(most.get('locator')).toBe(count('locator-'));
		expect(count('page-')).toBeGreaterThan(1);
		expect(most.get('page')).toBe(count('page-'));
	});

	it('places hits in a month the library holds by its catalog shard, fetching no locator', async () => {
		const session = await open();
		await session.newest();
		const all = await session.search('汾河', noFilters);
		const newest = manifest.catalog.filter((e) => e.month === '2026-03');
		const older = manifest.catalog.filter(
			(e) => e.month !== '2026-03' && all.hits.some((h) => h.date!.startsWith(e.month!))
		);
		expect(older.length).toBeGreaterThan(0);
		expect(all.hits.some((h) => h.date!.startsWith('2026-03'))).toBe(true);
		expect(fetched.filter((n) => n.startsWith('locator-')).sort()).toEqual(
			older.map((e) => e.locator).sort()
		);
		expect(fetched.filter((n) => n.startsWith('catalog-')).sort()).toEqual(
			newest.map((e) => e.name).sort()
		);
	});

	it('refuses a bad locator, saying so, and places its hits by the catalog shard instead', async () => {
		const entry = manifest.catalog.find((e) => e.month === '2026-01')!;
		const good = files.get(entry.locator)!;
		const bad = JSON.parse(new TextDecoder().decode(good));
		bad.pages[0][6] += 1; // its article numbers would run past the shard's
		files.set(entry.locator, encoder.encode(JSON.stringify(bad)));
		try {
			const session = await open();
			await expect(session.locator(entry)).rejects.toThrow(/档案定位文件 locator-.*无法识别/);
			const found = await session.search('汾河', noFilters);
			expect(keys(found.hits)).toEqual(scan('汾河'));
			const january = found.hits.find((h) => h.date === '2026-01-09')!;
			expect(january.snippet.ranges.length).toBeGreaterThan(0);
			expect(fetched).toContain(entry.name);
		} finally {
			files.set(entry.locator, good);
		}
	});

	it('narrows by paper, dates and page through the catalog, exactly', async () => {
		const session = await open();
		const byPaper = await session.search('汾河', { ...noFilters, filters: { paper: '甲报' } });
		expect(keys(byPaper.hits)).toEqual(scan('汾河', (d) => d.page.paper === '甲报'));
		const inMarch = await session.search('汾河', {
			...noFilters,
			filters: { dateFrom: '2026-03-01', dateTo: '2026-03-31' }
		});
		expect(inMarch.total).toBe(scan('汾河', (d) => d.page.date!.startsWith('2026-03')).length);
		expect((await session.search('汾河', { ...noFilters, filters: { page: 2 } })).total).toBe(0);
		// bylines are not in the catalog: a reporter filter leaves the archive out
		expect(
			(await session.search('汾河', { ...noFilters, filters: { reporter: '某' } })).total
		).toBe(0);
	});

	it('finds a page opened on an earlier visit again, by the month it remembered', async () => {
		const first = await open();
		await first.search('汾河', noFilters); // places the January page's hit by its locator
		const january = pages.find((p) => p.doc.page.date === '2026-01-09')!;
		expect(await first.find(january.doc.id)).toBeDefined();
		first.remember(january.doc.id);
		await new Promise((resolve) => setTimeout(resolve, 50)); // the write lands
		const later = await open();
		expect((await later.find(january.doc.id))?.date).toBe('2026-01-09');
		expect(await later.find('no-such-page')).toBeUndefined();
	});

	it('offline, searches the pages on the device and counts them', async () => {
		const session = await open();
		await session.newest();
		// One March page is on the device (with its catalog shard).
		const march = pages.find((p) => p.doc.page.date === '2026-03-25')!;
		await session.pageFile((await session.find(march.doc.id))!);
		offline = true;
		const found = await session.search('汾河', noFilters);
		expect(found.offlinePages).toBe(1);
		expect(keys(found.hits)).toEqual(scan('汾河', (d) => d.id === march.doc.id));
	});
});
