import type { ParsedDocument, SidecarMeta } from '../core/parse/types';
import type { ImportedDocInfo, ImportedDocMeta } from '../core/state/types';
import type { ReadingStore } from '../platform/reading-store';
import { documentIdFromFileName } from '../core/parse/ids';
import { continuationsOf } from '../core/parse/links';
import { mergeByKey } from '../core/unique';
import { parseEmbedParams } from '../core/embed/protocol';
import { loadReadingStore } from './store-loader';
import { listSeeds } from '../platform/seeds';
import { underServiceWorker } from '../platform/sw-client';
import { workerClient } from '../worker/client';
import type { ArchiveMonth, DocumentSource } from '../worker/types';
import { archiveBase, archiveBuild } from '../platform/archive';
import {
	withStoredEncoding,
	type ArticleSummary,
	type DocumentSummary
} from '../core/library/summary';
import { groupPages, neighbours, type PageGroup } from '../core/library/grouping';

export interface ArticleRef {
	doc: string;
	article: string;
}

/** The page details a reader gave an imported page, as the parser's sidecar. */
export function importedSidecar(meta: ImportedDocMeta): SidecarMeta | null {
	const sidecar: SidecarMeta = {
		paper: meta.paper,
		date: meta.date,
		page: meta.pageNumber,
		pageName: meta.pageName
	};
	return Object.values(sidecar).some((v) => v !== undefined) ? sidecar : null;
}

/** A stored import as the worker takes it; its text was decoded once, at import. */
async function importedSource(store: ReadingStore, info: ImportedDocInfo): Promise<DocumentSource> {
	const doc = await store.getImportedDoc(info.id);
	return {
		source: info.name,
		// no bytes when the text is missing: the worker then reports the page as unreadable
		bytes: doc ? new TextEncoder().encode(doc.text).buffer : undefined,
		encoding: 'utf-8',
		sidecar: importedSidecar(info.meta),
		imported: true,
		id: info.id
	};
}

/** The document a `#/doc/<id>…` URL (or an embed's `?doc=<id>`) opens, if any. */
function openedDocumentId(): string | null {
	const match = /^#\/doc\/([^/?#]+)/.exec(location.hash);
	if (!match) return new URLSearchParams(location.search).get('doc');
	try {
		return decodeURIComponent(match[1]);
	} catch {
		return null;
	}
}

/**
 * On a first visit the opened page's text is fetched here while the worker's script downloads,
 * instead of by the worker once it runs: one round trip less before the text shows. With a
 * service worker in control (a later visit) the worker's own fetch is as quick.
 */
async function prefetchOpened(source: DocumentSource | undefined): Promise<void> {
	if (!source?.url || underServiceWorker()) return;
	workerClient.warm();
	try {
		const response = await fetch(source.url);
		if (response.ok) source.bytes = await response.arrayBuffer();
	} catch {
		// offline or blocked: the worker tries again and reports what went wrong
	}
}

/** The library: every document's summary; full documents come from the worker on demand. */
export class Library {
	/**
	 * Bundled pages only: an embed never lists, searches or opens the reader's imported pages,
	 * which an embedding site could otherwise read where storage is not partitioned.
	 */
	readonly bundledOnly: boolean;
	// Raw: summaries are replaced, never changed in place, and a deep proxy over a thousand pages
	// of article lists costs the main thread more than the rendering does.
	documents = $state.raw<DocumentSummary[]>([]);
	status = $state<'idle' | 'loading' | 'ready'>('idle');
	progress = $state({ done: 0, total: 0 });
	#loading: Promise<void> | null = null;
	// A plain cache of full documents: nothing renders from it directly.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#full = new Map<string, ParsedDocument>();
	// Imported pages as parsed (id → the stored updatedAt), to follow the store's changes;
	// ids held by an import in progress are left to it. Plain: nothing renders from them.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#imports = new Map<string, number>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#held = new Set<string>();
	#syncing: Promise<void> = Promise.resolve();
	/**
	 * Archive mode: every catalog shard (paper and month) of the archive, and the names of those
	 * listed so far; null in a build that bundles its pages.
	 */
	archive = $state.raw<{ months: ArchiveMonth[]; loaded: string[] } | null>(null);
	/** Why the archive could not be opened (offline on a first visit, a broken manifest). */
	archiveError = $state<string | null>(null);
	/** Archive pages listed from the catalog only, until their file is parsed (see `ensure`). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#catalogOnly = new Set<string>();
	/** Archive pages being parsed for their full summary: views wait rather than say "not found". */
	resolving = $state.raw<string[]>([]);

	constructor(options: { bundledOnly?: boolean } = {}) {
		this.bundledOnly = options.bundledOnly ?? false;
	}

	/** Pages of one paper and date together (newest first), then pages known only by name. */
	groups: PageGroup[] = $derived(groupPages(this.documents));

