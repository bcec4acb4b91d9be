import { describe, expect, it } from 'vitest';
import { appendPage, hitKey, mayHaveMore, mergeTotal, uniqueHits } from './hits';

const hit = (docId: string, articleId: string) => ({ docId, articleId });
const exact = (total: number) => ({ total, exact: true });
const atLeast = (total: number) => ({ total, exact: false });

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
		expect(appendPage(first.hits, exact(first.total), pageOf(ranked, 10))).toEqual(ranked);
	});

	it('asks for a reload when a page imported meanwhile pushed a shown hit onto the next page', () => {
		const first = pageOf(ranked, 0);
		const afterImport = [hit('imported', 'a'), ...ranked];
		// Same total would still repeat d9: the repeat alone is enough to notice.
		const repeat = pageOf(afterImport, 10);
		expect(repeat.hits[0]).toEqual(ranked[9]);
		expect(appendPage(first.hits, exact(first.total), repeat)).toBeNull();
		expect(appendPage(first.hits, exact(afterImport.length), repeat)).toBeNull();
	});

	it('asks for a reload when a removed page would make the next one skip a hit', () => {
		const first = pageOf(ranked, 0);
		const afterRemoval = ranked.filter((h) => h.docId !== 'd3');
		const next = pageOf(afterRemoval, 10);
		// d10 moved up to the first page's place, so the next page starts at d11.
		expect(next.hits).toEqual([ranked[11]]);
		expect(appendPage(first.hits, exact(first.total), next)).toBeNull();
	});

	it('asks for a reload when the same page arrives twice (two loads at once)', () => {
		const first = pageOf(ranked, 0);
		const once = appendPage(first.hits, exact(first.total), pageOf(ranked, 10))!;
		expect(appendPage(once, exact(ranked.length), pageOf(ranked, 10))).toBeNull();
	});
});

describe('appendPage with a total still being counted', () => {
	// The archive's first pages come with the hits found so far as a lower bound.
	const ranked = Array.from({ length: 30 }, (_, i) => hit(`d${i}`, 'a'));

	it('appends the next page whatever lower bound either side has', () => {
		const first = ranked.slice(0, 10);
		const next = { hits: ranked.slice(10, 20), total: 20, totalExact: false };
		expect(appendPage(first, atLeast(12), next)).toEqual(ranked.slice(0, 20));
		// the exact total arrived meanwhile: a page's lower bound says nothing against it
		expect(appendPage(first, exact(30), next)).toEqual(ranked.slice(0, 20));
		// the shown lower bound met by an exact total at least as large
		expect(appendPage(first, atLeast(12), { hits: ranked.slice(10, 20), total: 30 })).toEqual(
			ranked.slice(0, 20)
		);
	});

	it('asks for a reload when an exact total falls below the lower bound shown, or a hit repeats', () => {
		const first = ranked.slice(0, 10);
		expect(appendPage(first, atLeast(25), { hits: ranked.slice(10, 20), total: 20 })).toBeNull();
		expect(
			appendPage(first, atLeast(12), { hits: ranked.slice(9, 19), total: 20, totalExact: false })
		).toBeNull();
	});
});

describe('mergeTotal', () => {
	it('takes an exact total over anything, and never lets a lower bound replace one', () => {
		expect(mergeTotal(atLeast(40), { total: 56 })).toEqual(exact(56));
		expect(mergeTotal(atLeast(40), { total: 56, totalExact: true })).toEqual(exact(56));
		expect(mergeTotal(exact(56), { total: 20, totalExact: false })).toEqual(exact(56));
		// an index changed under the list: its exact total is believed, smaller or not
		expect(mergeTotal(exact(56), { total: 50 })).toEqual(exact(50));
	});

	it('raises a lower bound, never lowers it', () => {
		expect(mergeTotal(atLeast(10), { total: 40, totalExact: false })).toEqual(atLeast(40));
		expect(mergeTotal(atLeast(40), { total: 20, totalExact: false })).toEqual(atLeast(40));
	});
});

describe('mayHaveMore', () => {
	it('follows an exact total, and a lower bound always lets the reader ask', () => {
		expect(mayHaveMore(10, exact(16))).toBe(true);
		expect(mayHaveMore(16, exact(16))).toBe(false);
		expect(mayHaveMore(0, exact(0))).toBe(false);
		// ten shown, ten found so far: whether an eleventh exists is not known yet
		expect(mayHaveMore(10, atLeast(10))).toBe(true);
	});
});
