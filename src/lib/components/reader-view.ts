// Where the reader is in the article, and scrolling to a place: the page side of the state
// layer's ReadingPosition. Horizontal text scrolls the window, below the sticky masthead;
// vertical text (竖排) scrolls the article sideways, right to left. A story read as one is
// measured part by part, each part its own article's.
import type { MeasuredPlace, Place, PlaceView } from '$lib/state/reading-position.svelte';
import {
	characterRange,
	continuedParts,
	offsetIn,
	paragraphElement,
	paragraphElements,
	paragraphIndex,
	partIndex
} from './article-dom';

/**
 * The top of the reading area: just below what stays stuck at the top, the masthead (its
 * height set by the layout) and, in an article opened from a search, the hit bar.
 */
export function viewTop(): number {
	const style = getComputedStyle(document.documentElement);
	const height = (name: string) => parseFloat(style.getPropertyValue(name)) || 0;
	return height('--masthead-height') + height('--hit-bar-height') + 8;
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));

/**
 * How far the reader has come through each part of a joined story (0–1): the share of the part
 * before the view's far edge. The opened article's part begins with the heading; each
 * continuation at its own `[data-part-start]` element.
 */
function partFractions(reader: HTMLElement, vertical: boolean): number[] {
	const box = reader.getBoundingClientRect();
	const starts = continuedParts(reader).map((part) => part.getBoundingClientRect());
	if (vertical) {
		// right to left: each part runs from its right edge to where the next begins
		const first = reader.firstElementChild?.getBoundingClientRect().right ?? box.right;
		const edges = [first, ...starts.map((r) => r.right)];
		const last = starts.at(-1)?.left ?? box.left;
		return edges.map((from, i) => {
			const to = edges[i + 1] ?? last;
			return clamp((from - box.left) / Math.max(1, from - to));
		});
	}
	const edges = [box.top, ...starts.map((r) => r.top)];
	return edges.map((from, i) => {
		const to = edges[i + 1] ?? box.bottom;
		return clamp((innerHeight - from) / Math.max(1, to - from));
	});
}

/** Where the reader is: the paragraph at the top of the view and the offset inside it. */
function measure(reader: HTMLElement, vertical: boolean): MeasuredPlace | null {
	const paragraphs = paragraphElements(reader);
	if (!paragraphs.length) return null;
	const box = reader.getBoundingClientRect();
	const top = viewTop();
	let fraction: number;
	let inView: HTMLElement;
	if (vertical) {
		const scrollable = reader.scrollWidth - reader.clientWidth;
		fraction = scrollable > 0 ? Math.abs(reader.scrollLeft) / scrollable : 1;
		inView =
			paragraphs.find((p) => p.getBoundingClientRect().left < box.right - 8) ?? paragraphs[0];
	} else {
		fraction = clamp((innerHeight - box.top) / Math.max(1, box.height));
		inView = paragraphs.find((p) => p.getBoundingClientRect().bottom > top) ?? paragraphs[0];
	}
	const rect = inView.getBoundingClientRect();
	const caret = vertical
		? document.caretPositionFromPoint?.(Math.min(rect.right, box.right) - 4, rect.top + 4)
		: document.caretPositionFromPoint?.(rect.left + 4, Math.max(rect.top, top) + 4);
	const offset =
		caret && inView.contains(caret.offsetNode)
			? offsetIn(inView, caret.offsetNode, caret.offset)
			: 0;
	const round = (value: number) => Math.round(value * 1000) / 1000;
	// one article alone: its progress is the view's, as measured above
	const parts = continuedParts(reader).length ? partFractions(reader, vertical) : [fraction];
	return {
		part: partIndex(inView),
		paragraph: paragraphIndex(inView),
		offset,
		fraction: round(fraction),
		parts: parts.map(round)
	};
}

/** Scrolls the spot `place.offset` characters into its paragraph to the top of the view. */
function scrollTo(reader: HTMLElement, place: Place, vertical: boolean): void {
	const paragraph = paragraphElement(reader, place.paragraph, place.part ?? 0);
	if (!paragraph) return;
	const character = characterRange(paragraph, place.offset)?.getBoundingClientRect();
	const rect =
		character && (character.width || character.height)
			? character
			: paragraph.getBoundingClientRect();
	if (vertical) reader.scrollLeft += rect.right - reader.getBoundingClientRect().right + 16;
	else window.scrollBy(0, rect.top - viewTop());
}

/** The article element's view for ReadingPosition; both are read when used, not now. */
export function readerView(reader: () => HTMLElement | null, vertical: () => boolean): PlaceView {
	return {
		measure: () => {
			const element = reader();
			return element ? measure(element, vertical()) : null;
		},
		scrollTo: (place) => {
			const element = reader();
			if (element) scrollTo(element, place, vertical());
		},
		scrollToStart: () => {
			window.scrollTo(0, 0);
			const element = reader();
			if (element) element.scrollLeft = 0;
		}
	};
}
