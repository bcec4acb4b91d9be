import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import type { ParsedDocument } from '../parse/types';
import { ArchiveSearch, termPlan } from './search';
import { article, buildArchiveInMemory, doc, scan } from './testing.spec-helpers';

function open(pages: ParsedDocument[], shardBytes = 64) {
	const built = buildArchiveInMemory(
		pages.map((d) => ({ doc: d, hash: d.id })),
		{ bucketBits: 6, shardBytes, bufferWords: 64 }
	);
	const fetches: string[] = [];
	const search = new ArchiveSearch(built.manifest, async (name) => {
		fetches.push(name);
		const bytes = built.files.get(name);
		if (!bytes) throw new Error(`no file ${name}`);
		return bytes;
	});
	return { ...built, search, fetches };
}

async function allHits(search: ArchiveSearch, query: string): Promise<number[]> {
	const result = await search.search(query, { limit: Infinity });
	expect(result.total).toBe(result.hits.length);
	return result.hits.map((h) => h.article);
}

// Small alphabets make repeats, overlaps and shared n-grams likely; 国/國 and 发/發/髮 fold.
const ALPHABET = ['国', '國', '发', '發', '髮', '人', '民', 'a', 'A', 'ａ', '1', ' ', '，'];
const text = fc
	.array(fc.constantFrom(...ALPHABET), { maxLength: 40 })
	.map((chars) => chars.join(''));
const pageArb = fc.record({
	title: text,
	paragraphs: fc.array(text, { maxLength: 4 }),
	day: fc.integer({ min: 1, max: 60 }),
	paper: fc.constantFrom('甲报', '乙报', null),
	page: fc.integer({ min: 1, max: 3 })
});
const pagesArb = fc.array(pageArb, { minLength: 1, maxLength: 12 }).map((list) =>
	list.map((p, i) =>
		doc(
			`p${i}`,
			[
				article(`a1`, { title: p.title, paragraphs: p.paragraphs }),
				article('a2', { paragraphs: [p.title] })
			],
			{
				paper: p.paper,
				date: p.day > 55 ? null : new Date(Date.UTC(2024, 0, p.day)).toISOString().slice(0, 10),
				pageNumber: p.page
			}
		)
	)
);
const queryArb = fc.oneof(
	text.filter((q) => q.trim().length > 0),
	fc.tuple(text, text).map(([a, b]) => `${a} -${b}`),
	fc.tuple(text, text).map(([a, b]) => `"${a} ${b}"`),
	fc.constantFrom('国', '國人', '发发', 'aA', '民民民', '人民国发', '不存在')
);

