// The article's text on the page: its paragraphs are `[data-paragraph]` elements whose text,
// split into text nodes by marks and upright digits, reads as the paragraph's source text.
// Offsets here are offsets in that text (the units of highlights, search hits and saved
// places); core's text-offsets does the counting, this file only walks and measures the DOM.
// A story continued on other pages is shown as parts, one `[data-part]` text each (0 the
// opened article); a paragraph's index counts within its own part's article.
import { pointAtOffset } from '$lib/core/display/text-offsets';

/** A selected run of text inside one paragraph. */
export interface Passage {
	/** The part of a joined story the passage is in: 0 for the opened article. */
	part: number;
	paragraph: number;
	start: number;
	end: number;
	text: string;
}

const PARAGRAPH = '[data-paragraph]';

export function paragraphElements(root: ParentNode): HTMLElement[] {
	return [...root.querySelectorAll<HTMLElement>(PARAGRAPH)];
}

export function paragraphElement(root: ParentNode, index: number, part = 0): HTMLElement | null {
	return root.querySelector<HTMLElement>(`[data-part="${part}"] [data-paragraph="${index}"]`);
}

export function paragraphIndex(paragraph: HTMLElement): number {
	return Number(paragraph.dataset.paragraph);
}

/** Which part of a joined story an element is in: 0, the opened article, unless marked. */
export function partIndex(element: Element): number {
	return Number(element.closest<HTMLElement>('[data-part]')?.dataset.part ?? 0);
}

/** The elements of a joined story's parts after the first, in order (`[data-part-start]`). */
export function continuedParts(root: ParentNode): HTMLElement[] {
	return [...root.querySelectorAll<HTMLElement>('[data-part-start]')];
}

/** The paragraph a node is in, if any. */
export function paragraphAround(node: Node): HTMLElement | null {
	const element = node instanceof Element ? node : node.parentElement;
	return element?.closest<HTMLElement>(PARAGRAPH) ?? null;
}

/** How many characters of `paragraph`'s text come before the boundary point (node, offset). */
export function offsetIn(paragraph: Node, node: Node, offset: number): number {
	const measure = document.createRange();
	measure.setStart(paragraph, 0);
	measure.setEnd(node, offset);
	return measure.toString().length;
}

/** The range of the character `offset` characters into `paragraph`, if it has one there. */
export function characterRange(paragraph: Node, offset: number): Range | null {
	const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
	const nodes: Text[] = [];
	for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
	const point = pointAtOffset(
		nodes.map((node) => node.data.length),
		offset
	);
	if (!point) return null;
	const node = nodes[point.node];
	const range = document.createRange();
	range.setStart(node, point.offset);
	range.setEnd(node, Math.min(point.offset + 1, node.data.length));
	return range;
}

/** The reader's selection as a passage of one paragraph inside `root`, or null. */
export function selectedPassage(root: HTMLElement): Passage | null {
	const selection = document.getSelection();
	if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
	const range = selection.getRangeAt(0);
	const paragraph = paragraphAround(range.startContainer);
	if (!paragraph || !root.contains(paragraph)) return null;
	const start = offsetIn(paragraph, range.startContainer, range.startOffset);
	// A selection running into the next paragraph is kept to its first paragraph.
	const end = paragraph.contains(range.endContainer)
		? offsetIn(paragraph, range.endContainer, range.endOffset)
		: (paragraph.textContent?.length ?? start);
	if (end <= start) return null;
	return {
		part: partIndex(paragraph),
		paragraph: paragraphIndex(paragraph),
		start,
		end,
		text: range.toString()
	};
}
