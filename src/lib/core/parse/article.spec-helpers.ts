// Shared by specs: an article with every field empty but those a test names.
import type { Article } from './types';

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
