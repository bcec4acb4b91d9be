/**
 * The binary side of the static archive: what is indexed in an article, the positional n-gram
 * tokens, which bucket a token falls in, and the encoding of an index shard. See README.md.
 *
 * Tokens are today's search tokens (encoder.ts): every UTF-16 code unit of the normalised text and
 * every pair of adjacent code units within one segment, but bigrams are kept exact (not hashed
 * into buckets): exactness here comes from the postings alone, and a hashed bigram could match a
 * different pair. Both kinds fit one 32-bit key: a bigram (a, b) is `a << 16 | b`, a unigram c is
 * `c << 16 | SEGMENT_SEPARATOR`, a pair no text holds because bigrams never span a separator.
 */

import type { Article } from '../parse/types';
import { normalize } from '../search/normalize';
import { searchSegments } from '../search/segments';
import { SEGMENT_SEPARATOR } from '../search/encoder';

const SEPARATOR_CODE = SEGMENT_SEPARATOR.charCodeAt(0);

/** Changes whenever tokens, buckets or the encoding change: stored archives must be rebuilt. */
export const ARCHIVE_FORMAT = 'banmian-archive-1';

/**
 * The searchable text of an article, exactly the fields the on-device index searches (title or
 * its stand-in, kicker, subtitle, agency, reporters, correspondents, paragraphs, captions),
 * normalised and joined by SEGMENT_SEPARATOR. Offsets in the postings are offsets in this text.
 */
export function articleSearchText(article: Article): string {
	return searchSegments(article).map(normalize).join(SEGMENT_SEPARATOR);
}

/** Key of the unigram c. */
export function unigramKey(c: number): number {
	return ((c << 16) | SEPARATOR_CODE) >>> 0;
}

/** Key of the bigram (a, b). */
export function bigramKey(a: number, b: number): number {
	return ((a << 16) | b) >>> 0;
}

/** Calls `emit(key, offset)` for every token of a normalised article text, in text order. */
export function forEachToken(text: string, emit: (key: number, offset: number) => void): void {
	let prev = SEPARATOR_CODE;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c !== SEPARATOR_CODE) {
			emit(unigramKey(c), i);
			if (prev !== SEPARATOR_CODE) emit(bigramKey(prev, c), i - 1);
		}
		prev = c;
	}
}

/**
 * Bucket of a token key among `2^bits` buckets: a fixed integer mix, so build and reader agree
 * without sharing state. Shards are runs of consecutive buckets.
 */
export function tokenBucket(key: number, bits: number): number {
	let h = Math.imul(key ^ (key >>> 16), 0x7feb352d);
	h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
	h ^= h >>> 16;
	return h >>> (32 - bits);
}

/** A growable byte buffer with unsigned LEB128 varints. */
export class ByteWriter {
	private bytes = new Uint8Array(1024);
	length = 0;

	private reserve(n: number): void {
		if (this.length + n <= this.bytes.length) return;
		const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
		bigger.set(this.bytes.subarray(0, this.length));
		this.bytes = bigger;
	}

	varint(value: number): void {
		this.reserve(5);
		let v = value >>> 0;
		while (v >= 0x80) {
			this.bytes[this.length++] = (v & 0x7f) | 0x80;
			v >>>= 7;
		}
		this.bytes[this.length++] = v;
	}

	append(chunk: Uint8Array): void {
		this.reserve(chunk.length);
		this.bytes.set(chunk, this.length);
		this.length += chunk.length;
	}

	finish(): Uint8Array {
		return this.bytes.slice(0, this.length);
	}
}

/** Reads varints from `bytes` starting at `pos`. */
export class ByteReader {
	constructor(
		readonly bytes: Uint8Array,
		public pos = 0
	) {}

	varint(): number {
		let result = 0;
		let shift = 0;
		for (;;) {
			if (this.pos >= this.bytes.length) throw new Error('archive shard: truncated varint');
			const b = this.bytes[this.pos++];
			result += (b & 0x7f) * 2 ** shift;
			if (b < 0x80) return result;
			shift += 7;
			if (shift > 35) throw new Error('archive shard: varint too long');
		}
	}
}

