/**
 * In vertical writing (竖排) a number of one or two digits is set upright in one cell
 * (tate-chū-yoko, `text-combine-upright: all`); longer numbers and Latin stay sideways.
 * Chromium does not implement `text-combine-upright: digits 2`, so the text is split here.
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
