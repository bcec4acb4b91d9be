/**
 * Finding a term in normalised text by the part of it that is cheapest to look for.
 *
 * V8's `indexOf` on a two-byte string (all Chinese text) looks for the pattern's first code unit
 * with `memchr` on the larger of its two bytes, then checks each byte found. Chinese characters
 * share few high bytes (U+4E00–U+9FFF: 0x4E–0x9F), so a term starting with, say, 业 (U+4E1A,
 * searched as 0x4E, the high byte of 一 上 不 个 中 为 了 人 …) stops at every few characters and
 * runs four times slower than one whose searched byte is rare. A term can be found by any of its
 * suffixes instead: find the suffix, then check the part before it. The suffix chosen starts at
 * the code unit whose searched byte is rarest in the indexed text (`byteCounts`). The result is
 * the same as `indexOf` whatever the counts; they only decide the speed (and only in V8).
 */

/** How a term is looked for: `tail` (the term from `anchor` on), then `head` before it. */
export interface Finder {
	term: string;
	anchor: number;
	head: string;
	tail: string;
}

/** The byte V8's `indexOf` scans a two-byte string for, when a pattern starts with `code`. */
function searchedByte(code: number): number {
	return Math.max(code & 0xff, code >>> 8);
}

/**
 * How often each byte value is scanned past, in texts: for each code unit, its low and its high
 * byte (`memchr` sees both).
 */
export function byteCounts(texts: Iterable<string>): Uint32Array {
	const counts = new Uint32Array(256);
	for (const text of texts) {
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			counts[c & 0xff]++;
			counts[c >>> 8]++;
		}
	}
	return counts;
}

/** The finder of `term` (normalised, non-empty) anchored at its rarest searched byte. */
export function finderOf(term: string, counts: Uint32Array): Finder {
	let anchor = 0;
	let best = Infinity;
	for (let i = 0; i < term.length; i++) {
		const code = term.charCodeAt(i);
		// Never split a surrogate pair: a tail starting with a low surrogate still finds it, but
		// keeping the pair whole keeps the finder obviously equal to indexOf.
		if (code >= 0xdc00 && code <= 0xdfff) continue;
		const cost = counts[searchedByte(code)];
		if (cost < best) {
			best = cost;
			anchor = i;
		}
	}
	return { term, anchor, head: term.slice(0, anchor), tail: term.slice(anchor) };
}

/** `text.indexOf(finder.term, from)`, found by the finder's tail. */
export function findTerm(text: string, finder: Finder, from = 0): number {
	const { anchor, head, tail } = finder;
	from = Math.max(0, from);
	if (anchor === 0) return text.indexOf(tail, from);
	for (let q = text.indexOf(tail, from + anchor); q >= 0; q = text.indexOf(tail, q + 1)) {
		if (text.startsWith(head, q - anchor)) return q - anchor;
	}
	return -1;
}
