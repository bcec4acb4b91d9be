/**
 * Sentences for reading aloud, as offset ranges into the text they come from, so the sentence
 * being read can be marked in its paragraph like a highlight.
 */

export interface SentenceRange {
	/** Offset of the sentence's first character. */
	start: number;
	/** Offset just past its last character (closing quotes included). */
	end: number;
}

const ENDS = new Set(['。', '！', '？', '!', '?', '…']);
/** Closing quotes and brackets that belong to the sentence they close: `“好。”` is one sentence. */
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '〉', '】', '〕', '］']);
const SPACE = /[\s\u3000]/;
const SPOKEN = /[\p{L}\p{N}]/u;

/**
 * Splits text after 。！？ (full or half width) and ellipses (……), with any closing quotes or
 * brackets that follow; runs of them (`？！`, `……。`) end one sentence. Space around sentences
 * is left out of their ranges; a piece with nothing to say (a stray `”` or `……`) joins the
 * sentence before it.
 */
export function splitSentences(text: string): SentenceRange[] {
	const sentences: SentenceRange[] = [];
	const push = (from: number, to: number) => {
		while (from < to && SPACE.test(text[from])) from++;
		while (to > from && SPACE.test(text[to - 1])) to--;
		if (from === to) return;
		const last = sentences[sentences.length - 1];
		if (!SPOKEN.test(text.slice(from, to))) {
			if (last) last.end = to;
			return;
		}
		sentences.push({ start: from, end: to });
	};
	let start = 0;
	let at = 0;
	while (at < text.length) {
		if (!ENDS.has(text[at])) {
			at++;
			continue;
		}
		while (at < text.length && ENDS.has(text[at])) at++;
		while (at < text.length && CLOSERS.has(text[at])) at++;
		push(start, at);
		start = at;
	}
	push(start, text.length);
	return sentences;
}
