import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	ByteReader,
	ByteWriter,
	ChunkWriter,
	articleSearchText,
	bigramKey,
	decodeArticleList,
	decodePostings,
	encodeArticleLists,
	decodeShard,
	encodeShard,
	forEachToken,
	type FlatPostings,
	tokenBucket,
	unigramKey
} from './format';
import { article } from './testing.spec-helpers';

/** Positions of one token in one article. */
interface ArticlePostings {
	article: number;
	offsets: number[];
}

function postingsList(flat: FlatPostings): ArticlePostings[] {
	return Array.from(flat.articles, (a, i) => ({
		article: a,
		offsets: Array.from(flat.offsets.subarray(flat.starts[i], flat.starts[i + 1]))
	}));
}

describe('varints', () => {
	it('round-trip every unsigned 32-bit value', () => {
		fc.assert(
			fc.property(fc.array(fc.nat({ max: 0xffffffff })), (values) => {
				const out = new ByteWriter();
				for (const v of values) out.varint(v);
				const input = new ByteReader(out.finish());
				expect(values.map(() => input.varint())).toEqual(values);
			})
		);
	});

	it('refuse truncated input instead of reading past it', () => {
		expect(() => new ByteReader(new Uint8Array([0x80])).varint()).toThrow('truncated');
	});
});

describe('tokens', () => {
	it('are every unit and every pair inside one segment, with their offsets', () => {
		const seen: [number, number][] = [];
		forEachToken('人民\n日', (key, offset) => seen.push([key, offset]));
		const [ren, min, ri] = ['人', '民', '日'].map((c) => c.charCodeAt(0));
		expect(seen).toEqual([
			[unigramKey(ren), 0],
			[unigramKey(min), 1],
			[bigramKey(ren, min), 0],
			[unigramKey(ri), 3]
		]);
	});

	it('keep unigrams and bigrams apart, and exact', () => {
		fc.assert(
			fc.property(fc.nat({ max: 0xffff }), fc.nat({ max: 0xffff }), (a, b) => {
				fc.pre(b !== 10);
				expect(unigramKey(a)).not.toBe(bigramKey(a, b));
				expect(bigramKey(a, b)).toBe(bigramKey(a, b));
			})
		);
		expect(bigramKey(1, 2)).not.toBe(bigramKey(2, 1));
	});

	it('fall in buckets within range', () => {
		fc.assert(
			fc.property(fc.nat({ max: 0xffffffff }), fc.integer({ min: 1, max: 16 }), (key, bits) => {
				const b = tokenBucket(key, bits);
				expect(b).toBeGreaterThanOrEqual(0);
				expect(b).toBeLessThan(1 << bits);
			})
		);
	});

	it('index the fields the on-device search does, normalised, one segment each', () => {
		const text = articleSearchText(
			article('a1', {
				title: '環境',
				kicker: '引',
				reporters: ['記者 張三'],
				paragraphs: ['第一段', 'ＰＭ2.5']
			})
		);
		expect(text.split('\n')).toEqual(['环境', '引', '', '记者张三', '第一段', 'pm2.5']);
		expect(articleSearchText(article('a2', { title: null, continuedFrom: '第1版' }))).toContain(
			'上接第1版'
		);
	});
});

