/**
 * Merge rules. Every record carries `updatedAt`; the newer copy wins. Removals are tombstones
 * (`deleted: true` with a fresh `updatedAt`) so an older copy elsewhere cannot bring them back.
 * Merging is commutative, associative and idempotent, so tabs and imports converge whatever
 * order their changes arrive in.
 */
import { DEFAULT_SETTINGS, settingsEqual } from './settings';
import type { ReadingState, RecentSearch, Settings } from './types';

export const MAX_RECENT_SEARCHES = 20;

export function emptyState(): ReadingState {
	return {
		positions: {},
		reads: {},
		bookmarks: {},
		highlights: {},
		settings: { ...DEFAULT_SETTINGS },
		settingsUpdatedAt: 0,
		recentSearches: []
	};
}

/** JSON with sorted keys: equal data gives equal text whatever order fields were set in. */
export function canonical(v: unknown): string {
	return JSON.stringify(v, (_k, val: unknown) => {
		if (val && typeof val === 'object' && !Array.isArray(val)) {
			const sorted: Record<string, unknown> = {};
			for (const k of Object.keys(val).sort()) sorted[k] = (val as Record<string, unknown>)[k];
			return sorted;
		}
		return val;
	});
}

export function sameRecord(a: unknown, b: unknown): boolean {
	return canonical(a) === canonical(b);
}

interface Versioned {
	updatedAt: number;
	deleted?: boolean;
}

/**
 * Which of two copies of one record wins: the newer; on a tie the tombstone (a removal is the
 * deliberate act); on a full tie the larger canonical form, so both sides pick the same one.
 */
export function pickNewer<T extends Versioned>(a: T, b: T): T {
	if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? a : b;
	if (!!a.deleted !== !!b.deleted) return a.deleted ? a : b;
	return canonical(a) >= canonical(b) ? a : b;
}

export function mergeRecords<T extends Versioned>(
	a: Record<string, T>,
	b: Record<string, T>
): Record<string, T> {
	const out = new Map<string, T>(Object.entries(a));
	for (const [k, v] of Object.entries(b)) {
		const old = out.get(k);
		out.set(k, old ? pickNewer(old, v) : v);
	}
	// fromEntries defines own properties, so no key (even `__proto__`) can reach a prototype.
	return Object.fromEntries(out);
}

/** Whitespace-trimmed and collapsed: `台风  路径` and ` 台风 路径` are one search. */
export function normalizeQuery(q: string): string {
	return q.trim().replace(/\s+/g, ' ');
}

export function mergeRecentSearches(a: RecentSearch[], b: RecentSearch[]): RecentSearch[] {
	const byQuery = new Map<string, RecentSearch>();
	for (const s of [...a, ...b]) {
		const query = normalizeQuery(s.query);
		if (!query) continue;
		const old = byQuery.get(query);
		if (!old || s.at > old.at) byQuery.set(query, { query, at: s.at });
	}
	return [...byQuery.values()]
		.sort((x, y) => y.at - x.at || (x.query < y.query ? -1 : x.query > y.query ? 1 : 0))
		.slice(0, MAX_RECENT_SEARCHES);
}

export function pickSettings(
	a: { settings: Settings; settingsUpdatedAt: number },
	b: { settings: Settings; settingsUpdatedAt: number }
): { settings: Settings; settingsUpdatedAt: number } {
	if (a.settingsUpdatedAt !== b.settingsUpdatedAt)
		return a.settingsUpdatedAt > b.settingsUpdatedAt ? a : b;
	if (settingsEqual(a.settings, b.settings)) return a;
	return canonical(a.settings) >= canonical(b.settings) ? a : b;
}

export function mergeStates(a: ReadingState, b: ReadingState): ReadingState {
	const s = pickSettings(a, b);
	return {
		positions: mergeRecords(a.positions, b.positions),
		reads: mergeRecords(a.reads, b.reads),
		bookmarks: mergeRecords(a.bookmarks, b.bookmarks),
		highlights: mergeRecords(a.highlights, b.highlights),
		settings: { ...s.settings },
		settingsUpdatedAt: s.settingsUpdatedAt,
		recentSearches: mergeRecentSearches(a.recentSearches, b.recentSearches)
	};
}
