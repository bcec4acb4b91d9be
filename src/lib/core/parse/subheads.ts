/**
 * Stage: subheads — layout tools tag every large-type line as a heading, so an article's
 * in-text subheads (小标题) arrive as `#` lines exactly like titles. A heading inside a running
 * article that is followed by more body text (no byline, no dispatch line) is a subhead: it
 * becomes a paragraph of that article, and never a separate article. Not when what follows it
 * reads as an ad, listing, notice or other box (the blocks stage takes those), nor when it
 * reads as an item of its own: a lead restating the heading's opening words, a box label under
 * the heading, or authors closing its text.
 */

import { blockKindOf } from './blocks';
import { closingAuthors, startsWithDispatch } from './byline';
import type { DiagnosticLog } from './diagnostics';
import type { FlowItem } from './flow';
import { isColumnLabel, isTitleLike } from './headings';
import { isBoxLabel } from './labels';
import { hasSentenceEnd } from './text';

const PARALLEL_CUT = /[，,、\s\u3000]+/;

/** How far past a heading to look for the body sentence that makes it a subhead. */
const LOOKAHEAD = 8;
/** Subheads are short display lines. */
const MAX_SUBHEAD_CHARS = 30;
/** Fewer characters than this after a heading is a short item of its own, not a section. */
const MIN_SECTION_CHARS = 16;
/** A line this long is body text even without a full stop (a hard-wrapped paragraph). */
const BODY_LINE_CHARS = 50;
/** A lead opening with this many of the heading's first characters restates it. */
const RESTATED_CHARS = 3;

/**
 * Rewrites subhead headings into text items marked `subhead`. An article is running once its
 * title has body text after it; its headings are subheads when the article opened with a
 * byline or dispatch line (so a new article on this page would too), or when the heading is
 * less prominent than the article's title and has a subhead's parallel shape.
 */
export function markSubheads(flow: FlowItem[], log: DiagnosticLog): void {
	let titleLevel = -1;
	let awaitingOpening = false;
	let openedWithByline = false;
	let bodySeen = false;
	let marked = 0;
	for (let i = 0; i < flow.length; i++) {
		const item = flow[i];
		if (item.kind === 'heading') {
			const inArticle = titleLevel >= 0 && bodySeen;
			// a less prominent heading shaped like a subhead (`改良品种，夯实基础`) needs no byline
			const deeper = titleLevel > 0 && item.level > titleLevel && isParallel(item.title);
			if (
				inArticle &&
				(openedWithByline || deeper) &&
				item.title.length <= MAX_SUBHEAD_CHARS &&
				!hasSentenceEnd(item.title) &&
				!opensColumn(item.title, flow[i - 1]) &&
				bodyFollows(flow, i) &&
				!opensOwnItem(flow, i, item.title)
			) {
				flow[i] = {
					kind: 'text',
					line: item.line,
					text: item.title,
					whole: true,
					indented: false,
					afterBlank: true,
					subhead: true
				};
				marked++;
				continue;
			}
			titleLevel = item.level;
			awaitingOpening = true;
			openedWithByline = false;
			bodySeen = false;
		} else if (item.kind === 'marker') {
			// `（下转…）` ends the article on this page: what follows is another one
			if (item.marker.direction === 'to') titleLevel = -1;
		} else if (item.kind === 'byline') {
			if (awaitingOpening) openedWithByline = true;
			awaitingOpening = false;
			bodySeen = true;
		} else if (item.kind === 'text') {
			// kicker and subtitle lines may stand between the title and the opening
			if (awaitingOpening && isTitleLike(item.text)) continue;
			if (awaitingOpening) openedWithByline = startsWithDispatch(item.text);
			awaitingOpening = false;
			bodySeen = true;
		}
	}
	log.stats.subheads += marked;
	if (marked > 0) log.add('info', `${marked} headings inside articles were kept as subheads.`);
}

/** Two halves of about the same length around one comma or space: `改良品种，夯实基础`. */
function isParallel(title: string): boolean {
	const cut = PARALLEL_CUT.exec(title);
	if (cut === null) return false;
	const left = cut.index;
	const right = title.length - left - cut[0].length;
	return left >= 2 && right >= 2 && left <= 12 && right <= 12 && Math.abs(left - right) <= 2;
}

/** A column label (`短评`) above the heading or before a colon in it opens a new piece. */
function opensColumn(title: string, before: FlowItem | undefined): boolean {
	if (before !== undefined && before.kind === 'text' && isColumnLabel(before.text)) return true;
	const colon = Math.max(title.indexOf('：'), title.indexOf(':'));
	return colon > 0 && isColumnLabel(title.slice(0, colon));
}

/**
 * The heading starts an item of its own, not a section of the article above: the text after it
 * (up to the lookahead) reads as a non-article block, its first line opens with the heading's
 * first words (`社区食堂受欢迎` over `社区食堂开业一个月……`) or is a box label (`【编辑点评】`,
 * which heads a box, as a subhead would), or the text ends, before the next heading, on a line
 * of authors (`张某  李某`), as a short item does.
 */
function opensOwnItem(flow: FlowItem[], at: number, title: string): boolean {
	const lines = [title];
	const end = Math.min(flow.length, at + 1 + LOOKAHEAD);
	let j = at + 1;
	for (; j < end; j++) {
		const next = flow[j];
		if (next.kind !== 'text') break;
		lines.push(next.text);
	}
	if (lines.length > 1 && (restates(lines[1], title) || isBoxLabel(lines[1]))) return true;
	const sectionEnds = j === flow.length || flow[j].kind === 'heading';
	if (sectionEnds && lines.length > 2 && closingAuthors(lines.slice(1)) !== null) return true;
	return blockKindOf(lines, title) !== null;
}

function restates(lead: string, title: string): boolean {
	if (title.length < RESTATED_CHARS) return false;
	return lead.startsWith(title.slice(0, RESTATED_CHARS));
}

/**
 * A section of body text follows the heading before any byline, dispatch line, marker or
 * heading: at least one sentence, and more than a line's worth (a subhead heads a section).
 */
function bodyFollows(flow: FlowItem[], at: number): boolean {
	const end = Math.min(flow.length, at + 1 + LOOKAHEAD);
	let chars = 0;
	for (let j = at + 1; j < end; j++) {
		const next = flow[j];
		if (next.kind === 'marker') {
			if (next.marker.direction === 'from') return false;
			continue;
		}
		if (next.kind !== 'text') return false;
		if (startsWithDispatch(next.text)) return false;
		chars += next.text.length;
		if (chars >= MIN_SECTION_CHARS && (hasSentenceEnd(next.text) || chars >= BODY_LINE_CHARS)) {
			return true;
		}
	}
	return false;
}
