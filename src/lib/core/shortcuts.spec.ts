import { describe, expect, it } from 'vitest';
import {
	keyLabels,
	matchesShortcut,
	matchingShortcut,
	SHORTCUT_VIEWS,
	SHORTCUTS,
	shortcutsByView,
	type KeyPress
} from './shortcuts';

function press(key: string, held: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress {
	return { key, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...held };
}

describe('the shortcut registry', () => {
	it('gives every shortcut its own id, and no view one key twice', () => {
		const ids = SHORTCUTS.map((s) => s.id);
		expect(new Set(ids).size).toBe(ids.length);
		const perView = SHORTCUTS.map((s) => `${s.view} ${s.keys}`);
		expect(new Set(perView).size).toBe(perView.length);
	});

	it('lists every shortcut once, grouped by view in the sheet’s order', () => {
		const groups = shortcutsByView();
		expect(groups.map((g) => g.name)).toEqual(Object.values(SHORTCUT_VIEWS));
		expect(groups.flatMap((g) => g.shortcuts)).toHaveLength(SHORTCUTS.length);
		expect(groups[0].shortcuts.map((s) => s.keys)).toContain('?');
	});

	it('leaves out views that have no shortcuts', () => {
		const only = SHORTCUTS.filter((s) => s.view === 'article');
		expect(shortcutsByView(only).map((g) => g.view)).toEqual(['article']);
	});
});

describe('matching a key press', () => {
	it('takes 「?」 typed with or without Shift, but not with Ctrl, Alt or Meta', () => {
		expect(matchesShortcut(press('?', { shiftKey: true }), 'shortcuts')).toBe(true);
		expect(matchesShortcut(press('?'), 'shortcuts')).toBe(true);
		expect(matchesShortcut(press('?', { ctrlKey: true }), 'shortcuts')).toBe(false);
		expect(matchesShortcut(press('?', { metaKey: true }), 'shortcuts')).toBe(false);
		expect(matchesShortcut(press('/'), 'shortcuts')).toBe(false);
	});

	it('tells Enter from Shift+Enter', () => {
		expect(matchesShortcut(press('Enter'), 'next-hit')).toBe(true);
		expect(matchesShortcut(press('Enter', { shiftKey: true }), 'next-hit')).toBe(false);
		expect(matchesShortcut(press('Enter', { shiftKey: true }), 'previous-hit')).toBe(true);
		expect(matchesShortcut(press('Enter'), 'previous-hit')).toBe(false);
	});

	it('takes an arrow key only without modifiers', () => {
		expect(matchesShortcut(press('ArrowLeft'), 'earlier-issue')).toBe(true);
		expect(matchesShortcut(press('ArrowLeft', { altKey: true }), 'earlier-issue')).toBe(false);
		expect(matchesShortcut(press('ArrowLeft', { shiftKey: true }), 'earlier-issue')).toBe(false);
	});

	it('takes a letter only as typed, without Ctrl, so Ctrl+C still copies as usual', () => {
		expect(matchesShortcut(press('c'), 'copy-citation')).toBe(true);
		expect(matchesShortcut(press('c', { ctrlKey: true }), 'copy-citation')).toBe(false);
		expect(matchesShortcut(press('c', { metaKey: true }), 'copy-citation')).toBe(false);
		expect(matchesShortcut(press('r'), 'copy-citation')).toBe(false);
		expect(matchesShortcut(press('r'), 'read-aloud')).toBe(true);
	});

	it('names which of a handler’s shortcuts a key press is, or none', () => {
		const ids = ['read-aloud', 'stop-read-aloud'] as const;
		expect(matchingShortcut(press('Escape'), ids)).toBe('stop-read-aloud');
		expect(matchingShortcut(press('r'), ids)).toBe('read-aloud');
		expect(matchingShortcut(press('Escape', { altKey: true }), ids)).toBeNull();
		expect(matchingShortcut(press('c'), ids)).toBeNull();
	});
});

describe('key labels', () => {
	it('shows each key to press, arrows as arrows', () => {
		expect(keyLabels('Shift+Enter')).toEqual(['Shift', 'Enter']);
		expect(keyLabels('ArrowRight')).toEqual(['→']);
		expect(keyLabels('?')).toEqual(['?']);
		expect(keyLabels('r')).toEqual(['R']);
		expect(keyLabels('Escape')).toEqual(['Esc']);
	});
});
