/**
 * Stage: furniture and captions — page header and footer become page metadata, and each photo
 * caption goes to the article nearest to it on the page.
 */

import type { DiagnosticLog } from './diagnostics';
import { span, type Caption, type Draft } from './flow';
import { parsePageHeader } from './furniture';
import type { PageMeta } from './types';

/** Page metadata from the header lines (joined) and the editors' footer lines. */
export function pageMetaFrom(headerParts: string[], footers: string[]): PageMeta {
	const page: PageMeta = {
		header: null,
		footer: null,
		paper: null,
		date: null,
		pageNumber: null,
		pageName: null
	};
	if (footers.length > 0) page.footer = footers.join(' ');
	if (headerParts.length > 0) {
		page.header = headerParts.join(' ');
		Object.assign(page, parsePageHeader(page.header));
	}
	return page;
}

/**
 * Gives each caption to the article whose lines contain it, else to the nearer neighbour. On a
 * page without articles the captions become furniture.
 */
export function attachCaptions(
	captions: Caption[],
	drafts: Draft[],
	furniture: string[],
	log: DiagnosticLog
): void {
	if (captions.length === 0) return;
	if (drafts.length === 0) {
		for (const c of captions) furniture.push(c.text);
		log.add('warning', 'Photo captions were found but no article to attach them to.');
		return;
	}
	// body ranges do not overlap (stacked titles do), so search by body
	const ranges = drafts
		.map((d, index) => {
			const lines = d.paragraphs.length
				? [d.paragraphs[0].first, d.paragraphs[d.paragraphs.length - 1].last]
				: span(d.titleBlock?.lines ?? []);
			return { first: lines[0], last: lines[1], index };
		})
		.sort((a, b) => a.first - b.first || a.index - b.index);
	for (const caption of captions) {
		let lo = 0;
		let hi = ranges.length - 1;
		let at = -1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if (ranges[mid].first <= caption.line) {
				at = mid;
				lo = mid + 1;
			} else hi = mid - 1;
		}
		let target: number;
		if (at < 0) target = ranges[0].index;
		else if (caption.line <= ranges[at].last || at === ranges.length - 1) target = ranges[at].index;
		else {
			const before = caption.line - ranges[at].last;
			const after = ranges[at + 1].first - caption.line;
			// a tie goes to the article below: its title stands between the caption and its body
			target = after <= before ? ranges[at + 1].index : ranges[at].index;
		}
		drafts[target].captions.push(caption.text);
	}
}
