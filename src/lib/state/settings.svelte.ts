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

/**
 * The reader's settings; every view reads them, the settings panel writes them. An embedding
 * page may change how its own frame looks (`?theme=…`, `banmian:settings`): those choices are
 * shown in that frame only, never saved as the reader's or sent to other tabs.
 */
export class ReaderSettings {
	/** What is shown: the reader's own settings with the frame's choices on top. */
	current = $state<Settings>({ ...DEFAULT_SETTINGS });
	#own: Settings = { ...DEFAULT_SETTINGS };
	#frameOnly: Partial<Settings> = {};
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- callbacks, not rendered state
	#listeners = new Set<(settings: Settings) => void>();

	fontSizePx = $derived(FONT_SIZES_PX[this.current.fontStep] ?? FONT_SIZES_PX[2]);

	/** The reader has changed a setting in this page (before the stored ones arrived, say). */
	changedByReader = false;

	/** The reader's own settings, the ones that are saved: without the frame's choices. */
	get own(): Settings {
		return this.#own;
	}

	update(patch: Partial<Settings>): void {
		this.changedByReader = true;
		this.#own = sanitizeSettings({ ...this.#own, ...patch });
		// The reader's own choice wins over the embedding page's for the same setting.
		const frameOnly = { ...this.#frameOnly };
		for (const key of Object.keys(patch) as (keyof Settings)[]) delete frameOnly[key];
		this.#frameOnly = frameOnly;
		this.#show();
		for (const listener of this.#listeners) listener(this.#own);
	}

	/** Replaces the reader's own settings without telling listeners (loading or syncing them). */
	replace(settings: unknown): void {
		this.#own = sanitizeSettings(settings);
		this.#show();
	}

	/** Settings an embedding page chose: shown in this frame only, never passed to listeners. */
	applyForFrame(patch: Partial<Settings>): void {
		this.#frameOnly = { ...this.#frameOnly, ...patch };
		this.#show();
	}

	#show(): void {
		this.current = sanitizeSettings({ ...this.#own, ...this.#frameOnly });
	}

	/** Called after every change the reader makes, with their own settings; returns an unsubscribe function. */
	onChange(listener: (settings: Settings) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}
}

export const readerSettings = new ReaderSettings();
