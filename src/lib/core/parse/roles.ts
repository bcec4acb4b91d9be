/**
 * Stage: assign roles — which lines are titles, kickers (引题) and subtitles (副题). Titles are
 * inferred on pages without headings; unmarked lines next to a title are claimed as its kicker
 * or subtitle; display headings stacked over one body fold into one title block.
 */

import { isDataLine } from './blocks';
import { looksLikeBylineLine, startsWithDispatch } from './byline';
import type { DiagnosticLog } from './diagnostics';
import { append, type FlowItem, type TitleBlock } from './flow';
import { isColumnLabel, isTitleLike, startsWithDash } from './headings';
import { TITLE_COVERAGE_CHARS, titleCoverage } from './pairing';
import { endsSentence, hasSentenceEnd, startsWithNonInitial } from './text';

const SPACED = /[ \u3000]/;
const CLAUSE_MARK = /[，,、]/;
const DASH_END = /(?:——|──|—|--|－－)$/;

export const CLAIM_KICKER = 1;
export const CLAIM_SUBTITLE = 2;
export const CLAIM_LABEL = 3;

export interface Claims {
	/** Per flow item: 0, or what the item was claimed as (CLAIM_*). */
	of: Uint8Array;
	/** Heading index → index of the item claimed as its kicker. */
	kickerOf: Map<number, number>;
	/** Heading index → index of the item claimed as its subtitle. */
	subtitleOf: Map<number, number>;
}

/**
 * Pages without markdown headings (raw OCR block output): a title-like line at the top of a
 * block — first, or after a finished sentence — is taken as a title when a byline or dispatch
 * line follows it, or, on pages of long lines, when a body paragraph much longer than it does.
 * Rewrites those flow items into headings of level 0.
 */
export function inferTitles(flow: FlowItem[], log: DiagnosticLog): void {
	const typical = typicalLineLength(flow);
	let inferred = 0;
	for (let i = 0; i + 1 < flow.length; i++) {
		const item = flow[i];
		if (item.kind !== 'text' || !item.whole || !isTitleLike(item.text)) continue;
		if (looksLikeBylineLine(item.text)) continue;
		const next = flow[i + 1];
		const opensBody =
			next.kind === 'byline' ||
			(next.kind === 'text' &&
				(startsWithDispatch(next.text) ||
					looksLikeBylineLine(next.text) ||
					headsLongParagraph(item.text, next.text, typical)));
		if (!opensBody) continue;
		const before = flow[i - 1];
		if (before !== undefined && before.kind === 'text' && !endsSentence(before.text, item.text)) {
			continue;
		}
		flow[i] = { kind: 'heading', line: item.line, level: 0, title: item.text };
		inferred++;
	}
	log.stats.inferredTitles += inferred;
	if (inferred > 0) {
		log.add('info', `No markdown headings; ${inferred} titles were inferred from the layout.`);
	}
}

/** Body lines of block output are at least this long; hard-wrapped lines are shorter. */
const MIN_BODY_LINE_CHARS = 30;

/**
 * The median length of the page's whole text lines that hold a sentence (capped at 200): long
 * on block output where a paragraph is one line, short on hard-wrapped pages. Counted in a
 * histogram: linear.
 */
function typicalLineLength(flow: FlowItem[]): number {
	const counts = new Uint32Array(201);
	let total = 0;
	for (const item of flow) {
		if (item.kind !== 'text' || !item.whole || !hasSentenceEnd(item.text)) continue;
		counts[Math.min(200, item.text.length)]++;
		total++;
	}
	let seen = 0;
	for (let length = 0; length <= 200; length++) {
		seen += counts[length];
		if (seen * 2 >= total) return length;
	}
	return 0;
}

/**
 * A short line over a body paragraph on a page whose paragraphs are long lines: the title of
 * what follows. On hard-wrapped pages every line is short, so this never fires there.
 */
function headsLongParagraph(title: string, next: string, typical: number): boolean {
	return (
		typical >= MIN_BODY_LINE_CHARS &&
		title.length * 2 <= typical &&
		next.length >= MIN_BODY_LINE_CHARS &&
		hasSentenceEnd(next)
	);
}

/**
 * A kicker is a title-like line directly above a title, not the tail of an unfinished sentence;
 * a subtitle is one directly below. A line between two stacked titles is the second's kicker
 * unless it opens with a dash (`——记…`), the mark of a subtitle.
 */
