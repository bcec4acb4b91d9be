/**
 * The normalisation both sides of search share: the indexed text and every query term go through
 * exactly this function, so "term occurs in article" means "normalize(term) is a substring of
 * normalize(text)".
 *
 * Per character (a code point plus any combining marks that follow it):
 * - NFKC, which also folds full-width ASCII to half-width and half-width katakana to full-width;
 * - case folding (upper then lower, so `ß` → `ss` and `ς` → `σ`);
 * - simplified/traditional folding: every character of an OpenCC character class (traditional,
 *   simplified, Taiwan and Hong Kong variants) becomes one representative, the simplified form;
 * - whitespace, control characters and default-ignorable characters (zero-width space, soft
 *   hyphen, variation selectors) are dropped, so line breaks inside the source never split a word.
 *
 * The mapping works character by character, so the normalised text of a concatenation is the
 * concatenation of the normalised parts, and every output code unit can be mapped back to the
 * source character it came from (for snippets and highlighting).
 */

import TSCharacters from 'opencc-js/dict/TSCharacters';
import STCharacters from 'opencc-js/dict/STCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';

/** Normalised text plus, per output code unit, the source range of the character it came from. */
export interface NormalizedText {
	text: string;
	/** `toSource[i]`: start (UTF-16 offset) in the source of the character behind `text[i]`. */
	toSource: Int32Array;
	/** `toSourceEnd[i]`: end (exclusive) in the source of the character behind `text[i]`. */
	toSourceEnd: Int32Array;
}

const IGNORABLE = /[\s\p{Cc}\p{Default_Ignorable_Code_Point}]/u;
const MARK = /^\p{M}$/u;

/** Character → representative of its simplified/traditional class. */
const FOLD: Map<string, string> = buildFold();

function buildFold(): Map<string, string> {
	const parent = new Map<string, string>();
	const find = (x: string): string => {
		let root = x;
		for (let p = parent.get(root); p !== undefined && p !== root; p = parent.get(root)) root = p;
		// Path compression keeps later finds short.
		for (let y = x; y !== root;) {
			const next = parent.get(y) as string;
			parent.set(y, root);
			y = next;
		}
		return root;
	};
	const members = new Set<string>();
	const union = (a: string, b: string) => {
		members.add(a);
		members.add(b);
		const ra = find(a);
		const rb = find(b);
		if (ra !== rb) parent.set(ra, rb);
	};
	// Characters that are the simplified image of a traditional one: preferred representatives.
	const simplifiedTargets = new Map<string, number>();
	const traditionalKeys = new Set<string>();
	const entries = (dict: string) =>
		dict
			.split('|')
			.map((entry) => entry.split(' ').map((ch) => ch.normalize('NFKC')))
			.filter((chars) => chars.every((ch) => [...ch].length === 1));
	for (const [key, ...values] of entries(TSCharacters)) {
		traditionalKeys.add(key);
		simplifiedTargets.set(values[0], (simplifiedTargets.get(values[0]) ?? 0) + 1);
		for (const value of values) union(key, value);
	}
	for (const dict of [STCharacters, TWVariantsRev, HKVariantsRev]) {
		for (const [key, ...values] of entries(dict)) for (const value of values) union(key, value);
	}
	const classes = new Map<string, string[]>();
	for (const ch of members) {
		const root = find(ch);
		const list = classes.get(root);
		if (list) list.push(ch);
		else classes.set(root, [ch]);
	}
	const fold = new Map<string, string>();
	const rank = (ch: string): [number, number, number] => [
		traditionalKeys.has(ch) ? 1 : 0,
		-(simplifiedTargets.get(ch) ?? 0),
		ch.codePointAt(0) as number
	];
	for (const list of classes.values()) {
		let best = list[0];
		for (const ch of list) {
			const a = rank(ch);
			const b = rank(best);
			if (a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2]))))
				best = ch;
		}
		for (const ch of list) if (ch !== best) fold.set(ch, best);
	}
	return fold;
}

function foldOnce(s: string): string {
	const t = s.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
	let out = '';
	for (const ch of t) {
		if (IGNORABLE.test(ch)) continue;
		out += FOLD.get(ch) ?? ch;
	}
	return out;
}

/**
 * The full pipeline on one character (or one base character with its combining marks), repeated
 * until stable so that normalising normalised text changes nothing (`ẞ` → `ß` → `ss`).
 */
function foldString(s: string): string {
	let out = foldOnce(s);
	for (let k = 0; k < 4; k++) {
		const next = foldOnce(out);
		if (next === out) break;
		out = next;
	}
	// A mark left at the front (￣ folds to a lone combining macron) would join the character
	// before it when the output is normalised again: drop it, so normalising is idempotent.
	let lead = 0;
	while (lead < out.length) {
		const cp = codePointAt(out, lead);
		if (!isMark(cp)) break;
		lead += cp > 0xffff ? 2 : 1;
	}
	return lead === 0 ? out : out.slice(lead);
}

// Lazily filled caches for BMP code points: most text uses a few thousand distinct characters.
// SINGLE[cp]: 0 unknown, -1 maps to nothing, -2 maps to several code units (see MULTI),
// otherwise the single output code unit + 1.
const SINGLE = new Int32Array(0x10000);
const MULTI = new Map<number, string>();
// MARK_BMP[cp]: 0 unknown, 1 not a combining mark, 2 combining mark.
const MARK_BMP = new Uint8Array(0x10000);