describe('shards', () => {
	const postingsArb = fc
		.uniqueArray(fc.nat({ max: 100000 }), { minLength: 1, maxLength: 20 })
		.chain((articles) =>
			fc.tuple(
				...[...articles]
					.sort((a, b) => a - b)
					.map((a) =>
						fc
							.uniqueArray(fc.nat({ max: 1 << 24 }), { minLength: 1, maxLength: 8 })
							.map((offsets) => ({ article: a, offsets: offsets.sort((x, y) => x - y) }))
					)
			)
		);

	/** A token's postings through ChunkWriter, as the builder writes them. */
	function chunked(key: number, postings: ArticlePostings[], chunkBytes: number) {
		const writer = new ChunkWriter(chunkBytes);
		for (const { article, offsets } of postings) writer.add(article, offsets, 0, offsets.length);
		return { key, ...writer.finish() };
	}

	it('round-trip postings in chunks and find every token by key, whatever order they came in', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.nat({ max: 0xffffffff }), { maxLength: 10 }),
				postingsArb,
				fc.integer({ min: 1, max: 64 }),
				(keys, postings, chunkBytes) => {
					const tokens = keys.map((key) => chunked(key, postings, chunkBytes));
					const directory = decodeShard(encodeShard(tokens));
					expect([...directory.keys()].sort((a, b) => a - b)).toEqual(
						[...keys].sort((a, b) => a - b)
					);
					for (const [i, key] of keys.entries()) {
						const entry = directory.get(key);
						const chunks = tokens[i].chunks;
						expect(entry?.total).toBe(postings.length);
						expect(entry?.chunks.map((c) => [c.articles, c.first, c.last, c.length])).toEqual(
							chunks.map((c) => [c.articles, c.first, c.last, c.bytes.length])
						);
						// Chunk 0 from the shard, the others from their own files, in order.
						const decoded = [entry?.head as Uint8Array, ...chunks.slice(1).map((c) => c.bytes)]
							.map((bytes) => postingsList(decodePostings(bytes)))
							.flat();
						expect(decoded).toEqual(postings);
						for (const c of chunks) {
							const list = postingsList(decodePostings(c.bytes));
							expect([list[0].article, list.at(-1)?.article]).toEqual([c.first, c.last]);
						}
						// With more than one chunk, the article lists too: every article, in order.
						const lists = tokens[i].lists;
						expect(lists.length > 0).toBe(chunks.length > 1);
						expect(entry?.lists.map((c) => [c.articles, c.first, c.last, c.length])).toEqual(
							lists.map((c) => [c.articles, c.first, c.last, c.bytes.length])
						);
						if (lists.length > 0)
							expect(lists.flatMap((c) => [...decodeArticleList(c.bytes)])).toEqual(
								postings.map((p) => p.article)
							);
					}
				}
			)
		);
	});

	it('cut chunks at about their size, never inside an article, however long one article is', () => {
		const many = Array.from({ length: 2000 }, (_, a) => ({ article: a * 3, offsets: [a % 7] }));
		const sizes = chunked(1, many, 100).chunks.map((c) => c.bytes.length);
		expect(sizes.length).toBeGreaterThan(10);
		for (const size of sizes.slice(0, -1)) expect(size).toBeGreaterThanOrEqual(100);
		for (const size of sizes) expect(size).toBeLessThan(110);
		// One article longer than a chunk stays whole.
		const long = [{ article: 5, offsets: Array.from({ length: 500 }, (_, i) => i) }];
		expect(
			chunked(1, [...long, { article: 9, offsets: [1] }], 100).chunks.map((c) => c.articles)
		).toEqual([1, 1]);
	});

	it('encode article lists as gaps or as a bitmap, whichever is shorter, in chunks of about their size', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.nat({ max: 5000 }), { minLength: 1, maxLength: 400 }),
				fc.integer({ min: 1, max: 64 }),
				(unsorted, chunkBytes) => {
					const articles = Uint32Array.from(unsorted.sort((a, b) => a - b));
					const chunks = encodeArticleLists(articles, chunkBytes);
					expect(chunks.flatMap((c) => [...decodeArticleList(c.bytes)])).toEqual([...articles]);
					for (const c of chunks) {
						const list = decodeArticleList(c.bytes);
						expect([list.length, list[0], list.at(-1)]).toEqual([c.articles, c.first, c.last]);
					}
				}
			)
		);
		// Every article of a range: a bitmap, a bit an article (plus the count and the first).
		const dense = Uint32Array.from({ length: 4000 }, (_, i) => 100_000 + i);
		const [whole] = encodeArticleLists(dense, 1000);
		expect(whole.length).toBeLessThan(4000 / 8 + 8);
		// Sparse: gaps.
		const sparse = Uint32Array.from({ length: 100 }, (_, i) => i * 1000);
		expect(encodeArticleLists(sparse, 1000)[0].length).toBeLessThan(100 * 2 + 4);
	});

	it('refuse a damaged article list', () => {
		const [chunk] = encodeArticleLists(Uint32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]), 100);
		expect(() => decodeArticleList(chunk.bytes.subarray(0, chunk.bytes.length - 1))).toThrow();
		const unknown = Uint8Array.from([1, 7, 0]);
		expect(() => decodeArticleList(unknown)).toThrow('unknown article list encoding');
		expect(() => decodeArticleList(Uint8Array.from([200, 1, 0, 1]))).toThrow('past the end');
	});

	it('refuse a truncated shard', () => {
		const bytes = encodeShard([chunked(5, [{ article: 1, offsets: [2] }], 8)]);
		expect(() => decodeShard(bytes.subarray(0, bytes.length - 1))).toThrow('truncated');
	});
});