export function claimKickersAndSubtitles(flow: FlowItem[]): Claims {
	const claims: Claims = {
		of: new Uint8Array(flow.length),
		kickerOf: new Map(),
		subtitleOf: new Map()
	};
	const claimed = claims.of;
	const candidate = (i: number): string | null => {
		const item = flow[i];
		if (item === undefined || item.kind !== 'text' || !item.whole || claimed[i] !== 0) {
			return null;
		}
		return item.text;
	};
	for (let i = 0; i < flow.length; i++) {
		const item = flow[i];
		if (item.kind !== 'heading') continue;
		// kicker
		const above = candidate(i - 1);
		if (above !== null && isTitleLike(above) && !isDataLine(above)) {
			const before = flow[i - 2];
			let ok: boolean;
			if (before === undefined || claimed[i - 2] !== 0) ok = true;
			else if (before.kind === 'heading') ok = !startsWithDash(above);
			else if (before.kind === 'text') ok = endsSentence(before.text, above);
			else ok = true;
			if (ok) {
				claimed[i - 1] = CLAIM_KICKER;
				claims.kickerOf.set(i, i - 1);
			}
		} else if (
			flow[i - 1]?.kind === 'heading' &&
			claimed[i - 1] === 0 &&
			isColumnLabel((flow[i - 1] as { title: string }).title)
		) {
			claimed[i - 1] = CLAIM_LABEL;
			claims.kickerOf.set(i, i - 1);
		}
		// subtitle
		const below = candidate(i + 1);
		if (below === null) continue;
		const dashed = startsWithDash(below) && below.length <= 60 && !hasSentenceEnd(below);
		if (!dashed && !isTitleLike(below)) continue;
		const after = flow[i + 2];
		let ok = dashed || (after !== undefined && after.kind !== 'heading');
		// a short line may also be the lead's first words cut by a column break: without a
		// dash it is a subtitle only when the body visibly starts after it, or when it is a
		// spaced display line (`蓝某主持 李某出席`) that the next line does not continue
		if (ok && !dashed && after.kind === 'text' && !startsWithDispatch(after.text)) {
			ok = SPACED.test(below) && !CLAUSE_MARK.test(below) && !startsWithNonInitial(after.text);
		}
		if (ok) {
			claimed[i + 1] = CLAIM_SUBTITLE;
			claims.subtitleOf.set(i, i + 1);
		}
	}
	return claims;
}

/**
 * Some extractors mark kicker and subtitle as headings too: `## 引题` / `# 主题` / `## ——副题`.
 * When a block has more titles than its body has openings (dispatch lines, bylines), a heading
 * opening with a dash becomes the subtitle of the one above, and a heading less prominent than
 * its neighbour (a higher level) becomes that neighbour's kicker (above) or subtitle (below).
 * Linear: one pass for each rule, no splicing, no string rebuilt per step.
 */
export function foldDisplayHeadings(
	titles: TitleBlock[],
	openings: number,
	lead: string,
	bodyStart = lead
): TitleBlock[] {
	if (titles.length <= openings) return titles;
	const folded = foldShortKickers(foldKickersAndSubtitles(titles, openings), openings, bodyStart);
	return joinWrappedTitles(folded, openings, lead);
}

/** A kicker line is at most this share of its title's length (`积极行动` over a long title). */
const KICKER_SHARE = 0.6;
const MAX_KICKER_LINE_CHARS = 12;
/** How much of the body a short line's words are looked for in. */
export const BODY_START_CHARS = 2000;

/**
 * A kicker printed over several lines arrives as short headings stacked directly above the
 * title (`积极行动` / `保种保供` / `某省多举措扶持蔬菜生产`): while there are more titles than
 * openings, short lines above a longer title join, in order, into its one kicker. A single
 * short line joins only when the body (`bodyStart`, its first characters) does not speak of
 * it: else it may be a short title whose body the pairing finds by content. Walks up from the bottom, so each heading is looked at
 * once; a run that does not qualify is put back as titles.
 */
