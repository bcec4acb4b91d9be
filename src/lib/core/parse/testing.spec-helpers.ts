/** Test helpers (pure, like core): character accounting for the lossless guarantee. */
import type { ParsedDocument } from './types';

function countInto(counts: Map<string, number>, text: string | null | undefined, sign: 1 | -1) {
	if (!text) return;
	for (const ch of text) {
		if (/\s/.test(ch)) continue;
		counts.set(ch, (counts.get(ch) ?? 0) + sign);
	}
}

/**
 * Input characters that must appear in the output: everything but whitespace, a leading BOM
 * and heading markers (leading `#`s of a heading line and a closing `#` run after a space).
 */
export function countInputCharacters(text: string, counts = new Map<string, number>()) {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	for (const rawLine of body.split(/\r\n|\r|\n/)) {
		let line = rawLine.trim();
		const heading = /^#+(?=[ \t\u3000\u00a0]|$|[^\x00-\x7f])/.exec(line);
		if (heading) {
			line = line.slice(heading[0].length).trim();
			line = line.replace(/(^|[ \t\u3000\u00a0])#+$/, '$1');
		}
		countInto(counts, line, 1);
	}
	return counts;
}

/** Every text-bearing output field; derived fields (agency, reporters, dateline) are copies. */
export function countOutputCharacters(doc: ParsedDocument, counts = new Map<string, number>()) {
	countInto(counts, doc.page.header, -1);
	countInto(counts, doc.page.footer, -1);
	for (const f of doc.furniture ?? []) countInto(counts, f, -1);
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
	for (const [ch, n] of counts) if (n !== 0) errors[ch] = n;
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
