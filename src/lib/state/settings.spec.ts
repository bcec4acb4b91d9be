import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../core/state/settings';
import type { Settings } from '../core/state/types';
import { FONT_SIZES_PX, ReaderSettings } from './settings.svelte';

describe('ReaderSettings', () => {
	it('shows an embedding page’s choice in its frame only: never saved, never sent on', () => {
		const settings = new ReaderSettings();
		const saved: Settings[] = [];
		settings.onChange((own) => saved.push(own));
		settings.applyForFrame({ theme: 'dark', fontStep: 5 });
		expect(settings.current.theme).toBe('dark');
		expect(settings.fontSizePx).toBe(FONT_SIZES_PX[5]);
		expect(settings.own.theme).toBe(DEFAULT_SETTINGS.theme);
		expect(saved).toEqual([]);
	});

	it('lets the reader’s own choice win over the frame’s, and passes only that on', () => {
		const settings = new ReaderSettings();
		const saved: Settings[] = [];
		settings.onChange((own) => saved.push(own));
		settings.applyForFrame({ theme: 'dark', fontStep: 5 });
		settings.update({ fontStep: 1 });
		expect(settings.fontSizePx).toBe(FONT_SIZES_PX[1]);
		expect(settings.current.theme).toBe('dark');
		expect(saved).toEqual([{ ...DEFAULT_SETTINGS, fontStep: 1 }]);
	});

	it('takes stored settings as untrusted: out of range is clamped, unknown is the default', () => {
		const settings = new ReaderSettings();
		settings.replace({ fontStep: 99, theme: 'neon' });
		expect(settings.current).toEqual({ ...DEFAULT_SETTINGS, fontStep: FONT_SIZES_PX.length - 1 });
		expect(settings.fontSizePx).toBe(FONT_SIZES_PX.at(-1));
		expect(settings.changedByReader).toBe(false);
	});
});