	load(): Promise<void> {
		this.#loading ??= this.#load();
		return this.#loading;
	}

	async #load(): Promise<void> {
		this.status = 'loading';
		// The store opens while the bundled pages load; imported pages follow them.
		const opening = loadReadingStore();
		const bundled = archiveBuild ? await this.#loadArchive() : await this.#loadBundled();
		this.#resolveFirstPage(); // (with no bundled pages at all, nothing else would)
		this.#wake();
		const store = await opening;
		const infos = this.bundledOnly ? [] : store.listImportedDocs();
		const imported = await Promise.all(infos.map((info) => importedSource(store, info)));
		this.progress = { done: bundled, total: bundled + imported.length };
		if (imported.length) {
			const summaries = await workerClient.loadDocuments(imported);
			for (const info of infos) this.#imports.set(info.id, info.updatedAt);
			this.#addSummaries(
				summaries.map((doc) => withStoredEncoding(doc, infos)),
				bundled + imported.length
			);
		}
		this.status = 'ready';
		this.#wake();
		if (this.bundledOnly) return;
		// Imports, removals and new page details, from this tab, another one or a backup.
		store.subscribeImportedDocs((docs) => {
			this.#syncing = this.#syncing.then(() => this.#syncImports(store, docs)).catch(() => {});
		});
	}

	/** Archive mode: the newest month's pages from the manifest and its catalog shards only. */
	async #loadArchive(): Promise<number> {
		try {
			const opened = await workerClient.archiveOpen(archiveBase(location.href));
			const newest = opened.months[0]?.month;
			this.archive = {
				months: opened.months,
				loaded: opened.months.filter((m) => m.month === newest).map((m) => m.name)
			};
			this.#addCatalogPages(opened.summaries);
			return opened.summaries.length;
		} catch (error) {
			this.archiveError = `无法打开报纸档案:${(error as Error).message}`;
			return 0;
		}
	}

	#addCatalogPages(summaries: DocumentSummary[]): void {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- local to this call
		const known = new Set(this.documents.map((d) => d.id));
		const fresh = summaries.filter((summary) => !known.has(summary.id));
		for (const summary of fresh) this.#catalogOnly.add(summary.id);
		if (fresh.length) this.#addSummaries(fresh, this.progress.done + fresh.length);
	}

	/**
	 * Archive mode: lists one month of one paper (or of every paper, `paper` undefined), fetching
	 * its catalog shard the first time.
	 */
	async loadMonth(paper: string | null | undefined, month: string | null): Promise<void> {
		const archive = this.archive;
		if (!archive) return;
		const wanted = archive.months.filter(
			(m) => (paper === undefined || m.paper === paper) && m.month === month
		);
		if (wanted.every((m) => archive.loaded.includes(m.name))) return;
		const summaries = await workerClient.archiveMonth(paper, month);
		this.archive = { ...archive, loaded: [...archive.loaded, ...wanted.map((m) => m.name)] };
		this.#addCatalogPages(summaries);
	}

	/** Archive mode: the months one paper has pages in, newest first (empty otherwise). */
	archiveMonthsOf(paper: string): string[] {
		// (one catalog shard per paper and month: no month twice)
		return (this.archive?.months ?? [])
			.filter((m) => m.paper === paper && m.month !== null)
			.map((m) => m.month as string);
	}

	/**
	 * Archive mode: a page listed from the catalog only gets its full summary (leads, bylines)
	 * from its parsed file; one found by search is listed now.
	 */
	async ensure(id: string): Promise<void> {
		if (!archiveBuild || this.resolving.includes(id)) return;
		if (this.summary(id) && !this.#catalogOnly.has(id)) return;
		// Marked at once, so a view waits instead of saying "not found" in between.
		this.resolving = [...this.resolving, id];
		try {
			await this.load();
			if (this.summary(id) && !this.#catalogOnly.has(id)) return;
			const summary = await workerClient.archivePage(id);
			if (summary) {
				this.#catalogOnly.delete(id);
				this.documents = mergeByKey(this.documents, [summary], (doc) => doc.id);
			}
		} catch {
			// the page stays as the catalog lists it
		} finally {
			this.resolving = this.resolving.filter((r) => r !== id);
		}
	}

	/** The pages bundled with the build, streamed from the worker as they are parsed. */
	async #loadBundled(): Promise<number> {
		const seeds: DocumentSource[] = listSeeds(location.href).map((seed) => ({
			source: seed.source,
			url: seed.url,
			sidecar: seed.sidecar
		}));
		// The page a deep link opens is parsed first, so it shows before the rest of the library.
		const wanted = openedDocumentId();
		const at = wanted ? seeds.findIndex((s) => documentIdFromFileName(s.source) === wanted) : -1;
		if (at > 0) seeds.unshift(...seeds.splice(at, 1));
		await prefetchOpened(at >= 0 ? seeds[0] : undefined);
		this.progress = { done: 0, total: seeds.length };
		// Batches come over their own channel and may trail the answer (the count): the library
		// is complete once that many summaries have arrived.
		let arrived = 0;
		let expected = Infinity;
		let allArrived!: () => void;
		const complete = new Promise<void>((resolve) => (allArrived = resolve));
		const count = await workerClient.streamDocuments(seeds, (batch, done) => {
			this.#addSummaries(batch, done);
			arrived += batch.length;
			if (arrived >= expected) allArrived();
		});
		expected = count;
		if (arrived < expected) await complete;
		return seeds.length;
	}

	#resolveFirstPage!: () => void;
	#firstPage = new Promise<void>((resolve) => (this.#resolveFirstPage = resolve));

	/** Resolves once the first page has arrived (or the library has loaded with none). */
	firstPageListed(): Promise<void> {
		return this.#firstPage;
	}

	#addSummaries(batch: DocumentSummary[], done: number): void {
		this.#resolveFirstPage();
		// One entry per id, as the worker keeps them: two bundled files may share a name stem
		// (foo.txt, foo.md), and the library view is keyed by id.
		this.documents = mergeByKey(this.documents, batch, (doc) => doc.id);
		this.progress = { ...this.progress, done };
		this.#wake();
	}

	// Callers waiting for a particular page while the library loads.
	#waiting: (() => void)[] = [];
	#wake(): void {
		const waiting = this.#waiting;
		this.#waiting = [];
		for (const resume of waiting) resume();
	}

	/** Resolves once page `id` is known or the whole library has loaded. */
	async #untilListed(id: string): Promise<void> {
		void this.load();
		while (!this.summary(id) && this.status !== 'ready') {
			await new Promise<void>((resume) => this.#waiting.push(resume));
		}
	}

	async #syncImports(store: ReadingStore, infos: ImportedDocInfo[]): Promise<void> {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- local to this call
		const ids = new Set(infos.map((info) => info.id));
		for (const id of [...this.#imports.keys()]) {
			if (ids.has(id) || this.#held.has(id)) continue;
			await workerClient.removeDocument(id);
			this.drop(id);
		}
		const changed = infos.filter(
			(info) => !this.#held.has(info.id) && this.#imports.get(info.id) !== info.updatedAt
		);
		if (!changed.length) return;
		const sources = await Promise.all(changed.map((info) => importedSource(store, info)));
		const summaries = await workerClient.loadDocuments(sources);
		summaries.forEach((doc, i) => {
			if (!this.#held.has(doc.id)) this.adopt(withStoredEncoding(doc, infos), changed[i].updatedAt);
		});
	}

	/** Adds or replaces an imported page parsed elsewhere; `updatedAt` is its stored one. */
	adopt(doc: DocumentSummary, updatedAt: number): void {
		if (this.bundledOnly) return;
		this.#full.delete(doc.id);
		this.#imports.set(doc.id, updatedAt);
		const at = this.documents.findIndex((d) => d.id === doc.id);
		this.documents =
			at < 0 ? [...this.documents, doc] : this.documents.map((d, i) => (i === at ? doc : d));
	}

	/** Forgets a page (a removed import). */
	drop(id: string): void {
		this.#full.delete(id);
		this.#imports.delete(id);
		this.documents = this.documents.filter((d) => d.id !== id);
	}

	/** While held, store changes to this page are left to the import that holds it. */
	hold(id: string): void {
		this.#held.add(id);
	}

	release(id: string): void {
		this.#held.delete(id);
	}

	summary(id: string): DocumentSummary | undefined {
		return this.documents.find((d) => d.id === id);
	}

	async document(id: string): Promise<ParsedDocument | null> {
		await this.#untilListed(id);
		if (archiveBuild && (!this.summary(id) || this.#catalogOnly.has(id))) await this.ensure(id);
		const cached = this.#full.get(id);
		if (cached) return cached;
		const doc = await workerClient.getDocument(id);
		if (doc) this.#full.set(id, doc);
		return doc;
	}

	/** The previous and next page of the same paper and date. */
	neighbours(id: string): { previous: DocumentSummary | null; next: DocumentSummary | null } {
		return neighbours(this.documents, id);
	}

	/** The article a `(下转第3版)` / `(上接第1版)` marker of this article links to, if any. */
	continuation(
		docId: string,
		article: ArticleSummary,
		direction: 'to' | 'from'
	): ArticleRef | null {
		const target = continuationsOf(this.documents, docId, article.id)[direction];
		return target && { doc: target.documentId, article: target.articleId };
	}
}

export const library = new Library({
	bundledOnly: typeof location !== 'undefined' && parseEmbedParams(location.search).embed
});
