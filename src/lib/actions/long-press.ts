import type { Action } from 'svelte/action';
import { paragraphAround, paragraphIndex, partIndex } from '$lib/components/article-dom';

export interface LongPressOptions {
	/** A finger rested on paragraph `index` (0-based) of the story's part `part` (0: the opened article). */
	onLongPress: (index: number, part: number) => void;
}

// Just under the system's own long press (which would select a word); a finger moving this far
// is scrolling instead.
const HOLD_MS = 450;
const SLOP_PX = 10;

/**
 * A touch held still on a paragraph of the article. The word selection and context menu the
 * same press would go on to open are held back, so the reader sees one menu, not two.
 */
export const longPressParagraph: Action<HTMLElement, LongPressOptions> = (node, initial) => {
	let options = initial;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let start: { x: number; y: number } | null = null;
	let fired = false;

	const cancel = () => {
		clearTimeout(timer);
		start = null;
	};

	function onPointerDown(event: PointerEvent) {
		cancel();
		fired = false;
		if (event.pointerType !== 'touch' || !event.isPrimary) return;
		const paragraph = event.target instanceof Node ? paragraphAround(event.target) : null;
		if (!paragraph || !node.contains(paragraph)) return;
		start = { x: event.clientX, y: event.clientY };
		timer = setTimeout(() => {
			start = null;
			fired = true;
			options.onLongPress(paragraphIndex(paragraph), partIndex(paragraph));
		}, HOLD_MS);
	}

	function onPointerMove(event: PointerEvent) {
		if (start && Math.hypot(event.clientX - start.x, event.clientY - start.y) > SLOP_PX) cancel();
	}

	function holdBack(event: Event) {
		if (fired) event.preventDefault();
	}

	node.addEventListener('pointerdown', onPointerDown);
	node.addEventListener('pointermove', onPointerMove);
	node.addEventListener('pointerup', cancel);
	node.addEventListener('pointercancel', cancel);
	node.addEventListener('contextmenu', holdBack);
	node.addEventListener('selectstart', holdBack);
	return {
		update(next) {
			options = next;
		},
		destroy() {
			cancel();
			node.removeEventListener('pointerdown', onPointerDown);
			node.removeEventListener('pointermove', onPointerMove);
			node.removeEventListener('pointerup', cancel);
			node.removeEventListener('pointercancel', cancel);
			node.removeEventListener('contextmenu', holdBack);
			node.removeEventListener('selectstart', holdBack);
		}
	};
};
