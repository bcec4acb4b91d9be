import { describe, expect, it } from 'vitest';
import { groupPages, neighbours, type GroupedPage } from './grouping';

function page(
	source: string,
	paper: string | null,
	date: string | null,
	pageNumber: number | null
): GroupedPage {
	return { id: source.replace(/\.\w+$/, ''), source, page: { paper, date, pageNumber } };
}

const shown = (groups: { key: string; documents: GroupedPage[] }[]) =>
	groups.map((g) => [g.key, g.documents.map((d) => d.id)]);

describe('library groups', () => {
	it('puts the pages of one paper and date together, in page order', () => {
		const groups = groupPages([
			page('c.txt', '太行日报', '2022-03-08', 3),
			page('a.txt', '太行日报', '2022-03-08', 1),
			page('b.txt', '太行日报', '2022-03-08', 2)
		]);
		expect(shown(groups)).toEqual([['太行日报|2022-03-08', ['a', 'b', 'c']]]);
		expect(groups[0]).toMatchObject({ paper: '太行日报', date: '2022-03-08' });
	});

	it('lists the newest date first, then papers by name', () => {
		const groups = groupPages([
			page('old.txt', '太行日报', '2022-03-07', 1),
			page('y.txt', '乙报', '2022-03-08', 1),
			page('x.txt', '甲报', '2022-03-08', 1)
		]);
		expect(groups.map((g) => g.key)).toEqual([
			'乙报|2022-03-08',
			'甲报|2022-03-08',
			'太行日报|2022-03-07'
		]);
	});

	it('puts pages without a number after the numbered ones, by file name', () => {
		const groups = groupPages([
			page('z.txt', '太行日报', '2022-03-08', null),
			page('m.txt', '太行日报', '2022-03-08', null),
			page('a.txt', '太行日报', '2022-03-08', 4)
		]);
		expect(shown(groups)).toEqual([['太行日报|2022-03-08', ['a', 'm', 'z']]]);
	});

	it('keeps pages without paper or date in one last group, by file name', () => {
		const groups = groupPages([
			page('b.txt', null, null, 1),
			page('dated.txt', '太行日报', '2022-03-08', 1),
			page('a.txt', '太行日报', null, 2)
		]);
		expect(shown(groups)).toEqual([
			['太行日报|2022-03-08', ['dated']],
			['', ['a', 'b']]
		]);
		expect(groups[1]).toMatchObject({ paper: null, date: null });
	});

	it('makes no group for an empty library and leaves the given list in its order', () => {
		expect(groupPages([])).toEqual([]);
		const documents = [page('b.txt', null, null, null), page('a.txt', null, null, null)];
		groupPages(documents);
		expect(documents.map((d) => d.id)).toEqual(['b', 'a']);
	});
});

describe('previous and next page', () => {
	const issue = [
		page('p3.txt', '太行日报', '2022-03-08', 3),
		page('p1.txt', '太行日报', '2022-03-08', 1),
		page('other.txt', '太行日报', '2022-03-09', 2),
		page('p2.txt', '太行日报', '2022-03-08', 2),
		page('loose.txt', null, null, 2)
	];
	const ids = (n: { previous: GroupedPage | null; next: GroupedPage | null }) => [
		n.previous?.id ?? null,
		n.next?.id ?? null
	];

	it('steps through the pages of the same paper and date in page order', () => {
		expect(ids(neighbours(issue, 'p1'))).toEqual([null, 'p2']);
		expect(ids(neighbours(issue, 'p2'))).toEqual(['p1', 'p3']);
		expect(ids(neighbours(issue, 'p3'))).toEqual(['p2', null]);
	});

	it('gives none for a page alone in its issue, one without paper or date, or an unknown id', () => {
		expect(ids(neighbours(issue, 'other'))).toEqual([null, null]);
		expect(ids(neighbours(issue, 'loose'))).toEqual([null, null]);
		expect(ids(neighbours(issue, 'missing'))).toEqual([null, null]);
	});
});
