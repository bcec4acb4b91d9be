import { describe, expect, it } from 'vitest';
import {
	adjacentIssues,
	calendarMonth,
	indexIssues,
	isIsoDate,
	issueMonths,
	issuesOf,
	moveInDateGrid,
	type IssuePage
} from './issues';

function page(
	id: string,
	meta: Partial<IssuePage['page']>,
	source = `${id}.txt`
): IssuePage & { id: string } {
	return {
		id,
		source,
		page: { paper: null, date: null, pageNumber: null, ...meta }
	};
}

const library = [
	page('q0412-2', { paper: '青川日报', date: '2023-04-12', pageNumber: 2 }),
	page('q0412-1', { paper: '青川日报', date: '2023-04-12', pageNumber: 1 }),
	page('q0412-x', { paper: '青川日报', date: '2023-04-12' }),
	page('q0329-1', { paper: '青川日报', date: '2023-03-29', pageNumber: 1 }),
	page('q0413-1', { paper: '青川日报', date: '2023-04-13', pageNumber: 1 }),
	page('q-md', { paper: '青川日报', monthDay: '04-09', pageNumber: 2 }),
	page('q-none', { paper: '青川日报' }),
	page('q-bad', { paper: '青川日报', date: '2023-02-30' }),
	page('j0105-4', { paper: '晋南日报', date: '2024-01-05', pageNumber: 4 }),
	page('dated-no-paper', { date: '2022-03-08' }),
	page('nothing', {})
];

const ids = (pages: readonly { id: string }[]) => pages.map((p) => p.id);

describe('issues by date', () => {
	it('lists a paper’s issues newest first, each in page order with unnumbered pages last', () => {
		const qingchuan = issuesOf(library, '青川日报')!;
		expect(qingchuan.issues.map((i) => i.date)).toEqual(['2023-04-13', '2023-04-12', '2023-03-29']);
		expect(ids(qingchuan.issues[1].pages)).toEqual(['q0412-1', 'q0412-2', 'q0412-x']);
	});

	it('keeps pages without a full date apart, month-and-day ones first, never given a year', () => {
		const qingchuan = issuesOf(library, '青川日报')!;
		expect(ids(qingchuan.undated)).toEqual(['q-md', 'q-bad', 'q-none']);
		expect(qingchuan.issues.flatMap((i) => ids(i.pages))).not.toContain('q-md');
	});

	it('sorts papers by name and puts pages naming no paper aside, dated or not', () => {
		const index = indexIssues(library);
		expect(index.papers.map((p) => p.paper)).toEqual(['晋南日报', '青川日报'].sort());
		expect(ids(index.unattributed).sort()).toEqual(['dated-no-paper', 'nothing']);
		const listed = [
			...index.papers.flatMap((p) => [...p.issues.flatMap((i) => i.pages), ...p.undated]),
			...index.unattributed
		];
		// every page is listed exactly once
		expect(ids(listed).sort()).toEqual(ids(library).sort());
	});

	it('finds no issues for a paper no page names', () => {
		expect(issuesOf(library, '太行日报')).toBeNull();
	});

	it('steps to the previous and next issue, from an issue or from any day between', () => {
		const qingchuan = issuesOf(library, '青川日报')!;
		const around = (date: string) => {
			const { previous, next } = adjacentIssues(qingchuan, date);
			return [previous?.date ?? null, next?.date ?? null];
		};
		expect(around('2023-04-12')).toEqual(['2023-03-29', '2023-04-13']);
		expect(around('2023-04-13')).toEqual(['2023-04-12', null]);
		expect(around('2023-03-29')).toEqual([null, '2023-04-12']);
		expect(around('2023-04-01')).toEqual(['2023-03-29', '2023-04-12']);
	});

	it('accepts only dates that exist', () => {
		expect(isIsoDate('2024-02-29')).toBe(true);
		expect(isIsoDate('2023-02-29')).toBe(false);
		expect(isIsoDate('2023-13-01')).toBe(false);
		expect(isIsoDate('2023-4-1')).toBe(false);
		expect(isIsoDate('04-09')).toBe(false);
	});
});

describe('the month calendar', () => {
	const issues = issuesOf(library, '青川日报')!.issues;

	it('names the months with issues, newest first', () => {
		expect(issueMonths(issues)).toEqual(['2023-04', '2023-03']);
	});

	it('lays a month out in Monday-first weeks with every day once and issue days marked', () => {
		// 1 April 2023 was a Saturday
		const april = calendarMonth('2023-04', issues);
		expect(april.year).toBe(2023);
		expect(april.monthNumber).toBe(4);
		expect(april.weeks[0].map((d) => d?.day ?? null)).toEqual([null, null, null, null, null, 1, 2]);
		expect(april.weeks.every((week) => week.length === 7)).toBe(true);
		const days = april.weeks.flat().filter((d) => d !== null);
		expect(days.map((d) => d.day)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
		expect(days.filter((d) => d.issue).map((d) => d.date)).toEqual(['2023-04-12', '2023-04-13']);
		// unique dates: the grid's keys
		expect(new Set(days.map((d) => d.date)).size).toBe(30);
	});

	it('ends a month starting on Monday without a padded week, and knows leap years', () => {
		const may = calendarMonth('2023-05', []);
		expect(may.weeks[0][0]?.day).toBe(1);
		const february = calendarMonth('2024-02', []);
		expect(february.weeks.flat().filter((d) => d !== null)).toHaveLength(29);
	});
});

describe('moving in the date grid', () => {
	const dates = ['2023-03-29', '2023-04-12', '2023-04-13', '2023-04-28', '2023-05-02'];

	it('steps to the previous and next day with pages with ← and →, across months', () => {
		expect(moveInDateGrid(dates, '2023-04-12', 'ArrowLeft')).toBe('2023-03-29');
		expect(moveInDateGrid(dates, '2023-04-13', 'ArrowRight')).toBe('2023-04-28');
		expect(moveInDateGrid(dates, '2023-04-28', 'ArrowRight')).toBe('2023-05-02');
		expect(moveInDateGrid(dates, '2023-05-02', 'ArrowRight')).toBeNull();
		expect(moveInDateGrid(dates, '2023-03-29', 'ArrowLeft')).toBeNull();
	});

	it('goes a week or more back or ahead with ↑ and ↓', () => {
		expect(moveInDateGrid(dates, '2023-04-13', 'ArrowUp')).toBe('2023-03-29');
		expect(moveInDateGrid(dates, '2023-04-12', 'ArrowDown')).toBe('2023-04-28');
		expect(moveInDateGrid(dates, '2023-04-28', 'ArrowDown')).toBeNull();
	});

	it('goes to the month’s first and last day with pages with Home and End', () => {
		expect(moveInDateGrid(dates, '2023-04-13', 'Home')).toBe('2023-04-12');
		expect(moveInDateGrid(dates, '2023-04-12', 'End')).toBe('2023-04-28');
	});
});
