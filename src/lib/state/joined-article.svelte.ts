/**
 * The story open in the article view, read as one: the opened article and its continuations
 * on pages in the library, loaded, with each part's highlights. The article view shows it; read
 * aloud reads the same parts.
 */

import type { MarkSpan } from '../core/display/marks';
import type { ArticleRef } from '../core/parse/links';
import { resolveAnchors } from '../core/state/anchor';
import type { Highlight } from '../core/state/types';
import { loadJoinedReading, type LoadedJoinedReading } from './joined-reading';
import { library } from './library.svelte';
import { reading } from './reading.svelte';

/** One part's highlights, those the text still holds as marks, and how many it no longer holds. */
export interface PartHighlights {
	highlights: Highlight[];
	spans: MarkSpan[];
	lost: number;
}

const refKey = (documentId: string, articleId: string) => `${documentId}\n${articleId}`;

export class JoinedArticle {
	/** The story last loaded, for the article it was asked for. */
	current = $state.raw<LoadedJoinedReading | null>(null);
	#for = $state('');
	#asked = 0;

	/** The story of article `articleId` of `documentId`, once loaded; null until then. */
	of(documentId: string, articleId: string): LoadedJoinedReading | null {
		return this.answered(documentId, articleId) ? this.current : null;
	}

	/** Whether loading the story of that article has come to an end, found or not. */
	answered(documentId: string, articleId: string): boolean {
		return this.#for === refKey(documentId, articleId);
	}

	/**
	 * Loads the story of an article from the library's pages (again when the library has
	 * changed: a page may have come that continues it). A later call wins.
	 */
	async load(documentId: string, articleId: string): Promise<void> {
		const key = refKey(documentId, articleId);
		const asked = ++this.#asked;
		const story = await loadJoinedReading(
			library.documents,
			(id) => library.document(id),
			documentId,
			articleId
		);
		if (this.#asked !== asked) return;
		this.current = story;
		this.#for = key;
	}

	/** A part's highlights, as marks in its own article's text. */
	highlightsIn(part: ArticleRef & { article: { paragraphs: string[] } }): PartHighlights {
		const highlights = reading.highlights(part.documentId, part.articleId);
		const resolved = resolveAnchors(
			part.article.paragraphs,
			highlights.map((h) => h.anchor)
		);
		const spans = highlights.flatMap((h, i) => {
			const at = resolved[i];
			return at ? [{ id: h.id, kind: 'highlight' as const, color: h.color, ...at }] : [];
		});
		return { highlights, spans, lost: resolved.filter((at) => at === null).length };
	}
}
