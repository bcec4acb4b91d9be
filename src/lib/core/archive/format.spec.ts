import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	ByteReader,
	ByteWriter,
	articleSearchText,
	bigramKey,
	decodePostings,
	decodeShard,
	encodePostings,
	encodeShard,
	forEachToken,
	type ArticlePostings,
	type FlatPostings,
	tokenBucket,
	unigramKey
} from './format';
import { article } from './testing.spec-helpers';

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

	it('round-trip postings and find every token by key, whatever order they came in', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.nat({ max: 0xffffffff }), { maxLength: 10 }),
				postingsArb,
				(keys, postings) => {
					const tokens = keys.map((key) => ({ key, postings: encodePostings(postings) }));
					const directory = decodeShard(encodeShard(tokens));
					expect([...directory.keys()].sort((a, b) => a - b)).toEqual(
						[...keys].sort((a, b) => a - b)
					);
					for (const key of keys)
						expect(postingsList(decodePostings(directory.get(key) as Uint8Array))).toEqual(
							postings
						);
				}
			)
		);
	});

	it('decode a prefix of the articles with the full count', () => {
		const postings = [1, 5, 9].map((article) => ({ article, offsets: [article, article + 3] }));
		const prefix = decodePostings(encodePostings(postings), 2);
		expect(prefix.total).toBe(3);
		expect(postingsList(prefix)).toEqual(postings.slice(0, 2));
	});

	it('refuse a truncated shard', () => {
		const bytes = encodeShard([
			{ key: 5, postings: encodePostings([{ article: 1, offsets: [2] }]) }
		]);
		expect(() => decodeShard(bytes.subarray(0, bytes.length - 1))).toThrow('truncated');
	});
});
