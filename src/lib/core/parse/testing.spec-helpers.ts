/** Test helpers (pure, like core): character accounting for the lossless guarantee. */
import type { ParsedDocument } from './types';

/** Exactly JavaScript's `\s`, by code: a regex per character is too slow for 10 MB pages. */
function isWhitespace(c: number): boolean {
	return (
		(c >= 9 && c <= 13) ||
		c === 32 ||
		c === 0xa0 ||
		c === 0x1680 ||
		(c >= 0x2000 && c <= 0x200a) ||
		c === 0x2028 ||
		c === 0x2029 ||
		c === 0x202f ||
		c === 0x205f ||
		c === 0x3000 ||
		c === 0xfeff
	);
}

function countInto(counts: Map<number, number>, text: string | null | undefined, sign: 1 | -1) {
	if (!text) return;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (isWhitespace(c)) continue;
		counts.set(c, (counts.get(c) ?? 0) + sign);
	}
}

/**
 * Input characters that must appear in the output: everything but whitespace, a leading BOM
 * and heading markers (leading `#`s of a heading line and a closing `#` run after a space).
 */
export function countInputCharacters(text: string, counts = new Map<number, number>()) {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	for (const rawLine of body.split(/\r\n|\r|\n/)) {
		let line = rawLine.trim();
		const heading = /^#+(?=[ \t\u3000\u00a0]|$|[\u0080-\uffff])/.exec(line);
		if (heading) {
			line = line.slice(heading[0].length).trim();
			line = line.replace(/(^|[ \t\u3000\u00a0])#+$/, '$1');
		}
		countInto(counts, line, 1);
	}
	return counts;
}

/** Every text-bearing output field; derived fields (agency, reporters, dateline) are copies. */
export function countOutputCharacters(doc: ParsedDocument, counts = new Map<number, number>()) {
	countInto(counts, doc.page.header, -1);
	countInto(counts, doc.page.footer, -1);
	for (const f of doc.furniture ?? []) countInto(counts, f, -1);
	for (const b of doc.blocks ?? []) countInto(counts, b.text, -1);
	for (const a of doc.articles) {
		countInto(counts, a.kicker, -1);
		countInto(counts, a.title, -1);
		countInto(counts, a.subtitle, -1);
		for (const p of a.paragraphs) countInto(counts, p, -1);
		for (const c of a.captions) countInto(counts, c, -1);
		for (const m of a.markers ?? []) countInto(counts, m, -1);
	}
	return counts;
}

/** Characters lost (positive) or duplicated/invented (negative); empty when lossless. */
export function accountingErrors(text: string, doc: ParsedDocument): Record<string, number> {
	const counts = countOutputCharacters(doc, countInputCharacters(text));
	const errors: Record<string, number> = {};
	for (const [c, n] of counts) if (n !== 0) errors[String.fromCharCode(c)] = n;
	return errors;
}

/** The parts of `actual` named in `expected` (recursively), for a field-for-field comparison. */
export function pickExpectedShape(expected: unknown, actual: unknown): unknown {
	if (Array.isArray(expected)) {
		if (!Array.isArray(actual)) return actual;
		return actual.map((a, i) => (i < expected.length ? pickExpectedShape(expected[i], a) : a));
	}
	if (expected !== null && typeof expected === 'object') {
		if (actual === null || typeof actual !== 'object') return actual;
		const out: Record<string, unknown> = {};
		for (const key of Object.keys(expected)) {
			out[key] = pickExpectedShape(
				(expected as Record<string, unknown>)[key],
				(actual as Record<string, unknown>)[key]
			);
		}
		return out;
	}
	return actual;
}
