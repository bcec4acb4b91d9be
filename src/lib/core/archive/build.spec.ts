import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ArchiveBuilder, memorySpillStore, type SpillStore } from './build';
import {
	articleInLocator,
	articleInShard,
	indexArticlesName,
	indexChunkName,
	indexShardName,
	locateArticle
} from './catalog';
import { checkCatalogShard, checkLocator } from './pages';
import { decodeShard, tokenBucket } from './format';
import { article, buildArchiveInMemory, doc } from './testing.spec-helpers';

const pages = Array.from({ length: 24 }, (_, i) =>
	doc(
		`p${i}`,
		[
			article('a1', {
				title: `第${i}期`,
				paragraphs: ['人民日报'.repeat(1 + (i % 3)), `环境${i}`]
			}),
			article('a2', { paragraphs: ['的'.repeat(i)] })
		],
		{
			paper: i % 2 ? '甲报' : '乙报',
			date: `2024-0${1 + (i % 3)}-1${i % 10}`,
			pageNumber: 1 + (i % 4)
		}
	)
).map((d) => ({ doc: d, hash: d.id }));

describe('ArchiveBuilder', () => {
	it('builds the same files whatever the arrival order, spill groups and spilling', () => {
		const a = buildArchiveInMemory(pages, { bucketBits: 3, spillBits: 4, chunkBytes: 16 });
		const b = buildArchiveInMemory([...pages].reverse(), {
			bucketBits: 3,
			spillBits: 1,
			chunkBytes: 16,
			bufferWords: 30
		});
		const c = buildArchiveInMemory(pages, { bucketBits: 3, spillBits: 0, chunkBytes: 16 });
		expect(b.manifest).toEqual(a.manifest);
		expect(c.manifest).toEqual(a.manifest);
		expect([...b.files.keys()].sort()).toEqual([...a.files.keys()].sort());
		for (const [name, bytes] of a.files) expect(b.files.get(name)).toEqual(bytes);
	});

	it('writes one shard per bucket, every token in its own bucket once, long postings in chunk files', () => {
		const { manifest, files } = buildArchiveInMemory(pages, { bucketBits: 4, chunkBytes: 16 });
		expect(manifest.index.shards).toBe(16);
		const seen = new Map<number, number>();
		let shardBytes = 0;
		let chunkFiles = 0;
		for (let bucket = 0; bucket < 16; bucket++) {
			const bytes = files.get(indexShardName(manifest.index, bucket)) as Uint8Array;
			shardBytes += bytes.length;
			for (const [key, entry] of decodeShard(bytes)) {
				expect(tokenBucket(key, 4)).toBe(bucket);
				seen.set(key, (seen.get(key) ?? 0) + 1);
				expect(entry.chunks.reduce((sum, c) => sum + c.articles, 0)).toBe(entry.total);
				for (let k = 1; k < entry.chunks.length; k++) {
					const chunk = files.get(indexChunkName(manifest.index, key, k)) as Uint8Array;
					expect(chunk.length).toBe(entry.chunks[k].length);
					chunkFiles++;
				}
				entry.lists.forEach((list, k) => {
					const chunk = files.get(indexArticlesName(manifest.index, key, k)) as Uint8Array;
					expect(chunk.length).toBe(list.length);
					chunkFiles++;
				});
			}
		}
		expect(shardBytes).toBe(manifest.index.shardBytes);
		expect(chunkFiles).toBe(manifest.index.chunkFiles);
		// 的 runs and 人民日报 sit in every other article: their postings are chunked.
		expect(chunkFiles).toBeGreaterThan(4);
		const distinct = new Set<string>();
		for (const { doc: d } of pages)
			for (const a of d.articles)
				for (const p of [a.title ?? '', ...a.paragraphs]) {
					for (let k = 0; k < p.length; k++) {
						distinct.add(p[k]);
						if (k + 1 < p.length) distinct.add(p.slice(k, k + 2));
					}
				}
		// Every distinct unigram and bigram (the empty kicker, subtitle hold none), once.
		expect(seen.size).toBe(distinct.size);
		expect([...seen.values()].every((n) => n === 1)).toBe(true);
	});

	it('grows the shard count with the text, keeping shards about the target size', () => {
		const bits = (n: number) =>
			buildArchiveInMemory(
				Array.from({ length: n }, (_, i) => ({
					doc: doc(`p${i}`, [
						article('a', { paragraphs: [`第${i}号${'环境保护人民代表'.slice(i % 4)}`] })
					]),
					hash: `h${i}`
				})),
				{ shardBytes: 64 }
			).manifest.bucketBits;
		const small = bits(40);
		expect(small).toBeGreaterThan(0);
		// Ten times the text, about 2^3.3 times the shards.
		expect(bits(400) - small).toBeGreaterThanOrEqual(3);
		expect(bits(400) - small).toBeLessThanOrEqual(4);
	});

	it('spills in proportion to the text: two tokens per character, at two sizes', () => {
		const spilled = (n: number) => {
			let words = 0;
			const store = memorySpillStore();
			const counting: SpillStore = {
				...store,
				append: (file, triples) => (words += triples.length)
			};
			const builder = new ArchiveBuilder(counting, { spillBits: 4, bufferWords: 1000 });
			builder.addPage(doc('p', [article('a', { title: '的'.repeat(n) })]), 'h');
			builder.flush();
			return words;
		};
		// n unigrams and n - 1 bigrams, three words each, however repetitive the text.
		expect(spilled(1000)).toBe(3 * (2 * 1000 - 1));
		expect(spilled(10000)).toBe(3 * (2 * 10000 - 1));
	});

	it('keeps the catalog in archive order with contiguous article numbers', () => {
		const { manifest } = buildArchiveInMemory(pages, { spillBits: 4 });
		expect(manifest.articles).toBe(48);
		let next = 0;
		for (const entry of manifest.catalog) {
			expect(entry.firstArticle).toBe(next);
			next += entry.articles;
		}
		expect(manifest.catalog.map((e) => e.month)).toEqual(
			[...manifest.catalog.map((e) => e.month)].sort().reverse()
		);
	});
});

