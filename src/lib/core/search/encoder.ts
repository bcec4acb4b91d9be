/**
 * Tokens for FlexSearch. FlexSearch only narrows the candidates; exactness comes from verifying
 * every candidate against the normalised text (see index.ts). Narrowing must never lose a match,
 * so a document carries every token any term occurring in it could produce:
 *
 * - every unigram and every overlapping bigram of UTF-16 code units, whatever the script. A term
 *   of length ≥ 2 occurs only where all of its bigrams occur; a one-unit term is its own unigram.
 *   Latin and digits are n-grammed too rather than indexed as words, because substrings such as
 *   `m2.5` of `pm2.5` must be found as well;
 * - bigrams are hashed into 2^16 buckets. A real corpus has hundreds of thousands of distinct
 *   bigrams and FlexSearch spends hundreds of bytes on each distinct token; buckets keep its
 *   index a few times smaller and faster to build. A collision can only add candidates, which
 *   verification drops;
 * - segments (title, paragraph, …) are joined by SEGMENT_SEPARATOR, which normalisation never
 *   produces, so no token and no match spans two segments.
 *
 * Changing anything here changes the index: bump SEARCH_VERSION in index.ts.
 */

/** Joins normalised segments of one article. Normalisation drops it, so no term contains it. */
export const SEGMENT_SEPARATOR = '\n';
const SEPARATOR_CODE = 10;

const BUCKET_BITS = 16;
const BUCKETS = 1 << BUCKET_BITS;

/** Bucket of the bigram (a, b): a fixed multiplicative hash, identical on both sides. */
export function bigramBucket(a: number, b: number): number {
	return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) >>> (32 - BUCKET_BITS);
}

// Token strings are created once and reused, so FlexSearch's map hashes each only once.
const UNIGRAM: string[] = new Array(0x10000);
const BIGRAM: string[] = new Array(BUCKETS);

function unigramToken(code: number): string {
	return (UNIGRAM[code] ??= String.fromCharCode(code));
}

/** Two code units from U+0100–U+01FF: never a space, never the same length as a unigram. */
function bigramToken(bucket: number): string {
	return (BIGRAM[bucket] ??= String.fromCharCode(0x100 + (bucket >> 8), 0x100 + (bucket & 0xff)));
}

// Deduplication without a Set: a slot holds the stamp of the last call that emitted it.
const seenUnigram = new Int32Array(0x10000);
const seenBigram = new Int32Array(BUCKETS);
let stamp = 0;

function nextStamp(): number {
	if (stamp >= 0x7fffffff) {
		seenUnigram.fill(0);
		seenBigram.fill(0);
		stamp = 0;
	}
	return ++stamp;
}

/** Distinct tokens of normalised texts (each may join segments with SEGMENT_SEPARATOR). */
export function indexTokens(texts: readonly string[]): string[] {
	const s = nextStamp();
	const out: string[] = [];
	for (const text of texts) {
		let prev = SEPARATOR_CODE;
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (c === SEPARATOR_CODE) {
				prev = c;
				continue;
			}
			if (seenUnigram[c] !== s) {
				seenUnigram[c] = s;
				out.push(unigramToken(c));
			}
			if (prev !== SEPARATOR_CODE) {
				const b = bigramBucket(prev, c);
				if (seenBigram[b] !== s) {
					seenBigram[b] = s;
					out.push(bigramToken(b));
				}
			}
			prev = c;
		}
	}
	return out;
}

/**
 * Tokens every document containing the normalised term holds: the term's unigram when it is one
 * code unit long, otherwise the buckets of its bigrams. Empty for an empty term.
 */
export function queryTokens(term: string): string[] {
	if (term.length === 0) return [];
	if (term.length === 1) return [unigramToken(term.charCodeAt(0))];
	const out = new Set<string>();
	for (let i = 0; i + 1 < term.length; i++) {
		out.add(bigramToken(bigramBucket(term.charCodeAt(i), term.charCodeAt(i + 1))));
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
