import { describe, expect, it } from 'vitest';
import { ArchiveBuilder, concatWords } from './build';
import { decodeShard } from './format';
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
	it('builds the same files whatever the arrival order and however often it spills', () => {
		const a = buildArchiveInMemory(pages, { bucketBits: 5, shardBytes: 100 });
		const b = buildArchiveInMemory([...pages].reverse(), {
			bucketBits: 5,
			shardBytes: 100,
			bufferWords: 30
		});
		expect(b.manifest).toEqual(a.manifest);
		expect([...b.files.keys()].sort()).toEqual([...a.files.keys()].sort());
	});

	it('packs consecutive buckets into shards of about the target size, covering every bucket', () => {
		const { manifest, files } = buildArchiveInMemory(pages, { bucketBits: 6, shardBytes: 200 });
		expect(manifest.index[0].firstBucket).toBe(0);
		for (let i = 1; i < manifest.index.length; i++)
			expect(manifest.index[i].firstBucket).toBeGreaterThan(manifest.index[i - 1].firstBucket);
		expect(manifest.index.length).toBeGreaterThan(3);
		let tokens = 0;
		for (const entry of manifest.index) {
			const bytes = files.get(entry.name) as Uint8Array;
			expect(bytes.length).toBe(entry.bytes);
			tokens += decodeShard(bytes).size;
		}
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
		expect(tokens).toBe(distinct.size);
	});

	it('spills in proportion to the text: two tokens per character, at two sizes', () => {
		const spilled = (n: number) => {
			let words = 0;
			const builder = new ArchiveBuilder((_, triples) => (words += triples.length), {
				bucketBits: 4,
				bufferWords: 1000
			});
			builder.addPage(doc('p', [article('a', { title: '的'.repeat(n) })]), 'h');
			builder.flush();
			return words;
		};
		// n unigrams and n - 1 bigrams, three words each, however repetitive the text.
		expect(spilled(1000)).toBe(3 * (2 * 1000 - 1));
		expect(spilled(10000)).toBe(3 * (2 * 10000 - 1));
	});

	it('keeps the catalog in archive order with contiguous article numbers', () => {
		const { manifest } = buildArchiveInMemory(pages, { bucketBits: 4 });
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

describe('concatWords', () => {
	it('joins spilled chunks in order', () => {
		expect([...concatWords([new Uint32Array([1, 2]), new Uint32Array([3])])]).toEqual([1, 2, 3]);
	});
});