describe('locators', () => {
	const json = (bytes: Uint8Array | undefined) => JSON.parse(new TextDecoder().decode(bytes));

	it('place every article exactly as its catalog shard does, whatever the pages', () => {
		const pageArb = fc.record({
			paper: fc.constantFrom('甲报', '乙报', null),
			date: fc.option(fc.constantFrom('2024-01-01', '2024-01-15', '2023-12-31', '2024-02-29')),
			pageNumber: fc.option(fc.integer({ min: 1, max: 8 })),
			pageName: fc.option(fc.constantFrom('要闻', '国际')),
			articles: fc.integer({ min: 0, max: 4 })
		});
		fc.assert(
			fc.property(fc.array(pageArb, { minLength: 1, maxLength: 16 }), (specs) => {
				const input = specs.map((spec, i) => ({
					doc: doc(
						`p${i}`,
						Array.from({ length: spec.articles }, (_, k) =>
							article(`a${i}-${k}`, { title: `第${i}版第${k}篇` })
						),
						{
							paper: spec.paper,
							date: spec.date,
							pageNumber: spec.pageNumber,
							pageName: spec.pageName
						}
					),
					hash: (1000 + i).toString(16)
				}));
				const { manifest, files } = buildArchiveInMemory(input, { bucketBits: 1 });
				for (const entry of manifest.catalog) {
					// As the reader takes them: checked against the manifest.
					const shard = checkCatalogShard(json(files.get(entry.name)), entry);
					const locator = checkLocator(json(files.get(entry.locator)), entry);
					expect(shard).not.toBeNull();
					expect(locator).not.toBeNull();
					for (let n = entry.firstArticle; n < entry.firstArticle + entry.articles; n++) {
						expect(locateArticle(manifest, n)).toBe(entry);
						const inShard = articleInShard(shard!, n)!;
						const located = articleInLocator(locator!, n)!;
						const { id, source, hash, paper, date, page, pageName, articles } = inShard.page;
						expect(located.page).toEqual({ id, source, hash, paper, date, page, pageName });
						expect(located.articles).toBe(articles.length);
						expect(articles[located.index][0]).toBe(inShard.articleId);
					}
					expect(articleInLocator(locator!, entry.firstArticle + entry.articles)).toBeNull();
					expect(articleInLocator(locator!, entry.firstArticle - 1)).toBeNull();
				}
			}),
			{ numRuns: 100 }
		);
	});

	it('are named by their content and sit beside their catalog shards, small', () => {
		const { manifest, files } = buildArchiveInMemory(pages, { bucketBits: 2 });
		const locators = manifest.catalog.map((e) => e.locator);
		expect(new Set(locators).size).toBe(manifest.catalog.length);
		for (const entry of manifest.catalog) {
			expect(entry.locator).toMatch(/^locator-[0-9a-f]{14}\.json$/);
			expect(files.get(entry.locator)!.length).toBeLessThan(files.get(entry.name)!.length);
		}
		// The same pages build the same names.
		expect(buildArchiveInMemory([...pages].reverse(), { bucketBits: 2 }).manifest.catalog).toEqual(
			manifest.catalog
		);
	});
});

