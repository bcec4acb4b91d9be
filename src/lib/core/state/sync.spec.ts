import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { state } from './arbitraries.spec-helpers';
import { canonical, emptyState, mergeStates } from './merge';
import { getPosition, isRead, listBookmarks, setBookmark, setPosition, setRead } from './reducers';
import { mergeTabChanges } from './sync';
import type { ImportedDocInfo } from './types';

const imported = 'imp-0a0b0c0d0e0f12';
const info: ImportedDocInfo = {
	id: imported,
	name: '晚报.txt',
	encoding: 'gb18030',
	meta: {},
	importedAt: 1000,
	updatedAt: 1000,
	size: 64
};
const position = (updatedAt: number, paragraph: number) => ({
	docId: 'd',
	articleId: 'a',
	paragraph,
	offset: 0,
	fraction: 0.5,
	updatedAt
});

describe('mergeTabChanges', () => {
	it('takes what another tab sent by the merge rules: the newer record wins', () => {
		const mine = setPosition(emptyState(), position(200, 3));
		const older = mergeTabChanges(mine, { positions: [position(100, 1)] });
		expect(getPosition(older.state, 'd', 'a')?.paragraph).toBe(3);
		const newer = mergeTabChanges(mine, {
			positions: [position(300, 5)],
			reads: [{ docId: 'd', articleId: 'a', read: true, updatedAt: 300 }]
		});
		expect(getPosition(newer.state, 'd', 'a')?.paragraph).toBe(5);
		expect(isRead(newer.state, 'd', 'a')).toBe(true);
	});

	it('gives the same state as merging the sender’s whole state', () => {
		fc.assert(
			fc.property(state, state, (mine, theirs) => {
				const sent = {
					positions: Object.values(theirs.positions),
					reads: Object.values(theirs.reads),
					bookmarks: Object.values(theirs.bookmarks),
					highlights: Object.values(theirs.highlights),
					settings: { values: theirs.settings, updatedAt: theirs.settingsUpdatedAt }
				};
				const { settings, settingsUpdatedAt, ...merged } = mergeStates(mine, theirs);
				const taken = mergeTabChanges(mine, sent).state;
				expect(canonical({ ...taken, recentSearches: merged.recentSearches })).toBe(
					canonical({ ...merged, settings, settingsUpdatedAt })
				);
			})
		);
	});

	it('drops malformed records on their own and applies the rest', () => {
		const taken = mergeTabChanges(emptyState(), {
			positions: [{ docId: 'd' }, position(100, 2), 'junk'],
			bookmarks: 'not a list',
			settings: { values: { fontScale: 1.5 }, updatedAt: 'yesterday' },
			docsChanged: [info, { id: 7 }]
		});
		expect(getPosition(taken.state, 'd', 'a')?.paragraph).toBe(2);
		expect(listBookmarks(taken.state)).toEqual([]);
		expect(taken.state.settingsUpdatedAt).toBe(0);
		expect(taken.docsChanged).toEqual([info]);
	});

	it('passes a list of recent searches as it is, so clearing it travels too', () => {
		const mine = { ...emptyState(), recentSearches: [{ query: '春耕', at: 1 }] };
		expect(mergeTabChanges(mine, { recentSearches: [] }).state.recentSearches).toEqual([]);
		expect(mergeTabChanges(mine, {}).state.recentSearches).toEqual(mine.recentSearches);
	});

	it('drops the state of a removed imported page, never of a bundled one', () => {
		let mine = setRead(emptyState(), imported, 'a1', true, 100, true);
		mine = setBookmark(mine, '000_8d483b34ee5996a6', 'a1', null, 100);
		const taken = mergeTabChanges(mine, { docsRemoved: [imported, '000_8d483b34ee5996a6', 5] });
		expect(isRead(taken.state, imported, 'a1')).toBe(false);
		expect(listBookmarks(taken.state)).toHaveLength(1);
		expect(taken.docsRemoved).toEqual([imported]);
	});

	it('changes nothing for a message that is not an object', () => {
		const mine = setPosition(emptyState(), position(200, 3));
		for (const junk of [null, 'positions', 42, undefined])
			expect(mergeTabChanges(mine, junk).state).toBe(mine);
	});
});
