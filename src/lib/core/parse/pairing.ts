/**
 * Pairing stacked titles with their bodies. When several titles come one after another and
 * their bodies follow, each body is matched to the title it talks about: the share of the
 * title's character bigrams that occur in each paragraph, compared with the other titles.
 */

import { isDigit, isHan, isAsciiLetter } from './text';

/** Bigrams of Han characters, letters and digits; punctuation and spaces break a run. */
export function bigramKeys(text: string): Set<number> {
	const keys = new Set<number>();
	let prev = -1;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		const word = isHan(c) || isDigit(c) || isAsciiLetter(c);
		if (!word) {
			prev = -1;
			continue;
		}
		if (prev >= 0) keys.add(prev * 65536 + c);
		prev = c;
	}
	return keys;
}

/** Title texts beyond this many distinct characters are not worth pairing by content. */
const MAX_TITLE_CHARS = 128;

/**
 * Scratch tables shared by every pairing (set, used, cleared; never reallocated): the dense
 * slot (1-based) of each character occurring in the titles, and for each pair of slots a
 * bitmask of the title texts containing that bigram and a stamp of the last paragraph seen.
 */
let CHAR_SLOT: Uint8Array | null = null;
let PAIR_MASK: Int32Array | null = null;
let PAIR_SEEN: Int32Array | null = null;
let seenStamp = 0;

/**
 * For each paragraph, the share of each text's distinct bigrams that occur in it (0…1), as
 * `shares[paragraph][text]`. One pass over each paragraph, no allocation per character.
 * Null when the first `required` texts have too many distinct characters (then pairing is
 * positional); later texts (kickers, subtitles) are then only partly counted.
 */
function coverageTable(texts: string[], paragraphs: string[], required: number): number[][] | null {
	CHAR_SLOT ??= new Uint8Array(65536);
	PAIR_MASK ??= new Int32Array(MAX_TITLE_CHARS * MAX_TITLE_CHARS);
	PAIR_SEEN ??= new Int32Array(MAX_TITLE_CHARS * MAX_TITLE_CHARS);
	const slots = CHAR_SLOT;
	const masks = PAIR_MASK;
	const seen = PAIR_SEEN;
	const chars: number[] = [];
	const pairs: number[] = [];
	const sizes = new Array<number>(texts.length).fill(0);
	try {
		for (let t = 0; t < texts.length; t++) {
			const text = texts[t];
			const bit = 1 << t;
			let prev = 0;
			for (let i = 0; i < text.length && i < 200; i++) {
				const c = text.charCodeAt(i);
				if (!(isHan(c) || isDigit(c) || isAsciiLetter(c))) {
					prev = 0;
					continue;
				}
				let slot = slots[c];
				if (slot === 0) {
					if (chars.length === MAX_TITLE_CHARS) {
						// out of room: fatal for a title, a kicker/subtitle just loses this bigram
						if (t < required) return null;
						prev = 0;
						continue;
					}
					chars.push(c);
					slot = chars.length;
					slots[c] = slot;
				}
				if (prev !== 0) {
					const pair = (prev - 1) * MAX_TITLE_CHARS + slot - 1;
					if (masks[pair] === 0) pairs.push(pair);
					if ((masks[pair] & bit) === 0) {
						masks[pair] |= bit;
						sizes[t]++;
					}
				}
				prev = slot;
			}
		}
		const shares: number[][] = [];
		const found = new Array<number>(texts.length);
		for (const paragraph of paragraphs) {
			if (++seenStamp > 0x3fffffff) {
				seen.fill(0);
				seenStamp = 1;
			}
			found.fill(0);
			let prev = 0;
			for (let i = 0; i < paragraph.length; i++) {
				const slot = slots[paragraph.charCodeAt(i)];
				if (slot !== 0 && prev !== 0) {
					const pair = (prev - 1) * MAX_TITLE_CHARS + slot - 1;
					const mask = masks[pair];
					if (mask !== 0 && seen[pair] !== seenStamp) {
						seen[pair] = seenStamp;
						for (let t = 0; t < texts.length; t++) if (mask & (1 << t)) found[t]++;
					}
				}
				prev = slot;
			}
			const row: number[] = [];
			for (let t = 0; t < texts.length; t++) row.push(sizes[t] === 0 ? 0 : found[t] / sizes[t]);
			shares.push(row);
		}
		return shares;
	} finally {
		for (const c of chars) slots[c] = 0;
		for (const pair of pairs) masks[pair] = 0;
	}
}

