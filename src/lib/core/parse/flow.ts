/** The data passed between the parser's stages, and small helpers they share. */

import type { Byline } from './byline';
import type { ContinuationMarker } from './markers';
import type { Paragraph } from './paragraphs';
import type { SourceLine } from './text';

/** One classified line (or piece of a line cut around a continuation marker), in page order. */
export type FlowItem =
	| { kind: 'heading'; line: number; level: number; title: string }
	| SourceLine
	| { kind: 'byline'; line: number; text: string; byline: Byline }
	| { kind: 'marker'; line: number; marker: ContinuationMarker };

/** A title with the kicker above it and the subtitle below it. */
export interface TitleBlock {
	/** Markdown heading level; 0 for a title inferred without a heading. */
	level: number;
	title: string;
	kicker: string | null;
	subtitle: string | null;
	lines: number[];
}

/** A photo caption line, placed in the nearest article once articles exist. */
export interface Caption {
	text: string;
	line: number;
}

/** An article before its fields are read off: its title block, paragraphs and markers. */
export interface Draft {
	titleBlock: TitleBlock | null;
	paragraphs: Paragraph[];
	/** Markers not inside any paragraph (on their own line before/after the body). */
	markers: ContinuationMarker[];
	markerLines: number[];
	captions: string[];
}

export function emptyDraft(titleBlock: TitleBlock): Draft {
	return { titleBlock, paragraphs: [], markers: [], markerLines: [], captions: [] };
}

/** Pushes every item without spreading: a hostile page can have a million markers. */
export function append<T>(target: T[], items: readonly T[]): void {
	for (const item of items) target.push(item);
}

/** [min, max] without spreading (a body may have a million lines). */
export function span(numbers: number[]): [number, number] {
	if (numbers.length === 0) return [0, 0];
	let min = numbers[0];
	let max = numbers[0];
	for (const n of numbers) {
		if (n < min) min = n;
		if (n > max) max = n;
	}
	return [min, max];
}
