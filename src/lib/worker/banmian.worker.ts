/// <reference lib="webworker" />
// The worker: parsing, indexing and searching happen here, off the main thread. It stays
// thin; the logic lives in core.
import * as Comlink from 'comlink';
import { decodeBytes, parsePage, PARSER_VERSION } from '../core/parse/index';
import {
	importedDocId,
	MAX_IMPORT_BYTES,
	NOT_TEXT_MESSAGE,
	sniffBytes,
	TOO_BIG_MESSAGE
} from '../core/import/sniff';
import type { ParsedDocument, SidecarMeta } from '../core/parse/types';
import type { SearchIndex, SearchSnapshot } from '../core/search/index';
import type { SearchResult } from '../core/search/types';
import {
	failedSummary,
	summariseDocument,
	SUMMARY_VERSION,
	UNPARSABLE_NOTICE,
	unparsableSummary,
	type DocumentSummary
} from '../core/library/summary';
import { hashString } from '../core/hash';
import {
	loadLibrary,
	loadParse,
	loadParses,
	loadSnapshot,
	loadUnparsable,
	parseCacheKey,
	saveLibrary,
	saveParses,
	saveSnapshot,
	saveUnparsable,
	type CachedParse
} from '../platform/caches';
import type {
	ArchiveMonth,
	DocumentSource,
	IndexProgress,
	ParseNotice,
	SearchAnswer,
	SearchFacets,
	SearchRequest
} from './types';
import type { ArchiveSession } from './archive';
import { archivePapers, pageSidecar } from '../core/archive/pages';
import type { PageFileRef } from '../core/archive/catalog';

const documents = new Map<string, ParsedDocument>();
/** Content hash of each document's text: with the versions, the index snapshot's key. */
const hashes = new Map<string, string>();
// The search engine (FlexSearch and the index code) loads with the first search, not with the
// worker: opening a page only needs the parser.
const searchModule = () => import('../core/search/index');
// Archive mode only: its search code (and the normaliser it brings) stays off a bundled library's start.
const archiveModule = () => import('./archive');
let index: SearchIndex | null = null;
let indexing: Promise<void> | null = null;
let progress: IndexProgress = { indexed: 0, total: 0, ready: false, restored: false };
/** Parses kept from earlier visits, read once per worker. */
let cachedParses: Promise<Map<string, CachedParse>> | null = null;
/**
 * Bundled pages listed from the cached library but not read back yet (id → where from): their
 * parses load one by one when opened, or all together when something needs every page.
 */
const deferred = new Map<string, { key: string; source: DocumentSource }>();
let readingBack: Promise<void> | null = null;

/** Every page, listed or loaded. */
function allIds(): string[] {
	return [...documents.keys(), ...deferred.keys()];
}

/** Reads back every deferred page (parsing again any whose cached parse has gone). */
function allDocuments(): Promise<void> {
	if (!deferred.size) return Promise.resolve();
	readingBack ??= (async () => {
		const stored = await (cachedParses ??= loadParses());
		for (const [id, { key, source }] of [...deferred]) {
			if (!deferred.has(id)) continue;
			const hit = stored.get(key);
			if (hit) {
				documents.set(id, hit.document);
				hashes.set(id, hit.hash);
			} else {
				await loadOne(source);
			}
			deferred.delete(id);
		}
	})().finally(() => (readingBack = null));
	return readingBack;
}

/** The static archive, in archive mode: opened by the library (archiveOpen). */
let archive: ArchiveSession | null = null;
/** Archive pages parsed (kept apart from `documents`: the archive's own index searches them). */
const archiveDocuments = new Map<string, Promise<ParsedDocument>>();
/** Parsed archive pages kept in memory; older ones are parsed again from their file. */
const ARCHIVE_PAGES_KEPT = 64;

