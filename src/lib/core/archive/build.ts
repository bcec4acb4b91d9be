/**
 * Building the archive in bounded memory. Pages arrive in any order; each is tokenised once and
 * its postings leave at once through a sink, by bucket, as raw triples (token key, article number
 * in arrival order, offset). Only the catalog (ids and titles, not text) stays in memory. When
 * every page is in, the catalog is sorted into archive order, which gives each arrival number its
 * archive number; then each bucket's spilled triples are read back, renumbered, sorted and
 * encoded, and runs of consecutive buckets are packed into shard files of about a target size.
 * Memory: the catalog, one spill buffer, one bucket and one shard. The caller owns the storage
 * (temporary files in scripts/build-archive.ts, arrays in the specs).
 */

import type { ParsedDocument } from '../parse/types';
import {
	compareCatalogPages,
	catalogPage,
	encodeCatalogShard,
	groupCatalog,
	indexShardName,
	type ArchiveManifest,
	type CatalogPage,
	type ManifestIndexEntry
} from './catalog';
import {
	ARCHIVE_FORMAT,
	articleSearchText,
	encodePostings,
	encodeShard,
	forEachToken,
	tokenBucket
} from './format';

/** Receives spilled triples of one bucket, to be handed back by `readBucket` later. */
export type SpillSink = (bucket: number, triples: Uint32Array) => void;

export interface BuilderOptions {
	/** 2^bucketBits buckets. Default 12: about 4,000 spill files, fine-grained shard packing. */
	bucketBits?: number;
	/** Words buffered in memory across buckets before spilling. Default 4M (16 MB). */
	bufferWords?: number;
}

/** A file of the finished archive. */
export interface ArchiveFile {
	name: string;
	bytes: Uint8Array;
}

export class ArchiveBuilder {
	readonly bucketBits: number;
	private readonly buffers: Uint32Array[];
	private readonly fill: Int32Array;
	private buffered = 0;
	private readonly bufferWords: number;
	private readonly pages: CatalogPage[] = [];
	/** Arrival article number of each page's first article, by arrival order. */
	private readonly arrivalFirst: number[] = [];
	private articleCount = 0;

	constructor(
		private readonly spill: SpillSink,
		options: BuilderOptions = {}
	) {
		this.bucketBits = options.bucketBits ?? 12;
		this.bufferWords = options.bufferWords ?? 4 << 20;
		const buckets = 1 << this.bucketBits;
		this.buffers = Array.from({ length: buckets }, () => new Uint32Array(0));
		this.fill = new Int32Array(buckets);
	}

	/** Adds one page; `hash` names its content (the page file's bytes). */
	addPage(doc: ParsedDocument, hash: string): void {
		this.pages.push(catalogPage(doc, hash));
		this.arrivalFirst.push(this.articleCount);
		for (const article of doc.articles) {
			const number = this.articleCount++;
			forEachToken(articleSearchText(article), (key, offset) =>
				this.push(tokenBucket(key, this.bucketBits), key, number, offset)
			);
		}
		if (this.buffered >= this.bufferWords) this.flush();
	}

	private push(bucket: number, key: number, article: number, offset: number): void {
		let buffer = this.buffers[bucket];
		let n = this.fill[bucket];
		if (n + 3 > buffer.length) {
			const bigger = new Uint32Array(Math.max(48, buffer.length * 2));
			bigger.set(buffer.subarray(0, n));
			buffer = this.buffers[bucket] = bigger;
		}
		buffer[n++] = key;
		buffer[n++] = article;
		buffer[n++] = offset;
		this.fill[bucket] = n;
		this.buffered += 3;
	}

	/** Hands every buffered triple to the sink. */
	flush(): void {
		for (let b = 0; b < this.buffers.length; b++) {
			if (this.fill[b] > 0) this.spill(b, this.buffers[b].slice(0, this.fill[b]));
			this.fill[b] = 0;
			// Release the big buffers: a later page may not need them.
			if (this.buffers[b].length > 4096) this.buffers[b] = new Uint32Array(0);
		}
		this.buffered = 0;
	}

