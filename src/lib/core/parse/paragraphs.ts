/**
 * Rebuilding paragraphs from lines. A blank line in extracted text may be a paragraph break or
 * a column break that fell anywhere — mid-word, after a comma, before an opening quote. The
 * rule: a break after a finished sentence is a paragraph break; any other break is a column
 * break, and the pieces are rejoined with nothing in between.
 */

import { looksLikeBylineLine, startsWithDispatch, type Byline } from './byline';
import { startsWithDash } from './headings';
import { isBoxLabel, startsWithBoxBullet } from './labels';
import type { ContinuationMarker } from './markers';
import {
	endsSentence,
	endsWithClausePunctuation,
	hasSentenceEnd,
	startsWithEnumerator,
	startsWithNonInitial
} from './text';

export type BodyItem =
	| {
			kind: 'text';
			line: number;
			text: string;
			indented?: boolean;
			afterBlank?: boolean;
			subhead?: boolean;
	  }
	| { kind: 'byline'; line: number; text: string; byline: Byline }
	| { kind: 'marker'; line: number; marker: ContinuationMarker };

export interface Paragraph {
	/** The lines joined: the paragraph's text (complete once the body is built). */
	text: string;
	/** Its source lines, kept only once a second line joins (most paragraphs are one line). */
	parts: string[] | null;
	/** The last source line so far, which decides whether the next one continues it. */
	lastText: string;
	lineCount: number;
	first: number;
	last: number;
	/** Set when this paragraph is a byline line of its own (`□ 本报记者 X`). */
	bylineLine: Byline | null;
	/** Surely starts a new article body: dispatch line, byline line, continuation marker. */
	strong: boolean;
	/** Continuation markers removed from this paragraph, in source order. */
	markers: ContinuationMarker[];
	markerLines: number[];
	/** No more lines may join: it ended at a marker, or is a byline line or a subhead. */
	closed: boolean;
	/** A subhead (小标题) inside the article. */
	subhead: boolean;
}

export interface BodyParagraphs {
	paragraphs: Paragraph[];
	/** `(下转…)` markers seen before any paragraph. */
	leading: ContinuationMarker[];
	/** `(上接…)` markers after the last paragraph: they belong to the next article. */
	trailing: ContinuationMarker[];
	leadingLines: number[];
	trailingLines: number[];
	/** Line breaks without a blank line that were joined inside a paragraph (hard wraps). */
	wrapJoins: number;
}

const ENDS_WITH_SEMICOLON = /[；;]$/;

/** A short numbered line such as `一、坚持问题导向`: a paragraph of its own. */
export function isSubhead(text: string): boolean {
	return (
		text.length <= 40 &&
		startsWithEnumerator(text) &&
		!hasSentenceEnd(text) &&
		!endsWithClausePunctuation(text)
	);
}

/** Whether `next` continues the paragraph whose last line is `prev`. */
export function continuesParagraph(prev: string, next: string, prevIsSingleLine: boolean): boolean {
	if (startsWithNonInitial(next)) return true;
	if (startsWithDispatch(next) || startsWithEnumerator(next)) return false;
	if (prevIsSingleLine && (isSubhead(prev) || looksLikeBylineLine(prev))) return false;
	if (startsWithBoxBullet(next) || (prevIsSingleLine && isBoxLabel(prev))) return false;
	if (startsWithDash(next) && ENDS_WITH_SEMICOLON.test(prev)) return false;
	return !endsSentence(prev, next);
}

/**
 * Some extractors keep paragraph indents and wrap lines at the column width. When a body mixes
 * indented and unindented lines, an indent opens a paragraph and an unindented line that
 * directly follows another is a wrapped continuation, even after a full stop.
 */
function usesIndentation(items: BodyItem[]): boolean {
	let indented = 0;
	let wrapped = 0;
	for (const item of items) {
		if (item.kind !== 'text') continue;
		if (item.indented) indented++;
		else if (!item.afterBlank) wrapped++;
	}
	return indented >= 2 && wrapped >= 1;
}

/** Hard-wrapped columns are this narrow at most (characters per printed line). */
const MAX_COLUMN_WIDTH = 40;
const MIN_COLUMN_WIDTH = 6;
/** At least this many lines, and this share of them at the column width, make a wrapped body. */
const MIN_WRAPPED_LINES = 5;
const WRAPPED_SHARE = 0.5;

/**
 * Some tools emit every printed line as a line of its own: many lines of about one length (the
 * column width) with no blank lines between them. Returns that width, or 0 when the body is
 * not hard-wrapped. One histogram pass: linear.
 */
