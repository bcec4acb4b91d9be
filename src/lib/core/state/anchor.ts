/**
 * Highlight anchoring. A highlight remembers its paragraph and offsets, and also the quoted text
 * with some context before and after. When the article's text changes (a better parser joins or
 * splits paragraphs differently, a typo is fixed nearby) the quote is searched for again in the
 * whole article, across paragraph boundaries, and the occurrence whose context fits best wins.
 *
 * Matching ignores whitespace and folds full-width ASCII to half-width, because those are what
 * re-parsing changes most (line joins, indentation, `，` vs `,`), while the characters a reader
 * highlighted stay the same.
 */
import type { HighlightAnchor } from './types';

/** Characters of context kept on each side of the quote. */
export const ANCHOR_CONTEXT = 32;

export interface ResolvedAnchor {
	/** Paragraph where the highlight starts. */
	paragraph: number;
	start: number;
	/** Paragraph where it ends: differs from `paragraph` when a re-parse split the quote. */
	endParagraph: number;
	/** End offset inside `endParagraph` (exclusive). */
	end: number;
	/** True when the stored paragraph and offsets still hold the quote there. */
	exact: boolean;
}

function isHigh(c: number): boolean {
	return c >= 0xd800 && c <= 0xdbff;
}

/**
 * A highlight of paragraphs[paragraphIndex].slice(start, end), or null for an empty or
 * impossible selection. Offsets are clamped and never split a surrogate pair.
 */
export function createAnchor(
	paragraphs: readonly string[],
	paragraphIndex: number,
	start: number,
	end: number
): HighlightAnchor | null {
	if (!Number.isInteger(paragraphIndex) || paragraphIndex < 0) return null;
	if (paragraphIndex >= paragraphs.length) return null;
	const p = paragraphs[paragraphIndex];
	let s = Math.max(0, Math.min(p.length, Math.floor(Math.min(start, end))));
	let e = Math.max(0, Math.min(p.length, Math.ceil(Math.max(start, end))));
	if (!Number.isFinite(s) || !Number.isFinite(e)) return null;
	if (s > 0 && isHigh(p.charCodeAt(s - 1))) s--;
	if (e > 0 && e < p.length && isHigh(p.charCodeAt(e - 1))) e++;
	const quote = p.slice(s, e);
	if (fold(quote).text.length === 0) return null;
	let before = 0;
	for (let i = 0; i < paragraphIndex; i++) before += paragraphs[i].length + 1;
	const full = paragraphs.join('\n');
	const gs = before + s;
	const ge = before + e;
	return {
		paragraph: paragraphIndex,
		start: s,
		end: e,
		quote,
		prefix: full.slice(Math.max(0, gs - ANCHOR_CONTEXT), gs),
		suffix: full.slice(ge, ge + ANCHOR_CONTEXT)
	};
}

interface Folded {
	text: string;
	/** For each folded character: its paragraph and offset in the source. */
	para: Int32Array;
	offset: Int32Array;
}

/** Whitespace (including U+3000 and BOM) is dropped; full-width ASCII becomes half-width. */
function foldChar(c: number): number {
	if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
	return c;
}

const SPACE = /\s/;

function fold(s: string): Folded {
	return foldParagraphs([s]);
}

function foldParagraphs(paragraphs: readonly string[]): Folded {
	let total = 0;
	for (const p of paragraphs) total += p.length;
	const para = new Int32Array(total);
	const offset = new Int32Array(total);
	const out: string[] = [];
	let n = 0;
	for (let pi = 0; pi < paragraphs.length; pi++) {
		const p = paragraphs[pi];
		for (let i = 0; i < p.length; i++) {
			const ch = p[i];
			if (SPACE.test(ch)) continue;
			out.push(String.fromCharCode(foldChar(p.charCodeAt(i))));
			para[n] = pi;
			offset[n] = i;
			n++;
		}
	}
	return { text: out.join(''), para: para.subarray(0, n), offset: offset.subarray(0, n) };
}

function commonSuffix(a: string, b: string, bEnd: number): number {
	let n = 0;
	while (n < a.length && n < bEnd && a[a.length - 1 - n] === b[bEnd - 1 - n]) n++;
	return n;
}

function commonPrefix(a: string, b: string, bStart: number): number {
	let n = 0;
	while (n < a.length && bStart + n < b.length && a[n] === b[bStart + n]) n++;
	return n;
}

/** Index in the folded text of the first folded character at or after (paragraph, offset). */
function foldedIndexOf(f: Folded, paragraph: number, offset: number): number {
	let lo = 0;
	let hi = f.text.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (f.para[mid] < paragraph || (f.para[mid] === paragraph && f.offset[mid] < offset))
			lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/**
 * Finds the highlight in the article's current paragraphs, or null when its quote is no longer
 * there (the UI then says the highlight cannot be placed).
 */
export function resolveAnchor(
	paragraphs: readonly string[],
	anchor: HighlightAnchor
): ResolvedAnchor | null {
	return resolveIn(foldParagraphs(paragraphs), paragraphs, anchor);
}

/** Many highlights of one article at once: the article text is prepared only once. */
export function resolveAnchors(
	paragraphs: readonly string[],
	anchors: readonly HighlightAnchor[]
): (ResolvedAnchor | null)[] {
	// Most articles have no highlights: folding the whole text for none costs the first render.
	if (anchors.length === 0) return [];
	const f = foldParagraphs(paragraphs);
	return anchors.map((a) => resolveIn(f, paragraphs, a));
}

function resolveIn(
	f: Folded,
	paragraphs: readonly string[],
	anchor: HighlightAnchor
): ResolvedAnchor | null {
	const q = fold(anchor.quote).text;
	if (q.length === 0) return null;
	const prefix = fold(anchor.prefix).text;
	const suffix = fold(anchor.suffix).text;
	const original = paragraphs[anchor.paragraph];
	const stillThere =
		original !== undefined && original.slice(anchor.start, anchor.end) === anchor.quote;
	// Where the quote used to start; a tie in context goes to the occurrence nearest to it.
	const expected =
		anchor.paragraph < paragraphs.length
			? foldedIndexOf(f, anchor.paragraph, anchor.start)
			: f.text.length;

	let best = -1;
	let bestScore = -1;
	let bestDistance = Infinity;
	for (let i = f.text.indexOf(q); i !== -1; i = f.text.indexOf(q, i + 1)) {
		const score = commonSuffix(prefix, f.text, i) + commonPrefix(suffix, f.text, i + q.length);
		const distance = Math.abs(i - expected);
		if (score > bestScore || (score === bestScore && distance < bestDistance)) {
			best = i;
			bestScore = score;
			bestDistance = distance;
		}
	}
	if (best === -1) return null;

	if (stillThere && best === expected) {
		return {
			paragraph: anchor.paragraph,
			start: anchor.start,
			endParagraph: anchor.paragraph,
			end: anchor.end,
			exact: true
		};
	}
	const last = best + q.length - 1;
	return {
		paragraph: f.para[best],
		start: f.offset[best],
		endParagraph: f.para[last],
		end: f.offset[last] + 1,
		exact: false
	};
}
