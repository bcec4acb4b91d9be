import type { MarkSpan } from '../core/display/marks';
import type { ArticleRef } from '../core/parse/links';
import { workerClient } from '../worker/client';

/** Where a query's terms occur in an article: a paragraph and a range in its text. */
export interface ArticleHit {
	paragraph: number;
	start: number;
	end: number;
}

/** A hit in a story read as one: in which part (0 the opened article) it is. */
export interface StoryHit extends ArticleHit {
	part: number;
}

export type FindInArticle = (
	docId: string,
	articleId: string,
	query: string,
	signal: AbortSignal
) => Promise<ArticleHit[]>;

/**
 * The search hits in the open article when it was opened from a result (`…/<query>`), and the
 * one the reader has stepped to. In a story read as one, the hits of every part in turn.
 */
export class ArticleHits {
	// Raw: each answer replaces the list; nothing edits a hit.
	hits = $state.raw<StoryHit[]>([]);
	current = $state(0);
	/** The hits as marks in the text, the current one told apart by its colour. */
	spans: (MarkSpan & { part: number })[] = $derived(
		this.hits.map((hit, i) => ({
			id: `hit-${i}`,
			kind: 'hit',
			color: i === this.current ? 'hit-current' : 'hit',
			part: hit.part,
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

	/** The marks in one part of the story. */
	spansIn(part: number): MarkSpan[] {
		return this.spans.filter((span) => span.part === part);
	}

	/**
	 * Finds the query in the story's parts (the opened article first), replacing the hits (none
	 * for an empty query). Resolves true when hits were found and are still the ones asked for
	 * last.
	 */
	async find(parts: readonly ArticleRef[], query: string): Promise<boolean> {
		this.#controller?.abort();
		this.#controller = null;
		this.hits = [];
		this.current = 0;
		if (!query) return false;
		const controller = new AbortController();
		this.#controller = controller;
		try {
			const found = await Promise.all(
				parts.map((p) => this.#find(p.documentId, p.articleId, query, controller.signal))
			);
			if (controller.signal.aborted) return false;
			this.hits = found.flatMap((hits, part) => hits.map((hit) => ({ ...hit, part })));
			return this.hits.length > 0;
		} catch (error) {
			if (controller.signal.aborted) return false;
			throw error;
		}
	}

	/** Makes hit `index` the current one (wrapping round either end) and returns it. */
	select(index: number): StoryHit | null {
		if (!this.hits.length) return null;
		this.current = (index + this.hits.length) % this.hits.length;
		return this.hits[this.current];
	}
}
