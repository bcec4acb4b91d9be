/**
 * What reading an article aloud says, in the order a newspaper is read aloud: kicker, title,
 * subtitle, then the body sentence by sentence (a long one in pieces); its continuations on
 * other pages follow with their bodies only. Bylines, captions and (下转…) markers are not
 * read; a subhead is read without its numbering (一、 1. （一）).
 */

import type { Article } from '../parse/types';
import { looksLikeBylineLine, parseClosingCredit } from '../parse/byline';
import { splitMarkers } from '../parse/markers';
import { splitSentences } from './sentences';

/** What reading needs of an article: a parsed one fits. */
export type ReadablePart = Pick<
	Article,
	'kicker' | 'title' | 'subtitle' | 'paragraphs' | 'subheads'
>;

export type SpokenBlock = 'kicker' | 'title' | 'subtitle' | 'body';

export interface SpokenSentence {
	/** Index of the part (the article, then its continuations) the sentence is in. */
	part: number;
	block: SpokenBlock;
	/** For the body, the paragraph's index in the part's `paragraphs`; null for a heading. */
	paragraph: number | null;
	/** Where the sentence is in its paragraph or heading, to mark it while it is read. */
	start: number;
	end: number;
	/** What is said: the sentence without markers. */
	text: string;
}

// The numbering a subhead is printed with, not read: 一、 二． （三） (4) 5. 6、
const SUBHEAD_NUMBER =
	/^[\s\u3000]*(?:[（(][一二三四五六七八九十百零〇\d０-９]{1,4}[)）]|[一二三四五六七八九十百零〇]{1,4}[、．.]|[\d０-９]{1,3}(?:[、．]|\.(?![\d０-９])))[\s\u3000]*/;

const SPOKEN = /[\p{L}\p{N}]/u;

/**
 * The longest piece said as one utterance. Chrome's online voices stop after about 15 seconds
 * without ending the utterance, which would leave reading stuck; a long sentence is said in
 * pieces broken after a clause mark (，；：、), or at this length where it has none.
 */
export const MAX_UTTERANCE = 60;
const CLAUSE_ENDS = new Set(['，', '；', '：', '、', ',', ';', ':']);

/** Splits `[start, end)` of `text` into pieces of at most `MAX_UTTERANCE` characters. */
function utterancePieces(text: string, start: number, end: number): [number, number][] {
	const pieces: [number, number][] = [];
	let from = start;
	while (end - from > MAX_UTTERANCE) {
		let cut = from + MAX_UTTERANCE;
		for (let i = cut - 1; i > from + MAX_UTTERANCE / 3; i--)
			if (CLAUSE_ENDS.has(text[i])) {
				cut = i + 1;
				break;
			}
		pieces.push([from, cut]);
		from = cut;
	}
	pieces.push([from, end]);
	return pieces;
}

/** Where a subhead's words start after its numbering (0 when it has none). */
export function subheadTextStart(subhead: string): number {
	const match = SUBHEAD_NUMBER.exec(subhead);
	return match && match[0].length < subhead.length ? match[0].length : 0;
}

// `（完）`, `(待续)`: printed to close an article or an instalment, not read aloud.
const CLOSING_ASIDE = /[（(]\s*(?:完|待续|待續|续完|續完)\s*[）)]/g;

function withoutMarkers(text: string): string {
	return splitMarkers(text)
		.map((piece) => (piece.kind === 'text' ? piece.text : ''))
		.join('')
		.replace(CLOSING_ASIDE, '')
		.trim();
}

function isByline(paragraph: string): boolean {
	const text = paragraph.trim();
	return looksLikeBylineLine(text) || parseClosingCredit(text) !== null;
}

function heading(part: number, block: SpokenBlock, value: string | null): SpokenSentence[] {
	if (!value) return [];
	const start = value.length - value.trimStart().length;
	const end = value.trimEnd().length;
	const text = withoutMarkers(value.slice(start, end));
	return SPOKEN.test(text) ? [{ part, block, paragraph: null, start, end, text }] : [];
}

function body(part: number, article: ReadablePart): SpokenSentence[] {
	const sentences: SpokenSentence[] = [];
	const subheads = new Set(article.subheads);
	article.paragraphs.forEach((paragraph, index) => {
		if (isByline(paragraph)) return;
		const from = subheads.has(index) ? subheadTextStart(paragraph) : 0;
		for (const range of splitSentences(paragraph.slice(from)))
			for (const [start, end] of utterancePieces(paragraph, from + range.start, from + range.end)) {
				const text = withoutMarkers(paragraph.slice(start, end));
				if (SPOKEN.test(text))
					sentences.push({ part, block: 'body', paragraph: index, start, end, text });
			}
	});
	return sentences;
}

/**
 * Every sentence to read, in order. A continuation (every part after the first) repeats its
 * story's title at most, so only its body is read.
 */
export function readingPlan(parts: readonly ReadablePart[]): SpokenSentence[] {
	return parts.flatMap((article, part) => [
		...(part === 0
			? [
					...heading(part, 'kicker', article.kicker),
					...heading(part, 'title', article.title),
					...heading(part, 'subtitle', article.subtitle)
				]
			: []),
		...body(part, article)
	]);
}

/**
 * The sentence to start from for a reading position (`offset` characters into paragraph
 * `paragraph` of part `part`): the body sentence that holds it, or the next one after it.
 * 0 (from the top) when the position is at the very start or past the end.
 */
export function sentenceAt(
	plan: readonly SpokenSentence[],
	place: { part: number; paragraph: number; offset: number }
): number {
	if (place.part === 0 && place.paragraph === 0 && place.offset === 0) return 0;
	const found = plan.findIndex(
		(s) =>
			s.paragraph !== null &&
			(s.part > place.part ||
				(s.part === place.part &&
					(s.paragraph > place.paragraph ||
						(s.paragraph === place.paragraph && s.end > place.offset))))
	);
	return found < 0 ? 0 : found;
}
