/** Character classes and line splitting shared by the parser's stages. */

/**
 * A non-blank source line, trimmed. Shaped as the parser's text item so that most lines flow on
 * as they are, without a copy.
 */
export interface SourceLine {
	kind: 'text';
	/** 1-based line number. */
	line: number;
	text: string;
	/** The whole line (not a piece cut around a continuation marker). */
	whole: boolean;
	/** Starts with an indent (two spaces, a tab or a full-width space): a paragraph opening. */
	indented: boolean;
	/** A blank line came right before it. */
	afterBlank: boolean;
	/** A subhead (小标题) inside an article: a paragraph of its own. */
	subhead?: boolean;
}

/**
 * Splits on CRLF, CR or LF and keeps only non-blank lines (trimmed). Blank lines carry no
 * meaning of their own: a column break and a paragraph break look the same, so the
 * paragraph rules decide from the text on either side instead.
 */
export function splitNonBlankLines(text: string): SourceLine[] {
	const out: SourceLine[] = [];
	const raw = text.split(/\r\n|\r|\n/);
	let blank = false;
	for (let i = 0; i < raw.length; i++) {
		const line = raw[i];
		const trimmed = line.length === 0 ? line : line.trim();
		if (trimmed.length === 0) {
			blank = true;
			continue;
		}
		const first = line.charCodeAt(0);
		const indented = first === 0x3000 || first === 9 || (first === 32 && line.charCodeAt(1) === 32);
		out.push({
			kind: 'text',
			line: i + 1,
			text: trimmed,
			whole: true,
			indented,
			afterBlank: blank
		});
		blank = false;
	}
	return out;
}

/** Character codes of `chars` (all in the BMP): tested with charCodeAt, which allocates nothing. */
function codes(chars: string): Set<number> {
	const set = new Set<number>();
	for (let i = 0; i < chars.length; i++) set.add(chars.charCodeAt(i));
	return set;
}

/** Sentence-final marks that end a paragraph outright. */
const SENTENCE_END = codes('。！？!?…｡');
/** Marks that end a sentence unless they split a number (`5.` / `2%`, `10:` / `30`). */
const SOFT_END = codes('.．:：');
/** Closing quotes and brackets: they follow the mark that really ends a sentence. */
const CLOSERS = codes('”’」』）)》〉】]〕｝}"\'');
/** Characters that cannot begin a paragraph, so a line starting with one continues the last. */
const NON_INITIAL = codes('，、。；：？！,;:?!）)」』”’》〉】]〕');

/** ASCII or full-width digit, by character code (NaN, past the end, is not). */
export function isDigit(c: number): boolean {
	return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

export function isAsciiLetter(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isHan(code: number): boolean {
	return (
		(code >= 0x4e00 && code <= 0x9fff) ||
		(code >= 0x3400 && code <= 0x4dbf) ||
		(code >= 0xf900 && code <= 0xfaff) ||
		code === 0x3007
	);
}

/**
 * Whether a line ending in `text` finishes a sentence. `next` is the following line, used only
 * to tell a number split across a break (`5.` / `2%`) from a full stop.
 */
export function endsSentence(text: string, next?: string): boolean {
	// peel at most a few trailing asides/bold marks: bounded, so `（）（）…` cannot recurse deeply
	for (let depth = 0; depth < 3; depth++) {
		const verdict = endsSentenceOnce(text, next);
		if (verdict !== null) return verdict;
		if (text.charCodeAt(text.length - 1) === 0x2a) {
			text = text.slice(0, -2);
			continue;
		}
		const open = Math.max(text.lastIndexOf('（'), text.lastIndexOf('('));
		if (open === 0) return true;
		if (open < 0) return false;
		text = text.slice(0, open);
	}
	return false;
}

/** true/false when the last character decides; null when a trailing aside must be peeled. */
function endsSentenceOnce(text: string, next?: string): boolean | null {
	let i = text.length - 1;
	while (i >= 0 && CLOSERS.has(text.charCodeAt(i))) i--;
	if (i < 0) return false;
	const c = text.charCodeAt(i);
	if (SENTENCE_END.has(c)) return true;
	if (SOFT_END.has(c)) {
		if (isDigit(text.charCodeAt(i - 1)) && next !== undefined && isDigit(next.charCodeAt(0))) {
			return false;
		}
		return true;
	}
	// a closing aside after a finished sentence, or one standing alone: `……。（作者系…）`, `（完）`
	const last = text.charCodeAt(text.length - 1);
	if (last === 0xff09 || last === 0x29 || (last === 0x2a && text.endsWith('**'))) return null;
	return false;
}

/** Whether the text contains a sentence-final mark anywhere (prose rather than a title). */
export function hasSentenceEnd(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		// 。！？；;
		if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x3b) return true;
	}
	return false;
}

export function startsWithNonInitial(text: string): boolean {
	return NON_INITIAL.has(text.charCodeAt(0));
}

/** Clause-level punctuation a title-like line may not end with. */
const CLAUSE_END = codes('，,、；;：:.．');

export function endsWithClausePunctuation(text: string): boolean {
	const c = text.charCodeAt(text.length - 1);
	return CLAUSE_END.has(c) || SENTENCE_END.has(c);
}

const ENUMERATOR =
	/^(?:[一二三四五六七八九十百]{1,4}、|[(（][一二三四五六七八九十]{1,3}[)）]|[(（]\d{1,2}[)）]|[0-9０-９]{1,2}[、．.](?![0-9０-９])|[①-⑳]|第[一二三四五六七八九十]{1,3}[条章节]|[·•●■◆▪*+-]\s|\*\*|[一二三四五六七八九十]是|其[一二三四五六七八九十][，,、：:])/;

const ENUMERATOR_FIRST = codes(
	'一二三四五六七八九十百(（0123456789０１２３４５６７８９①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳第·•●■◆▪*+-其'
);

/** Numbered subheads and list items (`一、`, `（二）`, `3.`, `①`, bullets) start a paragraph. */
export function startsWithEnumerator(text: string): boolean {
	// most lines fail on their first character, before the regex runs
	return ENUMERATOR_FIRST.has(text.charCodeAt(0)) && ENUMERATOR.test(text);
}

/** Converts full-width and Chinese numerals (up to 99) to a number; NaN when not a numeral. */
export function numeralValue(text: string): number {
	let ascii = '';
	for (const ch of text) {
		const c = ch.charCodeAt(0);
		if (c >= 0xff10 && c <= 0xff19) ascii += String.fromCharCode(c - 0xff10 + 48);
		else ascii += ch;
	}
	if (/^\d+$/.test(ascii)) return Number(ascii);
	const digits = '〇一二三四五六七八九';
	if (/^[〇一二三四五六七八九十]{1,3}$/.test(ascii)) {
		const ten = ascii.indexOf('十');
		if (ten < 0) return ascii.length === 1 ? digits.indexOf(ascii) : NaN;
		const tens = ten === 0 ? 1 : digits.indexOf(ascii[0]);
		const ones = ten === ascii.length - 1 ? 0 : digits.indexOf(ascii[ten + 1]);
		return tens * 10 + ones;
	}
	return NaN;
}
