import { workerClient } from '../worker/client';
import type { IndexProgress, SearchFacets, SearchFilters, SearchResultHit } from '../worker/types';
import { library } from './library.svelte';

// A phone shows four or five results; ten fill the screen and render quickly, more load on scroll.
const PAGE_SIZE = 10;

/** Search as you type: each new query aborts the one before; results page in on demand. */
export class SearchState {
	query = $state('');
	filters = $state<SearchFilters>({});
	// Raw: each answer replaces the list; nothing edits a hit.
	hits = $state.raw<SearchResultHit[]>([]);
	total = $state(0);
	status = $state<'idle' | 'searching' | 'done' | 'error'>('idle');
	message = $state<string | null>(null);
	progress = $state<IndexProgress>({ indexed: 0, total: 0, ready: false, restored: false });
	facets = $state.raw<SearchFacets>({ papers: [], pages: [], reporters: [], dates: [] });
	#controller: AbortController | null = null;
	#indexing: Promise<void> | null = null;

	hasMore = $derived(this.hits.length < this.total);

	/** Builds (or restores) the index in the worker, reporting progress as it goes. */
	prepare(): Promise<void> {
		this.#indexing ??= (async () => {
			await library.load();
			await workerClient.buildIndex((progress) => {
				this.progress = progress;
			});
			this.facets = await workerClient.searchFacets();
		})();
		return this.#indexing;
	}

	/** Asks for the filters' values again (the library changed); only once the index is built. */
	async refreshFacets(): Promise<void> {
		if (!this.progress.ready) return;
		this.facets = await workerClient.searchFacets();
	}

	/** Searches; the same query and filters asked again (the URL catching up) is not rerun. */
	async run(query: string, filters: SearchFilters = $state.snapshot(this.filters)): Promise<void> {
		const same =
			query === this.query &&
			JSON.stringify(filters) === JSON.stringify($state.snapshot(this.filters)) &&
			(this.status === 'searching' || this.status === 'done');
		if (same) return;
		this.query = query;
		this.filters = filters;
		this.#controller?.abort();
		if (!query.trim()) {
			this.hits = [];
			this.total = 0;
			this.status = 'idle';
			this.message = null;
			return;
		}
		const controller = new AbortController();
		this.#controller = controller;
		this.status = 'searching';
		try {
			await this.prepare();
			const page = await workerClient.search(
				query,
				{ offset: 0, limit: PAGE_SIZE, filters: $state.snapshot(filters) },
				controller.signal
			);
			this.hits = page.hits;
			this.total = page.total;
			this.message = page.message;
			this.status = 'done';
		} catch (error) {
			if ((error as Error).name === 'AbortError') return;
			this.status = 'error';
			this.message = `搜索出错:${(error as Error).message}`;
		}
	}

	async more(): Promise<void> {
		if (!this.hasMore || this.status === 'searching') return;
		const controller = this.#controller;
		try {
			const page = await workerClient.search(
				this.query,
				{ offset: this.hits.length, limit: PAGE_SIZE, filters: $state.snapshot(this.filters) },
				controller?.signal
			);
			if (controller !== this.#controller) return;
			this.hits = [...this.hits, ...page.hits];
			this.total = page.total;
		} catch (error) {
			if ((error as Error).name !== 'AbortError') this.message = (error as Error).message;
		}
	}
}

export const search = new SearchState();
