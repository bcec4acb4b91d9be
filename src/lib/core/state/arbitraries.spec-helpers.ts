/** fast-check generators of valid reading-state records, shared by the state specs. */
import fc from 'fast-check';
import { articleKey, bookmarkId } from './keys';
import { HIGHLIGHT_COLORS } from './types';
import type { Bookmark, Highlight, Position, ReadMark, ReadingState } from './types';
import { DEFAULT_SETTINGS } from './settings';
import { mergeRecentSearches } from './merge';

const docId = fc.constantFrom('d1', 'd2', 'd3');
const articleId = fc.constantFrom('a1', 'a2', 'a3');
// Few distinct times so ties (the hard case for merge rules) happen often.
const t = fc.integer({ min: 1, max: 6 });

export const position: fc.Arbitrary<Position> = fc.record({
	docId,
	articleId,
	paragraph: fc.nat(50),
	offset: fc.nat(500),
	fraction: fc.double({ min: 0, max: 1, noNaN: true }),
	updatedAt: t
});

export const readMark: fc.Arbitrary<ReadMark> = fc
	.record({ docId, articleId, read: fc.boolean(), manual: fc.boolean(), updatedAt: t })
	.map(({ manual, ...r }) => (manual ? { ...r, manual: true } : r));

export const bookmark: fc.Arbitrary<Bookmark> = fc
	.record({
		docId,
		articleId,
		paragraph: fc.option(fc.nat(3), { nil: null }),
		createdAt: t,
		updatedAt: t,
		deleted: fc.boolean()
	})
	.map(({ deleted, ...b }) => ({
		...b,
		id: bookmarkId(b.docId, b.articleId, b.paragraph),
		...(deleted ? { deleted: true } : {})
	}));

export const highlight: fc.Arbitrary<Highlight> = fc
	.record({
		id: fc.constantFrom('h1', 'h2', 'h3', 'h4'),
		docId,
		articleId,
		color: fc.constantFrom(...HIGHLIGHT_COLORS),
		note: fc.string({ maxLength: 5 }),
		paragraph: fc.nat(5),
		start: fc.nat(10),
		quote: fc.string({ minLength: 1, maxLength: 5 }),
		createdAt: t,
		updatedAt: t,
		deleted: fc.boolean()
	})
	.map(({ paragraph, start, quote, deleted, ...h }) => ({
		...h,
		anchor: { paragraph, start, end: start + quote.length, quote, prefix: '', suffix: '' },
		...(deleted ? { deleted: true } : {})
	}));

function keyed<T>(items: T[], key: (x: T) => string): Record<string, T> {
	// Later items win here; the merge under test decides between states, not within one.
	return Object.fromEntries(items.map((x) => [key(x), x]));
}

export const state: fc.Arbitrary<ReadingState> = fc
	.record({
		positions: fc.array(position, { maxLength: 6 }),
		reads: fc.array(readMark, { maxLength: 6 }),
		bookmarks: fc.array(bookmark, { maxLength: 6 }),
		highlights: fc.array(highlight, { maxLength: 6 }),
		fontStep: fc.integer({ min: 0, max: 6 }),
		settingsUpdatedAt: fc.integer({ min: 0, max: 6 }),
		searches: fc.array(fc.record({ query: fc.constantFrom('台风', '春耕', '会议', 'x'), at: t }), {
			maxLength: 4
		})
	})
	.map((r) => ({
		positions: keyed(r.positions, (p) => articleKey(p.docId, p.articleId)),
		reads: keyed(r.reads, (p) => articleKey(p.docId, p.articleId)),
		bookmarks: keyed(r.bookmarks, (b) => b.id),
		highlights: keyed(r.highlights, (h) => h.id),
		settings: { ...DEFAULT_SETTINGS, fontStep: r.fontStep },
		settingsUpdatedAt: r.settingsUpdatedAt,
		recentSearches: mergeRecentSearches([], r.searches)
	}));
