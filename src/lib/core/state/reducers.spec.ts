import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyReadRule, DEFAULT_READ_RULE, meetsReadRule } from './read-rule';
import { emptyState, mergeStates } from './merge';
import { articleKey } from './keys';
import {
	addHighlight,
	getPosition,
	isRead,
	lastPosition,
	listHighlights,
	readCount,
	removeDocState,
	setBookmark,
	setPosition,
	setRead,
	setSettings
} from './reducers';
import { DEFAULT_SETTINGS, FONT_STEP_MAX, sanitizeSettings } from './settings';
import { validatePosition } from './validate';

describe('read rule', () => {
	const opened = 1_000_000;
	it('counts an article read when its end was reached or it stayed open long enough', () => {
		expect(meetsReadRule({ maxFraction: 0.96, openedAt: opened, now: opened + 1000 })).toBe(true);
		expect(meetsReadRule({ maxFraction: 0.5, openedAt: opened, now: opened + 1000 })).toBe(false);
		expect(
			meetsReadRule({ maxFraction: 0.1, openedAt: opened, now: opened + DEFAULT_READ_RULE.dwellMs })
		).toBe(true);
		expect(
			meetsReadRule({
				maxFraction: 0.1,
				openedAt: opened,
				visibleBeforeMs: 40_000,
				now: opened + 5_000
			})
		).toBe(true);
		expect(meetsReadRule({ maxFraction: NaN, openedAt: opened, now: opened - 5 })).toBe(false);
	});

	it('marks read automatically, but never undoes "mark unread" made during the visit', () => {
		const s = emptyState();
		const read = applyReadRule(s, 'd', 'a', { maxFraction: 1, openedAt: opened, now: opened + 10 });
		expect(isRead(read, 'd', 'a')).toBe(true);
		expect(read.reads[articleKey('d', 'a')].manual).toBeUndefined();
		const unread = setRead(read, 'd', 'a', false, opened + 20);
		const again = applyReadRule(unread, 'd', 'a', {
			maxFraction: 1,
			openedAt: opened,
			now: opened + 30
		});
		expect(isRead(again, 'd', 'a')).toBe(false);
		// On a later visit the rule applies again.
		const later = applyReadRule(unread, 'd', 'a', {
			maxFraction: 1,
			openedAt: opened + 100,
			now: opened + 200
		});
		expect(isRead(later, 'd', 'a')).toBe(true);
	});

	it('counts read articles of a page for "已读 N/M"', () => {
		let s = setRead(emptyState(), 'd', 'a1', true, 1);
		s = setRead(s, 'd', 'a2', false, 1);
		s = setRead(s, 'other', 'a3', true, 1);
		expect(readCount(s, 'd', ['a1', 'a2', 'a3'])).toEqual({ read: 1, total: 3 });
	});
});

describe('positions', () => {
	it('keeps paragraph and offset, clamped to valid values', () => {
		fc.assert(
			fc.property(fc.double(), fc.double(), fc.double(), (p, o, f) => {
				const s = setPosition(emptyState(), {
					docId: 'd',
					articleId: 'a',
					paragraph: p,
					offset: o,
					fraction: f,
					updatedAt: 1
				});
				expect(validatePosition(getPosition(s, 'd', 'a')).ok).toBe(true);
			})
		);
		const s = setPosition(emptyState(), {
			docId: 'd',
			articleId: 'a',
			paragraph: 7,
			offset: 42,
			fraction: 0.5,
			updatedAt: 9
		});
		expect(getPosition(s, 'd', 'a')).toMatchObject({ paragraph: 7, offset: 42, fraction: 0.5 });
		expect(getPosition(s, 'd', 'constructor')).toBeUndefined();
	});
});

