/**
 * Building the archive in bounded memory. Pages arrive in any order; each is tokenised once and
 * its postings leave at once through a sink, by spill group, as raw triples (token key, article
 * number in arrival order, offset); its catalog entry leaves through another sink, and only its
 * sort key stays. When every page is in, the sort keys are sorted into archive order, which gives
 * each arrival number its archive number, and the catalog shards are written one at a time; then
 * each spill group is read back, renumbered, sorted and encoded per token (long postings cut
 * into chunks), and the tokens are written one shard per bucket. Memory: the sort keys, one spill
 * buffer, one spill group and one shard. The caller owns the storage (temporary files in
 * scripts/build-archive.ts, arrays in the specs).
 */

import type { ParsedDocument } from '../parse/types';
import { hashString } from '../hash';
import {
	compareCatalogPages,
	catalogLocator,
	catalogPage,
	encodeCatalogLocator,
	encodeCatalogShard,
	groupCatalog,
	indexArticlesName,
	indexChunkName,
	indexShardName,
	type ArchiveManifest,
	type CatalogPage,
	type CatalogSortKey,
	type ManifestCatalogEntry,
	type ManifestIndex
} from './catalog';
import { ARCHIVE_FORMAT } from './version';
import {
	ChunkWriter,
	articleSearchText,
	encodeShard,
	forEachToken,
	tokenBucket,
	type TokenChunks
} from './format';

/** Receives spilled triples of one spill group, to be handed back by `readGroup` later. */
export type SpillSink = (group: number, triples: Uint32Array) => void;

/** Keeps catalog pages out of memory until the catalog is written: a handle back per page. */
export interface CatalogStash {
	put(page: CatalogPage): number;
	get(handle: number): CatalogPage;
}

/** The default stash: in memory, for tests and small archives. */
export function memoryStash(): CatalogStash {
	const pages: CatalogPage[] = [];
	return { put: (page) => pages.push(page) - 1, get: (handle) => pages[handle] };
}

export interface BuilderOptions {
	/** 2^spillBits spill groups. Default 12: about 4,000 spill files. */
	spillBits?: number;
	/** Words buffered in memory across groups before spilling. Default 4M (16 MB). */
	bufferWords?: number;
	/**
	 * Shards are 2^bucketBits buckets; by default as many as make shards of about `shardBytes`,
	 * estimated from the token count, so the count grows with the text.
	 */
	bucketBits?: number;
	/** Target shard size. Default 24 KB. */
	shardBytes?: number;
	/** A token's postings are cut into chunks of about this size. Default 8 KB. */
	chunkBytes?: number;
	catalog?: CatalogStash;
}

/** A file of the finished archive. */
export interface ArchiveFile {
	name: string;
	bytes: Uint8Array;
}

/**
 * Shard bytes per token occurrence, measured on the synthetic archive: postings take about 3 bytes an
 * occurrence, but only each token's first chunk is in its shard.
 */
const SHARD_BYTES_PER_TOKEN = 2;
const MAX_BUCKET_BITS = 20;
const EMPTY = new Uint8Array(0);

interface PageKey extends CatalogSortKey {
	articles: number;
	/** Arrival number of the page's first article. */
	arrivalFirst: number;
	handle: number;
}

export class ArchiveBuilder {
	private readonly spillBits: number;
	private readonly buffers: Uint32Array[];
	private readonly fill: Int32Array;
	private buffered = 0;
	private tokens = 0;
	private readonly bufferWords: number;
	private readonly stash: CatalogStash;
	private readonly keys: PageKey[] = [];
	private articleCount = 0;

	constructor(
		private readonly spill: SpillSink,
		private readonly options: BuilderOptions = {}
	) {
		this.spillBits = options.spillBits ?? 12;
		this.bufferWords = options.bufferWords ?? 4 << 20;
		this.stash = options.catalog ?? memoryStash();
		const groups = 1 << this.spillBits;
		this.buffers = Array.from({ length: groups }, () => new Uint32Array(0));
		this.fill = new Int32Array(groups);
	}

	/** Adds one page; `hash` names its content (the page file's bytes). */
	addPage(doc: ParsedDocument, hash: string): void {
		const page = catalogPage(doc, hash);
		this.keys.push({
			id: page.id,
			paper: page.paper,
			date: page.date,
			page: page.page,
			articles: page.articles.length,
			arrivalFirst: this.articleCount,
			handle: this.stash.put(page)
		});
		for (const article of doc.articles) {
			const number = this.articleCount++;
			forEachToken(articleSearchText(article), (key, offset) =>
				this.push(tokenBucket(key, this.spillBits), key, number, offset)
			);
		}
		if (this.buffered >= this.bufferWords) this.flush();
	}

	private push(group: number, key: number, article: number, offset: number): void {
		let buffer = this.buffers[group];
		let n = this.fill[group];
		if (n + 3 > buffer.length) {
			const bigger = new Uint32Array(Math.max(48, buffer.length * 2));
			bigger.set(buffer.subarray(0, n));
			buffer = this.buffers[group] = bigger;
		}
		buffer[n++] = key;
		buffer[n++] = article;
		buffer[n++] = offset;
		this.fill[group] = n;
		this.buffered += 3;
		this.tokens++;
	}

	/** Hands every buffered triple to the sink. */
	flush(): void {
		for (let g = 0; g < this.buffers.length; g++) {
			if (this.fill[g] > 0) this.spill(g, this.buffers[g].slice(0, this.fill[g]));
			this.fill[g] = 0;
			// Release the big buffers: a later page may not need them.
			if (this.buffers[g].length > 4096) this.buffers[g] = new Uint32Array(0);
		}
		this.buffered = 0;
	}

