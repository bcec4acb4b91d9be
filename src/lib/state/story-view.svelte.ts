/**
 * What the article view shows of the story open in it: its parts (the opened article alone until
 * the story is loaded), each part's marks, and the highlights listed below the text.
 */

import type { MarkSpan } from '../core/display/marks';
import type { Article } from '../core/parse/types';
import type { Highlight, HighlightColor } from '../core/state/types';
import { JoinedArticle } from './joined-article.svelte';
import { reading } from './reading.svelte';

export interface OpenedArticle {
	documentId: string;
	articleId: string;
	/** The opened article's text, once its page has been read; null until then or if not found. */
	article: Article | null;
}

export class StoryView {
	readonly joined = new JoinedArticle();
	#opened: () => OpenedArticle;
	#layers: (part: number) => MarkSpan[];

	/**
	 * @param layers Marks drawn over a part's highlights, in order (search hits, the sentence
	 *   read aloud).
	 */
	constructor(opened: () => OpenedArticle, layers: (part: number) => MarkSpan[]) {
		this.#opened = opened;
		this.#layers = layers;
	}

	/** The loaded story; null until then, or when it cannot be had. */
	readonly story = $derived.by(() => {
		const { documentId, articleId } = this.#opened();
		return this.joined.of(documentId, articleId);
	});

	/** Where the story starts, when the opened article continues it (for 「从头读」). */
	readonly start = $derived.by(() => {
		const head = this.story?.head;
		return head ? { doc: head.documentId, article: head.articleId } : null;
	});

	readonly parts = $derived.by(() => {
		const { documentId, articleId, article } = this.#opened();
		return this.story?.parts ?? (article ? [{ documentId, articleId, article }] : []);
	});

	/** The parts once the story is loaded: each part's place, hits and read mark are its own. */
	readonly shown = $derived.by(() => {
		const { documentId, articleId } = this.#opened();
		return this.joined.answered(documentId, articleId) ? this.parts : [];
	});

	/** Which parts are shown, as one string that changes only when they do. */
	readonly shownKey = $derived(this.shown.map((p) => `${p.documentId}/${p.articleId}`).join(' '));

	readonly #marks = $derived(this.parts.map((part) => this.joined.highlightsIn(part)));
	readonly highlights = $derived(this.#marks.flatMap((marks) => marks.highlights));
	/** How many highlights the text no longer holds. */
	readonly lost = $derived(this.#marks.reduce((sum, marks) => sum + marks.lost, 0));

	/** The marks in a part (0: the opened article), its highlights under the other layers. */
	spansIn(part: number): MarkSpan[] {
		return [...(this.#marks[part]?.spans ?? []), ...this.#layers(part)];
	}

	/** The continuations after the opened article, each with its label and marks. */
	readonly continued = $derived(
		(this.story?.parts ?? []).slice(1).map((part, i) => ({
			...part,
			label: part.label ?? '',
			spans: this.spansIn(i + 1)
		}))
	);

	/** Loads the story of the opened article (again as the library lists more pages). */
	load(): Promise<void> {
		const { documentId, articleId } = this.#opened();
		return this.joined.load(documentId, articleId);
	}

	/** Highlights a passage of a part: in that part's own article, on its own page. */
	async highlight(
		passage: { part: number; paragraph: number; start: number; end: number },
		color: HighlightColor
	): Promise<Highlight | null> {
		const part = this.parts[passage.part];
		if (!part) return null;
		return reading.addHighlight({
			docId: part.documentId,
			articleId: part.articleId,
			paragraphs: part.article.paragraphs,
			paragraph: passage.paragraph,
			start: passage.start,
			end: passage.end,
			color
		});
	}
}
