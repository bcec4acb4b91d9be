/**
 * Vertical writing (竖排) display transforms.
 *
 * A number of one or two digits is set upright in one cell (tate-chū-yoko,
 * `text-combine-upright: all`); longer numbers and Latin stay sideways. Chromium does not
 * implement `text-combine-upright: digits 2`, so the text is split here.
 *
 * Curly quotes have no upright vertical form that every engine draws (WebKit leaves “ ” lying
 * on their side), so vertical text shows them as corner brackets, as vertical Chinese
 * typesetting does: “” → 「」 and ‘’ → 『』. The swap is one UTF-16 unit for one, so offsets
 * measured in the shown text (selections, highlights, search hits) are offsets in the source.
 */
export interface VerticalSegment {
	text: string;
	upright: boolean;
}

const SHORT_NUMBER = /(?<![0-9０-９.])[0-9]{1,2}(?![0-9０-９.%])/g;

export function splitForVertical(text: string): VerticalSegment[] {
	const segments: VerticalSegment[] = [];
	let last = 0;
	for (const match of text.matchAll(SHORT_NUMBER)) {
		const at = match.index ?? 0;
		if (at > last) segments.push({ text: text.slice(last, at), upright: false });
		segments.push({ text: match[0], upright: true });
		last = at + match[0].length;
	}
	if (last < text.length || segments.length === 0) {
		segments.push({ text: text.slice(last), upright: false });
	}
	return segments;
}

const VERTICAL_FORMS: Readonly<Record<string, string>> = {
	'\u201c': '「',
	'\u201d': '」',
	'\u2018': '『',
	'\u2019': '』'
};
const HAS_CURLY_QUOTE = /[\u2018\u2019\u201c\u201d]/;
const CURLY_QUOTE = /[\u2018\u2019\u201c\u201d]/g;

/** The text as vertical writing shows it: curly quotes as corner brackets, same length. */
export function toVerticalForms(text: string): string {
	return HAS_CURLY_QUOTE.test(text) ? text.replace(CURLY_QUOTE, (q) => VERTICAL_FORMS[q]) : text;
}

/**
 * Undoes `toVerticalForms` on a stretch of shown text, given the source text at the same
 * offsets: a corner bracket becomes the source's quote again only where the source had that
 * quote, so brackets the source itself used stay brackets. Copying keeps the source's marks.
 */
export function restoreVerticalForms(shown: string, source: string): string {
	let restored = '';
	for (let i = 0; i < shown.length; i++) {
		const original = source[i];
		restored +=
			original !== undefined && VERTICAL_FORMS[original] === shown[i] ? original : shown[i];
	}
	return restored;
}
