/**
 * Building the archive in bounded memory. Pages arrive in any order; each is tokenised once and
 * its postings leave at once through a sink, by spill group, as raw triples (token key, article
 * number in arrival order, offset); its catalog entry leaves through another sink, and only its
 * sort key stays. When every page is in, the sort keys are sorted into archive order, which gives
 * each arrival number its archive number, and the catalog shards are written one at a time; then
 * each spill group is read back, renumbered, sorted and encoded per token (long postings cut
 * into chunks), and the tokens are written one shard per bucket; a group larger than
 * `groupWords` is sorted in runs that are spilled again and merged. Memory: the sort keys, one
 * spill buffer, at most `groupWords` words of a group with their sort, and one shard, whatever
 * the text's size. The caller owns the storage (temporary files in scripts/build-archive.ts,
 * arrays in the specs).
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

/**
 * Temporary files of 32-bit words: the spill groups (files 0 … 2^spillBits − 1) and, for a group
 * too large to sort at once, its sorted runs (the files after them). Temporary files in
 * scripts/build-archive.ts, arrays in memory for tests and small archives.
 */
export interface SpillStore {
	/** Appends a copy of `words` to `file` (the caller reuses the array). */
	append(file: number, words: Uint32Array): void;
	/** Words in `file`; 0 for a file never written. */
	size(file: number): number;
	/** Copies the words of `file` from word `at` into `into`, as many as fit; returns how many. */
	read(file: number, at: number, into: Uint32Array): number;
	/** Drops `file`: it is read to the end. */
	remove(file: number): void;
}

