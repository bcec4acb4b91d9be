/**
 * The citation line e-paper copies carry, `《某某日报》（2025年03月01日第 01 版）`, sometimes glued
 * to a byline. It names paper, date and page: page metadata when the page has no header.
 */

import type { SourceLine } from './text';
import type { PageMeta } from './types';

export interface Citation {
	/** As printed; it is page furniture. */
	text: string;
	paper: string;
	date: string | null;
	pageNumber: number | null;
}

// one whitespace run between each pair of parts, never two touching: no backtracking
const CITATION =
	/《[\s\u3000]*([\u4e00-\u9fff]{1,12}[报報])[\s\u3000]*》[\s\u3000]*[(（][\s\u3000]*(\d{4})[\s\u3000]*年[\s\u3000]*(\d{1,2})[\s\u3000]*月[\s\u3000]*(\d{1,2})[\s\u3000]*日[\s\u3000]*(?:第[\s\u3000]*(\d{1,3})[\s\u3000]*版[\s\u3000]*)?[)）]/;

/** Finds a citation in a line and cuts it out; null when the line has none. */
export function cutCitation(line: string): { citation: Citation; rest: string } | null {
	if (line.indexOf('《') < 0) return null;
	const m = CITATION.exec(line);
	if (!m) return null;
	const month = Number(m[3]);
	const day = Number(m[4]);
	const date =
		month >= 1 && month <= 12 && day >= 1 && day <= 31
			? `${m[2]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
			: null;
	const before = line.slice(0, m.index).trim();
	const after = line.slice(m.index + m[0].length).trim();
	return {
		citation: {
			text: m[0],
			paper: m[1],
			date,
			pageNumber: m[5] === undefined ? null : Number(m[5])
		},
		rest: before && after ? `${before} ${after}` : before || after
	};
}

/**
 * Takes a citation out of a source line into `found`. Returns the line without it, the line
 * itself when it has none, and null when nothing else was on the line.
 */
export function takeCitation(source: SourceLine, found: Citation[]): SourceLine | null {
	const cut = cutCitation(source.text);
	if (!cut) return source;
	found.push(cut.citation);
	return cut.rest ? { ...source, text: cut.rest } : null;
}

/** Citations are furniture; the first fills paper, date and page when no header did. */
export function applyCitations(page: PageMeta, citations: Citation[], furniture: string[]): void {
	for (const c of citations) furniture.push(c.text);
	const first = citations[0];
	if (!first || page.header !== null) return;
	page.paper ??= first.paper;
	page.date ??= first.date;
	page.pageNumber ??= first.pageNumber;
}