/** How much of a title `titleCoverage` reads: its first this many characters. */
export const TITLE_COVERAGE_CHARS = 200;

/** Share of the title's bigrams that occur in `text` (0…1); for short texts, rarely called. */
export function titleCoverage(title: string, text: string): number {
	const keys = bigramKeys(title.slice(0, TITLE_COVERAGE_CHARS));
	if (keys.size === 0) return 0;
	const found = new Set<number>();
	for (let i = 0; i + 1 < text.length; i++) {
		const key = text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1);
		if (keys.has(key)) found.add(key);
	}
	return found.size / keys.size;
}

export interface TitleForPairing {
	/** Main title: counts fully. */
	title: string;
	/** Kicker and subtitle: count half, they often speak more generally. */
	extra: string;
}

export interface Group {
	/** Paragraph range [start, end) within the body. */
	start: number;
	end: number;
	/** Index of the title this range belongs to. */
	title: number;
}

/** Above these sizes the exact search is too slow to be worth it; positional pairing is used. */
const MAX_PARAGRAPHS = 160;
const MAX_TITLES = 6;

/**
 * Splits `paragraphs` into at most `titles.length` contiguous groups and gives each a distinct
 * title, maximising content affinity. `strongStarts[p]` marks paragraphs that surely start a
 * body (a dispatch line, a continuation marker); cuts there are all but mandatory.
 */
export function pairBodies(
	titles: TitleForPairing[],
	paragraphs: string[],
	strongStarts: boolean[]
): Group[] {
	const k = titles.length;
	const n = paragraphs.length;
	if (n === 0) return [];
	if (k <= 1) return [{ start: 0, end: n, title: 0 }];
	if (n > MAX_PARAGRAPHS || k > MAX_TITLES) return positional(k, n, strongStarts);

	// relative affinity: how much more paragraph p speaks of title t than of the average title
	const rel: number[][] = [];
	// one table for titles and, after them, kickers/subtitles (which count half)
	const shares = coverageTable(
		[...titles.map((t) => t.title), ...titles.map((t) => t.extra)],
		paragraphs,
		k
	);
	if (shares === null) return positional(k, n, strongStarts);
	for (let p = 0; p < n; p++) {
		const row = shares[p];
		let mean = 0;
		for (let t = 0; t < k; t++) mean += row[t] + 0.5 * row[k + t];
		mean /= k;
		const relative: number[] = [];
		for (let t = 0; t < k; t++) relative.push(row[t] + 0.5 * row[k + t] - mean);
		rel.push(relative);
	}
	const prefix: number[][] = [];
	for (let t = 0; t < k; t++) {
		const row: number[] = new Array<number>(n + 1).fill(0);
		for (let p = 0; p < n; p++) row[p + 1] = row[p] + rel[p][t];
		prefix.push(row);
	}
	const strongPrefix: number[] = new Array<number>(n + 1).fill(0);
	for (let p = 0; p < n; p++)
		strongPrefix[p + 1] = strongPrefix[p] + (p > 0 && strongStarts[p] ? 1 : 0);
	const groups = Math.min(k, n);
	if (strongPrefix[n] === groups - 1) return assignFixedSegments(k, n, strongStarts, prefix);
	// a strong cut must outweigh any content difference (|sum rel| <= 1.5 n)
	const strongWeight = 2 * n + 2;
	const masks = 1 << k;
	const size = (n + 1) * masks;
	const best = new Float64Array(size).fill(-Infinity);
	const fromPos = new Int32Array(size).fill(-1);
	const fromTitle = new Int8Array(size).fill(-1);
	best[0] = 0;
	for (let j = 0; j < n; j++) {
		for (let mask = 0; mask < masks; mask++) {
			const here = best[j * masks + mask];
			if (here === -Infinity) continue;
			const used = popcount(mask);
			if (used >= groups) continue;
			const cutBonus = j > 0 && strongStarts[j] ? strongWeight : 0;
			for (let e = j + 1; e <= n; e++) {
				if (e < n && used + 1 === groups) continue; // the last group runs to the end
				const skipped = strongPrefix[e] - strongPrefix[j + 1];
				const structure = cutBonus - strongWeight * skipped;
				for (let t = 0; t < k; t++) {
					if (mask & (1 << t)) continue;
					// tiny preference for keeping titles in printed order when content is silent
					const order = t === used ? 1e-6 : 0;
					const score = here + prefix[t][e] - prefix[t][j] + structure + order;
					const at = e * masks + (mask | (1 << t));
					if (score > best[at]) {
						best[at] = score;
						fromPos[at] = j;
						fromTitle[at] = t;
					}
				}
			}
		}
	}
	let endMask = -1;
	let endScore = -Infinity;
	for (let mask = 0; mask < masks; mask++) {
		if (popcount(mask) !== groups) continue;
		const s = best[n * masks + mask];
		if (s > endScore) {
			endScore = s;
			endMask = mask;
		}
	}
	if (endMask < 0) return positional(k, n, strongStarts);
	const result: Group[] = [];
	let pos = n;
	let mask = endMask;
	while (pos > 0) {
		const at = pos * masks + mask;
		const start = fromPos[at];
		const title = fromTitle[at];
		result.push({ start, end: pos, title });
		pos = start;
		mask &= ~(1 << title);
	}
	return result.reverse();
}

