/**
 * What a page without header or sidecar still says about itself: its paper in its own reporters'
 * bylines, its month and day in the datelines. Only fields still unknown are filled, and nothing
 * is invented: a dateline has no year, so the year stays unknown.
 */

import type { Article, ParsedDocument } from './types';

/** Only the opening of a lead is read: the credit stands right after the dispatch. */
const OPENING_CHARS = 120;

// `本报讯(山西日报记者 杨文)`: inside the credit, a name ending like a paper's before 记者
const STAFF_CREDIT =
	/[(（]\s*([\u3400-\u9fff]{1,12}?[报報])(?:社)?(?:全媒体|融媒体)?(?:首席)?(?:记者|記者)/;
// `12月22日`, `2021年12月22日`, full-width digits included
const MONTH_DAY = /([0-9０-９]{1,2})月([0-9０-９]{1,2})日/;
const FULL_WIDTH_DIGIT = /[０-９]/g;

/** Fills `page.paper` and `page.monthDay` from the articles where they are still unknown. */
export function deriveMissingMeta(doc: ParsedDocument): ParsedDocument {
	const page = doc.page;
	if (page.paper === null) page.paper = paperFromBylines(doc.articles);
	if (page.date === null && page.monthDay === undefined) {
		const monthDay = monthDayFromDatelines(doc.articles);
		if (monthDay !== null) page.monthDay = monthDay;
	}
	return doc;
}

/**
 * The paper its own reporters name (`本报讯(山西日报记者 杨文)`): only in the paper's own reports
 * (`本报…`), where another paper's reporter cannot stand; the most named wins, ties go to the first.
 */
export function paperFromBylines(articles: readonly Article[]): string | null {
	const counts = new Map<string, number>();
	for (const article of articles) {
		if (!article.agency?.startsWith('本报')) continue;
		const opening = article.paragraphs[0]?.slice(0, OPENING_CHARS) ?? '';
		const match = STAFF_CREDIT.exec(opening);
		if (!match) continue;
		const name = match[1];
		// `(本报记者 …)` names no paper
		if (name.length < 3 || name.startsWith('本')) continue;
		counts.set(name, (counts.get(name) ?? 0) + 1);
	}
	let best: string | null = null;
	let bestCount = 0;
	for (const [name, count] of counts) {
		if (count > bestCount) {
			best = name;
			bestCount = count;
		}
	}
	return best;
}

/** `MM-DD` of the first article whose dateline names a month and a day; null when none does. */
export function monthDayFromDatelines(articles: readonly Article[]): string | null {
	for (const article of articles) {
		if (!article.dateline) continue;
		const match = MONTH_DAY.exec(article.dateline.replace(FULL_WIDTH_DIGIT, halfWidth));
		if (!match) continue;
		const month = Number(match[1]);
		const day = Number(match[2]);
		if (month < 1 || month > 12 || day < 1 || day > daysIn(month)) continue;
		return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	}
	return null;
}

function halfWidth(digit: string): string {
	return String.fromCharCode(digit.charCodeAt(0) - 0xfee0);
}

/** The most days a month can have, in any year: the year is unknown. */
function daysIn(month: number): number {
	return month === 2 ? 29 : [4, 6, 9, 11].includes(month) ? 30 : 31;
}
