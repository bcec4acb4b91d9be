// Hash links: a fragment-only href keeps the path (any sub-path) and the query (embed mode's
// `?embed=1&parent=…`) as they are, so navigation works on any static host and inside iframes.

const part = encodeURIComponent;

export const links = {
	library: () => '#/',
	page: (doc: string) => `#/doc/${part(doc)}`,
	/** With a query, the article opens at its first hit with every hit marked. */
	article: (doc: string, article: string, query = '') =>
		`#/doc/${part(doc)}/${part(article)}${query.trim() ? `/${part(query.trim())}` : ''}`,
	/** The page with its ads, listings and notices shown, the query's hits marked in them. */
	blocks: (doc: string, query = '') =>
		`#/doc/${part(doc)}/blocks${query.trim() ? `/${part(query.trim())}` : ''}`,
	search: (query = '') => (query ? `#/search/${part(query)}` : '#/search'),
	notes: () => '#/notes',
	settings: () => '#/settings'
};