	/** The shard count's log2: as given, else shards of about the target size. */
	private chooseBucketBits(): number {
		if (this.options.bucketBits !== undefined) return this.options.bucketBits;
		const target = this.options.shardBytes ?? 12 * 1024;
		const shards = (this.tokens * SHARD_BYTES_PER_TOKEN) / target;
		return Math.max(0, Math.min(MAX_BUCKET_BITS, Math.ceil(Math.log2(Math.max(1, shards)))));
	}

	/**
	 * Ends the input: spills what is buffered, sorts the catalog and writes its shards, then reads
	 * back each spill group with `readGroup` and writes the index through `write`. Returns the
	 * manifest.
	 */
	finish(
		readGroup: (group: number) => Uint32Array,
		write: (file: ArchiveFile) => void
	): ArchiveManifest {
		this.flush();
		const keys = this.keys;
		keys.sort(compareCatalogPages);
		// Arrival article number → archive article number.
		const renumber = new Uint32Array(this.articleCount);
		let next = 0;
		for (const key of keys)
			for (let k = 0; k < key.articles; k++) renumber[key.arrivalFirst + k] = next++;
		const catalog = this.writeCatalog(write);

		const bucketBits = this.chooseBucketBits();
		const chunkBytes = this.options.chunkBytes ?? 4 * 1024;
		const index: ManifestIndex = {
			id: hashString(
				JSON.stringify([ARCHIVE_FORMAT, bucketBits, chunkBytes, catalog.map((e) => e.name)])
			),
			shards: 1 << bucketBits,
			shardBytes: 0,
			chunkFiles: 0,
			chunkBytes: 0
		};
		let nextBucket = 0;
		const pending = new Map<number, TokenChunks[]>();
		const emitUpTo = (end: number) => {
			for (; nextBucket < end; nextBucket++) {
				const bytes = encodeShard(pending.get(nextBucket) ?? []);
				pending.delete(nextBucket);
				write({ name: indexShardName(index, nextBucket), bytes });
				index.shardBytes += bytes.length;
			}
		};
		const groups = 1 << this.spillBits;
		for (let g = 0; g < groups; g++) {
			for (const token of encodeGroup(readGroup(g), renumber, chunkBytes)) {
				for (let k = 1; k < token.chunks.length; k++) {
					const chunk = token.chunks[k];
					write({ name: indexChunkName(index, token.key, k), bytes: chunk.bytes });
					index.chunkFiles++;
					index.chunkBytes += chunk.length;
					// Written: the shard needs only its length.
					chunk.bytes = EMPTY;
				}
				token.lists.forEach((list, k) => {
					write({ name: indexArticlesName(index, token.key, k), bytes: list.bytes });
					index.chunkFiles++;
					index.chunkBytes += list.length;
					list.bytes = EMPTY;
				});
				const bucket = tokenBucket(token.key, bucketBits);
				const list = pending.get(bucket);
				if (list) list.push(token);
				else pending.set(bucket, [token]);
			}
			// Buckets whose hashes all lie before the next group's are complete.
			emitUpTo(Math.floor((g + 1) * 2 ** (bucketBits - this.spillBits)));
		}
		emitUpTo(index.shards);
		return {
			format: ARCHIVE_FORMAT,
			bucketBits,
			pages: keys.length,
			articles: this.articleCount,
			catalog,
			index
		};
	}

	/**
	 * Catalog shards in archive order, their pages read back from the stash one shard at a time,
	 * each with its locator beside it.
	 */
	private writeCatalog(write: (file: ArchiveFile) => void): ManifestCatalogEntry[] {
		return groupCatalog(this.keys, (key) => key.articles).map((run) => {
			const pages = run.pages.map((key) => this.stash.get(key.handle));
			const shard = { paper: run.paper, month: run.month, firstArticle: run.firstArticle, pages };
			const file = encodeCatalogShard(shard);
			const locator = encodeCatalogLocator(catalogLocator(shard));
			write(file);
			write(locator);
			return {
				paper: run.paper,
				month: run.month,
				name: file.name,
				locator: locator.name,
				bytes: file.bytes.length,
				pages: pages.length,
				firstArticle: run.firstArticle,
				articles: run.pages.reduce((sum, key) => sum + key.articles, 0)
			};
		});
	}
}

/**
 * One spill group's triples, renumbered into archive order (in place: the triples are consumed)
 * and encoded per token (by key), each token's postings cut into chunks of about `chunkBytes`.
 * Memory: the triples and two words per triple.
 */
export function encodeGroup(
	triples: Uint32Array,
	renumber: Uint32Array,
	chunkBytes: number
): TokenChunks[] {
	const n = triples.length / 3;
	for (let i = 1; i < triples.length; i += 3) triples[i] = renumber[triples[i]];
	const order = new Uint32Array(n);
	for (let i = 0; i < n; i++) order[i] = 3 * i;
	order.sort(
		(a, b) =>
			triples[a] - triples[b] || triples[a + 1] - triples[b + 1] || triples[a + 2] - triples[b + 2]
	);
	const offsets = new Uint32Array(n);
	for (let i = 0; i < n; i++) offsets[i] = triples[order[i] + 2];
	const out: TokenChunks[] = [];
	let i = 0;
	while (i < n) {
		const key = triples[order[i]];
		const writer = new ChunkWriter(chunkBytes);
		while (i < n && triples[order[i]] === key) {
			const article = triples[order[i] + 1];
			const from = i;
			while (i < n && triples[order[i]] === key && triples[order[i] + 1] === article) i++;
			writer.add(article, offsets, from, i);
		}
		out.push({ key, ...writer.finish() });
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
