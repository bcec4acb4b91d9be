/** Titles (markdown headings), kickers (引题) and subtitles (副题). */

import { parseAuthorLine, startsWithDispatch } from './byline';
import { isBoxLabel } from './labels';
import {
	endsWithClausePunctuation,
	hasSentenceEnd,
	startsWithEnumerator,
	startsWithNonInitial
} from './text';

export interface Heading {
	level: number;
	title: string;
}

function isSpace(ch: string | undefined): boolean {
	return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0';
}

/**
 * A markdown heading: `#`s then a space (or directly a non-ASCII character, as OCR tools
 * sometimes drop the space). The title loses only its marker, including closing `#`s.
 * Written by hand, not with a regex, so a 10 MB line cannot make it backtrack.
 */
export function parseHeading(line: string): Heading | null {
	if (line[0] !== '#') return null;
	let level = 0;
	while (line[level] === '#') level++;
	const next = line[level];
	if (next !== undefined && !isSpace(next) && next.charCodeAt(0) < 0x80) return null;
	let title = line.slice(level).trim();
	// closing sequence: `# Title ##`
	let end = title.length;
	while (end > 0 && title[end - 1] === '#') end--;
	if (end < title.length && (end === 0 || isSpace(title[end - 1])))
		title = title.slice(0, end).trim();
	return { level, title };
}

/** Column labels printed as headings above the real title (`## 短评`): they act as kickers. */
const COLUMN_LABEL =
	/^(?:短评|时评|快评|评论|社论|述评|本报评论员|评论员文章|今日谈|编者按|简讯|快讯|图片新闻|新闻观察|观察|一线|[\u4e00-\u9fff]{1,4}(?:短评|时评|快评|评论|观察|简讯))$/;

export function isColumnLabel(title: string): boolean {
	return COLUMN_LABEL.test(title);
}

/**
 * Could this unmarked line be a kicker or subtitle? Short, not a sentence, not a clause cut off
 * at a comma, not the start of a body (dispatch line, numbered item).
 */
const WHOLLY_PARENTHESISED = /^[(（][^()（）]*[)）]$/;
const DASH_START = /^(?:——|──|—|--|－－)/;

export function isTitleLike(text: string): boolean {
	if (text.length > 50 || isBoxLabel(text)) return false;
	if (hasSentenceEnd(text) || endsWithClausePunctuation(text)) return false;
	// `（完）`, `（记者 张三）`: asides closing an article, not display lines
	if (WHOLLY_PARENTHESISED.test(text)) return false;
	if (startsWithNonInitial(text) || startsWithEnumerator(text) || startsWithDispatch(text)) {
		return false;
	}
	// `张某  李某`: the authors closing the item above, not a kicker of the next title
	return parseAuthorLine(text) === null;
}

/** Subtitles often open with a dash: `——记汾河岸边的护林员`. */
export function startsWithDash(text: string): boolean {
	return DASH_START.test(text);
}
