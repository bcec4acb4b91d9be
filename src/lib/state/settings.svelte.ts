import { DEFAULT_SETTINGS, sanitizeSettings } from '../core/state/settings';
import type { Settings } from '../core/state/types';

/** Font size in CSS pixels for each step of `Settings.fontStep`. */
export const FONT_SIZES_PX = [14, 16, 17, 18, 20, 22, 25];
export const LINE_HEIGHTS = [1.5, 1.8, 2.1, 2.4];

/** An embed's `fontScale` is relative to the default step's size. */
export function fontScaleOf(step: number): number {
	return FONT_SIZES_PX[step] / FONT_SIZES_PX[DEFAULT_SETTINGS.fontStep];
}

export function fontStepFor(scale: number): number {
	const target = scale * FONT_SIZES_PX[DEFAULT_SETTINGS.fontStep];
	let best = 0;
	for (let i = 1; i < FONT_SIZES_PX.length; i++) {
		if (Math.abs(FONT_SIZES_PX[i] - target) < Math.abs(FONT_SIZES_PX[best] - target)) best = i;
	}
	return best;
}

/** The reader's settings; every view reads them, the settings panel writes them. */
export class ReaderSettings {
	current = $state<Settings>({ ...DEFAULT_SETTINGS });
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- callbacks, not rendered state
	#listeners = new Set<(settings: Settings) => void>();

	fontSizePx = $derived(FONT_SIZES_PX[this.current.fontStep] ?? FONT_SIZES_PX[2]);

	/** The reader has changed a setting in this page (before the stored ones arrived, say). */
	changedByReader = false;

	update(patch: Partial<Settings>): void {
		this.changedByReader = true;
		this.current = sanitizeSettings({ ...this.current, ...patch });
		for (const listener of this.#listeners) listener(this.current);
	}

	/** Replaces the settings without telling listeners (used when loading or syncing them). */
	replace(settings: unknown): void {
		this.current = sanitizeSettings(settings);
	}

	/** Called after every change the reader makes; returns an unsubscribe function. */
	onChange(listener: (settings: Settings) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}
}

export const readerSettings = new ReaderSettings();