describe('archive search', () => {
	it('finds exactly what a substring scan of the normalised text finds, in archive order', async () => {
		await fc.assert(
			fc.asyncProperty(
				pagesArb,
				fc.array(queryArb, { minLength: 1, maxLength: 5 }),
				async (pages, queries) => {
					const { manifest, files, search } = open(pages);
					for (const q of queries)
						expect(await allHits(search, q)).toEqual(scan(manifest, files, pages, q));
				}
			),
			{ numRuns: 150 }
		);
	});

	it('stays exact on runs of one character, for queries of length 1, 2 and long', async () => {
		const run = (n: number) => '的'.repeat(n);
		const pages = [
			doc('p0', [
				article('a1', { title: run(50) }),
				article('a2', { paragraphs: [run(3), run(2)] })
			]),
			doc('p1', [article('a1', { paragraphs: ['的一的的一的的的'] })])
		];
		const { manifest, files, search } = open(pages);
		for (const q of [
			'的',
			'的的',
			'的的的',
			run(4),
			run(50),
			run(51),
			'一的的的',
			'的一的的一的的的'
		])
			expect(await allHits(search, q)).toEqual(scan(manifest, files, pages, q));
		// 50 的 hold 49 overlapping 的的; two paragraphs 2 and 1, none across them.
		const result = await search.search('的的');
		expect(result.hits.map((h) => h.count)).toEqual([49, 2 + 1, 3]);
	});

	it('matches a term never across two paragraphs', async () => {
		const pages = [doc('p0', [article('a1', { paragraphs: ['人民', '日报'] })])];
		const { search } = open(pages);
		expect((await search.search('民日')).total).toBe(0);
		expect((await search.search('人民')).total).toBe(1);
	});

	it('folds 简/繁 and width on both sides', async () => {
		const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
		const pages = [doc('p0', [article('a1', { paragraphs: ['环境保护，ＰＭ2.5下降'] })])];
		const { search } = open(pages);
		for (const q of [toTraditional('环境保护'), '環境 -污染', 'pm2.5', '"境保 护"'])
			expect((await search.search(q)).total).toBe(1);
	});

	it('returns exact totals with the first hits, and pages on with offset', async () => {
		const pages = Array.from({ length: 30 }, (_, i) =>
			doc(`p${i}`, [article('a1', { paragraphs: ['人民日报'] })], {
				paper: '甲报',
				date: `2024-01-${String(i + 1).padStart(2, '0')}`
			})
		);
		const { search } = open(pages);
		const first = await search.search('日报', { limit: 10 });
		const next = await search.search('日报', { offset: 10, limit: 10 });
		expect(first.total).toBe(30);
		expect(first.hits.map((h) => h.article)).toEqual([...Array(10).keys()]);
		expect(next.hits.map((h) => h.article)).toEqual([...Array(10).keys()].map((k) => k + 10));
	});

	it("fetches only the shards of the query's own tokens, each once", async () => {
		const pages = Array.from({ length: 40 }, (_, i) =>
			doc(`p${i}`, [article('a1', { paragraphs: [`第${i}号人民代表大会报告，环境${i * 7}`] })])
		);
		const { manifest, search, fetches } = open(pages, 32);
		expect(manifest.index.length).toBeGreaterThan(4);
		const first = await search.search('人民代表');
		const names = new Set(termPlan('人民代表').map((t) => search.shardOf(t.key)));
		expect(new Set(first.fetched.shards)).toEqual(names);
		expect(first.fetched.shards.length).toBeLessThan(manifest.index.length);
		expect(first.fetched.bytes).toBe(
			first.fetched.shards.reduce(
				(sum, name) => sum + (manifest.index.find((e) => e.name === name)?.bytes ?? 0),
				0
			)
		);
		const again = await search.search('人民代表');
		expect(again.fetched).toEqual({ shards: [], bytes: 0 });
		expect(fetches.length).toBe(names.size);
	});

	it('answers nothing, and fetches nothing, for a query without included terms', async () => {
		const { search, fetches } = open([doc('p0', [article('a1', { paragraphs: ['人民'] })])]);
		expect((await search.search('-人民')).total).toBe(0);
		expect((await search.search('  ')).total).toBe(0);
		expect(fetches).toEqual([]);
	});

	it('retries a shard whose fetch failed', async () => {
		const built = buildArchiveInMemory([
			{ doc: doc('p0', [article('a1', { paragraphs: ['人民'] })]), hash: 'h' }
		]);
		let fail = true;
		const search = new ArchiveSearch(built.manifest, async (name) => {
			if (fail) throw new Error('offline');
			return built.files.get(name) as Uint8Array;
		});
		await expect(search.search('人民')).rejects.toThrow('offline');
		fail = false;
		expect((await search.search('人民')).total).toBe(1);
	});
});

describe('termPlan', () => {
	it('covers every character of the term with the fewest bigrams', () => {
		expect(termPlan('人').map((t) => t.at)).toEqual([0]);
		expect(termPlan('人民').map((t) => t.at)).toEqual([0]);
		expect(termPlan('人民日').map((t) => t.at)).toEqual([0, 1]);
		expect(termPlan('人民日报').map((t) => t.at)).toEqual([0, 2]);
		expect(termPlan('人民日报社').map((t) => t.at)).toEqual([0, 2, 3]);
	});
});
