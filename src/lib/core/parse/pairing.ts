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

/**
 * For each title, the share of its bigrams present in `text` (0…1), all titles in one pass
 * over the text. Characters that occur in no title are skipped before any lookup.
 */
/**
 * Dense slot (index + 1) of each character that occurs in the titles being paired; 0 elsewhere.
 * One shared table, set and cleared per pairing, so scanning a body is one array load per
 * character and no allocation.
 */
const CHAR_SLOT = new Uint16Array(65536);

class CoverageScanner {
	private readonly chars: number[] = [];
	private readonly slots = new Map<number, number[]>();
	private readonly slotOwner: number[] = [];
	private readonly sizes: number[];
	private readonly hit: number[];

	constructor(keySets: Set<number>[]) {
		this.sizes = keySets.map((s) => s.size);
		const index = (c: number) => {
			if (CHAR_SLOT[c] === 0) {
				this.chars.push(c);
				CHAR_SLOT[c] = this.chars.length;
			}
			return CHAR_SLOT[c];
		};
		for (let t = 0; t < keySets.length; t++) {
			for (const key of keySets[t]) {
				const slot = this.slotOwner.length;
				this.slotOwner.push(t);
				const dense = index(Math.floor(key / 65536)) * 65536 + index(key % 65536);
				const list = this.slots.get(dense);
				if (list) list.push(slot);
				else this.slots.set(dense, [slot]);
			}
		}
		this.hit = new Array<number>(this.slotOwner.length).fill(0);
	}

	/** Frees the shared table; call when done scanning. */
	release(): void {
		for (const c of this.chars) CHAR_SLOT[c] = 0;
	}

	scan(text: string): number[] {
		const hit = this.hit;
		hit.fill(0);
		let prev = 0;
		for (let i = 0; i < text.length; i++) {
			const current = CHAR_SLOT[text.charCodeAt(i)];
			if (current !== 0 && prev !== 0) {
				const list = this.slots.get(prev * 65536 + current);
				if (list !== undefined) for (const slot of list) hit[slot] = 1;
			}
			prev = current;
		}
		const found = this.sizes.map(() => 0);
		for (let slot = 0; slot < hit.length; slot++) if (hit[slot]) found[this.slotOwner[slot]]++;
		return found.map((f, t) => (this.sizes[t] === 0 ? 0 : f / this.sizes[t]));
	}
}

/** Share of the title's bigrams that occur in `text` (0…1); for short texts, rarely called. */
export function titleCoverage(title: string, text: string): number {
	const keys = bigramKeys(title.slice(0, 200));
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
	// titles are short; a cap keeps a pathological 10 MB "title" from costing anything
	const scanner = new CoverageScanner([
		...titles.map((t) => bigramKeys(t.title.slice(0, 200))),
		...titles.map((t) => bigramKeys(t.extra.slice(0, 200)))
	]);
	try {
		for (let p = 0; p < n; p++) {
			const shares = scanner.scan(paragraphs[p]);
			const aff = titles.map((_, t) => shares[t] + 0.5 * shares[k + t]);
			const mean = aff.reduce((a, b) => a + b, 0) / k;
			rel.push(aff.map((a) => a - mean));
		}
	} finally {
		scanner.release();
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
