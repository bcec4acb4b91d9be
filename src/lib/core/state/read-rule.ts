/**
 * When an article counts as read without the reader saying so: its end came into view, or it
 * stayed open long enough to have been read. Pure: the caller supplies the times.
 */
import { getReadMark, setRead } from './reducers';
import type { ReadingState } from './types';

export interface ReadRule {
	/** Fraction of the article reached that counts as its end. */
	endFraction: number;
	/** Time open (visible) that counts as read, in milliseconds. */
	dwellMs: number;
}

export const DEFAULT_READ_RULE: Readonly<ReadRule> = Object.freeze({
	endFraction: 0.95,
	dwellMs: 45_000
});

export interface ReadingSession {
	/** The furthest fraction reached while open, 0..1. */
	maxFraction: number;
	/** When the article was opened (or became visible again). */
	openedAt: number;
	/** Visible time before `openedAt` in this visit, in ms, for a tab hidden in between. */
	visibleBeforeMs?: number;
	now: number;
}

export function meetsReadRule(s: ReadingSession, rule: ReadRule = DEFAULT_READ_RULE): boolean {
	if (Number.isFinite(s.maxFraction) && s.maxFraction >= rule.endFraction) return true;
	const open = Math.max(0, s.now - s.openedAt) + Math.max(0, s.visibleBeforeMs ?? 0);
	return open >= rule.dwellMs;
}

/**
 * Applies the rule: marks read when met and not already read. A mark the reader made by hand
 * during this visit (e.g. "mark unread") is left alone, so the rule never undoes a choice.
 */
export function applyReadRule(
	state: ReadingState,
	docId: string,
	articleId: string,
	s: ReadingSession,
	rule: ReadRule = DEFAULT_READ_RULE
): ReadingState {
	const mark = getReadMark(state, docId, articleId);
	if (mark?.read) return state;
	if (mark?.manual && mark.updatedAt >= s.openedAt) return state;
	if (!meetsReadRule(s, rule)) return state;
	return setRead(state, docId, articleId, true, s.now, false);
}