describe('removeDocState', () => {
	it('drops everything kept about one document and nothing else', () => {
		let s = setPosition(emptyState(), {
			docId: 'd',
			articleId: 'a',
			paragraph: 1,
			offset: 0,
			fraction: 0,
			updatedAt: 1
		});
		s = setRead(s, 'd', 'a', true, 1);
		s = setBookmark(s, 'd', 'a', null, 1);
		s = setBookmark(s, 'keep', 'a', null, 1);
		s = addHighlight(s, {
			id: 'h',
			docId: 'd',
			articleId: 'a',
			color: 'green',
			note: '',
			createdAt: 1,
			updatedAt: 1,
			anchor: { paragraph: 0, start: 0, end: 1, quote: '字', prefix: '', suffix: '' }
		});
		const r = removeDocState(s, 'd');
		expect(Object.keys(r.positions)).toEqual([]);
		expect(Object.keys(r.reads)).toEqual([]);
		expect(listHighlights(r)).toEqual([]);
		expect(Object.values(r.bookmarks).map((b) => b.docId)).toEqual(['keep']);
	});
});

describe('settings', () => {
	it('sanitizes anything into valid settings without throwing', () => {
		fc.assert(
			fc.property(fc.anything(), (v) => {
				const s = sanitizeSettings(v);
				expect(s.fontStep).toBeGreaterThanOrEqual(0);
				expect(s.fontStep).toBeLessThanOrEqual(FONT_STEP_MAX);
				expect(Number.isFinite(s.lineHeight)).toBe(true);
				expect(sanitizeSettings(s)).toEqual(s);
			})
		);
		expect(sanitizeSettings(null)).toEqual(DEFAULT_SETTINGS);
		expect(sanitizeSettings({ theme: 'dark', fontStep: 4.4, lineHeight: 9 })).toMatchObject({
			theme: 'dark',
			fontStep: 4,
			lineHeight: 2.4
		});
		const revoked = Proxy.revocable({}, {});
		revoked.revoke();
		expect(sanitizeSettings(revoked.proxy)).toEqual(DEFAULT_SETTINGS);
	});

	it('records when settings changed so the newer copy wins', () => {
		const s = setSettings(emptyState(), { writing: 'vertical', script: 'traditional' }, 50);
		expect(s.settings).toMatchObject({ writing: 'vertical', script: 'traditional' });
		expect(s.settingsUpdatedAt).toBe(50);
	});
});

describe('lastPosition', () => {
	it('finds the most recent place read, overall or in one document', () => {
		let s = setPosition(emptyState(), {
			docId: 'd1',
			articleId: 'a',
			paragraph: 1,
			offset: 0,
			fraction: 0,
			updatedAt: 5
		});
		s = setPosition(s, {
			docId: 'd2',
			articleId: 'b',
			paragraph: 2,
			offset: 0,
			fraction: 0,
			updatedAt: 9
		});
		s = setPosition(s, {
			docId: 'd1',
			articleId: 'c',
			paragraph: 3,
			offset: 0,
			fraction: 0,
			updatedAt: 7
		});
		expect(lastPosition(s)?.articleId).toBe('b');
		expect(lastPosition(s, 'd1')?.articleId).toBe('c');
		expect(lastPosition(s, 'none')).toBeUndefined();
	});
});

describe('a change made here always beats the copy it replaces', () => {
	// A copy dated ahead of this clock: another device's wrong clock, or an old import.
	const ahead = 5_000;
	const now = 1_000;

	it('for read marks', () => {
		const stored = setRead(emptyState(), 'd', 'a', true, ahead);
		const unread = setRead(stored, 'd', 'a', false, now);
		expect(unread.reads[articleKey('d', 'a')].updatedAt).toBe(ahead + 1);
		// What a reload or another tab does with both copies: the change wins.
		expect(isRead(mergeStates(stored, unread), 'd', 'a')).toBe(false);
		// With nothing stored, the time is the clock's.
		expect(setRead(emptyState(), 'd', 'a', true, now).reads[articleKey('d', 'a')].updatedAt).toBe(
			now
		);
	});

	it('for positions', () => {
		const place = { docId: 'd', articleId: 'a', offset: 0, fraction: 0.1 };
		const stored = setPosition(emptyState(), { ...place, paragraph: 9, updatedAt: ahead });
		const moved = setPosition(stored, { ...place, paragraph: 2, updatedAt: now });
		expect(getPosition(moved, 'd', 'a')?.updatedAt).toBe(ahead + 1);
		expect(getPosition(mergeStates(stored, moved), 'd', 'a')?.paragraph).toBe(2);
	});
});