/** An archive page, fetched (from the device when there) and parsed. */
function archiveDocument(page: PageFileRef): Promise<ParsedDocument> {
	let pending = archiveDocuments.get(page.id);
	if (!pending) {
		pending = (async () => {
			const session = archive!;
			const decoded = decodeBytes(await session.pageFile(page));
			const sidecar = pageSidecar(page);
			const document = await watchedParse(
				decoded.text,
				page.source,
				sidecar,
				contentHash(decoded.text, sidecar)
			);
			document.diagnostics.unshift(...decoded.diagnostics);
			return document;
		})();
		archiveDocuments.set(page.id, pending);
		pending.catch(() => archiveDocuments.delete(page.id));
		if (archiveDocuments.size > ARCHIVE_PAGES_KEPT) {
			archiveDocuments.delete(archiveDocuments.keys().next().value as string);
		}
	}
	return pending;
}

/** One page, read back from the cache on first use when it was only listed. */
async function documentById(id: string): Promise<ParsedDocument | null> {
	const known = documents.get(id);
	if (known) return known;
	const inArchive = await archive?.find(id);
	if (inArchive) return archiveDocument(inArchive);
	const waiting = deferred.get(id);
	if (!waiting) return null;
	const hit = await loadParse(waiting.key);
	if (hit && hit.document.id === id) {
		documents.set(id, hit.document);
		hashes.set(id, hit.hash);
		deferred.delete(id);
		return hit.document;
	}
	// The cached parse has gone (caches dropped on a full disk, say): parse the page again.
	await loadOne(waiting.source);
	deferred.delete(id);
	return documents.get(id) ?? null;
}

/** Fetches and parses in flight at once. */
const LOAD_LANES = 6;
/**
 * Summaries go to the page at most this many in one message: the page reads each message in one
 * task, and a thousand summaries at once (some 4 MB) took it over 100 ms on a slow phone, where
 * 50 take a few.
 */
const MESSAGE_SUMMARIES = 50;
/** While parsing, a batch goes when it is full or this long after the last one. */
const REPORT_INTERVAL_MS = 150;
/** Below this many new pages, pages are added one by one; above it, in one bulk build. */
const BULK_THRESHOLD = 32;

function isSnapshot(value: unknown): value is SearchSnapshot {
	return typeof value === 'object' && value !== null && 'version' in value && 'docs' in value;
}

async function indexAll(onProgress?: (progress: IndexProgress) => void): Promise<void> {
	const search = await searchModule();
	const key = search.indexCacheKey([...hashes.values()], String(PARSER_VERSION));
	const total = allIds().length;
	progress = { indexed: 0, total, ready: false, restored: false };
	onProgress?.(progress);
	let current = index ?? new search.SearchIndex();
	let restored = false;
	if (current.docIds().length === 0) {
		const snapshot = await loadSnapshot(key);
		if (isSnapshot(snapshot)) {
			try {
				current = search.SearchIndex.import(snapshot);
				restored = true;
			} catch {
				current = new search.SearchIndex(); // another version or a damaged record: rebuild
			}
		}
	}
	index = current;
	// A restored index may already hold the pages only listed so far; otherwise read them back.
	if ([...deferred.keys()].some((id) => !current.has(id))) await allDocuments();
	const pending = [...documents.values()].filter((doc) => !current.has(doc.id));
	if (pending.length >= BULK_THRESHOLD) current.addAll(pending);
	else for (const doc of pending) current.add(doc);
	progress = { indexed: total, total, ready: true, restored };
	onProgress?.(progress);
	if (!pending.length) return;
	// Saved under the pages it really holds: one imported while it was built must not hide under
	// a key without it, where a library without it (an embed) would restore it.
	const held = current.docIds().map((id) => hashes.get(id) ?? '');
	await saveSnapshot(search.indexCacheKey(held, String(PARSER_VERSION)), current.export());
}

/** The index snapshot's key input: page details given by hand change the index too. */
function contentHash(text: string, sidecar: SidecarMeta | null | undefined): string {
	return sidecar ? hashString(`${JSON.stringify(sidecar)}\n${text}`) : hashString(text);
}

/** Pages the parser gave up on (see loadUnparsable), including any the client reports. */
const unparsable = new Map<string, string>();
let unparsableRead: Promise<void> | null = null;

function readUnparsable(): Promise<void> {
	unparsableRead ??= loadUnparsable(PARSER_VERSION).then((stored) => {
		for (const [key, reason] of stored) if (!unparsable.has(key)) unparsable.set(key, reason);
	});
	return unparsableRead;
}

