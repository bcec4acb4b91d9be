import { isRecord } from './validate';
import type { FontFamily, Punctuation, Script, Settings, Theme, Writing } from './types';

export const FONT_STEP_MIN = 0;
export const FONT_STEP_MAX = 6;
export const LINE_HEIGHT_MIN = 1.2;
export const LINE_HEIGHT_MAX = 2.4;

export const THEMES: readonly Theme[] = ['light', 'sepia', 'dark', 'system'];
export const FONT_FAMILIES: readonly FontFamily[] = ['serif', 'sans'];
export const PUNCTUATIONS: readonly Punctuation[] = ['source', 'fullwidth'];
export const SCRIPTS: readonly Script[] = ['simplified', 'traditional', 'source'];
export const WRITINGS: readonly Writing[] = ['horizontal', 'vertical'];

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
	fontStep: 2,
	lineHeight: 1.8,
	theme: 'system',
	fontFamily: 'serif',
	punctuation: 'source',
	script: 'source',
	writing: 'horizontal'
});

function oneOf<T>(v: unknown, allowed: readonly T[], fallback: T): T {
	return allowed.includes(v as T) ? (v as T) : fallback;
}

/**
 * Settings from anywhere (storage, an import, a message): each field that is missing or wrong
 * falls back to its default, numbers are clamped into range. Never throws.
 */
export function sanitizeSettings(v: unknown): Settings {
	try {
		return sanitize(v);
	} catch {
		return { ...DEFAULT_SETTINGS }; // a revoked proxy or a throwing getter
	}
}

function sanitize(v: unknown): Settings {
	const o = isRecord(v) ? v : {};
	const d = DEFAULT_SETTINGS;
	const read = (k: keyof Settings): unknown => o[k];
	const fontStep = read('fontStep');
	const lineHeight = read('lineHeight');
	return {
		fontStep:
			typeof fontStep === 'number' && Number.isFinite(fontStep)
				? Math.min(FONT_STEP_MAX, Math.max(FONT_STEP_MIN, Math.round(fontStep)))
				: d.fontStep,
		lineHeight:
			typeof lineHeight === 'number' && Number.isFinite(lineHeight)
				? Math.min(LINE_HEIGHT_MAX, Math.max(LINE_HEIGHT_MIN, Math.round(lineHeight * 100) / 100))
				: d.lineHeight,
		theme: oneOf(read('theme'), THEMES, d.theme),
		fontFamily: oneOf(read('fontFamily'), FONT_FAMILIES, d.fontFamily),
		punctuation: oneOf(read('punctuation'), PUNCTUATIONS, d.punctuation),
		script: oneOf(read('script'), SCRIPTS, d.script),
		writing: oneOf(read('writing'), WRITINGS, d.writing)
	};
}

export function settingsEqual(a: Settings, b: Settings): boolean {
	return (Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]).every((k) => a[k] === b[k]);
}
