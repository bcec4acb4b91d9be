/**
 * Pure updates of the reading state: each returns a new state and leaves the old one alone,
 * so the platform store can diff, persist and broadcast exactly what changed.
 */
import { articleKey, bookmarkId } from './keys';
import { MAX_RECENT_SEARCHES, mergeRecentSearches, normalizeQuery } from './merge';
import { sanitizeSettings } from './settings';
import { LIMITS } from './limits';
import type {
	Bookmark,
	Highlight,
	HighlightColor,
	Position,
	ReadMark,
	ReadingState,
	Settings
} from './types';

function clampInt(n: number, max: number): number {
	return Number.isFinite(n) ? Math.min(max, Math.max(0, Math.floor(n))) : 0;
}

/**
 * A change made here must beat the copy it replaces, even one dated ahead of this clock (another
 * device's wrong clock): otherwise the stored copy wins on reload and the change is lost.
 */
function nextTime(now: number, old: { updatedAt: number } | undefined): number {
	return old ? Math.max(now, old.updatedAt + 1) : now;
}

export function setPosition(state: ReadingState, p: Position): ReadingState {
	const key = articleKey(p.docId, p.articleId);
	const old = Object.hasOwn(state.positions, key) ? state.positions[key] : undefined;
	const pos: Position = {
		docId: p.docId,
		articleId: p.articleId,
		paragraph: clampInt(p.paragraph, LIMITS.paragraph),
		offset: clampInt(p.offset, LIMITS.offset),
		fraction: Number.isFinite(p.fraction) ? Math.min(1, Math.max(0, p.fraction)) : 0,
		updatedAt: nextTime(p.updatedAt, old)
	};
	return { ...state, positions: { ...state.positions, [key]: pos } };
}

export function getPosition(
	state: ReadingState,
	docId: string,
	articleId: string
): Position | undefined {
	const k = articleKey(docId, articleId);
	return Object.hasOwn(state.positions, k) ? state.positions[k] : undefined;
}

/** The most recent reading position, of one document when docId is given ("continue reading"). */
export function lastPosition(state: ReadingState, docId?: string): Position | undefined {
	let best: Position | undefined;
	for (const p of Object.values(state.positions))
		if ((docId === undefined || p.docId === docId) && (!best || p.updatedAt > best.updatedAt))
			best = p;
	return best;
}

export function getReadMark(
	state: ReadingState,
	docId: string,
	articleId: string
): ReadMark | undefined {
	const k = articleKey(docId, articleId);
	return Object.hasOwn(state.reads, k) ? state.reads[k] : undefined;
}

export function isRead(state: ReadingState, docId: string, articleId: string): boolean {
	return getReadMark(state, docId, articleId)?.read === true;
}

/** Mark by hand (manual) or by the automatic rule. */
export function setRead(
	state: ReadingState,
	docId: string,
	articleId: string,
	read: boolean,
	now: number,
	manual = true
): ReadingState {
	const key = articleKey(docId, articleId);
	const old = Object.hasOwn(state.reads, key) ? state.reads[key] : undefined;
	const mark: ReadMark = { docId, articleId, read, updatedAt: nextTime(now, old) };
	if (manual) mark.manual = true;
	return { ...state, reads: { ...state.reads, [key]: mark } };
}

/** For "已读 N/M": how many of these articles are read. */
export function readCount(
	state: ReadingState,
	docId: string,
	articleIds: readonly string[]
): { read: number; total: number } {
	let read = 0;
	for (const id of articleIds) if (isRead(state, docId, id)) read++;
	return { read, total: articleIds.length };
}

export function setBookmark(
	state: ReadingState,
	docId: string,
	articleId: string,
	paragraph: number | null,
	now: number
): ReadingState {
	const id = bookmarkId(docId, articleId, paragraph);
	const old = Object.hasOwn(state.bookmarks, id) ? state.bookmarks[id] : undefined;
	if (old && !old.deleted) return state;
	const b: Bookmark = {
		id,
		docId,
		articleId,
		paragraph,
		createdAt: old && !old.deleted ? old.createdAt : now,
		updatedAt: Math.max(now, (old?.updatedAt ?? 0) + 1)
	};
	return { ...state, bookmarks: { ...state.bookmarks, [id]: b } };
}

