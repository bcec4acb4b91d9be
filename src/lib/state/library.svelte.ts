import type { ParsedDocument } from '../core/parse/types';
import { listSeeds } from '../platform/seeds';
import { workerClient } from '../worker/client';
import type { ArticleSummary, DocumentSource, DocumentSummary } from '../worker/types';

export interface PageGroup {
	key: string;
	paper: string | null;
	date: string | null;
	documents: DocumentSummary[];
}

export interface ArticleRef {
	doc: string;
	article: string;
}

function groupKey(doc: DocumentSummary): string | null {
	return doc.page.paper && doc.page.date ? `${doc.page.paper}|${doc.page.date}` : null;
}

function byPageNumber(a: DocumentSummary, b: DocumentSummary): number {
	return (
		(a.page.pageNumber ?? 1e9) - (b.page.pageNumber ?? 1e9) || a.source.localeCompare(b.source)
	);
}

/** The library: every document's summary; full documents come from the worker on demand. */
export class Library {
	documents = $state<DocumentSummary[]>([]);
	status = $state<'idle' | 'loading' | 'ready'>('idle');
	progress = $state({ done: 0, total: 0 });
	#loading: Promise<void> | null = null;
	// A plain cache of full documents: nothing renders from it directly.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#full = new Map<string, ParsedDocument>();

	/** Pages of one paper and date together (newest first), then pages known only by name. */
	groups: PageGroup[] = $derived.by(() => {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- local to this derivation
		const groups = new Map<string, PageGroup>();
		const loose: DocumentSummary[] = [];
		for (const doc of this.documents) {
			const key = groupKey(doc);
			if (!key) {
				loose.push(doc);
				continue;
			}
			let group = groups.get(key);
			if (!group) {
				group = { key, paper: doc.page.paper, date: doc.page.date, documents: [] };
				groups.set(key, group);
			}
			group.documents.push(doc);
		}
		const dated = [...groups.values()]
			.map((g) => ({ ...g, documents: g.documents.sort(byPageNumber) }))
			.sort(
				(a, b) =>
					(b.date ?? '').localeCompare(a.date ?? '') || (a.paper ?? '').localeCompare(b.paper ?? '')
			);
		return loose.length
			? [...dated, { key: '', paper: null, date: null, documents: loose }]
			: dated;
	});

	load(): Promise<void> {
		this.#loading ??= this.#load();
		return this.#loading;
	}

	async #load(): Promise<void> {
		this.status = 'loading';
		const sources: DocumentSource[] = listSeeds(location.href).map((seed) => ({
			source: seed.source,
			url: seed.url,
			sidecar: seed.sidecar
		}));
		this.progress = { done: 0, total: sources.length };
		this.documents = await workerClient.loadDocuments(sources, (done, total) => {
			this.progress = { done, total };
		});
		this.status = 'ready';
	}

	summary(id: string): DocumentSummary | undefined {
		return this.documents.find((d) => d.id === id);
	}

	async document(id: string): Promise<ParsedDocument | null> {
		await this.load();
		const cached = this.#full.get(id);
		if (cached) return cached;
		const doc = await workerClient.getDocument(id);
		if (doc) this.#full.set(id, doc);
		return doc;
	}

	/** The previous and next page of the same paper and date. */
	neighbours(id: string): { previous: DocumentSummary | null; next: DocumentSummary | null } {
		const doc = this.summary(id);
		const key = doc && groupKey(doc);
		if (!doc || !key) return { previous: null, next: null };
		const pages = this.documents.filter((d) => groupKey(d) === key).sort(byPageNumber);
		const at = pages.indexOf(doc);
		return { previous: pages[at - 1] ?? null, next: pages[at + 1] ?? null };
	}

	/**
	 * The article a `(下转第3版)` / `(上接第1版)` marker points at: on the named page of the same
	 * paper and date, the article with the same title that continues from / to this page.
	 */
	continuation(
		docId: string,
		article: ArticleSummary,
		direction: 'to' | 'from'
	): ArticleRef | null {
		const doc = this.summary(docId);
		const target = direction === 'to' ? article.continuedTo : article.continuedFrom;
		const key = doc && groupKey(doc);
		const pageNumber = target ? Number(/\d+/.exec(target)?.[0]) : NaN;
		if (!doc || !key || !Number.isFinite(pageNumber)) return null;
		const normalise = (title: string) => title.replace(/\s+/g, '');
		for (const other of this.documents) {
			if (groupKey(other) !== key || other.page.pageNumber !== pageNumber) continue;
			const match =
				other.articles.find(
					(a) =>
						normalise(a.title) === normalise(article.title) &&
						(direction === 'to' ? a.continuedFrom !== null : a.continuedTo !== null)
				) ?? other.articles.find((a) => normalise(a.title) === normalise(article.title));
			if (match) return { doc: other.id, article: match.id };
		}
		return null;
	}
}

export const library = new Library();
