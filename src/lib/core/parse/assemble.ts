/**
 * Stage: assemble articles — each block's body becomes paragraphs, its stacked titles are
 * folded and paired with the bodies they head, jump markers cut untitled continuations off,
 * and markers standing between bodies go to the article after them.
 */

import type { Block } from './grouping';
import type { DiagnosticLog } from './diagnostics';
import { append, emptyDraft, type Draft, type TitleBlock } from './flow';
import type { ContinuationMarker } from './markers';
import { pairBodies, type Group } from './pairing';
import { buildParagraphs, type BodyItem, type Paragraph } from './paragraphs';
import { BODY_START_CHARS, foldDisplayHeadings } from './roles';

export interface AssembledDrafts {
	drafts: Draft[];
	/** Markers with no article to go to (a page of markers only), exactly as printed. */
	unattachedMarkers: string[];
}

/** Markers waiting for the next article: `(上接…)` after a body opens the next one. */
interface Carry {
	markers: ContinuationMarker[];
	lines: number[];
}

export function assembleDrafts(blocks: Block[], log: DiagnosticLog): AssembledDrafts {
	const drafts: Draft[] = [];
	const carry: Carry = { markers: [], lines: [] };
	for (const block of blocks) {
		if (block.body.length > 0) assembleBody(block.titles, block.body, drafts, carry, log);
		else assembleTitlesWithoutBody(block.titles, drafts, carry, log);
	}
	const unattachedMarkers: string[] = [];
	if (carry.markers.length > 0) {
		const last = drafts[drafts.length - 1];
		if (last) {
			append(last.markers, carry.markers);
			append(last.markerLines, carry.lines);
		} else {
			for (const m of carry.markers) unattachedMarkers.push(m.raw);
		}
		log.add('warning', 'A continuation marker has no article after it.', carry.lines[0] ?? null);
	}
	return { drafts, unattachedMarkers };
}

function assembleBody(
	stacked: TitleBlock[],
	items: BodyItem[],
	drafts: Draft[],
	carry: Carry,
	log: DiagnosticLog
): void {
	const body = buildParagraphs(items);
	log.stats.hardWrapJoins += body.wrapJoins;
	let titles = stacked;
	if (titles.length > 1) {
		let openings = 1;
		for (let p = 1; p < body.paragraphs.length; p++) if (body.paragraphs[p].strong) openings++;
		titles = foldDisplayHeadings(
			titles,
			openings,
			body.paragraphs[0]?.text ?? '',
			bodyStart(body.paragraphs)
		);
	}
	const groups = groupParagraphs(titles, body.paragraphs);
	if (titles.length > 1 && groups.length > 0) {
		log.add(
			'info',
			`${titles.length} stacked titles were paired with ${groups.length} bodies by content.`,
			titles[0].lines[0]
		);
	}
	const used = new Set<number>();
	const startIndex = drafts.length;
	for (const group of groups) {
		const titleBlock = titles.length === 0 ? null : titles[group.title];
		if (titles.length > 0) used.add(group.title);
		// a jump marker inside a body ends one article: text after `(下转…)`, or text
		// opening with `(上接…)`, is another article whose title is not on this page
		let start = group.start;
		for (let p = group.start + 1; p <= group.end; p++) {
			if (p < group.end && !jumpsBetween(body.paragraphs[p - 1], body.paragraphs[p])) continue;
			drafts.push({
				titleBlock: start === group.start ? titleBlock : null,
				paragraphs: body.paragraphs.slice(start, p),
				markers: [],
				markerLines: [],
				captions: []
			});
			if (p < group.end) {
				log.add(
					'info',
					'Text after a continuation marker was kept as an untitled article.',
					body.paragraphs[p].first
				);
			}
			start = p;
		}
	}
	for (let t = 0; t < titles.length; t++) {
		if (used.has(t)) continue;
		drafts.push(emptyDraft(titles[t]));
		log.add('warning', `The title "${titles[t].title}" has no body.`, titles[t].lines[0]);
	}
	if (drafts.length === startIndex) {
		// markers only: nothing to attach them to yet
		append(carry.markers, body.leading);
		append(carry.lines, body.leadingLines);
	} else {
		const first = drafts[startIndex];
		first.markers = [...carry.markers, ...body.leading, ...first.markers];
		append(first.markerLines, carry.lines);
		append(first.markerLines, body.leadingLines);
		carry.markers = [];
		carry.lines = [];
	}
	append(carry.markers, body.trailing);
	append(carry.lines, body.trailingLines);
}

/** The body's first BODY_START_CHARS characters, across paragraphs. */
function bodyStart(paragraphs: Paragraph[]): string {
	let text = '';
	for (const p of paragraphs) {
		if (text.length >= BODY_START_CHARS) break;
		text += p.text.slice(0, BODY_START_CHARS - text.length) + '\n';
	}
	return text;
}

/** Which paragraphs go under which title: by content when several titles are stacked. */
function groupParagraphs(titles: TitleBlock[], paragraphs: Paragraph[]): Group[] {
	const n = paragraphs.length;
	if (titles.length === 0) return untitledGroups(paragraphs);
	if (titles.length === 1) return n > 0 ? [{ start: 0, end: n, title: 0 }] : [];
	return pairBodies(
		titles.map((t) => ({ title: t.title, extra: [t.kicker ?? '', t.subtitle ?? ''].join(' ') })),
		paragraphs.map((p) => p.text),
		paragraphs.map((p) => p.strong)
	);
}

function assembleTitlesWithoutBody(
	titles: TitleBlock[],
	drafts: Draft[],
	carry: Carry,
	log: DiagnosticLog
): void {
	for (const t of titles) {
		const draft = emptyDraft(t);
		append(draft.markers, carry.markers);
		append(draft.markerLines, carry.lines);
		carry.markers = [];
		carry.lines = [];
		drafts.push(draft);
		log.add('warning', `The title "${t.title}" has no body.`, t.lines[0]);
	}
}

/** Whether a continuation marker separates two consecutive paragraphs. */
function jumpsBetween(before: Paragraph, after: Paragraph): boolean {
	for (const m of before.markers) if (m.direction === 'to') return true;
	for (const m of after.markers) if (m.direction === 'from') return true;
	return false;
}

/** Text before the first title: one untitled article per body that opens with a byline. */
function untitledGroups(paragraphs: Paragraph[]): Group[] {
	const groups: Group[] = [];
	for (let p = 0; p < paragraphs.length; p++) {
		if (p === 0 || paragraphs[p].strong) groups.push({ start: p, end: p + 1, title: 0 });
		else groups[groups.length - 1].end = p + 1;
	}
	return groups;
}