export function removeBookmark(state: ReadingState, id: string, now: number): ReadingState {
	const old = Object.hasOwn(state.bookmarks, id) ? state.bookmarks[id] : undefined;
	if (!old || old.deleted) return state;
	// The tombstone must beat the live copy even if the clock went backwards.
	const b: Bookmark = { ...old, deleted: true, updatedAt: Math.max(now, old.updatedAt + 1) };
	return { ...state, bookmarks: { ...state.bookmarks, [id]: b } };
}

export function hasBookmark(
	state: ReadingState,
	docId: string,
	articleId: string,
	paragraph: number | null
): boolean {
	const id = bookmarkId(docId, articleId, paragraph);
	return Object.hasOwn(state.bookmarks, id) && !state.bookmarks[id].deleted;
}

function byTimeDesc<T extends { createdAt: number; id: string }>(a: T, b: T): number {
	return b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Live bookmarks, newest first; of one document when docId is given. */
export function listBookmarks(state: ReadingState, docId?: string): Bookmark[] {
	return Object.values(state.bookmarks)
		.filter((b) => !b.deleted && (docId === undefined || b.docId === docId))
		.sort(byTimeDesc);
}

export function addHighlight(state: ReadingState, h: Highlight): ReadingState {
	return { ...state, highlights: { ...state.highlights, [h.id]: h } };
}

export function updateHighlight(
	state: ReadingState,
	id: string,
	patch: { color?: HighlightColor; note?: string },
	now: number
): ReadingState {
	const old = Object.hasOwn(state.highlights, id) ? state.highlights[id] : undefined;
	if (!old || old.deleted) return state;
	const h: Highlight = {
		...old,
		color: patch.color ?? old.color,
		note: (patch.note ?? old.note).slice(0, LIMITS.note),
		updatedAt: Math.max(now, old.updatedAt + 1)
	};
	return { ...state, highlights: { ...state.highlights, [id]: h } };
}

export function removeHighlight(state: ReadingState, id: string, now: number): ReadingState {
	const old = Object.hasOwn(state.highlights, id) ? state.highlights[id] : undefined;
	if (!old || old.deleted) return state;
	// Keep the place but drop the note and quote context: a tombstone needs no content.
	const h: Highlight = {
		...old,
		note: '',
		deleted: true,
		updatedAt: Math.max(now, old.updatedAt + 1)
	};
	return { ...state, highlights: { ...state.highlights, [id]: h } };
}

/** Live highlights in reading order (article, paragraph, offset); of one document if given. */
export function listHighlights(state: ReadingState, docId?: string): Highlight[] {
	return Object.values(state.highlights)
		.filter((h) => !h.deleted && (docId === undefined || h.docId === docId))
		.sort(
			(a, b) =>
				(a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0) ||
				(a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0) ||
				a.anchor.paragraph - b.anchor.paragraph ||
				a.anchor.start - b.anchor.start ||
				a.createdAt - b.createdAt
		);
}

export function setSettings(
	state: ReadingState,
	patch: Partial<Settings>,
	now: number
): ReadingState {
	const settings = sanitizeSettings({ ...state.settings, ...patch });
	return { ...state, settings, settingsUpdatedAt: Math.max(now, state.settingsUpdatedAt + 1) };
}

export function addRecentSearch(state: ReadingState, query: string, now: number): ReadingState {
	const q = normalizeQuery(query).slice(0, LIMITS.query);
	if (!q) return state;
	const list = mergeRecentSearches(
		state.recentSearches.filter((s) => s.query !== q),
		[{ query: q, at: now }]
	);
	return { ...state, recentSearches: list.slice(0, MAX_RECENT_SEARCHES) };
}

export function clearRecentSearches(state: ReadingState): ReadingState {
	return { ...state, recentSearches: [] };
}

/** Drops everything kept about one document (it was removed from the library). */
export function removeDocState(state: ReadingState, docId: string): ReadingState {
	const keep = <T extends { docId: string }>(r: Record<string, T>) =>
		Object.fromEntries(Object.entries(r).filter(([, v]) => v.docId !== docId));
	return {
		...state,
		positions: keep(state.positions),
		reads: keep(state.reads),
		bookmarks: keep(state.bookmarks),
		highlights: keep(state.highlights)
	};
}