	/**
	 * Ends the input: spills what is buffered, sorts the catalog and encodes its shards, then
	 * reads back each bucket with `readBucket` and writes index shards of about `shardBytes`
	 * through `write`. Returns the manifest.
	 */
	finish(
		readBucket: (bucket: number) => Uint32Array,
		write: (file: ArchiveFile) => void,
		shardBytes = 64 * 1024
	): ArchiveManifest {
		this.flush();
		const order = this.pages.map((_, i) => i);
		order.sort((a, b) => compareCatalogPages(this.pages[a], this.pages[b]));
		// Arrival article number → archive article number.
		const renumber = new Uint32Array(this.articleCount);
		let next = 0;
		for (const i of order) {
			const count = this.pages[i].articles.length;
			for (let k = 0; k < count; k++) renumber[this.arrivalFirst[i] + k] = next++;
		}
		const shards = groupCatalog(order.map((i) => this.pages[i]));
		const catalog = shards.map((shard) => {
			const file = encodeCatalogShard(shard);
			write(file);
			const articles = shard.pages.reduce((sum, p) => sum + p.articles.length, 0);
			return {
				paper: shard.paper,
				month: shard.month,
				name: file.name,
				bytes: file.bytes.length,
				pages: shard.pages.length,
				firstArticle: shard.firstArticle,
				articles
			};
		});

		const index: ManifestIndexEntry[] = [];
		let tokens: { key: number; postings: Uint8Array }[] = [];
		let size = 0;
		let firstBucket = 0;
		const emit = () => {
			const bytes = encodeShard(tokens);
			const name = indexShardName(bytes);
			write({ name, bytes });
			index.push({ firstBucket, name, bytes: bytes.length });
			tokens = [];
			size = 0;
		};
		const buckets = 1 << this.bucketBits;
		for (let b = 0; b < buckets; b++) {
			const bucketTokens = encodeBucket(readBucket(b), renumber);
			// A bucket is never split, so a token's shard follows from its bucket alone.
			const bucketSize = bucketTokens.reduce((sum, t) => sum + t.postings.length, 0);
			if (tokens.length > 0 && size + bucketSize > shardBytes) {
				emit();
				firstBucket = b;
			}
			for (const t of bucketTokens) tokens.push(t);
			size += bucketSize;
		}
		emit();
		return {
			format: ARCHIVE_FORMAT,
			bucketBits: this.bucketBits,
			pages: this.pages.length,
			articles: this.articleCount,
			catalog,
			index
		};
	}
}

/** One bucket's triples, renumbered into archive order and encoded per token, by key. */
export function encodeBucket(
	triples: Uint32Array,
	renumber: Uint32Array
): { key: number; postings: Uint8Array }[] {
	const n = triples.length / 3;
	const keys = new Uint32Array(n);
	const articles = new Uint32Array(n);
	const offsets = new Uint32Array(n);
	for (let i = 0; i < n; i++) {
		keys[i] = triples[3 * i];
		articles[i] = renumber[triples[3 * i + 1]];
		offsets[i] = triples[3 * i + 2];
	}
	const order = new Uint32Array(n);
	for (let i = 0; i < n; i++) order[i] = i;
	order.sort((a, b) => keys[a] - keys[b] || articles[a] - articles[b] || offsets[a] - offsets[b]);
	const out: { key: number; postings: Uint8Array }[] = [];
	let i = 0;
	while (i < n) {
		const key = keys[order[i]];
		const list: { article: number; offsets: number[] }[] = [];
		while (i < n && keys[order[i]] === key) {
			const article = articles[order[i]];
			const at: number[] = [];
			while (i < n && keys[order[i]] === key && articles[order[i]] === article) {
				at.push(offsets[order[i]]);
				i++;
			}
			list.push({ article, offsets: at });
		}
		out.push({ key, postings: encodePostings(list) });
	}
	return out;
}

export function concatWords(parts: readonly Uint32Array[]): Uint32Array {
	if (parts.length === 1) return parts[0];
	const out = new Uint32Array(parts.reduce((sum, p) => sum + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}
