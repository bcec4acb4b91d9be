import { describe, expect, it } from 'vitest';
import { appendPage, hitKey, uniqueHits } from './hits';

const hit = (docId: string, articleId: string) => ({ docId, articleId });

describe('hit keys', () => {
	it('differ for every different pair of ids, separators and newlines included', () => {
		const pairs = [
			hit('a/b', 'c'),
			hit('a', 'b/c'),
			hit('a\nb', 'c'),
			hit('a', 'b\nc'),
			hit('a|b', 'c'),
			hit('a', 'b|c'),
			hit('a","b', 'c'),
			hit('a', 'b","c'),
			hit('', 'abc'),
			hit('abc', '')
		];
		expect(new Set(pairs.map(hitKey)).size).toBe(pairs.length);
		expect(hitKey(hit('a/b', 'c'))).toBe(hitKey({ ...hit('a/b', 'c') }));
	});
});

describe('uniqueHits', () => {
	it('keeps each article once, at its first place', () => {
		const list = [hit('d1', 'a1'), hit('d2', 'a1'), hit('d1', 'a1'), hit('d1', 'a2')];
		expect(uniqueHits(list)).toEqual([hit('d1', 'a1'), hit('d2', 'a1'), hit('d1', 'a2')]);
	});
});

describe('appendPage', () => {
	// Twelve articles, listed ten at a time as the search page does.
	const ranked = Array.from({ length: 12 }, (_, i) => hit(`d${i}`, 'a'));
	const pageOf = (list: typeof ranked, offset: number) => ({
		hits: list.slice(offset, offset + 10),
		total: list.length
	});

	it('appends the next page when the index did not change', () => {
		const first = pageOf(ranked, 0);
		expect(appendPage(first.hits, first.total, pageOf(ranked, 10))).toEqual(ranked);
	});

	it('asks for a reload when a page imported meanwhile pushed a shown hit onto the next page', () => {
		const first = pageOf(ranked, 0);
		const afterImport = [hit('imported', 'a'), ...ranked];
		// Same total would still repeat d9: the repeat alone is enough to notice.
		const repeat = pageOf(afterImport, 10);
		expect(repeat.hits[0]).toEqual(ranked[9]);
		expect(appendPage(first.hits, first.total, repeat)).toBeNull();
		expect(appendPage(first.hits, afterImport.length, repeat)).toBeNull();
	});

	it('asks for a reload when a removed page would make the next one skip a hit', () => {
		const first = pageOf(ranked, 0);
		const afterRemoval = ranked.filter((h) => h.docId !== 'd3');
		const next = pageOf(afterRemoval, 10);
		// d10 moved up to the first page's place, so the next page starts at d11.
		expect(next.hits).toEqual([ranked[11]]);
		expect(appendPage(first.hits, first.total, next)).toBeNull();
	});

	it('asks for a reload when the same page arrives twice (two loads at once)', () => {
		const first = pageOf(ranked, 0);
		const once = appendPage(first.hits, first.total, pageOf(ranked, 10))!;
		expect(appendPage(once, ranked.length, pageOf(ranked, 10))).toBeNull();
	});
});
