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
	// A shift by 32 is a shift by 0 in JavaScript: one bucket needs its own case.
	return bits === 0 ? 0 : h >>> (32 - bits);
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

/** Decoded postings in flat arrays: article i's offsets are `offsets[starts[i]] … [starts[i+1]-1]`. */
export interface FlatPostings {
	/** Articles in the lists. */
	total: number;
	articles: Uint32Array;
	starts: Uint32Array;
	offsets: Uint32Array;
}

/**
 * Decodes one chunk of postings: the article count, then per article the article number's gap
 * from the previous one (from 0 for the first), the offset count and the offsets' gaps.
 */
export function decodePostings(bytes: Uint8Array): FlatPostings {
	const input = new ByteReader(bytes);
	const total = input.varint();
	const n = total;
	// Every article takes at least two bytes: a larger count is damage, not a reason to allocate.
	if (2 * n > bytes.length) throw new Error('archive shard: article count past the end');
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

/** One chunk of a token's postings: a run of its articles, encoded on its own (decodePostings reads it). */
export interface PostingsChunk {
	/** Articles in the chunk. */
	articles: number;
	/** First and last article number in the chunk. */
	first: number;
	last: number;
	/** Length of the chunk's encoding. */
	length: number;
}

/** A token as a shard's directory lists it. */
export interface TokenEntry {
	key: number;
	/** Articles holding the token, in all chunks. */
	total: number;
	/** In article order; chunk 0 is stored in the shard, chunk k > 0 in its own file. */
	chunks: PostingsChunk[];
	/** Chunk 0's encoding (a view into the shard). */
	head: Uint8Array;
	/**
	 * The token's articles without offsets, in chunks of their own files (catalog.ts
	 * indexArticlesName), for a token with more than one postings chunk; else empty. Enough to
	 * tell whether an article holds a one-token term, at a fraction of the postings' bytes.
	 */
	lists: PostingsChunk[];
}

/** A token to store: its chunks' meta and encodings (only chunk 0's is read by encodeShard). */
export interface TokenChunks {
	key: number;
	chunks: (PostingsChunk & { bytes: Uint8Array })[];
	lists: (PostingsChunk & { bytes: Uint8Array })[];
}

/**
 * An index shard: the token count, then per token (ascending key) the key's gap, its article
 * total, its chunk count and per chunk the article count, the first article's gap from the
 * previous chunk's last (from 0 for chunk 0), the last article's gap from the first, and the
 * encoding's length, then its article-list chunk count and each as a chunk; then every token's
 * chunk 0, one after another. The directory comes first so
 * a reader finds a token, its total and the article range of every chunk without decoding any
 * postings; later chunks live in files of their own (catalog.ts indexChunkName).
 */
export function encodeShard(unsorted: readonly TokenChunks[]): Uint8Array {
	const tokens = [...unsorted].sort((a, b) => a.key - b.key);
	const out = new ByteWriter();
	out.varint(tokens.length);
	let prev = 0;
	const chunkList = (chunks: readonly PostingsChunk[]) => {
		out.varint(chunks.length);
		let last = 0;
		for (const chunk of chunks) {
			out.varint(chunk.articles);
			out.varint(chunk.first - last);
			out.varint(chunk.last - chunk.first);
			out.varint(chunk.length);
			last = chunk.last;
		}
	};
	for (const { key, chunks, lists } of tokens) {
		out.varint(key - prev);
		prev = key;
		out.varint(chunks.reduce((sum, c) => sum + c.articles, 0));
		chunkList(chunks);
		chunkList(lists);
	}
	for (const { chunks } of tokens) if (chunks.length > 0) out.append(chunks[0].bytes);
	return out.finish();
}

/** A decoded shard directory: token key → its entry (chunk 0 a view, not a copy). */
export function decodeShard(bytes: Uint8Array): Map<number, TokenEntry> {
	const input = new ByteReader(bytes);
	const count = input.varint();
	const tokens: TokenEntry[] = [];
	let key = 0;
	const chunkList = () => {
		const chunkCount = input.varint();
		// Every chunk takes at least four bytes of directory: a larger count is damage.
		if (4 * chunkCount > bytes.length) throw new Error('archive shard: chunk count past the end');
		const chunks: PostingsChunk[] = [];
		let last = 0;
		for (let k = 0; k < chunkCount; k++) {
			const articles = input.varint();
			const first = last + input.varint();
			last = first + input.varint();
			chunks.push({ articles, first, last, length: input.varint() });
		}
		return chunks;
	};
	for (let i = 0; i < count; i++) {
		key += input.varint();
		const total = input.varint();
		const chunks = chunkList();
		const lists = chunkList();
		tokens.push({ key, total, chunks, head: bytes.subarray(0, 0), lists });
	}
	const out = new Map<number, TokenEntry>();
	let at = input.pos;
	for (const token of tokens) {
		const length = token.chunks[0]?.length ?? 0;
		if (at + length > bytes.length) throw new Error('archive shard: truncated postings');
		token.head = bytes.subarray(at, at + length);
		at += length;
		out.set(token.key, token);
	}
	return out;
}

/**
 * Cuts one token's postings (ascending articles) into chunks of about `chunkBytes`, never inside
 * an article, each encoded on its own for decodePostings.
 */
export class ChunkWriter {
	private readonly chunks: (PostingsChunk & { bytes: Uint8Array })[] = [];
	/** Every article added, for the article lists. */
	private all = new Uint32Array(64);
	private count = 0;
	private body = new ByteWriter();
	private articles = 0;
	private first = 0;
	private prev = 0;

	constructor(private readonly chunkBytes: number) {}

	/** Appends one article's offsets (ascending); articles arrive in ascending order. */
	add(article: number, offsets: ArrayLike<number>, from: number, to: number): void {
		if (this.articles > 0 && this.body.length >= this.chunkBytes) this.close();
		if (this.articles === 0) {
			this.first = article;
			this.prev = 0;
		}
		this.body.varint(article - this.prev);
		this.prev = article;
		if (this.count === this.all.length) {
			const bigger = new Uint32Array(2 * this.all.length);
			bigger.set(this.all);
			this.all = bigger;
		}
		this.all[this.count++] = article;
		this.body.varint(to - from);
		let prevOffset = 0;
		for (let i = from; i < to; i++) {
			this.body.varint(offsets[i] - prevOffset);
			prevOffset = offsets[i];
		}
		this.articles++;
	}

	private close(): void {
		const out = new ByteWriter();
		out.varint(this.articles);
		out.append(this.body.finish());
		const bytes = out.finish();
		this.chunks.push({
			articles: this.articles,
			first: this.first,
			last: this.prev,
			length: bytes.length,
			bytes
		});
		this.body = new ByteWriter();
		this.articles = 0;
	}

	/** The postings chunks, and the article lists when there is more than one chunk. */
	finish(): Pick<TokenChunks, 'chunks' | 'lists'> {
		if (this.articles > 0) this.close();
		const lists =
			this.chunks.length > 1
				? encodeArticleLists(this.all.subarray(0, this.count), this.chunkBytes)
				: [];
		return { chunks: this.chunks, lists };
	}
}

/**
 * A token's articles (ascending) cut into chunks of about `chunkBytes`, each the article count,
 * then either 0 and the articles' gaps (the first from 0) or 1, the first article and a bitmap
 * of the articles from it on (bit i of byte i >> 3 set for article first + i, low bit first),
 * whichever is shorter: a token in most articles costs a bit an article.
 */
export function encodeArticleLists(
	articles: Uint32Array,
	chunkBytes: number
): (PostingsChunk & { bytes: Uint8Array })[] {
	const out: (PostingsChunk & { bytes: Uint8Array })[] = [];
	let from = 0;
	while (from < articles.length) {
		// Grow the run while its shorter encoding stays under the target.
		let gapBytes = 0;
		let to = from;
		while (to < articles.length) {
			const gap = articles[to] - (to === from ? 0 : articles[to - 1]);
			const next = gapBytes + varintLength(gap);
			const bitmap = Math.ceil((articles[to] - articles[from] + 1) / 8);
			if (to > from && Math.min(next, bitmap) > chunkBytes) break;
			gapBytes = next;
			to++;
		}
		const run = articles.subarray(from, to);
		const first = run[0];
		const last = run[run.length - 1];
		const writer = new ByteWriter();
		writer.varint(run.length);
		if (gapBytes <= Math.ceil((last - first + 1) / 8)) {
			writer.varint(0);
			let prev = 0;
			for (const a of run) {
				writer.varint(a - prev);
				prev = a;
			}
		} else {
			writer.varint(1);
			writer.varint(first);
			const bits = new Uint8Array(Math.ceil((last - first + 1) / 8));
			for (const a of run) bits[(a - first) >> 3] |= 1 << ((a - first) & 7);
			writer.append(bits);
		}
		const bytes = writer.finish();
		out.push({ articles: run.length, first, last, length: bytes.length, bytes });
		from = to;
	}
	return out;
}

/** Decodes one article-list chunk (encodeArticleLists). */
export function decodeArticleList(bytes: Uint8Array): Uint32Array {
	const input = new ByteReader(bytes);
	const n = input.varint();
	// Every article takes at least a bit: a larger count is damage, not a reason to allocate.
	if (n > 8 * bytes.length) throw new Error('archive shard: article count past the end');
	const out = new Uint32Array(n);
	const mode = input.varint();
	if (mode === 0) {
		let article = 0;
		for (let i = 0; i < n; i++) out[i] = article += input.varint();
		return out;
	}
	if (mode !== 1) throw new Error('archive shard: unknown article list encoding');
	const first = input.varint();
	let i = 0;
	for (let b = input.pos; b < bytes.length && i < n; b++)
		for (let bit = 0; bit < 8; bit++)
			if (bytes[b] & (1 << bit)) {
				if (i === n) throw new Error('archive shard: article list longer than its count');
				out[i++] = first + 8 * (b - input.pos) + bit;
			}
	if (i !== n) throw new Error('archive shard: article list shorter than its count');
	return out;
}

function varintLength(value: number): number {
	let length = 1;
	while (value >= 0x80) {
		value = Math.floor(value / 128);
		length++;
	}
	return length;
}