/** Same manifest and same files, byte for byte. */
function expectSameArchive(
	a: ReturnType<typeof buildArchiveInMemory>,
	b: ReturnType<typeof buildArchiveInMemory>
): void {
	expect(b.manifest).toEqual(a.manifest);
	expect([...b.files.keys()].sort()).toEqual([...a.files.keys()].sort());
	for (const [name, bytes] of a.files) expect(b.files.get(name)).toEqual(bytes);
}

describe('ArchiveBuilder with spill groups larger than it sorts at once', () => {
	// One spill group holding every token: the most frequent tokens' occurrences all in it.
	const settings = { bucketBits: 3, spillBits: 0, chunkBytes: 16 };

	it('builds the same files when it sorts a group in runs and merges them', () => {
		const whole = buildArchiveInMemory(pages, settings);
		// A triple a run, a few triples a run, and runs whose read buffers are one triple long.
		for (const groupWords of [3, 30, 301, 3000])
			expectSameArchive(whole, buildArchiveInMemory(pages, { ...settings, groupWords }));
	});

	it('builds the same files for any pages, whatever the run size', () => {
		const text = fc
			.array(fc.constantFrom('国', '國', '人', '民', '，', 'a', ' '), { maxLength: 30 })
			.map((chars) => chars.join(''));
		const pageSet = fc.array(
			fc.record({ title: text, paragraphs: fc.array(text, { maxLength: 3 }), day: fc.nat(40) }),
			{ minLength: 1, maxLength: 10 }
		);
		fc.assert(
			fc.property(pageSet, fc.integer({ min: 1, max: 200 }), (list, runTriples) => {
				const built = list.map((p, i) => ({
					doc: doc(
						`p${i}`,
						[
							article('a1', { title: p.title, paragraphs: p.paragraphs }),
							article('a2', { paragraphs: [p.title] })
						],
						{ paper: p.day % 2 ? '甲报' : '乙报', date: `2024-0${1 + (p.day % 3)}-1${p.day % 10}` }
					),
					hash: `h${i}`
				}));
				expectSameArchive(
					buildArchiveInMemory(built, settings),
					buildArchiveInMemory(built, { ...settings, groupWords: 3 * runTriples })
				);
			}),
			{ numRuns: 100 }
		);
	});

	it('never reads more than a run of a spill group at once, however large the group', () => {
		let largestRead = 0;
		let largestFile = 0;
		const store = memorySpillStore();
		const watched: SpillStore = {
			...store,
			read(file, at, into) {
				largestRead = Math.max(largestRead, into.length);
				largestFile = Math.max(largestFile, store.size(file));
				return store.read(file, at, into);
			}
		};
		const builder = new ArchiveBuilder(watched, { ...settings, groupWords: 300 });
		for (const { doc: d, hash } of pages) builder.addPage(d, hash);
		builder.finish(() => {});
		expect(largestFile).toBeGreaterThan(10 * 300);
		expect(largestRead).toBeLessThanOrEqual(300);
	});
});
