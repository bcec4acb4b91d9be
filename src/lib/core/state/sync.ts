/**
 * What one tab tells the others after a change, and how a tab takes it in. The message comes
 * from another tab over a BroadcastChannel: it is untrusted, and every record is checked.
 */
import { articleKey } from './keys';
import { isImportedDocId } from './ids';
import { mergeRecentSearches, mergeRecords, pickSettings } from './merge';
import { removeDocState } from './reducers';
import { sanitizeSettings } from './settings';
import type {
	Bookmark,
	Highlight,
	ImportedDocInfo,
	Position,
	ReadingState,
	ReadMark,
	RecentSearch,
	Settings
} from './types';
import {
	checkBookmark,
	checkHighlight,
	checkImportedDocInfo,
	checkPosition,
	checkReadMark,
	checkRecentSearch,
	isRecord,
	validated
} from './validate';

/** The records one change touched, whole; a tab sends only what it changed. */
export interface StateChanges {
	positions?: Position[];
	reads?: ReadMark[];
	bookmarks?: Bookmark[];
	highlights?: Highlight[];
	settings?: { values: Settings; updatedAt: number };
	/** The whole list: taking it as is lets 「清除」 travel too. */
	recentSearches?: RecentSearch[];
	docsChanged?: ImportedDocInfo[];
	docsRemoved?: string[];
}

export interface MergedChanges {
	/** The state with the other tab's records merged in and its removed pages' state dropped. */
	state: ReadingState;
	/** Imported pages the other tab added or changed (checked). */
	docsChanged: ImportedDocInfo[];
	/** Imported pages the other tab removed (only imported ids; a bundled page is never removed). */
	docsRemoved: string[];
}

/** The valid records of an untrusted list, by key (the last of a key wins). */
function checkedRecords<T>(
	list: unknown,
	check: (v: unknown, path: string) => T,
	key: (r: T) => string
): Record<string, T> {
	const out = new Map<string, T>();
	if (Array.isArray(list))
		for (const v of list) {
			const c = validated(check, v, 'message');
			if (c.ok) out.set(key(c.value), c.value);
		}
	return Object.fromEntries(out);
}

const byArticle = (x: { docId: string; articleId: string }) => articleKey(x.docId, x.articleId);

/**
 * Takes another tab's changes into this tab's state by the usual merge rules (newer wins per
 * record). Anything malformed is dropped on its own; the rest still applies.
 */
export function mergeTabChanges(state: ReadingState, changes: unknown): MergedChanges {
	const merged: MergedChanges = { state, docsChanged: [], docsRemoved: [] };
	if (!isRecord(changes)) return merged;
	let s = state;
	if (changes.positions)
		s = {
			...s,
			positions: mergeRecords(
				s.positions,
				checkedRecords(changes.positions, checkPosition, byArticle)
			)
		};
	if (changes.reads)
		s = {
			...s,
			reads: mergeRecords(s.reads, checkedRecords(changes.reads, checkReadMark, byArticle))
		};
	if (changes.bookmarks)
		s = {
			...s,
			bookmarks: mergeRecords(
				s.bookmarks,
				checkedRecords(changes.bookmarks, checkBookmark, (b) => b.id)
			)
		};
	if (changes.highlights)
		s = {
			...s,
			highlights: mergeRecords(
				s.highlights,
				checkedRecords(changes.highlights, checkHighlight, (h) => h.id)
			)
		};
	if (isRecord(changes.settings)) {
		const at = Number(changes.settings.updatedAt);
		if (Number.isFinite(at)) {
			const win = pickSettings(s, {
				settings: sanitizeSettings(changes.settings.values),
				settingsUpdatedAt: at
			});
			s = { ...s, settings: win.settings, settingsUpdatedAt: win.settingsUpdatedAt };
		}
	}
	if (Array.isArray(changes.recentSearches)) {
		const items: RecentSearch[] = [];
		for (const v of changes.recentSearches) {
			const c = validated(checkRecentSearch, v, 'message');
			if (c.ok) items.push(c.value);
		}
		s = { ...s, recentSearches: mergeRecentSearches([], items) };
	}
	if (Array.isArray(changes.docsRemoved))
		for (const id of changes.docsRemoved)
			if (isImportedDocId(id)) {
				s = removeDocState(s, id);
				merged.docsRemoved.push(id);
			}
	if (Array.isArray(changes.docsChanged))
		merged.docsChanged = changes.docsChanged
			.map((v) => validated(checkImportedDocInfo, v, 'message'))
			.flatMap((c) => (c.ok ? [c.value] : []));
	merged.state = s;
	return merged;
}