function foldShortKickers(titles: TitleBlock[], openings: number, bodyStart: string): TitleBlock[] {
	if (titles.length <= openings) return titles;
	const opening = bodyStart.slice(0, BODY_START_CHARS);
	const kept: TitleBlock[] = [];
	let count = titles.length;
	let main: TitleBlock | null = null;
	// the short lines above `main`, bottom first
	let run: TitleBlock[] = [];
	const finish = () => {
		if (main === null || run.length === 0) return;
		if (run.length === 1 && titleCoverage(run[0].title, opening) >= 0.1) {
			kept.push(run[0]);
			count++;
		} else {
			const lines = run.map((t) => t.title).reverse();
			if (main.kicker !== null) lines.push(main.kicker);
			main.kicker = lines.join(' ');
			for (const t of run) append(main.lines, t.lines);
		}
		run = [];
	};
	for (let i = titles.length - 1; i >= 0; i--) {
		const t = titles[i];
		const short =
			main !== null &&
			count > openings &&
			t.kicker === null &&
			t.subtitle === null &&
			t.title.length <= MAX_KICKER_LINE_CHARS &&
			t.title.length <= KICKER_SHARE * main.title.length &&
			!hasSentenceEnd(t.title);
		if (short) {
			run.push(t);
			count--;
			continue;
		}
		finish();
		kept.push(t);
		main = t;
	}
	finish();
	return kept.reverse();
}

/**
 * Folds the first foldable heading, again and again, until the titles fit the openings. A fold
 * leaves every heading before it unfoldable (it only fills a neighbour's kicker or subtitle
 * slot), so one left-to-right pass finds the same folds in the same order as rescanning.
 */
function foldKickersAndSubtitles(titles: TitleBlock[], openings: number): TitleBlock[] {
	const out: TitleBlock[] = [];
	let count = titles.length;
	for (let i = 0; i < titles.length; i++) {
		const t = titles[i];
		const prev = out[out.length - 1];
		const next = titles[i + 1];
		if (count > openings && t.kicker === null && t.subtitle === null) {
			// `绿水青山就是金山银山——` leads into the title below it
			if (next && next.kicker === null && endsWithDash(t.title)) {
				next.kicker = t.title;
				append(next.lines, t.lines);
				count--;
				continue;
			}
			if (prev && prev.subtitle === null && startsWithDash(t.title)) {
				prev.subtitle = t.title;
				append(prev.lines, t.lines);
				count--;
				continue;
			}
			if (next && next.kicker === null && t.level > next.level) {
				next.kicker = t.title;
				append(next.lines, t.lines);
				count--;
				continue;
			}
			if (prev && prev.subtitle === null && t.level > prev.level) {
				prev.subtitle = t.title;
				append(prev.lines, t.lines);
				count--;
				continue;
			}
		}
		out.push(t);
	}
	return out;
}

/** A kicker may end with a dash that points at the title: `绿水青山就是金山银山——`. */
function endsWithDash(text: string): boolean {
	return DASH_END.test(text);
}

/**
 * A long title wrapped onto two heading lines: both halves are named in the one lead. Walks up
 * from the bottom; a run of halves is joined once, when it ends, and only its first
 * TITLE_COVERAGE_CHARS characters are kept for the coverage test.
 */
function joinWrappedTitles(titles: TitleBlock[], openings: number, lead: string): TitleBlock[] {
	if (titles.length <= openings) return titles;
	const opening = lead.slice(0, 1000);
	const kept: TitleBlock[] = [];
	// the run being joined, bottom half first
	let run: TitleBlock[] = [titles[titles.length - 1]];
	let runHead = run[0].title.slice(0, TITLE_COVERAGE_CHARS);
	let count = titles.length;
	let i = titles.length - 1;
	for (; i > 0 && count > openings; i--) {
		const upper = titles[i - 1];
		const lower = run[run.length - 1];
		const joinable =
			upper.level === lower.level &&
			upper.subtitle === null &&
			lower.kicker === null &&
			titleCoverage(upper.title, opening) >= 0.1 &&
			titleCoverage(runHead, opening) >= 0.1;
		if (joinable) {
			run.push(upper);
			runHead = `${upper.title.slice(0, TITLE_COVERAGE_CHARS)} ${runHead}`.slice(
				0,
				TITLE_COVERAGE_CHARS
			);
			count--;
		} else {
			kept.push(joinRun(run));
			run = [upper];
			runHead = upper.title.slice(0, TITLE_COVERAGE_CHARS);
		}
	}
	kept.push(joinRun(run));
	for (i--; i >= 0; i--) kept.push(titles[i]);
	return kept.reverse();
}

/** One title from a run of wrapped halves (bottom first): the top's kicker, the bottom's subtitle. */
function joinRun(run: TitleBlock[]): TitleBlock {
	if (run.length === 1) return run[0];
	const top = run[run.length - 1];
	const parts: string[] = [];
	const lines: number[] = [];
	for (let r = run.length - 1; r >= 0; r--) {
		parts.push(run[r].title);
		append(lines, run[r].lines);
	}
	top.title = parts.join(' ');
	top.subtitle = run[0].subtitle;
	top.lines = lines;
	return top;
}
