/// <reference lib="webworker" />
// The worker: parsing, indexing and searching happen here, off the main thread. It stays
// thin; the logic lives in core.
import * as Comlink from 'comlink';
import { decodeBytes, parsePage } from '../core/parse/index';
import type { ParsedDocument } from '../core/parse/types';
import { SearchIndex } from '../core/search/index';
import {
	summariseArticle,
	type DocumentSource,
	type DocumentSummary,
	type IndexProgress,
	type SearchFacets,
	type SearchFilters,
	type SearchResultPage
} from './types';

const documents = new Map<string, ParsedDocument>();
const index = new SearchIndex();
let indexing: Promise<void> | null = null;
let progress: IndexProgress = { indexed: 0, total: 0, ready: false, restored: false };
/** Pages added to the index per slice; between slices the worker answers searches. */
const INDEX_SLICE = 25;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function indexAll(onProgress?: (progress: IndexProgress) => void): Promise<void> {
	const pending = [...documents.values()].filter((doc) => !index.has(doc.id));
	progress = {
		indexed: documents.size - pending.length,
		total: documents.size,
		ready: false,
		restored: false
	};
	onProgress?.(progress);
	for (let i = 0; i < pending.length; i += INDEX_SLICE) {
		for (const doc of pending.slice(i, i + INDEX_SLICE)) index.add(doc);
		progress = {
			...progress,
			indexed: progress.indexed + Math.min(INDEX_SLICE, pending.length - i)
		};
		onProgress?.(progress);
		await nextTask();
	}
	progress = { ...progress, ready: true };
	onProgress?.(progress);
}

async function readSource(source: DocumentSource): Promise<Uint8Array> {
	if (source.bytes) return new Uint8Array(source.bytes);
	if (!source.url) throw new Error('这份文档既没有地址也没有内容');
	const response = await fetch(source.url);
	if (!response.ok) throw new Error(`无法载入 ${source.source}(HTTP ${response.status})`);
	return new Uint8Array(await response.arrayBuffer());
}

function failedSummary(source: DocumentSource, message: string): DocumentSummary {
	return {
		id: source.id ?? source.source,
		source: source.source,
		page: { header: null, footer: null, paper: null, date: null, pageNumber: null, pageName: null },
		articles: [],
		diagnostics: [{ level: 'error', message, line: null }],
		encoding: 'unknown',
		imported: source.imported ?? false,
		error: message
	};
}

async function loadOne(source: DocumentSource): Promise<DocumentSummary> {
	try {
		const bytes = await readSource(source);
		const decoded = decodeBytes(bytes, source.encoding);
		const document = parsePage(decoded.text, source.source, source.sidecar);
		document.diagnostics.unshift(...decoded.diagnostics);
		const encoding = decoded.encoding;
		if (source.id) document.id = source.id;
		if (documents.has(document.id) && index.has(document.id)) index.remove(document.id);
		documents.set(document.id, document);
		return {
			id: document.id,
			source: document.source,
			page: document.page,
			articles: document.articles.map(summariseArticle),
			diagnostics: document.diagnostics,
			encoding,
			imported: source.imported ?? false,
			error: null
		};
	} catch (error) {
		return failedSummary(source, error instanceof Error ? error.message : String(error));
	}
}

const api = {
	/** Parses every source, reporting each summary as it is ready; order follows `sources`. */
	async loadDocuments(
		sources: DocumentSource[],
		onProgress?: (done: number, total: number) => void
	): Promise<DocumentSummary[]> {
		let done = 0;
		return Promise.all(
			sources.map(async (source) => {
				const summary = await loadOne(source);
				onProgress?.(++done, sources.length);
				return summary;
			})
		);
	},

	async getDocument(id: string): Promise<ParsedDocument | null> {
		return documents.get(id) ?? null;
	},

	/** Indexes every loaded page not yet in the index; concurrent calls share one run. */
	async buildIndex(onProgress?: (progress: IndexProgress) => void): Promise<IndexProgress> {
		if (progress.ready && [...documents.keys()].every((id) => index.has(id))) {
			onProgress?.(progress);
			return progress;
		}
		indexing ??= indexAll(onProgress).finally(() => (indexing = null));
		await indexing;
		return progress;
	},

	async search(
		query: string,
		options: { offset: number; limit: number; filters: SearchFilters }
	): Promise<SearchResultPage> {
		const result = index.search(query, options);
		return {
			query,
			total: result.total,
			offset: options.offset,
			message: null,
			hits: result.hits.map((hit) => ({
				docId: hit.docId,
				articleId: hit.articleId,
				title: hit.title,
				paper: hit.paper,
				date: hit.date,
				pageNumber: hit.page,
				snippet: hit.snippet.text,
				marks: hit.snippet.ranges,
				inTitle: hit.inTitle
			}))
		};
	},

	async searchFacets(): Promise<SearchFacets> {
		const facets = index.facets();
		return {
			papers: facets.papers.map((f) => f.value),
			pages: facets.pages.map((f) => f.value),
			reporters: facets.reporters.map((f) => f.value),
			dates: facets.dates.map((f) => f.value)
		};
	}
};

export type WorkerApi = typeof api;

Comlink.expose(api);