/**
 * The common case: exactly one strong start per body, so the cuts are known and only the
 * title for each body is chosen (best assignment over title subsets).
 */
function assignFixedSegments(
	k: number,
	n: number,
	strongStarts: boolean[],
	prefix: number[][]
): Group[] {
	const starts = [0];
	for (let p = 1; p < n; p++) if (strongStarts[p]) starts.push(p);
	const segments = starts.map((start, i) => ({ start, end: starts[i + 1] ?? n }));
	const masks = 1 << k;
	const best: number[] = new Array<number>((segments.length + 1) * masks).fill(-Infinity);
	const choice: number[] = new Array<number>((segments.length + 1) * masks).fill(-1);
	best[0] = 0;
	for (let s = 0; s < segments.length; s++) {
		const { start, end } = segments[s];
		for (let mask = 0; mask < masks; mask++) {
			const here = best[s * masks + mask];
			if (here === -Infinity) continue;
			for (let t = 0; t < k; t++) {
				if (mask & (1 << t)) continue;
				const score = here + prefix[t][end] - prefix[t][start] + (t === s ? 1e-6 : 0);
				const at = (s + 1) * masks + (mask | (1 << t));
				if (score > best[at]) {
					best[at] = score;
					choice[at] = t;
				}
			}
		}
	}
	let mask = 0;
	let top = -Infinity;
	const last = segments.length * masks;
	for (let m = 0; m < masks; m++) {
		if (best[last + m] > top) {
			top = best[last + m];
			mask = m;
		}
	}
	const result: Group[] = [];
	for (let s = segments.length; s > 0; s--) {
		const t = choice[s * masks + mask];
		result.push({ start: segments[s - 1].start, end: segments[s - 1].end, title: t });
		mask &= ~(1 << t);
	}
	return result.reverse();
}

function popcount(x: number): number {
	let c = 0;
	while (x) {
		x &= x - 1;
		c++;
	}
	return c;
}

/** Fallback: cut at the first strong starts, titles in printed order. */
function positional(k: number, n: number, strongStarts: boolean[]): Group[] {
	const cuts = [0];
	for (let p = 1; p < n && cuts.length < k; p++) if (strongStarts[p]) cuts.push(p);
	return cuts.map((start, i) => ({ start, end: i + 1 < cuts.length ? cuts[i + 1] : n, title: i }));
}
