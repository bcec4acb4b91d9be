import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import type { ParsedDocument } from '../parse/types';
import { indexChunkName } from './catalog';
import { bigramKey } from './format';
import { ArchiveSearch, cheapestCover, termTokens } from './search';
import { article, buildArchiveInMemory, doc, scan } from './testing.spec-helpers';

/** Small chunks, so that a few pages already cut postings into several. */
function open(pages: ParsedDocument[], { bucketBits = 3, chunkBytes = 6 } = {}) {
	const built = buildArchiveInMemory(
		pages.map((d) => ({ doc: d, hash: d.id })),
		{ bucketBits, spillBits: 2, chunkBytes, bufferWords: 64 }
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

	it('gives the first hits exactly, stopping early only when asked, and pages on with offset', async () => {
		await fc.assert(
			fc.asyncProperty(
				pagesArb,
				queryArb,
				fc.nat({ max: 6 }),
				fc.integer({ min: 1, max: 5 }),
				async (pages, q, offset, limit) => {
					const { manifest, files, search } = open(pages);
					const expected = scan(manifest, files, pages, q);
					const early = await search.search(q, { offset, limit, exactTotal: false });
					const exact = await search.search(q, { offset, limit });
					const page = expected.slice(offset, offset + limit);
					expect(early.hits.map((h) => h.article)).toEqual(page);
					expect(exact.hits.map((h) => h.article)).toEqual(page);
					expect([exact.total, exact.totalExact]).toEqual([expected.length, true]);
					expect(early.total).toBeLessThanOrEqual(expected.length);
					if (early.totalExact) expect(early.total).toBe(expected.length);
					else expect(early.total).toBeGreaterThanOrEqual(offset + limit);
				}
			),
			{ numRuns: 150 }
		);
	});

	it('gives exact first hits from slices of a long chunk, with chunks small or large', async () => {
		const manyPages = fc
			.array(fc.tuple(text, text), { minLength: 80, maxLength: 160 })
			.map((list) =>
				list.map(([a, b], i) =>
					doc(`p${i}`, [article('a1', { paragraphs: [a] }), article('a2', { paragraphs: [b] })])
				)
			);
		await fc.assert(
			fc.asyncProperty(
				manyPages,
				fc.array(queryArb, { minLength: 1, maxLength: 4 }),
				fc.constantFrom(40, 1 << 20),
				fc.nat({ max: 40 }),
				async (pages, queries, chunkBytes, offset) => {
					const { manifest, files, search } = open(pages, { chunkBytes });
					for (const q of queries) {
						const expected = scan(manifest, files, pages, q);
						const early = await search.search(q, { offset, limit: 3, exactTotal: false });
						expect(early.hits.map((h) => h.article)).toEqual(expected.slice(offset, offset + 3));
						if (early.totalExact) expect(early.total).toBe(expected.length);
						expect(await allHits(search, q)).toEqual(expected);
					}
				}
			),
			{ numRuns: 40 }
		);
	});

	it('takes first hits from growing slices of a long chunk, exactly', async () => {
		// 代表 (the rarest token) in every tenth article, as 人民代表 in every fiftieth, at
		// offsets that vary from article to article.
		const pages = Array.from({ length: 600 }, (_, i) => {
			const text = i % 50 === 0 ? '人民代表' : i % 10 === 0 ? '代表人民' : '人民日报';
			return doc(`p${String(i).padStart(3, '0')}`, [
				article('a1', { paragraphs: ['的'.repeat(i % 7) + text] })
			]);
		});
		const { manifest, files, search } = open(pages, { chunkBytes: 512 });
		for (const q of ['人民代表', '代表 -人民代表', '代表 人民', '"表人"'])
			for (const offset of [0, 5, 12]) {
				const expected = scan(manifest, files, pages, q);
				const early = await search.search(q, { offset, limit: 10, exactTotal: false });
				expect(early.hits.map((h) => h.article)).toEqual(expected.slice(offset, offset + 10));
				const exact = await search.search(q, { offset, limit: 10 });
				expect([exact.total, exact.totalExact]).toEqual([expected.length, true]);
			}
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

	it("fetches only the shards and chunks of the query's own tokens, each once", async () => {
		const pages = Array.from({ length: 40 }, (_, i) =>
			doc(`p${i}`, [article('a1', { paragraphs: [`第${i}号人民代表大会报告，环境${i * 7}`] })])
		);
		const { manifest, files, search, fetches } = open(pages, { bucketBits: 4, chunkBytes: 32 });
		const keys = termTokens('人民代表').map((t) => t.key);
		const first = await search.search('人民代表');
		expect(first.total).toBe(40);
		const shards = new Set(keys.map((key) => search.shardOf(key)));
		const chunks = first.fetched.shards.filter((name) => !shards.has(name));
		expect(first.fetched.shards.filter((name) => shards.has(name)).sort()).toEqual(
			[...shards].sort()
		);
		expect(chunks.length).toBeGreaterThan(0);
		for (const name of chunks)
			expect(
				keys.some((key) => name.startsWith(`index-${manifest.index.id}-${key.toString(36)}-`))
			).toBe(true);
		expect(first.fetched.bytes).toBe(
			first.fetched.shards.reduce((sum, name) => sum + (files.get(name)?.length ?? 0), 0)
		);
		// The shards in one round, then the chunks the first window needs, then one per window.
		expect(first.fetched.rounds).toBeGreaterThan(1);
		const again = await search.search('人民代表');
		expect(again.fetched).toEqual({ shards: [], bytes: 0, rounds: 0 });
		expect(fetches.length).toBe(new Set(fetches).size);
	});

	describe('fetches for the first hits what does not grow with the archive', () => {
		// Adversarial: one token in every article, one character repeated; two sizes ten times apart.
		const archive = (n: number, text: (i: number) => string) => {
			const pages = Array.from({ length: n }, (_, i) =>
				doc(`p${i}`, [article('a1', { paragraphs: [text(i)] })], {
					paper: '甲报',
					date: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`,
					pageNumber: 1 + Math.floor(i / 28)
				})
			);
			return { pages, ...open(pages, { bucketBits: 2, chunkBytes: 64 }) };
		};

		for (const [name, text, query] of [
			['one term in every article', (i: number) => `第${i}号人民代表大会`, '人民代表'],
			['one character repeated', (i: number) => '的'.repeat(5 + (i % 7)), '的的的的的'],
			['one unigram in every article', (i: number) => `人${i}`, '人']
		] as const) {
			it(name, async () => {
				const fetched: number[] = [];
				for (const n of [300, 3000]) {
					const { manifest, files, search, pages } = archive(n, text);
					const expected = scan(manifest, files, pages, query);
					const first = await search.search(query, { exactTotal: false });
					expect(first.hits.map((h) => h.article)).toEqual([...Array(10).keys()]);
					// Index files for the first hits: the shards and the first window's chunks.
					fetched.push(first.fetched.shards.length);
					const exact = await search.search(query, { offset: n - 5 });
					expect([exact.total, exact.hits.length]).toEqual([expected.length, 5]);
				}
				// The same files but for where chunk boundaries fall (an exact total fetches ten times more).
				expect(fetched[1]).toBeLessThanOrEqual(fetched[0] + 1);
			});
		}
	});

	it('fetches a rare driver’s last chunks with the round before, when a window falls short', async () => {
		// 代表 in every tenth article (a few chunks), 人民 in nine of ten, both in two: the first
		// window falls short.
		const pages = Array.from({ length: 600 }, (_, i) =>
			doc(`p${String(i).padStart(3, '0')}`, [
				article('a1', {
					paragraphs: [i % 10 ? '人民日报' : i === 0 || i === 590 ? '人民代表' : '代表大会']
				})
			])
		);
		const { manifest, files, search } = open(pages, { bucketBits: 2, chunkBytes: 64 });
		const first = await search.search('人民 代表', { exactTotal: false });
		expect(first.hits.map((h) => h.article)).toEqual(scan(manifest, files, pages, '人民 代表'));
		// Shards; the first window's driver chunks; its 人民 chunks with the driver's rest; the
		// rest's 人民 chunks. Without the driver's rest going early, one round more.
		expect(first.fetched.rounds).toBe(4);
	});

	it('checks frequent tokens only for the articles a rare one leaves', async () => {
		// 人民 and 代表 in every article, 民代 (the middle of 人民代表) in two.
		const pages = Array.from({ length: 600 }, (_, i) =>
			doc(`p${String(i).padStart(3, '0')}`, [
				article('a1', { paragraphs: [i === 0 || i === 590 ? '人民代表' : '人民，代表'] })
			])
		);
		const { manifest, files, search } = open(pages, { bucketBits: 2, chunkBytes: 64 });
		const result = await search.search('人民代表');
		expect(result.hits.map((h) => h.article)).toEqual(scan(manifest, files, pages, '人民代表'));
		const chunkFiles = (word: string) => {
			const key = bigramKey(word.charCodeAt(0), word.charCodeAt(1));
			return [...files.keys()].filter((name) =>
				name.startsWith(`index-${manifest.index.id}-${key.toString(36)}-`)
			);
		};
		// Told the two candidates before the round that decides them, and nothing else.
		const told: number[][] = [];
		const again = await new ArchiveSearch(manifest, async (name) => files.get(name)!).search(
			'人民代表',
			{ onCandidates: (articles) => told.push([...articles]) }
		);
		expect(again.hits).toEqual(result.hits);
		expect(told).toEqual([[0, 590]]);
		for (const word of ['人民', '代表']) {
			const fetchedChunks = result.fetched.shards.filter((name) => chunkFiles(word).includes(name));
			expect(chunkFiles(word).length).toBeGreaterThan(10);
			// The chunks holding the two articles, no more.
			expect(fetchedChunks.length).toBeLessThanOrEqual(2);
		}
	});

	it('checks a term of one token by its article list, not its offsets', async () => {
		// 代表 twenty times in every article (long postings), 汾河 in every fiftieth; 会议 in every
		// third, the rare term's driver read from its article list past its first chunk.
		const pages = Array.from({ length: 600 }, (_, i) =>
			doc(`p${String(i).padStart(3, '0')}`, [
				article('a1', {
					paragraphs: ['代表'.repeat(20), i % 50 === 0 ? '汾河' : '', i % 3 === 0 ? '会议' : '']
				})
			])
		);
		const { manifest, files, search } = open(pages, { bucketBits: 2, chunkBytes: 64 });
		const prefix = (word: string) =>
			`index-${manifest.index.id}-${bigramKey(word.charCodeAt(0), word.charCodeAt(1)).toString(36)}-`;
		for (const query of ['汾河 代表', '会议 -汾河']) {
			const result = await search.search(query, { limit: Infinity });
			expect(result.hits.map((h) => h.article)).toEqual(scan(manifest, files, pages, query));
		}
		const all = await search.search('汾河 代表');
		expect(all.total).toBe(12);
		const fetched = (
			await new ArchiveSearch(manifest, async (name) => files.get(name) as Uint8Array).search(
				'汾河 代表'
			)
		).fetched.shards;
		const ofWord = fetched.filter((name) => name.startsWith(prefix('代表')));
		expect(ofWord.length).toBeGreaterThan(0);
		expect(ofWord.every((name) => name.startsWith(`${prefix('代表')}a`))).toBe(true);
	});

	it('pages a one-token query by fetching only the chunk holding the requested hits', async () => {
		const pages = Array.from({ length: 500 }, (_, i) =>
			doc(`p${i}`, [article('a1', { paragraphs: [`人${i}`] })])
		);
		const { search } = open(pages, { bucketBits: 2, chunkBytes: 32 });
		const far = await search.search('人', { offset: 400, limit: 3 });
		expect(far.total).toBe(500);
		expect(far.hits.map((h) => h.article)).toEqual([400, 401, 402]);
		// The shard and one chunk file (two when the three hits straddle a chunk boundary).
		expect(far.fetched.shards.length).toBeLessThanOrEqual(3);
		expect(far.fetched.rounds).toBe(2);
	});

	it('answers nothing, and fetches nothing, for a query without included terms', async () => {
		const { search, fetches } = open([doc('p0', [article('a1', { paragraphs: ['人民'] })])]);
		expect((await search.search('-人民')).total).toBe(0);
		expect((await search.search('  ')).total).toBe(0);
		expect(fetches).toEqual([]);
	});

	it('refuses a chunk file that does not match its directory, with a clear message', async () => {
		const pages = Array.from({ length: 50 }, (_, i) =>
			doc(`p${i}`, [article('a1', { paragraphs: [`人民${i}`] })])
		);
		const { manifest, files } = open(pages, { bucketBits: 1, chunkBytes: 16 });
		// 人民's chunk files rotated: each well-formed, but holding another chunk's articles.
		const key = bigramKey('人'.charCodeAt(0), '民'.charCodeAt(0));
		const names: string[] = [];
		for (let k = 1; files.has(indexChunkName(manifest.index, key, k)); k++)
			names.push(indexChunkName(manifest.index, key, k));
		expect(names.length).toBeGreaterThan(2);
		const damaged = new Map(files);
		names.forEach((name, i) =>
			damaged.set(name, files.get(names[(i + 1) % names.length]) as Uint8Array)
		);
		const search = new ArchiveSearch(manifest, async (name) => damaged.get(name) as Uint8Array);
		await expect(search.search('人民', { offset: 40 })).rejects.toThrow(
			'does not match its directory'
		);
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

describe('cheapestCover', () => {
	it('takes the first and last bigram and the cheapest ones between that cover every character', () => {
		expect(cheapestCover([5])).toEqual([0]);
		expect(cheapestCover([5, 5])).toEqual([0, 1]);
		// 人民日报: 人民 and 日报 cover it; 民日 is needed only when it is the cheaper way.
		expect(cheapestCover([5, 9, 5])).toEqual([0, 2]);
		expect(cheapestCover([5, 0, 5])).toEqual([0, 1, 2]);
		// Never two untaken bigrams in a row (a character would go unchecked).
		expect(cheapestCover([1, 8, 9, 1])).toEqual([0, 1, 3]);
		expect(cheapestCover([1, 9, 9, 9, 9, 1])).toEqual([0, 2, 4, 5]);
	});

	it('gives a cover for any costs', () => {
		fc.assert(
			fc.property(fc.array(fc.nat(100), { minLength: 1, maxLength: 12 }), (costs) => {
				const taken = cheapestCover(costs);
				const covered = new Set(taken.flatMap((i) => [i, i + 1]));
				for (let c = 0; c <= costs.length; c++) expect(covered.has(c)).toBe(true);
			})
		);
	});
});
