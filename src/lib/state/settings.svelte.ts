import type { Settings } from '../core/state/types';

export const FONT_SIZES_PX = [14, 16, 17, 18, 20, 22, 25];
export const LINE_HEIGHTS = [1.5, 1.7, 1.9, 2.1];

export const DEFAULT_READER_SETTINGS: Settings = {
	fontStep: 2,
	lineHeight: 1.9,
	theme: 'system',
	fontFamily: 'serif',
	punctuation: 'source',
	script: 'source',
	writing: 'horizontal'
};

/** The reader's settings; every view reads them, the settings panel writes them. */
export class ReaderSettings {
	current = $state<Settings>({ ...DEFAULT_READER_SETTINGS });

	fontSizePx = $derived(
		FONT_SIZES_PX[Math.min(FONT_SIZES_PX.length - 1, Math.max(0, this.current.fontStep))]
	);

	update(patch: Partial<Settings>): void {
		this.current = { ...this.current, ...patch };
	}
}

export const readerSettings = new ReaderSettings();
