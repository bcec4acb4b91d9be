import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	articleInLocator,
	articleInShard,
	catalogLocator,
	catalogPage,
	encodeCatalogLocator,
	compareCatalogPages,
	encodeCatalogShard,
	groupCatalog,
	locateArticle,
	monthOf,
	type ArchiveManifest,
	type CatalogPage
} from './catalog';
import { ARCHIVE_FORMAT } from './version';
import { article, doc } from './testing.spec-helpers';

function page(
	id: string,
	paper: string | null,
	date: string | null,
	n: number | null,
	articles = 1
) {
	return catalogPage(
		doc(
			id,
			Array.from({ length: articles }, (_, k) => article(`a${k + 1}`, { title: `${id}-${k}` })),
			{ paper, date, pageNumber: n }
		),
		`hash-${id}`
	);
}

describe('archive order', () => {
	it('puts the newest month first, then paper, newest date, page, id; undated last', () => {
		const pages = [
			page('u', '甲报', null, 1),
			page('a', '乙报', '2024-02-03', 1),
			page('b', '甲报', '2024-02-01', 2),
			page('c', '甲报', '2024-02-01', 1),
			page('d', '甲报', '2024-02-09', 3),
			page('e', '甲报', '2024-01-31', 1),
			page('f', null, '2024-02-05', 1)
		];
		// Papers by code unit: 乙 (U+4E59) before 甲 (U+7532).
		expect([...pages].sort(compareCatalogPages).map((p) => p.id)).toEqual([
			'a',
			'd',
			'c',
			'b',
			'f',
			'e',
			'u'
		]);
	});

	it('is a total order: sorting any shuffle gives the same list', () => {
		const pageArb = fc.record({
			paper: fc.constantFrom('甲报', '乙报', null),
			date: fc.option(fc.constantFrom('2024-01-01', '2024-01-15', '2023-12-31')),
			n: fc.option(fc.integer({ min: 1, max: 4 }))
		});
		fc.assert(
			fc.property(fc.array(pageArb, { maxLength: 12 }), fc.nat(), (specs, seed) => {
				const pages = specs.map((s, i) => page(`p${i}`, s.paper, s.date, s.n));
				const shuffled = [...pages].sort(
					(a, b) => ((a.id.length * seed) % 7) - ((b.id.length * seed) % 7)
				);
				expect([...shuffled].sort(compareCatalogPages)).toEqual(
					[...pages].sort(compareCatalogPages)
				);
			})
		);
	});
});

describe('catalog shards', () => {
	const pages: CatalogPage[] = [
		page('a', '甲报', '2024-02-03', 1, 2),
		page('b', '甲报', '2024-02-01', 1, 3),
		page('c', '乙报', '2024-02-02', 1, 1),
		page('d', '甲报', '2024-01-02', 1, 2),
		page('e', '甲报', null, 1, 1)
	].sort(compareCatalogPages);
	const shards = groupCatalog(pages, (p) => p.articles.length);
	const manifest: ArchiveManifest = {
		format: ARCHIVE_FORMAT,
		bucketBits: 4,
		pages: pages.length,
		articles: 9,
		catalog: shards.map((s) => ({
			paper: s.paper,
			month: s.month,
			name: encodeCatalogShard(s).name,
			locator: encodeCatalogLocator(catalogLocator(s)).name,
			bytes: 0,
			pages: s.pages.length,
			firstArticle: s.firstArticle,
			articles: s.pages.reduce((sum, p) => sum + p.articles.length, 0)
		})),
		index: { id: 'test', shards: 16, shardBytes: 0, chunkFiles: 0, chunkBytes: 0 }
	};

	it('hold one paper and one month each, numbered contiguously', () => {
		expect(shards.map((s) => [s.paper, s.month, s.firstArticle])).toEqual([
			['乙报', '2024-02', 0],
			['甲报', '2024-02', 1],
			['甲报', '2024-01', 6],
			['甲报', null, 8]
		]);
	});

	it('place every article number in its shard, page and article, and nothing past the end', () => {
		const expected = pages.flatMap((p) => p.articles.map(([id]) => [p.id, id]));
		expected.forEach(([pageId, articleId], n) => {
			const entry = locateArticle(manifest, n);
			const shard = shards[manifest.catalog.indexOf(entry as never)];
			const found = articleInShard(shard, n);
			expect([found?.page.id, found?.articleId]).toEqual([pageId, articleId]);
			const located = articleInLocator(catalogLocator(shard), n);
			expect(located?.page.id).toBe(pageId);
			expect(found?.page.articles[located!.index][0]).toBe(articleId);
		});
		expect(locateArticle(manifest, 9)).toBeNull();
		expect(locateArticle(manifest, -1)).toBeNull();
	});

	it('are named by their content', () => {
		expect(encodeCatalogShard(shards[0]).name).toBe(
			encodeCatalogShard(structuredClone(shards[0])).name
		);
		expect(encodeCatalogShard(shards[0]).name).not.toBe(encodeCatalogShard(shards[1]).name);
		expect(encodeCatalogShard(shards[0]).name).toMatch(/^catalog-[0-9a-f]{14}\.json$/);
	});

	it('keep what the library lists: title line, headings, hash', () => {
		const p = catalogPage(
			doc(
				'x',
				[article('a1', { title: '标题' }), article('a2', { title: null, continuedFrom: '第2版' })],
				{
					header: '甲报 2024年2月3日 第1版'
				}
			),
			'h'
		);
		expect(p.titleLine).toBe('甲报 2024年2月3日 第1版');
		expect(p.articles).toEqual([
			['a1', '标题'],
			['a2', '（上接第2版）']
		]);
		expect(p.hash).toBe('h');
		expect(monthOf('2024-02-03')).toBe('2024-02');
		expect(monthOf(null)).toBeNull();
	});
});
