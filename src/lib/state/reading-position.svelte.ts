import { tick } from 'svelte';
import { embed } from './embed.svelte';
import { takeJump } from './jump';
import { reading } from './reading.svelte';

/** A place in an article: a paragraph and an offset into its text. */
export interface Place {
	paragraph: number;
	offset: number;
}

/** A place as measured on the page, with how far through the article it is (0–1). */
export interface MeasuredPlace extends Place {
	fraction: number;
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
 * list sent them), saves the place as they scroll, and applies the read rule.
 */
export class ReadingPosition {
	/** The last place measured in this article, or null before the first. */
	place = $state.raw<MeasuredPlace | null>(null);
	#view: PlaceView;
	#doc = '';
	#article = '';
	/** A place chosen in the notes list (bookmark or highlight) to open at, once. */
	#pendingJump: Place | null;
	#session = { openedAt: Date.now(), maxFraction: 0 };
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
	 */
	restore(doc: string, article: string, layout: string, fromSearch: boolean): void {
		const key = `${doc}/${article}/${layout}`;
		if (key === this.#restoredFor) return;
		const sameArticle = this.#restoredFor.startsWith(`${doc}/${article}/`);
		const here = sameArticle ? this.place : null;
		const jump = this.#pendingJump;
		this.#pendingJump = null;
		const stored = fromSearch ? null : (reading.position(doc, article) ?? null);
		const saved = jump ?? (sameArticle ? here : stored);
		if (!sameArticle) {
			this.#session = { openedAt: Date.now(), maxFraction: 0 };
			this.place = null;
		}
		this.#doc = doc;
		this.#article = article;
		this.#restoredFor = key;
		this.#placed = false;
		// After SvelteKit's own scroll handling for this navigation (two ticks), not before it.
		tick().then(() =>
			setTimeout(() => {
				// The article's very start is the top of the page: its kicker, title, byline and
				// buttons stay in view unless the reader had scrolled past them.
				if (saved && (saved.paragraph > 0 || saved.offset > 0)) this.#view.scrollTo(saved);
				else if (saved || !sameArticle) this.#view.scrollToStart();
				this.#placed = true;
			}, 0)
		);
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

	/** Saves where the reader is now, applies the read rule and tells an embedding page. */
	record(): void {
		if (!this.#placed) return;
		const place = this.#view.measure();
		if (!place) return;
		this.place = place;
		this.#session.maxFraction = Math.max(this.#session.maxFraction, place.fraction);
		reading.savePosition(this.#doc, this.#article, place.paragraph, place.offset, place.fraction);
		reading.applyReadRule(this.#doc, this.#article, { ...this.#session, now: Date.now() });
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
