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
		const word = isHan(c) || isDigit(text[i]) || isAsciiLetter(text[i]);
		if (!word) {
			prev = -1;
			continue;
		}
		if (prev >= 0) keys.add(prev * 65536 + c);
		prev = c;
	}
	return keys;
}

/** Share of `title`'s bigrams present in `text` (0…1); scans the text once. */
function coverage(titleKeys: Set<number>, text: string): number {
	if (titleKeys.size === 0) return 0;
	const found = new Set<number>();
	let prev = -1;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (prev >= 0) {
			const key = prev * 65536 + c;
			if (titleKeys.has(key)) found.add(key);
		}
		prev = c;
	}
	return found.size / titleKeys.size;
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
	const titleKeys = titles.map((t) => bigramKeys(t.title));
	const extraKeys = titles.map((t) => bigramKeys(t.extra));
	for (let p = 0; p < n; p++) {
		const aff = titles.map(
			(_, t) => coverage(titleKeys[t], paragraphs[p]) + 0.5 * coverage(extraKeys[t], paragraphs[p])
		);
		const mean = aff.reduce((a, b) => a + b, 0) / k;
		rel.push(aff.map((a) => a - mean));
	}
	const prefix: Float64Array[] = [];
	for (let t = 0; t < k; t++) {
		const row = new Float64Array(n + 1);
		for (let p = 0; p < n; p++) row[p + 1] = row[p] + rel[p][t];
		prefix.push(row);
	}
	const strongPrefix = new Int32Array(n + 1);
	for (let p = 0; p < n; p++)
		strongPrefix[p + 1] = strongPrefix[p] + (p > 0 && strongStarts[p] ? 1 : 0);
	// a strong cut must outweigh any content difference (|sum rel| <= 1.5 n)
	const strongWeight = 2 * n + 2;
	const groups = Math.min(k, n);
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
