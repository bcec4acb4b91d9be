import {
	appendPage,
	mayHaveMore,
	mergeTotal,
	uniqueHits,
	type ShownTotal
} from '../core/search/hits';
import { workerClient } from '../worker/client';
import type { DocumentSummary } from '../core/library/summary';
import type { SearchFilters, SearchHit } from '../core/search/types';
import type { IndexProgress, SearchAnswer, SearchFacets } from '../worker/types';
import { library } from './library.svelte';

// A phone shows four or five results; ten fill the screen and render quickly, more load on scroll.
const PAGE_SIZE = 10;

/**
 * Search as you type: each new query aborts the one before; results page in on demand. In
 * archive mode the first hits come before the exact total: the archive stops once it has them,
 * the count shows as a lower bound, and the exact count is asked for after the hits show (so it
 * never delays them); a newer query drops an older one's count.
 */
export class SearchState {
	query = $state('');
	filters = $state<SearchFilters>({});
	// Raw: each answer replaces the list; nothing edits a hit.
	hits = $state.raw<SearchHit[]>([]);
	total = $state(0);
	/** False while `total` is only the hits found so far (a lower bound). */
	totalExact = $state(true);
	/** The exact total is being counted; false with `totalExact` false when counting failed. */
	counting = $state(false);
	status = $state<'idle' | 'searching' | 'done' | 'error'>('idle');
	message = $state<string | null>(null);
	/** Set when only the archive pages on the device were searched (offline): how many. */
	offlinePages = $state<number | null>(null);
	progress = $state<IndexProgress>({ indexed: 0, total: 0, ready: false, restored: false });
	facets = $state.raw<SearchFacets>({ papers: [], pages: [], reporters: [], dates: [] });
	#controller: AbortController | null = null;
	#indexing: Promise<void> | null = null;
	#loadingMore: Promise<void> | null = null;
	// The library the shown hits were found in (its list is replaced on every change): a page
	// imported or removed since, here or in another tab, changes the index and every offset.
	#foundIn: DocumentSummary[] | null = null;

	hasMore = $derived(mayHaveMore(this.hits.length, this.#shown));

	get #shown(): ShownTotal {
		return { total: this.total, exact: this.totalExact };
	}

	#show(total: ShownTotal): void {
		this.total = total.total;
		this.totalExact = total.exact;
	}

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
			this.#show({ total: 0, exact: true });
			this.counting = false;
			this.status = 'idle';
			this.message = null;
			return;
		}
		const controller = new AbortController();
		this.#controller = controller;
		this.status = 'searching';
		try {
			await this.prepare();
			const foundIn = library.documents;
			const page = await workerClient.search(
				query,
				{ offset: 0, limit: PAGE_SIZE, filters: $state.snapshot(filters), exactTotal: false },
				controller.signal
			);
			this.#foundIn = foundIn;
			this.hits = uniqueHits(page.hits);
			this.#show({ total: page.total, exact: page.totalExact });
			this.offlinePages = page.offlinePages ?? null;
			this.message = null;
			this.status = 'done';
			this.counting = false;
			if (!page.totalExact) void this.#countExactly(controller);
		} catch (error) {
			if ((error as Error).name === 'AbortError') return;
			this.status = 'error';
			this.message = `搜索出错:${(error as Error).message}`;
		}
	}

	/**
	 * Asks for the exact total of the search `controller` belongs to, once its first hits show.
	 * A newer search (or a failure) leaves the count shown as it is: the lower bound stays true.
	 */
	async #countExactly(controller: AbortController): Promise<void> {
		this.counting = true;
		try {
			const counted = await workerClient.search(
				this.query,
				{ offset: 0, limit: 0, filters: $state.snapshot(this.filters), exactTotal: true },
				controller.signal
			);
			// Offline meanwhile, only the pages on the device were counted: not this list's total.
			if (controller !== this.#controller || counted.offlinePages !== undefined) return;
			this.#show(mergeTotal(this.#shown, counted));
		} catch {
			// aborted by a newer search, or the index could not be had: the lower bound stands
		} finally {
			if (controller === this.#controller) this.counting = false;
		}
	}

	/** The next page of results; a second call while one loads waits for it. */
	more(): Promise<void> {
		if (!this.hasMore || this.status === 'searching') return Promise.resolve();
		this.#loadingMore ??= this.#more().finally(() => (this.#loadingMore = null));
		return this.#loadingMore;
	}

	async #more(): Promise<void> {
		const controller = this.#controller;
		// Later pages too stop at their own hits; the exact count, asked for once, follows apart.
		const options = { filters: $state.snapshot(this.filters), exactTotal: false };
		try {
			const foundIn = library.documents;
			let hits: SearchHit[] | null = null;
			let page: SearchAnswer | null = null;
			if (foundIn === this.#foundIn) {
				page = await workerClient.search(
					this.query,
					{ ...options, offset: this.hits.length, limit: PAGE_SIZE },
					controller?.signal
				);
				if (controller !== this.#controller) return;
				hits = appendPage(this.hits, this.#shown, page);
			}
			if (!hits) {
				// The index changed under the list: load it again from the top, one page longer.
				page = await workerClient.search(
					this.query,
					{ ...options, offset: 0, limit: this.hits.length + PAGE_SIZE },
					controller?.signal
				);
				if (controller !== this.#controller) return;
				this.#foundIn = foundIn;
				this.hits = uniqueHits(page.hits);
				this.#show({ total: page.total, exact: page.totalExact });
				this.offlinePages = page.offlinePages ?? null;
				if (!page.totalExact && controller) void this.#countExactly(controller);
				return;
			}
			this.#foundIn = foundIn;
			this.hits = hits;
			this.#show(mergeTotal(this.#shown, page!));
			this.offlinePages = page!.offlinePages ?? null;
		} catch (error) {
			if ((error as Error).name !== 'AbortError') this.message = (error as Error).message;
		}
	}
}

export const search = new SearchState();
