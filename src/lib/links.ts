// Hash links: a fragment-only href keeps the path (any sub-path) and the query (embed mode's
// `?embed=1&parent=…`) as they are, so navigation works on any static host and inside iframes.

import { paragraphAnchor } from './core/library/cite';

const part = encodeURIComponent;

export const links = {
	library: () => '#/',
	page: (doc: string) => `#/doc/${part(doc)}`,
	/** With a query, the article opens at its first hit with every hit marked. */
	article: (doc: string, article: string, query = '') =>
		`#/doc/${part(doc)}/${part(article)}${query.trim() ? `/${part(query.trim())}` : ''}`,
	/** The article scrolled to the paragraph at `index` (0-based), after a second `#` (`#p7`). */
	paragraph: (doc: string, article: string, index: number) =>
		`${links.article(doc, article)}#${paragraphAnchor(index)}`,
	/** The page with its ads, listings and notices shown, the query's hits marked in them. */
	blocks: (doc: string, query = '') =>
		`#/doc/${part(doc)}/blocks${query.trim() ? `/${part(query.trim())}` : ''}`,
	/** 往期: a paper's issues by date; with a date, that issue's pages. */
	issues: (paper: string, date?: string) =>
		`#/issues/${part(paper)}${date ? `/${part(date)}` : ''}`,
	/** Every paper's 往期, and the pages that name no paper. */
	papers: () => '#/issues',
	search: (query = '') => (query ? `#/search/${part(query)}` : '#/search'),
	notes: () => '#/notes',
	settings: () => '#/settings'
};

/**
 * A hash route the router can always read. A path segment whose escapes are malformed (`%E0%A4%A`
 * makes the router's decoding throw, which leaves a blank page) or decode to control characters
 * is taken literally instead: its `%` signs are escaped, so the view gets the text as typed, finds
 * no such page and says so. Null when the hash needs no change.
 */
export function readableHash(hash: string): string | null {
	let changed = false;
	const segments = hash.split('/').map((segment) => {
		let decoded: string;
		try {
			decoded = decodeURIComponent(segment);
		} catch {
			decoded = '\0';
		}
		// eslint-disable-next-line no-control-regex -- control characters are what is looked for
		if (!/[\u0000-\u001f\u007f]/.test(decoded)) return segment;
		changed = true;
		return segment.replaceAll('%', '%25');
	});
	return changed ? segments.join('/') : null;
}
