import type { MarkSpan } from '../core/display/marks';
import { workerClient } from '../worker/client';

/** Where a query's terms occur in an article: a paragraph and a range in its text. */
export interface ArticleHit {
	paragraph: number;
	start: number;
	end: number;
}

export type FindInArticle = (
	docId: string,
	articleId: string,
	query: string,
	signal: AbortSignal
) => Promise<ArticleHit[]>;

/**
 * The search hits in the open article when it was opened from a result (`…/<query>`), and the
 * one the reader has stepped to.
 */
export class ArticleHits {
	// Raw: each answer replaces the list; nothing edits a hit.
	hits = $state.raw<ArticleHit[]>([]);
	current = $state(0);
	/** The hits as marks in the text, the current one told apart by its colour. */
	spans: MarkSpan[] = $derived(
		this.hits.map((hit, i) => ({
			id: `hit-${i}`,
			kind: 'hit',
			color: i === this.current ? 'hit-current' : 'hit',
			paragraph: hit.paragraph,
			start: hit.start,
			endParagraph: hit.paragraph,
			end: hit.end
		}))
	);
	#find: FindInArticle;
	#controller: AbortController | null = null;

	constructor(
		find: FindInArticle = (docId, articleId, query, signal) =>
			workerClient.findInArticle(docId, articleId, query, signal)
	) {
		this.#find = find;
	}

	/**
	 * Finds the query in the article, replacing the hits (none for an empty query). Resolves
	 * true when hits were found and are still the ones asked for last.
	 */
	async find(docId: string, articleId: string, query: string): Promise<boolean> {
		this.#controller?.abort();
		this.#controller = null;
		this.hits = [];
		this.current = 0;
		if (!query) return false;
		const controller = new AbortController();
		this.#controller = controller;
		try {
			const found = await this.#find(docId, articleId, query, controller.signal);
			if (controller.signal.aborted) return false;
			this.hits = found;
			return found.length > 0;
		} catch (error) {
			if (controller.signal.aborted) return false;
			throw error;
		}
	}

	/** Makes hit `index` the current one (wrapping round either end) and returns it. */
	select(index: number): ArticleHit | null {
		if (!this.hits.length) return null;
		this.current = (index + this.hits.length) % this.hits.length;
		return this.hits[this.current];
	}
}