/** A spill store in memory, for tests and small archives. */
export function memorySpillStore(): SpillStore {
	const files = new Map<number, { words: Uint32Array; length: number }>();
	return {
		append(file, words) {
			let entry = files.get(file);
			if (!entry) files.set(file, (entry = { words: new Uint32Array(words.length), length: 0 }));
			if (entry.length + words.length > entry.words.length) {
				const bigger = new Uint32Array(
					Math.max(2 * entry.words.length, entry.length + words.length)
				);
				bigger.set(entry.words.subarray(0, entry.length));
				entry.words = bigger;
			}
			entry.words.set(words, entry.length);
			entry.length += words.length;
		},
		size: (file) => files.get(file)?.length ?? 0,
		read(file, at, into) {
			const entry = files.get(file);
			if (!entry) return 0;
			const part = entry.words.subarray(at, Math.min(entry.length, at + into.length));
			into.set(part);
			return part.length;
		},
		remove: (file) => void files.delete(file)
	};
}

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
	 * Words of a spill group sorted at once. A larger group is sorted in runs of this size, each
	 * spilled again, and the runs merged, so memory does not grow with the most frequent token.
	 * Default 2M (8 MB).
	 */
	groupWords?: number;
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
		private readonly store: SpillStore,
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

	/** Appends every buffered triple to its group's spill file. */
	flush(): void {
		for (let g = 0; g < this.buffers.length; g++) {
			if (this.fill[g] > 0) this.store.append(g, this.buffers[g].subarray(0, this.fill[g]));
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
	 * back each spill group from the store and writes the index through `write`. Returns the
	 * manifest.
	 */
	finish(write: (file: ArchiveFile) => void): ArchiveManifest {
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
		const encoder = new GroupEncoder(this.store, renumber, {
			chunkBytes,
			groupWords: this.options.groupWords ?? 2 << 20,
			firstRunFile: groups
		});
		for (let g = 0; g < groups; g++) {
			encoder.encode(g, (token) => {
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
			});
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
 * Encodes spill groups, one at a time: reads the group's triples, renumbers them into archive
 * order and hands every token to `emit` in ascending key order, its postings (ascending article,
 * then offset) cut into chunks. A group of at most `groupWords` words is sorted at once; a larger
 * one is read in blocks of that size, each sorted into a run spilled back to the store, and the
 * runs merged (each read through a buffer of a share of `groupWords`). Memory: about 15 bytes a
 * word of `groupWords` (the words, their sorted copy, the order and V8's sort of it: 30 MB at the
 * default) and the postings of one token, whatever the group's size.
 */
class GroupEncoder {
	private readonly groupWords: number;
	private readonly chunkBytes: number;
	private readonly firstRunFile: number;
	private block = new Uint32Array(0);
	private sorted = new Uint32Array(0);
	private order = new Uint32Array(0);

	constructor(
		private readonly store: SpillStore,
		private readonly renumber: Uint32Array,
		options: { groupWords: number; chunkBytes: number; firstRunFile: number }
	) {
		// Whole triples, at least one.
		this.groupWords = Math.max(3, options.groupWords - (options.groupWords % 3));
		this.chunkBytes = options.chunkBytes;
		this.firstRunFile = options.firstRunFile;
	}

	encode(group: number, emit: (token: TokenChunks) => void): void {
		const size = this.store.size(group);
		if (size === 0) return;
		const tokens = new TokenSink(this.chunkBytes, emit);
		if (size <= this.groupWords) {
			const triples = this.readSorted(group, 0, size);
			const order = this.order;
			for (let i = 0; i < size / 3; i++) {
				const at = order[i];
				tokens.add(triples[at], triples[at + 1], triples[at + 2]);
			}
		} else {
			const runs: RunCursor[] = [];
			if (this.sorted.length < this.groupWords) this.sorted = new Uint32Array(this.groupWords);
			for (let at = 0; at < size; at += this.groupWords) {
				const n = Math.min(this.groupWords, size - at);
				const triples = this.readSorted(group, at, n);
				const sorted = this.sorted;
				const order = this.order;
				for (let i = 0; i < n / 3; i++) {
					const from = order[i];
					sorted[3 * i] = triples[from];
					sorted[3 * i + 1] = triples[from + 1];
					sorted[3 * i + 2] = triples[from + 2];
				}
				const file = this.firstRunFile + runs.length;
				this.store.append(file, this.sorted.subarray(0, n));
				runs.push(new RunCursor(this.store, file));
			}
			// The runs' read buffers share one group's worth of words.
			const share = Math.max(3, Math.floor(this.groupWords / runs.length / 3) * 3);
			for (const run of runs) run.start(share);
			mergeRuns(runs, (key, article, offset) => tokens.add(key, article, offset));
			for (const run of runs) this.store.remove(run.file);
		}
		tokens.finish();
		this.store.remove(group);
	}

	/**
	 * Reads `words` words of `group` from word `at`, renumbers their articles and leaves in
	 * `this.order` the triples' starts sorted by key, article and offset.
	 */
	private readSorted(group: number, at: number, words: number): Uint32Array {
		if (this.block.length < words)
			this.block = new Uint32Array(Math.min(this.groupWords, 2 * words));
		const triples = this.block.subarray(0, words);
		if (this.store.read(group, at, triples) !== words)
			throw new Error(`spill group ${group}: short read`);
		const renumber = this.renumber;
		for (let i = 1; i < words; i += 3) triples[i] = renumber[triples[i]];
		const n = words / 3;
		if (this.order.length < n) this.order = new Uint32Array(Math.min(this.groupWords / 3, 2 * n));
		const order = this.order.subarray(0, n);
		for (let i = 0; i < n; i++) order[i] = 3 * i;
		order.sort(
			(a, b) =>
				triples[a] - triples[b] ||
				triples[a + 1] - triples[b + 1] ||
				triples[a + 2] - triples[b + 2]
		);
		return triples;
	}
}

/** Sorted triples in, tokens out: each token's postings cut into chunks as its triples arrive. */
class TokenSink {
	private key = -1;
	private article = -1;
	private writer: ChunkWriter | null = null;
	private offsets = new Uint32Array(64);
	private count = 0;

	constructor(
		private readonly chunkBytes: number,
		private readonly emit: (token: TokenChunks) => void
	) {}

	/** The next triple in (key, article, offset) order. */
	add(key: number, article: number, offset: number): void {
		if (key !== this.key) {
			this.finish();
			this.key = key;
			this.writer = new ChunkWriter(this.chunkBytes);
		} else if (article !== this.article) this.addArticle();
		this.article = article;
		if (this.count === this.offsets.length) {
			const bigger = new Uint32Array(2 * this.count);
			bigger.set(this.offsets);
			this.offsets = bigger;
		}
		this.offsets[this.count++] = offset;
	}

	private addArticle(): void {
		this.writer?.add(this.article, this.offsets, 0, this.count);
		this.count = 0;
	}

	/** Emits the token in hand, if any. */
	finish(): void {
		if (!this.writer) return;
		this.addArticle();
		this.emit({ key: this.key, ...this.writer.finish() });
		this.writer = null;
		this.key = -1;
	}
}

/** Reads one sorted run of triples through a buffer, one triple at a time. */
class RunCursor {
	key = 0;
	article = 0;
	offset = 0;
	private buffer = new Uint32Array(0);
	private read = 0;
	private filled = 0;
	private at = 0;

	constructor(
		private readonly store: SpillStore,
		readonly file: number
	) {}

	/** Allocates the buffer (`words` words) and moves to the first triple. */
	start(words: number): boolean {
		this.buffer = new Uint32Array(words);
		return this.next();
	}

	/** Moves to the next triple; false at the end of the run. */
	next(): boolean {
		if (this.at === this.filled) {
			this.filled = this.store.read(this.file, this.read, this.buffer);
			this.read += this.filled;
			this.at = 0;
			if (this.filled === 0) return false;
		}
		const buffer = this.buffer;
		this.key = buffer[this.at];
		this.article = buffer[this.at + 1];
		this.offset = buffer[this.at + 2];
		this.at += 3;
		return true;
	}

	get done(): boolean {
		return this.filled === 0;
	}
}

function before(a: RunCursor, b: RunCursor): boolean {
	return a.key !== b.key
		? a.key < b.key
		: a.article !== b.article
			? a.article < b.article
			: a.offset < b.offset;
}

/** Merges started runs into one sorted stream through a binary heap of their current triples. */
function mergeRuns(
	runs: RunCursor[],
	add: (key: number, article: number, offset: number) => void
): void {
	const heap = runs.filter((run) => !run.done);
	const down = (i: number) => {
		for (;;) {
			const l = 2 * i + 1;
			if (l >= heap.length) return;
			const c = l + 1 < heap.length && before(heap[l + 1], heap[l]) ? l + 1 : l;
			if (!before(heap[c], heap[i])) return;
			[heap[c], heap[i]] = [heap[i], heap[c]];
			i = c;
		}
	};
	for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
	while (heap.length > 0) {
		const top = heap[0];
		add(top.key, top.article, top.offset);
		if (!top.next()) {
			const last = heap.pop() as RunCursor;
			if (heap.length === 0) return;
			heap[0] = last;
		}
		down(0);
	}
}
