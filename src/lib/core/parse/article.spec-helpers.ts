// Shared by specs: an article with every field empty but those a test names, and a page of them.
import type { Article, PageMeta, ParsedDocument } from './types';

export function article(id: string, fields: Partial<Article> = {}): Article {
	return {
		id,
		kicker: null,
		title: '',
		subtitle: null,
		column: null,
		agency: null,
		reporters: [],
		correspondents: [],
		dateline: null,
		paragraphs: [],
		subheads: [],
		captions: [],
		continued: false,
		continuedFrom: null,
		continuedTo: null,
		lines: [1, 1],
		...fields
	};
}

export function doc(id: string, articles: Article[], page: Partial<PageMeta> = {}): ParsedDocument {
	return {
		id,
		source: `${id}.txt`,
		page: {
			header: null,
			footer: null,
			paper: null,
			date: null,
			pageNumber: null,
			pageName: null,
			...page
		},
		articles,
		diagnostics: []
	};
}
