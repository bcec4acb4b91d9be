import { tick } from 'svelte';
import type { ArticleRef } from '../core/parse/links';
import { embed } from './embed.svelte';
import { takeJump } from './jump';
import { reading } from './reading.svelte';

/** A place in an article: a paragraph and an offset into its text. */
export interface Place {
	/** In a story read as one, the part (0 the opened article) the paragraph is in. */
	part?: number;
	paragraph: number;
	offset: number;
}

/** A place as measured on the page, with how far through the view it is (0–1). */
export interface MeasuredPlace extends Place {
	part: number;
	fraction: number;
	/** How far through each part of the story (0–1), in order; one for a lone article. */
	parts: number[];
}

/**
 * One part's visit, for the read rule: how far through it the reader came, and since when it
 * has been read (a continuation from when it first reached the top of the view; until then
 * only reaching its end counts).
 */
interface PartSession {
	openedAt: number | null;
	maxFraction: number;
}

/** The page side: measuring where the reader is and scrolling to a place. */
export interface PlaceView {
	measure(): MeasuredPlace | null;
	/** Brings the place to the top of the view. */
	scrollTo(place: Place): void;
	/** Brings the article's start (its heading and buttons) into view. */
	scrollToStart(): void;
}

// Scrolling fires often; where the reader is needs saving a few times a second at most.
const RECORD_DELAY_MS = 250;
// Time spent reading counts towards the read rule too, checked this often while open.
const CHECK_EVERY_MS = 15_000;

/**
 * Where the reader is in the open article: puts them back where they were (or where the notes
 * list sent them), saves the place as they scroll, and applies the read rule. A story read as
 * one is kept part by part: each part's place and read mark belong to its own article, and the
 * story opens at the place last saved in any of its parts.
 */
export class ReadingPosition {
	/** The last place measured in this article, or null before the first. */
	place = $state.raw<MeasuredPlace | null>(null);
	#view: PlaceView;
	/** The parts shown: the opened article, then its continuations. */
	#parts: ArticleRef[] = [];
	/** A place chosen in the notes list (bookmark or highlight) to open at, once. */
	#pendingJump: Place | null;
	/** A paragraph the address links to: the first scroll goes there, whatever was saved. */
	#linked: Place | null = null;
	#sessions: PartSession[] = [];
	// Nothing is saved until the article is shown where it should be, lest the top of a page
	// still loading overwrite the place the reader left.
	#placed = false;
	#restoredFor = '';
	#scheduled = false;

	constructor(doc: string, article: string, view: PlaceView) {
		this.#pendingJump = takeJump(doc, article);
		this.#view = view;
	}

	/**
	 * Shows the article at its place, once per article and layout (`layout` names what moves
	 * the text: writing mode, font size, line height). After a layout change the reader stays
	 * where they were; opened from a search result, the caller shows the first hit instead.
	 * `parts` are the story's parts as shown, the opened article first.
	 */
	restore(parts: readonly ArticleRef[], layout: string, fromSearch: boolean): void {
		if (!parts.length) return;
		const opened = `${parts[0].documentId}/${parts[0].articleId}`;
		const key = `${opened}/${layout}`;
		if (key === this.#restoredFor) {
			// the same article with more (or fewer) of its story found: nothing moves
			this.#parts = [...parts];
			this.#sessions = parts.map((_, i) => this.#sessions[i] ?? unread());
			return;
		}
		const sameArticle = this.#restoredFor.startsWith(`${opened}/`);
		const here = sameArticle ? this.place : null;
		const jump = this.#pendingJump;
		this.#pendingJump = null;
		const stored = fromSearch ? null : latestPlace(parts);
		const saved = jump ?? (sameArticle ? here : stored);
		if (!sameArticle) {
			this.#sessions = [{ ...unread(), openedAt: Date.now() }];
			this.place = null;
		}
		this.#sessions = parts.map((_, i) => this.#sessions[i] ?? unread());
		this.#parts = [...parts];
		this.#restoredFor = key;
		this.#placed = false;
		// After SvelteKit's own scroll handling for this navigation (two ticks), not before it.
		tick().then(() =>
			setTimeout(() => {
				// The article's very start is the top of the page: its kicker, title, byline and
				// buttons stay in view unless the reader had scrolled past them.
				const linked = this.#linked;
				this.#linked = null;
				const target = linked ?? saved;
				if (target && (target.part || target.paragraph > 0 || target.offset > 0))
					this.#view.scrollTo(target);
				else if (target || !sameArticle) this.#view.scrollToStart();
				this.#placed = true;
				if (linked) this.record();
			}, 0)
		);
	}

	/**
	 * Shows a place the address links to. Before the article is first placed, the restore takes
	 * it instead of the saved place (one owner of the first scroll, so no later restore can move
	 * the reader off it); afterwards it is shown at once.
	 */
	follow(place: Place): void {
		if (!this.#placed) {
			this.#linked = place;
			return;
		}
		this.show(place);
		this.record();
	}

	/** Shows a place the reader asked for (a search hit) exactly, and saves from then on. */
	show(place: Place): void {
		this.#placed = true;
		this.#view.scrollTo(place);
	}

	/** The reader scrolled: saves the place a moment later. */
	scrolled(): void {
		if (this.#scheduled) return;
		this.#scheduled = true;
		setTimeout(() => {
			this.#scheduled = false;
			this.record();
		}, RECORD_DELAY_MS);
	}

	/**
	 * Saves where the reader is now (under the article of the part at the top of the view),
	 * applies the read rule to each part reached and tells an embedding page.
	 */
	record(): void {
		if (!this.#placed) return;
		const place = this.#view.measure();
		if (!place) return;
		const at = this.#parts[place.part];
		if (!at) return;
		this.place = place;
		const now = Date.now();
		for (const [i, part] of this.#parts.entries()) {
			const session = this.#sessions[i];
			if (!session) continue;
			if (i === place.part) session.openedAt ??= now;
			session.maxFraction = Math.max(session.maxFraction, place.parts[i] ?? 0);
			if (session.maxFraction === 0 && session.openedAt === null) continue;
			reading.applyReadRule(part.documentId, part.articleId, {
				maxFraction: session.maxFraction,
				openedAt: session.openedAt ?? now,
				now
			});
		}
		reading.savePosition(
			at.documentId,
			at.articleId,
			place.paragraph,
			place.offset,
			place.parts[place.part] ?? place.fraction
		);
		embed.progress(place.fraction);
	}

	/** Saves the place before leaving the article. */
	leave(): void {
		this.record();
		reading.flush();
	}

	/** Keeps checking the read rule while the article stays open; returns the stop. */
	watch(): () => void {
		const timer = setInterval(() => this.record(), CHECK_EVERY_MS);
		return () => clearInterval(timer);
	}
}

/** The place last saved in any part of the story, with the part it is in. */
function latestPlace(parts: readonly ArticleRef[]): Place | null {
	let latest: (Place & { updatedAt: number }) | null = null;
	for (const [part, ref] of parts.entries()) {
		const stored = reading.position(ref.documentId, ref.articleId);
		if (stored && (!latest || stored.updatedAt > latest.updatedAt)) latest = { part, ...stored };
	}
	return latest && { part: latest.part, paragraph: latest.paragraph, offset: latest.offset };
}

/** A part not read yet: neither at the top of the view nor its end in view. */
function unread(): PartSession {
	return { openedAt: null, maxFraction: 0 };
}
