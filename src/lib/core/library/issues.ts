/**
 * 往期: a paper's issues by date. An issue is every page of one paper printed on one full date;
 * pages of the paper whose date is unknown, or known only as month and day (no year is ever
 * guessed), are kept apart as undated. The date view's month calendar is computed here too.
 */

import type { PageMeta } from '../parse/types';

export interface IssuePage {
	id: string;
	source: string;
	page: Pick<PageMeta, 'paper' | 'date' | 'monthDay' | 'pageNumber'>;
}

export interface Issue<T extends IssuePage> {
	paper: string;
	/** ISO `YYYY-MM-DD`. */
	date: string;
	/** In page order: 第1版 first, pages without a number last. */
	pages: T[];
}

export interface PaperIssues<T extends IssuePage> {
	paper: string;
	/** Newest first. */
	issues: Issue<T>[];
	/** The paper's pages without a full date: month-and-day ones (latest first), then the rest. */
	undated: T[];
}

export interface IssueIndex<T extends IssuePage> {
	/** By paper name. */
	papers: PaperIssues<T>[];
	/** Pages that name no paper, dated or not. */
	unattributed: T[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `date` is an ISO `YYYY-MM-DD` day that exists on the calendar. */
export function isIsoDate(date: string): boolean {
	const match = ISO_DATE.exec(date);
	if (!match) return false;
	const [year, month, day] = [+match[1], +match[2], +match[3]];
	return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

// Plain code-unit order: ISO dates and month-days sort as text.
function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function byPageNumber(a: IssuePage, b: IssuePage): number {
	return (
		(a.page.pageNumber ?? Infinity) - (b.page.pageNumber ?? Infinity) ||
		compareText(a.source, b.source)
	);
}

function undatedOrder(a: IssuePage, b: IssuePage): number {
	const [x, y] = [a.page.monthDay ?? '', b.page.monthDay ?? ''];
	return compareText(y, x) || byPageNumber(a, b);
}

/** Every paper's issues (newest first) and undated pages, and the pages naming no paper. */
export function indexIssues<T extends IssuePage>(docs: readonly T[]): IssueIndex<T> {
	const papers = new Map<string, { issues: Map<string, T[]>; undated: T[] }>();
	const unattributed: T[] = [];
	for (const doc of docs) {
		const { paper, date } = doc.page;
		if (!paper) {
			unattributed.push(doc);
			continue;
		}
		let entry = papers.get(paper);
		if (!entry) {
			entry = { issues: new Map(), undated: [] };
			papers.set(paper, entry);
		}
		if (date && isIsoDate(date)) {
			const pages = entry.issues.get(date);
			if (pages) pages.push(doc);
			else entry.issues.set(date, [doc]);
		} else {
			entry.undated.push(doc);
		}
	}
	return {
		papers: [...papers.entries()]
			.sort(([a], [b]) => compareText(a, b))
			.map(([paper, entry]) => ({
				paper,
				issues: [...entry.issues.entries()]
					.sort(([a], [b]) => compareText(b, a))
					.map(([date, pages]) => ({ paper, date, pages: pages.sort(byPageNumber) })),
				undated: entry.undated.sort(undatedOrder)
			})),
		unattributed: unattributed.sort(byPageNumber)
	};
}

/** One paper's issues and undated pages, or null when no page names that paper. */
export function issuesOf<T extends IssuePage>(
	docs: readonly T[],
	paper: string
): PaperIssues<T> | null {
	return indexIssues(docs.filter((doc) => doc.page.paper === paper)).papers[0] ?? null;
}

/** The issues printed just before and just after `date` (which need not have one itself). */
export function adjacentIssues<T extends IssuePage>(
	paper: PaperIssues<T>,
	date: string
): { previous: Issue<T> | null; next: Issue<T> | null } {
	// newest first: the first one older than `date` is the previous issue
	const previous = paper.issues.find((issue) => issue.date < date) ?? null;
	const next = paper.issues.findLast((issue) => issue.date > date) ?? null;
	return { previous, next };
}

export interface CalendarDay {
	/** ISO date. */
	date: string;
	day: number;
	/** Null on a day the paper has no pages for. */
	issue: string | null;
}

export interface CalendarMonth {
	/** `YYYY-MM`. */
	month: string;
	year: number;
	monthNumber: number;
	/** Weeks from Monday to Sunday; null pads the days outside the month. */
	weeks: (CalendarDay | null)[][];
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

/** The months that have issues, newest first (`YYYY-MM`). */
export function issueMonths(issues: readonly { date: string }[]): string[] {
	return [...new Set(issues.map((issue) => issue.date.slice(0, 7)))].sort((a, b) =>
		compareText(b, a)
	);
}

/** A month as the calendar shows it: Monday-first weeks, each day marked with its issue. */
export function calendarMonth(month: string, issues: readonly { date: string }[]): CalendarMonth {
	const [year, monthNumber] = month.split('-').map(Number);
	const dates = new Set(issues.map((issue) => issue.date));
	// 0 = Monday … 6 = Sunday: Chinese calendars begin the week on 星期一
	const offset = (new Date(Date.UTC(year, monthNumber - 1, 1)).getUTCDay() + 6) % 7;
	const cells: (CalendarDay | null)[] = Array.from({ length: offset }, () => null);
	for (let day = 1; day <= daysInMonth(year, monthNumber); day++) {
		const date = `${year}-${pad(monthNumber)}-${pad(day)}`;
		cells.push({ date, day, issue: dates.has(date) ? date : null });
	}
	while (cells.length % 7) cells.push(null);
	const weeks: (CalendarDay | null)[][] = [];
	for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
	return { month, year, monthNumber, weeks };
}

export type DateGridKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

function shiftDays(date: string, days: number): string {
	const [year, month, day] = date.split('-').map(Number);
	const moved = new Date(Date.UTC(year, month - 1, day + days));
	return `${moved.getUTCFullYear()}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}

/**
 * Where a key moves focus in the date grid, among the days that have an issue only (the others
 * cannot be focused): ←/→ the previous/next issue, ↑/↓ the nearest issue a week or more
 * before/after, Home/End the month's first/last issue. Null when there is nowhere to go.
 */
export function moveInDateGrid(
	dates: readonly string[],
	from: string,
	key: DateGridKey
): string | null {
	const sorted = [...dates].sort(compareText);
	const month = from.slice(0, 7);
	switch (key) {
		case 'ArrowLeft':
			return sorted.findLast((d) => d < from) ?? null;
		case 'ArrowRight':
			return sorted.find((d) => d > from) ?? null;
		case 'ArrowUp': {
			const limit = shiftDays(from, -7);
			return sorted.findLast((d) => d <= limit) ?? null;
		}
		case 'ArrowDown': {
			const limit = shiftDays(from, 7);
			return sorted.find((d) => d >= limit) ?? null;
		}
		case 'Home':
			return sorted.find((d) => d.startsWith(month)) ?? null;
		case 'End':
			return sorted.findLast((d) => d.startsWith(month)) ?? null;
	}
}
