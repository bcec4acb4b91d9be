/**
 * Splits an article's paragraphs into runs for display, marking ranges: the reader's
 * highlights and search hits. Marks may span paragraphs; overlapping ones are layered in
 * order, the later one winning where they overlap.
 */

/**
 * What a mark is, which decides how it looks and what clicking it does: a search hit, one of the
 * reader's highlights, or the sentence being read aloud.
 */
export type MarkKind = 'hit' | 'highlight' | 'speech';

export interface MarkSpan {
	id: string;
	kind: MarkKind;
	color: string;
	/** Start paragraph and offset, end paragraph and offset (exclusive). */
	paragraph: number;
	start: number;
	endParagraph: number;
	end: number;
}

export interface Run {
	text: string;
	/** Start offset of this run inside its paragraph. */
	offset: number;
	mark: { id: string; kind: MarkKind; color: string } | null;
}

export function markParagraphs(paragraphs: readonly string[], spans: readonly MarkSpan[]): Run[][] {
	return paragraphs.map((text, index) => {
		// Per character: which span covers it (index into spans), -1 for none.
		const owner = new Int32Array(text.length).fill(-1);
		spans.forEach((span, spanIndex) => {
			if (index < span.paragraph || index > span.endParagraph) return;
			const from = index === span.paragraph ? Math.max(0, span.start) : 0;
			const to = index === span.endParagraph ? Math.min(text.length, span.end) : text.length;
			for (let i = from; i < to; i++) owner[i] = spanIndex;
		});
		const runs: Run[] = [];
		let at = 0;
		while (at < text.length) {
			let next = at + 1;
			while (next < text.length && owner[next] === owner[at]) next++;
			const span = owner[at] >= 0 ? spans[owner[at]] : null;
			runs.push({
				text: text.slice(at, next),
				offset: at,
				mark: span ? { id: span.id, kind: span.kind, color: span.color } : null
			});
			at = next;
		}
		return runs;
	});
}
