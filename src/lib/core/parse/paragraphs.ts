/**
 * Rebuilding paragraphs from lines. A blank line in extracted text may be a paragraph break or
 * a column break that fell anywhere — mid-word, after a comma, before an opening quote. The
 * rule: a break after a finished sentence is a paragraph break; any other break is a column
 * break, and the pieces are rejoined with nothing in between.
 */

import { startsWithDispatch, type Byline } from './byline';
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
	| { kind: 'text'; line: number; text: string; indented?: boolean; afterBlank?: boolean }
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
	/** No more lines may join: it ended at a marker, or is a byline line. */
	closed: boolean;
}

export interface BodyParagraphs {
	paragraphs: Paragraph[];
	/** `(下转…)` markers seen before any paragraph. */
	leading: ContinuationMarker[];
	/** `(上接…)` markers after the last paragraph: they belong to the next article. */
	trailing: ContinuationMarker[];
	leadingLines: number[];
	trailingLines: number[];
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
	if (prevIsSingleLine && isSubhead(prev)) return false;
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
			pendingFrom.length === 0 &&
			(indentation
				? continuesIndented(current, item)
				: continuesParagraph(current.lastText, item.text, current.lineCount === 1))
		) {
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
				closed: byline !== null
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
		trailingLines: pendingLines
	};
}