function isMark(cp: number): boolean {
	if (cp < 0x300) return false;
	if (cp < 0x10000) {
		let m = MARK_BMP[cp];
		if (m === 0) {
			m = MARK.test(String.fromCharCode(cp)) ? 2 : 1;
			MARK_BMP[cp] = m;
		}
		return m === 2;
	}
	return MARK.test(String.fromCodePoint(cp));
}

function mapCodePoint(cp: number): string {
	if (cp < 0x10000) {
		const s = SINGLE[cp];
		if (s > 0) return String.fromCharCode(s - 1);
		if (s === -1) return '';
		if (s === -2) return MULTI.get(cp) as string;
	} else {
		const cached = MULTI.get(cp);
		if (cached !== undefined) return cached;
	}
	const mapped = foldString(String.fromCodePoint(cp));
	if (cp < 0x10000 && mapped.length <= 1) {
		SINGLE[cp] = mapped.length === 0 ? -1 : mapped.charCodeAt(0) + 1;
	} else {
		if (cp < 0x10000) SINGLE[cp] = -2;
		MULTI.set(cp, mapped);
	}
	return mapped;
}

function codePointAt(text: string, i: number): number {
	const c = text.charCodeAt(i);
	if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
		const d = text.charCodeAt(i + 1);
		if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
	}
	return c;
}

function decode(units: Uint16Array, length: number): string {
	let out = '';
	for (let i = 0; i < length; i += 8192) {
		const chunk = units.subarray(i, Math.min(length, i + 8192));
		out += String.fromCharCode.apply(null, chunk as unknown as number[]);
	}
	return out;
}

/** Normalises whole characters of `source` until `until` code units are out or it ends. */
function run(
	source: string,
	withMap: boolean,
	until = Infinity
): NormalizedText & { complete: boolean } {
	const n = source.length;
	const room = Math.min(n, until) + 8;
	let units: Uint16Array = new Uint16Array(room);
	let starts: Int32Array = withMap ? new Int32Array(room) : new Int32Array(0);
	let ends: Int32Array = withMap ? new Int32Array(room) : new Int32Array(0);
	let length = 0;
	let i = 0;
	while (i < n && length < until) {
		const start = i;
		let cp = source.charCodeAt(i);
		let code = -2;
		if (cp >= 0xd800 && cp <= 0xdbff) {
			cp = codePointAt(source, i);
			i += cp > 0xffff ? 2 : 1;
		} else {
			i++;
			code = SINGLE[cp];
		}
		let mapped = '';
		if (i < n && isMark(codePointAt(source, i))) {
			// A base character with combining marks is one unit: NFKC may compose it.
			while (i < n) {
				const next = codePointAt(source, i);
				if (!isMark(next)) break;
				i += next > 0xffff ? 2 : 1;
			}
			mapped = foldString(source.slice(start, i));
			code = -2;
		} else if (code > 0) {
			// Fast path: a known BMP character that maps to one code unit.
			if (length >= units.length) [units, starts, ends] = grow(units, starts, ends, withMap);
			units[length] = code - 1;
			if (withMap) {
				starts[length] = start;
				ends[length] = i;
			}
			length++;
			continue;
		} else if (code === -1) {
			continue;
		} else {
			mapped = mapCodePoint(cp);
		}
		for (let k = 0; k < mapped.length; k++) {
			if (length >= units.length) [units, starts, ends] = grow(units, starts, ends, withMap);
			units[length] = mapped.charCodeAt(k);
			if (withMap) {
				starts[length] = start;
				ends[length] = i;
			}
			length++;
		}
	}
	return {
		text: decode(units, length),
		toSource: withMap ? starts.slice(0, length) : starts,
		toSourceEnd: withMap ? ends.slice(0, length) : ends,
		complete: i >= n
	};
}

function grow(
	units: Uint16Array,
	starts: Int32Array,
	ends: Int32Array,
	withMap: boolean
): [Uint16Array, Int32Array, Int32Array] {
	const size = units.length * 2 + 16;
	const u = new Uint16Array(size);
	u.set(units);
	if (!withMap) return [u, starts, ends];
	const s = new Int32Array(size);
	s.set(starts);
	const e = new Int32Array(size);
	e.set(ends);
	return [u, s, e];
}

/** Normalises text for indexing or matching. */
export function normalize(text: string): string {
	return run(text, false).text;
}

/** Normalises text and keeps, for every output code unit, where in the source it came from. */
export function normalizeWithMap(text: string): NormalizedText {
	const { text: normalized, toSource, toSourceEnd } = run(text, true);
	return { text: normalized, toSource, toSourceEnd };
}

/**
 * A prefix of `normalizeWithMap(text)` at least `units` code units long (all of it when shorter),
 * ending at a whole source character; `complete` when it is all of it. For snippets: a long
 * paragraph need not be normalised beyond the window shown.
 */
export function normalizePrefixWithMap(
	text: string,
	units: number
): NormalizedText & { complete: boolean } {
	return run(text, true, units);
}

/** A query term normalised exactly like indexed text (spaces inside a phrase are dropped too). */
export function normalizeQueryTerm(term: string): string {
	return run(term, false).text;
}

/** Maps a range `[start, end)` of normalised text back to the source text it came from. */
export function toSourceRange(map: NormalizedText, start: number, end: number): [number, number] {
	return [map.toSource[start], map.toSourceEnd[end - 1]];
}
