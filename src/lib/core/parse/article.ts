/** Stage: read each draft's fields off — byline, dateline, continuation, id — into an Article. */

import {
	closingAuthors,
	findFirstDate,
	parseClosingCredit,
	parseInlineByline,
	type Byline
} from './byline';
import type { DiagnosticLog } from './diagnostics';
import { append, span, type Draft } from './flow';
import { assignArticleIds } from './ids';
import { columnOfTitle } from './labels';
import type { ContinuationMarker } from './markers';
import { endsSentence } from './text';
import { articleHeading } from './title';
import type { Article } from './types';

/** The page's articles in order, with ids unique on the page. */
export function buildArticles(drafts: Draft[], log: DiagnosticLog): Article[] {
	const articles: Article[] = [];
	const idKeys: string[] = [];
	for (const draft of drafts) {
		const a = toArticle(draft);
		articles.push(a);
		idKeys.push(a.title || a.paragraphs[0]?.slice(0, 64) || a.captions[0] || '');
	}
	const ids = assignArticleIds(idKeys);
	for (let i = 0; i < articles.length; i++) articles[i].id = ids[i];
	for (const a of articles) {
		if (a.continued && a.continuedTo === null && a !== articles[articles.length - 1]) {
			log.add('info', `"${articleHeading(a)}" breaks off mid-sentence.`, a.lines[1]);
		}
	}
	return articles;
}

/** One article from its draft; its id is set by `buildArticles`. */
export function toArticle(draft: Draft): Article {
	// plain loops, no closures: this runs once per article
	const paragraphs: string[] = [];
	const subheads: number[] = [];
	const markers: ContinuationMarker[] = draft.markers.slice();
	const lineNumbers: number[] = draft.markerLines.slice();
	if (draft.titleBlock) append(lineNumbers, draft.titleBlock.lines);
	for (const p of draft.paragraphs) {
		if (p.subhead) subheads.push(paragraphs.length);
		paragraphs.push(p.text);
		lineNumbers.push(p.first, p.last);
		if (p.markers.length > 0) {
			append(markers, p.markers);
			append(lineNumbers, p.markerLines);
		}
	}
	const [first, last] = span(lineNumbers);
	let from: ContinuationMarker | null = null;
	let to: ContinuationMarker | null = null;
	const raw: string[] = [];
	for (const m of markers) {
		if (m.direction === 'from') from ??= m;
		else to = m;
		raw.push(m.raw);
	}

	let agency: string | null = null;
	let reporters: string[] = [];
	let correspondents: string[] = [];
	let dateline: string | null = null;
	if (draft.paragraphs.length > 0) {
		const first = draft.paragraphs[0];
		let byline: Byline | null = first.bylineLine;
		let lead: string | null = null;
		if (byline) {
			lead = paragraphs[1] ?? null;
		} else {
			byline = parseInlineByline(paragraphs[0]);
			lead = byline ? paragraphs[0].slice(byline.leadOffset) : from ? null : paragraphs[0];
			// no opening byline: some papers credit the reporters at the end instead
			if (!byline && paragraphs.length > 1) {
				const closing = parseClosingCredit(paragraphs[paragraphs.length - 1]);
				if (closing) {
					reporters = closing.reporters;
					correspondents = closing.correspondents;
				} else reporters = closingAuthors(paragraphs) ?? reporters;
			}
		}
		if (byline) {
			agency = byline.agency;
			reporters = byline.reporters;
			correspondents = byline.correspondents;
		}
		dateline = byline?.dispatchDate ?? (lead === null ? null : findFirstDate(lead));
	}
	const lastText = paragraphs[paragraphs.length - 1];
	const breaksOff =
		lastText !== undefined &&
		!draft.paragraphs[draft.paragraphs.length - 1].bylineLine &&
		!endsSentence(lastText) &&
		closingAuthors(paragraphs) === null;
	return {
		id: '',
		kicker: draft.titleBlock?.kicker ?? null,
		title: draft.titleBlock?.title ?? null,
		column: draft.titleBlock ? columnOfTitle(draft.titleBlock.title) : null,
		subtitle: draft.titleBlock?.subtitle ?? null,
		agency,
		reporters,
		correspondents,
		dateline,
		paragraphs,
		subheads,
		captions: draft.captions,
		continued: to !== null || breaksOff,
		continuedFrom: from?.page ?? null,
		continuedTo: to?.page ?? null,
		lines: [first, last],
		markers: raw
	};
}