/** A page the parser gave up on; the message is why. */
class Unparsable extends Error {
	override name = 'Unparsable';
}

/** Tells the client around each parse, so it can stop a worker stuck in one. */
function announce(notice: ParseNotice): void {
	(globalThis as { postMessage?: (message: ParseNotice) => void }).postMessage?.(notice);
}

function reasonOf(error: unknown): string {
	const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * Parses a page under the client's watch, unless it is known to make the parser give up. A
 * parse that throws is remembered (by content and parser version) and fails with its reason.
 * `stored` is false for the opened page on a first visit, which must not wait for the cache.
 */
async function watchedParse(
	text: string,
	name: string,
	sidecar: SidecarMeta | null,
	hash: string,
	options: { stored?: boolean; token?: string } = {}
): Promise<ParsedDocument> {
	const key = `${PARSER_VERSION}|${hash}`;
	if (options.stored ?? true) await readUnparsable();
	const known = unparsable.get(key);
	if (known !== undefined) throw new Unparsable(known);
	announce({ banmianParse: 'start', key, characters: text.length, token: options.token });
	try {
		return parsePage(text, name, sidecar);
	} catch (error) {
		const reason = reasonOf(error);
		unparsable.set(key, reason);
		void saveUnparsable(key, reason);
		throw new Unparsable(reason);
	} finally {
		announce({ banmianParse: 'end' });
	}
}

async function readSource(source: DocumentSource): Promise<Uint8Array> {
	if (source.bytes) return new Uint8Array(source.bytes);
	if (!source.url) throw new Error('这份文档既没有地址也没有内容');
	const response = await fetch(source.url);
	if (!response.ok) throw new Error(`无法载入 ${source.source}(HTTP ${response.status})`);
	return new Uint8Array(await response.arrayBuffer());
}

async function loadOne(source: DocumentSource, stored = true): Promise<DocumentSummary> {
	try {
		const decoded =
			source.text !== undefined
				? { text: source.text, encoding: source.encoding ?? 'utf-8', diagnostics: [] }
				: decodeBytes(await readSource(source), source.encoding);
		const hash = contentHash(decoded.text, source.sidecar);
		const document = await watchedParse(decoded.text, source.source, source.sidecar, hash, {
			stored
		});
		document.diagnostics.unshift(...decoded.diagnostics);
		const encoding = decoded.encoding;
		if (source.id) document.id = source.id;
		// a page parsed again (an import given new details) stays searchable
		const wasIndexed = index?.has(document.id) ?? false;
		documents.set(document.id, document);
		hashes.set(document.id, hash);
		if (wasIndexed) index?.add(document);
		return summariseDocument(document, encoding, source.imported ?? false);
	} catch (error) {
		if (error instanceof Unparsable) {
			// an import parsed again (new page details) must not leave its old parse searchable
			if (source.id) void api.removeDocument(source.id);
			return unparsableSummary(source, error.message);
		}
		return failedSummary(source, error instanceof Error ? error.message : String(error));
	}
}

/** An imported file, decoded and parsed, waiting for the page to be stored before it counts. */
export interface PreparedImport {
	id: string;
	/** The decoded text, to be stored. */
	text: string;
	encoding: string;
	size: number;
	summary: DocumentSummary;
}

/** The worker's part of an import: the reader's import also reads the file and saves it. */
export type WorkerImportPhase = 'decoding' | 'parsing';

// Imports parsed but not yet committed, by the caller's token: a cancelled or failed import
// never reaches `documents` or the index.
const preparedImports = new Map<string, { document: ParsedDocument; hash: string }>();
const discardedImports = new Set<string>();

/** A cached parse's summary, or null when the record is damaged (the page is parsed again). */
function summariseCached(hit: CachedParse): DocumentSummary | null {
	try {
		return summariseDocument(hit.document, hit.encoding, false);
	} catch {
		return null;
	}
}

/**
 * Hands `summaries` to `onBatch` a message's worth at a time; `done` counts the last one in. Each
 * batch says how many pages are done once it has arrived.
 */
function sendInMessages(
	summaries: DocumentSummary[],
	done: number,
	total: number,
	onBatch: (summaries: DocumentSummary[], done: number, total: number) => void
): void {
	const before = done - summaries.length;
	for (let at = 0; at < summaries.length; at += MESSAGE_SUMMARIES) {
		const batch = summaries.slice(at, at + MESSAGE_SUMMARIES);
		onBatch(batch, before + at + batch.length, total);
	}
}

/**
 * Parses every source, a few at a time in the given order (so the page the reader opened,
 * put first, is ready first), reporting finished summaries in batches so the page renders a
 * few times, not once per document. Returns all summaries in the order of `sources`.
 */
async function parseSources(
	sources: DocumentSource[],
	onBatch?: (summaries: DocumentSummary[], done: number, total: number) => void
): Promise<DocumentSummary[]> {
	const results: DocumentSummary[] = new Array(sources.length);
	let pending: DocumentSummary[] = [];
	let done = 0;
	let lastReport = 0;
	const report = (force: boolean) => {
		if (!onBatch || !pending.length) return;
		if (
			!force &&
			pending.length < MESSAGE_SUMMARIES &&
			Date.now() - lastReport < REPORT_INTERVAL_MS
		) {
			return;
		}
		sendInMessages(pending, done, sources.length, onBatch);
		pending = [];
		lastReport = Date.now();
	};
	const keys = sources.map((source) => parseCacheKey(source, PARSER_VERSION));
	const anyBundled = keys.some(Boolean);
	const parsedNow = new Map<string, CachedParse>();
	/** Keeps a page parsed now for the parse cache. */
	const rememberParse = (at: number) => {
		const document = documents.get(results[at].id);
		const hash = hashes.get(results[at].id);
		const key = keys[at];
		if (key && document && hash && !results[at].error) {
			parsedNow.set(key, { document, encoding: results[at].encoding, hash });
		}
	};
	// The opened page, when the page has fetched its text already (a first visit), is parsed and
	// shown before the caches are even opened: on a first visit they hold nothing anyway.
	const early = sources[0]?.bytes && !sources[0].imported ? 1 : 0;
	if (early) {
		results[0] = await loadOne(sources[0], false);
		rememberParse(0);
		done = 1;
		onBatch?.([results[0]], 1, sources.length);
		lastReport = Date.now();
	}
	const bundledOnly = keys.length > 0 && keys.every((key): key is string => key !== null);
	const libraryKey = bundledOnly ? hashString([SUMMARY_VERSION, ...keys].join('\n')) : null;
	if (libraryKey) {
		const listed = await loadLibrary(libraryKey, keys as string[]);
		if (listed) {
			listed.summaries.forEach((summary, at) => {
				if (documents.has(summary.id)) return;
				deferred.set(summary.id, { key: listed.entries[at][0], source: sources[at] });
				hashes.set(summary.id, listed.entries[at][1]);
			});
			if (onBatch && listed.summaries.length > early) {
				sendInMessages(listed.summaries.slice(early), sources.length, sources.length, onBatch);
			}
			return listed.summaries;
		}
	}
	const stored = anyBundled ? await (cachedParses ??= loadParses()) : new Map();
	let next = early;
	const lane = async () => {
		while (next < sources.length) {
			const at = next++;
			const source = sources[at];
			const key = keys[at];
			const hit = key ? stored.get(key) : undefined;
			const listed = hit && summariseCached(hit);
			if (hit && listed) {
				documents.set(hit.document.id, hit.document);
				hashes.set(hit.document.id, hit.hash);
				results[at] = listed;
			} else {
				results[at] = await loadOne(source);
				rememberParse(at);
			}
			done++;
			pending.push(results[at]);
			// The first page is reported at once: it is usually the one being opened.
			report(done === 1);
		}
	};
	await Promise.all(Array.from({ length: Math.min(LOAD_LANES, sources.length) }, lane));
	report(true);
	if (anyBundled) {
		// Bundled pages no longer in the build (or parsed by an older parser) are forgotten.
		const wanted = new Set(keys);
		void saveParses(
			parsedNow,
			[...stored.keys()].filter((key) => !wanted.has(key))
		);
	}
	if (libraryKey && results.every((summary) => !summary.error)) {
		void saveLibrary(libraryKey, {
			summaries: results,
			entries: results.map((summary, at) => [keys[at]!, hashes.get(summary.id) ?? ''])
		});
	}
	return results;
}

/** The index, with every page loaded so far in it (pages can arrive from another tab). */
async function currentIndex(): Promise<SearchIndex> {
	if (!index || !allIds().every((id) => index!.has(id))) await api.buildIndex();
	return index!;
}

export const api = {
	/**
	 * Checks, decodes and parses an imported file (bytes transferred, not copied). Throws with
	 * the reader's message when it is too big or not text. Nothing is kept until `commitImport`.
	 */
	async prepareImport(
		file: { name: string; bytes: ArrayBuffer; encoding?: string; sidecar: SidecarMeta | null },
		token: string,
		onPhase?: (phase: WorkerImportPhase) => void
	): Promise<PreparedImport> {
		if (file.bytes.byteLength > MAX_IMPORT_BYTES) throw new Error(TOO_BIG_MESSAGE);
		const bytes = new Uint8Array(file.bytes);
		const sniffed = sniffBytes(bytes);
		if (!sniffed.text) throw new Error(NOT_TEXT_MESSAGE);
		onPhase?.('decoding');
		const decoded = decodeBytes(bytes, file.encoding ?? sniffed.encoding);
		onPhase?.('parsing');
		const hash = contentHash(decoded.text, file.sidecar);
		let document: ParsedDocument;
		try {
			document = await watchedParse(decoded.text, file.name, file.sidecar, hash, { token });
		} catch (error) {
			if (error instanceof Unparsable) throw new Error(`${UNPARSABLE_NOTICE}:${error.message}`);
			throw error;
		}
		document.diagnostics.unshift(...decoded.diagnostics);
		document.id = importedDocId(bytes);
		document.encoding = decoded.encoding;
		if (discardedImports.delete(token)) throw new DOMException('cancelled', 'AbortError');
		preparedImports.set(token, { document, hash });
		return {
			id: document.id,
			text: decoded.text,
			encoding: decoded.encoding,
			size: bytes.byteLength,
			summary: summariseDocument(document, decoded.encoding, true)
		};
	},

	/** The stored import joins the library and, when an index exists, the index. */
	async commitImport(token: string): Promise<boolean> {
		const prepared = preparedImports.get(token);
		preparedImports.delete(token);
		if (!prepared) return false;
		const { document, hash } = prepared;
		documents.set(document.id, document);
		// the snapshot's key must know this page, or a later visit could restore a stale index
		hashes.set(document.id, hash);
		// a search that already built its index would not look again: add the page now
		if (index && (progress.ready || indexing || index.has(document.id))) index.add(document);
		return true;
	},

	/** Forgets a prepared import (cancelled, or its page could not be stored). */
	async discardImport(token: string): Promise<void> {
		if (!preparedImports.delete(token)) discardedImports.add(token);
	},

	/**
	 * The client stopped this worker's predecessor stuck parsing the page with this key: it is
	 * listed as unparsable from now on, on later visits too (until the parser version changes).
	 */
	async markUnparsable(key: string, reason: string): Promise<void> {
		unparsable.set(key, reason);
		await saveUnparsable(key, reason);
	},

	/** Drops a page (a removed import) from the library and the search index. */
	async removeDocument(id: string): Promise<void> {
		documents.delete(id);
		deferred.delete(id);
		hashes.delete(id);
		index?.remove(id);
	},

	/** Parses every source (see parseSources) and answers with all their summaries, in order. */
	loadDocuments(sources: DocumentSource[]): Promise<DocumentSummary[]> {
		return parseSources(sources);
	},

	/**
	 * Parses every source and hands each summary over exactly once, in batches; answers with how
	 * many there were. The library uses this: a second copy of every summary in the answer
	 * would cost the page as much again to receive.
	 */
	async streamDocuments(
		sources: DocumentSource[],
		onBatch: (summaries: DocumentSummary[], done: number, total: number) => void
	): Promise<number> {
		return (await parseSources(sources, onBatch)).length;
	},

	getDocument(id: string): Promise<ParsedDocument | null> {
		return documentById(id);
	},

	/** Indexes every loaded page not yet in the index; concurrent calls share one run. */
	async buildIndex(onProgress?: (progress: IndexProgress) => void): Promise<IndexProgress> {
		if (progress.ready && allIds().every((id) => index?.has(id))) {
			onProgress?.(progress);
			return progress;
		}
		indexing ??= indexAll(onProgress).finally(() => (indexing = null));
		await indexing;
		return progress;
	},

	/**
	 * Pages on the device (imported, or bundled) first, in their ranking; then the archive's, in
	 * archive order (newest first). The total is the sum; `offset` runs through both in turn.
	 * With `exactTotal: false` the archive's part of the total may be a lower bound (the answer
	 * says so); the on-device part is always exact.
	 */
	async search(query: string, options: SearchRequest): Promise<SearchAnswer> {
		const local: SearchResult = (await currentIndex()).search(query, options);
		if (!archive) return { ...local, totalExact: true };
		const localTotal = local.total;
		const found = await archive.search(query, {
			offset: Math.max(0, options.offset - localTotal),
			limit: options.limit - local.hits.length,
			filters: options.filters,
			exactTotal: options.exactTotal
		});
		return { ...found, total: localTotal + found.total, hits: [...local.hits, ...found.hits] };
	},

	/**
	 * Opens the static archive at `base` (archive mode): its months, and the newest month's pages
	 * as the library lists them. Throws with the reader's message when there is none to be had.
	 */
	async archiveOpen(
		base: string
	): Promise<{ months: ArchiveMonth[]; summaries: DocumentSummary[] }> {
		if (archive?.base !== base)
			archive = await (await archiveModule()).ArchiveSession.open(base, archiveDocument);
		return { months: archive.months(), summaries: await archive.newest() };
	},

	/** One month of the archive (of one paper, or every paper when `paper` is undefined). */
	async archiveMonth(
		paper: string | null | undefined,
		month: string | null
	): Promise<DocumentSummary[]> {
		return archive ? archive.month(paper, month) : [];
	},

	/** An archive page's full summary, once its file is parsed; null when it is not known. */
	async archivePage(id: string): Promise<DocumentSummary | null> {
		const page = await archive?.find(id);
		if (!page) return null;
		archive!.remember(id);
		try {
			return summariseDocument(await archiveDocument(page), 'utf-8', false);
		} catch (error) {
			if (error instanceof Unparsable) return unparsableSummary(page, error.message);
			return failedSummary(page, error instanceof Error ? error.message : String(error));
		}
	},

	/** The files an offline copy of these catalog shards needs: the shards and their pages. */
	async archiveFiles(names: string[]): Promise<string[]> {
		return archive ? archive.offlineFiles(names) : [];
	},

	/** Where a query's terms occur in an article's paragraphs, in reading order. */
	async findInArticle(
		docId: string,
		articleId: string,
		query: string
	): Promise<{ paragraph: number; start: number; end: number }[]> {
		const article = (await documentById(docId))?.articles.find((a) => a.id === articleId);
		if (!article || !query.trim()) return [];
		const { highlight } = await searchModule();
		return article.paragraphs.flatMap((text, paragraph) =>
			highlight(text, query).map(([start, end]) => ({ paragraph, start, end }))
		);
	},

	/** Where a query's terms occur in a page's non-article blocks, block by block. */
	async findInBlocks(docId: string, query: string): Promise<[number, number][][]> {
		const blocks = (await documentById(docId))?.blocks ?? [];
		if (!query.trim()) return blocks.map(() => []);
		const { highlight } = await searchModule();
		return blocks.map((block) => highlight(block.text, query));
	},

	async searchFacets(): Promise<SearchFacets> {
		const facets = (await currentIndex()).facets();
		// the archive's papers from its manifest (its pages, bylines and dates are not all loaded)
		const archived = archive ? archivePapers(archive.manifest.catalog).map((p) => p.paper) : [];
		return {
			papers: [...new Set([...facets.papers.map((f) => f.value), ...archived])],
			pages: facets.pages.map((f) => f.value),
			reporters: facets.reporters.map((f) => f.value),
			dates: facets.dates.map((f) => f.value)
		};
	}
};

export type WorkerApi = typeof api;

// Exposed only inside a worker: unit tests call the same api in Node.
if ('WorkerGlobalScope' in globalThis) Comlink.expose(api);