export function wrappedColumnWidth(items: BodyItem[]): number {
	const counts = new Uint32Array(MAX_COLUMN_WIDTH + 2);
	let lines = 0;
	for (const item of items) {
		if (item.kind !== 'text' || item.subhead) continue;
		lines++;
		if (item.text.length <= MAX_COLUMN_WIDTH + 1) counts[item.text.length]++;
	}
	if (lines < MIN_WRAPPED_LINES) return 0;
	let width = 0;
	let best = 0;
	for (let w = MIN_COLUMN_WIDTH; w <= MAX_COLUMN_WIDTH; w++) {
		// a full line may be one longer: punctuation hanging in the margin
		const around = counts[w] + counts[w + 1];
		if (around > best) {
			best = around;
			width = w;
		}
	}
	return best >= WRAPPED_SHARE * lines ? width : 0;
}

/**
 * In a hard-wrapped body a line as wide as the column continues on the next line even after a
 * full stop (the sentence ended at the margin); a shorter line that ends a sentence ends the
 * paragraph.
 */
function continuesWrapped(prev: string, next: string, prevIsSingleLine: boolean, width: number) {
	if (prev.length >= width && !startsWithDispatch(next) && !startsWithEnumerator(next)) {
		return !(prevIsSingleLine && (isSubhead(prev) || looksLikeBylineLine(prev)));
	}
	return continuesParagraph(prev, next, prevIsSingleLine);
}

function continuesIndented(
	current: Paragraph,
	item: { text: string; indented?: boolean; afterBlank?: boolean }
): boolean {
	const prev = current.lastText;
	if (startsWithNonInitial(item.text)) return true;
	if (item.indented || startsWithDispatch(item.text)) return false;
	if (item.afterBlank) return continuesParagraph(prev, item.text, current.lineCount === 1);
	return !(current.lineCount === 1 && isSubhead(prev)) && !startsWithEnumerator(item.text);
}

/** Shared empty lists: most paragraphs carry no marker, so they allocate none. */
const NO_MARKERS: ContinuationMarker[] = [];
const NO_LINES: number[] = [];

export function buildParagraphs(items: BodyItem[]): BodyParagraphs {
	const indentation = usesIndentation(items);
	const width = indentation ? 0 : wrappedColumnWidth(items);
	let wrapJoins = 0;
	const paragraphs: Paragraph[] = [];
	const leading: ContinuationMarker[] = [];
	const leadingLines: number[] = [];
	let pendingFrom: ContinuationMarker[] = [];
	let pendingLines: number[] = [];
	let cut = false;
	let current: Paragraph | null = null;

	for (const item of items) {
		// the item opens a new paragraph when it is set here
		let opening: Exclude<BodyItem, { kind: 'marker' }> | null = null;
		let openingByline: Byline | null = null;
		if (item.kind === 'marker') {
			if (item.marker.direction === 'to') {
				if (current) {
					if (current.markers === NO_MARKERS) {
						current.markers = [];
						current.markerLines = [];
					}
					current.markers.push(item.marker);
					current.markerLines.push(item.line);
					current.closed = true;
					cut = true;
				} else {
					leading.push(item.marker);
					leadingLines.push(item.line);
				}
			} else {
				if (current) current.closed = true;
				pendingFrom.push(item.marker);
				pendingLines.push(item.line);
			}
		} else if (item.kind === 'byline') {
			opening = item;
			openingByline = item.byline;
		} else if (
			current !== null &&
			!current.closed &&
			item.subhead !== true &&
			pendingFrom.length === 0 &&
			(indentation
				? continuesIndented(current, item)
				: width > 0 && !item.afterBlank
					? continuesWrapped(current.lastText, item.text, current.lineCount === 1, width)
					: continuesParagraph(current.lastText, item.text, current.lineCount === 1))
		) {
			if (!item.afterBlank) wrapJoins++;
			if (current.parts === null) current.parts = [current.text];
			current.parts.push(item.text);
			current.lastText = item.text;
			current.lineCount++;
			current.last = item.line;
		} else {
			opening = item;
		}
		if (opening !== null) {
			// a new paragraph (written out here rather than in a closure: this runs per line)
			const { line, text } = opening;
			const byline = openingByline;
			const subhead = opening.kind === 'text' && opening.subhead === true;
			const hasPending = pendingFrom.length > 0;
			current = {
				text,
				parts: null,
				lastText: text,
				lineCount: 1,
				first: line,
				last: line,
				bylineLine: byline,
				strong: byline !== null || cut || hasPending || startsWithDispatch(text),
				markers: hasPending ? pendingFrom : NO_MARKERS,
				markerLines: hasPending ? pendingLines : NO_LINES,
				closed: byline !== null || subhead,
				subhead
			};
			if (hasPending) {
				pendingFrom = [];
				pendingLines = [];
			}
			cut = false;
			paragraphs.push(current);
		}
	}
	for (const p of paragraphs) {
		if (p.parts !== null) {
			p.text = p.parts.join('');
			p.parts = null;
		}
	}
	return {
		paragraphs,
		leading,
		trailing: pendingFrom,
		leadingLines,
		trailingLines: pendingLines,
		wrapJoins
	};
}
