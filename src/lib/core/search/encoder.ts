/**
 * Tokens for FlexSearch. FlexSearch only narrows the candidates; exactness comes from verifying
 * every candidate against the normalised text (see index.ts). Narrowing must never lose a match,
 * so a document carries every token any term occurring in it could produce:
 *
 * - every unigram and every overlapping bigram of UTF-16 code units, whatever the script. A term
 *   of length ≥ 2 occurs only where all of its bigrams occur; a one-unit term is its own unigram.
 *   Latin and digits are n-grammed too rather than indexed as words, because substrings such as
 *   `m2.5` of `pm2.5` must be found as well;
 * - bigrams are hashed into 2^12 buckets. A real corpus has hundreds of thousands of distinct
 *   bigrams and FlexSearch spends about 160 bytes on each distinct token besides its postings:
 *   at 11 MB, FlexSearch's heap was 1.2× the text with 2^16 buckets, 0.3× with 2^12, at the
 *   same p95 (the terms a bucket mixes up are mostly told apart by their other bigrams and by
 *   verification). A collision can only add candidates, which verification drops;
 * - segments (title, paragraph, …) are joined by SEGMENT_SEPARATOR, which normalisation never
 *   produces, so no token and no match spans two segments.
 *
 * Changing anything here changes the index: bump SEARCH_VERSION in index.ts.
 */

/** Joins normalised segments of one article. Normalisation drops it, so no term contains it. */
export const SEGMENT_SEPARATOR = '\n';
const SEPARATOR_CODE = 10;

const BUCKET_BITS = 12;
const BUCKETS = 1 << BUCKET_BITS;

/** Bucket of the bigram (a, b): a fixed multiplicative hash, identical on both sides. */
export function bigramBucket(a: number, b: number): number {
	return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) >>> (32 - BUCKET_BITS);
}

/** Token ids: a unigram is its code unit (0–0xFFFF), a bigram bucket is 0x10000 + bucket. */
export const TOKEN_SPACE = 0x10000 + BUCKETS;

// Token strings are created once and reused, so FlexSearch's map hashes each only once.
const TOKENS: string[] = new Array(TOKEN_SPACE);

/**
 * The FlexSearch token of a token id. Unigrams are the character itself; bigram buckets are two
 * code units from U+0100–U+01FF, never a space and never the length of a unigram.
 */
export function tokenString(id: number): string {
	let token = TOKENS[id];
	if (token === undefined) {
		const b = id - 0x10000;
		token =
			b < 0 ? String.fromCharCode(id) : String.fromCharCode(0x100 + (b >> 8), 0x100 + (b & 0xff));
		TOKENS[id] = token;
	}
	return token;
}

// Deduplication without a Set: a slot holds the stamp of the last call that emitted the token.
const seen = new Int32Array(TOKEN_SPACE);
let stamp = 0;
let scratch = new Int32Array(4096);

/** Distinct token ids of normalised texts (each may join segments with SEGMENT_SEPARATOR). */
export function indexTokenIds(texts: readonly string[]): Int32Array {
	if (stamp >= 0x7fffffff) {
		seen.fill(0);
		stamp = 0;
	}
	const s = ++stamp;
	let n = 0;
	for (const text of texts) {
		let prev = SEPARATOR_CODE;
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (c === SEPARATOR_CODE) {
				prev = c;
				continue;
			}
			// At most two tokens per code unit.
			if (n + 2 > scratch.length) {
				const bigger = new Int32Array(scratch.length * 2);
				bigger.set(scratch);
				scratch = bigger;
			}
			if (seen[c] !== s) {
				seen[c] = s;
				scratch[n++] = c;
			}
			if (prev !== SEPARATOR_CODE) {
				const id = 0x10000 + bigramBucket(prev, c);
				if (seen[id] !== s) {
					seen[id] = s;
					scratch[n++] = id;
				}
			}
			prev = c;
		}
	}
	return scratch.slice(0, n);
}

/** Distinct tokens of normalised texts, as FlexSearch takes them. */
export function indexTokens(texts: readonly string[]): string[] {
	return Array.from(indexTokenIds(texts), tokenString);
}

/**
 * Tokens every document containing the normalised term holds: the term's unigram when it is one
 * code unit long, otherwise the buckets of its bigrams. Empty for an empty term.
 */
export function queryTokens(term: string): string[] {
	return queryTokenIds(term).map(tokenString);
}

/** The ids of `queryTokens(term)`. */
export function queryTokenIds(term: string): number[] {
	if (term.length === 0) return [];
	if (term.length === 1) return [term.charCodeAt(0)];
	const out = new Set<number>();
	for (let i = 0; i + 1 < term.length; i++) {
		out.add(0x10000 + bigramBucket(term.charCodeAt(i), term.charCodeAt(i + 1)));
	}
	return [...out];
}

/**
 * FlexSearch's `encode` option. Content arrives already tokenised: an array at indexing time
 * (no join and split of large strings) and a space-joined string at query time.
 */
export function flexEncode(content: string | string[]): string[] {
	if (typeof content !== 'string') return content;
	return content ? content.split(' ') : [];
}