/** Positions of one token in one article. */
export interface ArticlePostings {
	/** Global article number (the archive's stable order). */
	article: number;
	/** Ascending offsets in the article's search text. */
	offsets: number[];
}

/**
 * Encodes one token's postings, sorted by article then offset: the article count, then per
 * article the article number's gap from the previous one, the offset count and the offset gaps.
 */
export function encodePostings(postings: readonly ArticlePostings[]): Uint8Array {
	const out = new ByteWriter();
	out.varint(postings.length);
	let prevArticle = 0;
	for (const { article, offsets } of postings) {
		out.varint(article - prevArticle);
		prevArticle = article;
		out.varint(offsets.length);
		let prev = 0;
		for (const offset of offsets) {
			out.varint(offset - prev);
			prev = offset;
		}
	}
	return out.finish();
}

/** Decoded postings in flat arrays: article i's offsets are `offsets[starts[i]] … [starts[i+1]-1]`. */
export interface FlatPostings {
	/** Articles holding the token in all, decoded or not. */
	total: number;
	articles: Uint32Array;
	starts: Uint32Array;
	offsets: Uint32Array;
}

/** Decodes the first `maxArticles` articles' postings (all by default). */
export function decodePostings(bytes: Uint8Array, maxArticles = Infinity): FlatPostings {
	const input = new ByteReader(bytes);
	const total = input.varint();
	const n = Math.min(total, maxArticles);
	const articles = new Uint32Array(n);
	const starts = new Uint32Array(n + 1);
	// Every offset takes at least one byte: an upper bound on the offsets held.
	let offsets = new Uint32Array(Math.min(bytes.length, 1024));
	let at = 0;
	let article = 0;
	for (let i = 0; i < n; i++) {
		article += input.varint();
		articles[i] = article;
		const count = input.varint();
		if (at + count > offsets.length) {
			const bigger = new Uint32Array(
				Math.min(bytes.length, Math.max(2 * offsets.length, at + count))
			);
			bigger.set(offsets.subarray(0, at));
			offsets = bigger;
		}
		let offset = 0;
		for (let k = 0; k < count; k++) {
			offset += input.varint();
			offsets[at++] = offset;
		}
		starts[i + 1] = at;
	}
	return { total, articles, starts, offsets: offsets.subarray(0, at) };
}

/**
 * An index shard: the token count, then per token (in ascending key order) the key's gap and the byte
 * length of its postings, then the postings one after another. The directory comes first so a
 * reader finds a token without decoding the others.
 */
export function encodeShard(
	unsorted: readonly { key: number; postings: Uint8Array }[]
): Uint8Array {
	const tokens = [...unsorted].sort((a, b) => a.key - b.key);
	const out = new ByteWriter();
	out.varint(tokens.length);
	let prev = 0;
	for (const { key, postings } of tokens) {
		out.varint(key - prev);
		prev = key;
		out.varint(postings.length);
	}
	for (const { postings } of tokens) out.append(postings);
	return out.finish();
}

/** A decoded shard directory: token key → its postings bytes (a view, not a copy). */
export function decodeShard(bytes: Uint8Array): Map<number, Uint8Array> {
	const input = new ByteReader(bytes);
	const count = input.varint();
	const keys: number[] = new Array(count);
	const lengths: number[] = new Array(count);
	let key = 0;
	for (let i = 0; i < count; i++) {
		key += input.varint();
		keys[i] = key;
		lengths[i] = input.varint();
	}
	const out = new Map<number, Uint8Array>();
	let at = input.pos;
	for (let i = 0; i < count; i++) {
		if (at + lengths[i] > bytes.length) throw new Error('archive shard: truncated postings');
		out.set(keys[i], bytes.subarray(at, at + lengths[i]));
		at += lengths[i];
	}
	return out;
}
