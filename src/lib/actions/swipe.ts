import type { Action } from 'svelte/action';

export interface SwipeOptions {
	/** Called with the side the finger moved towards. */
	onSwipe: (towards: 'left' | 'right') => void;
	/** Off while the element scrolls sideways itself (vertical writing). */
	enabled?: boolean;
}

// Far enough that a sloppy tap or a scroll is not taken for a swipe.
const MIN_DISTANCE_PX = 80;

/**
 * A clear horizontal one-finger swipe on the element. Vertical scrolling and text selection
 * are left alone: a mostly vertical move, or one that ends with text selected, is no swipe.
 */
export const swipe: Action<HTMLElement, SwipeOptions> = (node, initial) => {
	let options = initial;
	let start: { x: number; y: number } | null = null;

	function onTouchStart(event: TouchEvent) {
		const touch = event.touches[0];
		start = event.touches.length === 1 ? { x: touch.clientX, y: touch.clientY } : null;
	}

	function onTouchEnd(event: TouchEvent) {
		if (!start || options.enabled === false) return;
		const touch = event.changedTouches[0];
		const dx = touch.clientX - start.x;
		const dy = touch.clientY - start.y;
		start = null;
		if (document.getSelection()?.toString()) return;
		if (Math.abs(dx) > MIN_DISTANCE_PX && Math.abs(dx) > 2 * Math.abs(dy)) {
			options.onSwipe(dx < 0 ? 'left' : 'right');
		}
	}

	node.addEventListener('touchstart', onTouchStart, { passive: true });
	node.addEventListener('touchend', onTouchEnd);
	return {
		update(next) {
			options = next;
		},
		destroy() {
			node.removeEventListener('touchstart', onTouchStart);
			node.removeEventListener('touchend', onTouchEnd);
		}
	};
};
