import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { state } from './arbitraries.spec-helpers';
import {
	canonical,
	emptyState,
	mergeRecentSearches,
	mergeStates,
	MAX_RECENT_SEARCHES
} from './merge';
import {
	addHighlight,
	addRecentSearch,
	listBookmarks,
	listHighlights,
	removeBookmark,
	removeHighlight,
	setBookmark,
	updateHighlight
} from './reducers';
import type { Highlight } from './types';

const same = (a: unknown, b: unknown) => expect(canonical(a)).toBe(canonical(b));

describe('mergeStates', () => {
	it('is commutative, associative and idempotent, so tabs converge in any order', () => {
		fc.assert(
			fc.property(state, state, state, (a, b, c) => {
				same(mergeStates(a, b), mergeStates(b, a));
				same(mergeStates(mergeStates(a, b), c), mergeStates(a, mergeStates(b, c)));
				same(mergeStates(a, a), a);
			})
		);
	});

	it('keeps the newer copy of each record and loses none', () => {
		fc.assert(
			fc.property(state, state, (a, b) => {
				const m = mergeStates(a, b);
				for (const kind of ['positions', 'reads', 'bookmarks', 'highlights'] as const) {
					const keys = new Set([...Object.keys(a[kind]), ...Object.keys(b[kind])]);
					expect(Object.keys(m[kind]).sort()).toEqual([...keys].sort());
					for (const k of keys) {
						const times = [a[kind][k]?.updatedAt ?? -1, b[kind][k]?.updatedAt ?? -1];
						expect(m[kind][k].updatedAt).toBe(Math.max(...times));
					}
				}
			})
		);
	});

	it('lets a removal survive a merge with an older copy that still has the record', () => {
		const h: Highlight = {
			id: 'h1',
			docId: 'd',
			articleId: 'a',
			color: 'yellow',
			note: '要记住',
			anchor: { paragraph: 0, start: 0, end: 2, quote: '春耕', prefix: '', suffix: '' },
			createdAt: 100,
			updatedAt: 100
		};
		const old = addHighlight(setBookmark(emptyState(), 'd', 'a', null, 100), h);
		const now = removeBookmark(removeHighlight(old, 'h1', 200), listBookmarks(old)[0].id, 200);
		for (const m of [mergeStates(old, now), mergeStates(now, old)]) {
			expect(listHighlights(m)).toEqual([]);
			expect(listBookmarks(m)).toEqual([]);
		}
		// An edit made later than the removal wins, as the newest change should.
		const edited = updateHighlight(old, 'h1', { note: '改了' }, 300);
		expect(listHighlights(mergeStates(now, edited))[0].note).toBe('改了');
	});

	it('makes a tombstone newer than the record even when the clock went backwards', () => {
		const s = setBookmark(emptyState(), 'd', 'a', 3, 1000);
		const id = listBookmarks(s)[0].id;
		const removed = removeBookmark(s, id, 500);
		expect(listBookmarks(mergeStates(s, removed))).toEqual([]);
	});
});

describe('bookmarks', () => {
	it('allows one bookmark per place, so merging two tabs gives no duplicate', () => {
		const a = setBookmark(emptyState(), 'd', 'a', 2, 10);
		const b = setBookmark(emptyState(), 'd', 'a', 2, 20);
		expect(listBookmarks(mergeStates(a, b))).toHaveLength(1);
		expect(listBookmarks(setBookmark(a, 'd', 'a', null, 11))).toHaveLength(2);
	});
});

describe('recent searches', () => {
	it('keeps at most 20, newest first, without duplicates', () => {
		let s = emptyState();
		for (let i = 0; i < 30; i++) s = addRecentSearch(s, `词${i % 25}`, i);
		s = addRecentSearch(s, '  词3 ', 100);
		expect(s.recentSearches).toHaveLength(MAX_RECENT_SEARCHES);
		expect(s.recentSearches[0]).toEqual({ query: '词3', at: 100 });
		expect(new Set(s.recentSearches.map((r) => r.query)).size).toBe(MAX_RECENT_SEARCHES);
		expect(addRecentSearch(s, '   ', 200)).toBe(s);
	});

	it('merges two lists by query, keeping the later time', () => {
		expect(
			mergeRecentSearches(
				[
					{ query: '台风', at: 1 },
					{ query: '春耕', at: 5 }
				],
				[{ query: '台风 ', at: 9 }]
			)
		).toEqual([
			{ query: '台风', at: 9 },
			{ query: '春耕', at: 5 }
		]);
	});
});
