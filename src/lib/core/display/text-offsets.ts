/**
 * Offsets in an element's text, measured as the reader's text (the same units as highlights,
 * search hits and saved positions), against the text nodes the page splits that text into:
 * marks, upright digits in vertical writing and, later, any other inline wrapper.
 * The DOM side walks the nodes and hands their lengths here; this part only counts.
 */

/** Where an offset falls: the index of a text node and the offset inside it. */
export interface NodePoint {
	node: number;
	offset: number;
}

/**
 * The node holding the character at `offset`, so a point between two nodes lands at the start
 * of the later one (where that character is drawn). The end of the text is the end of the
 * last non-empty node. Out of range, or no text at all: null.
 */
export function pointAtOffset(lengths: readonly number[], offset: number): NodePoint | null {
	if (offset < 0 || !Number.isInteger(offset)) return null;
	let before = 0;
	let last: NodePoint | null = null;
	for (let node = 0; node < lengths.length; node++) {
		const length = lengths[node];
		if (length <= 0) continue;
		if (offset < before + length) return { node, offset: offset - before };
		before += length;
		last = { node, offset: length };
	}
	return offset === before ? last : null;
}

/** The offset in the whole text of a point `offset` characters into node `node`. */
export function offsetOfPoint(lengths: readonly number[], point: NodePoint): number {
	let before = 0;
	for (let node = 0; node < point.node && node < lengths.length; node++) before += lengths[node];
	return before + Math.max(0, Math.min(point.offset, lengths[point.node] ?? 0));
}
