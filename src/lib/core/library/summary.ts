/**
 * What the library, page views, search and embed know of a page without its full text: the
 * summaries the worker makes once per parse and the main thread lists, groups and links.
 */

import type { Article, Diagnostic, PageMeta, ParsedDocument } from '../parse/types';

/**
 * The shape of DocumentSummary and ArticleSummary: the worker keeps the library's summaries in
 * IndexedDB under it, so raise it whenever they change.
 */
export const SUMMARY_VERSION = 2;

/** What the library says of a page the parser gave up on. */
export const UNPARSABLE_NOTICE = '这一版无法解析';

/** How long a lead may be in a summary before it is cut with `…`. */
const LEAD_LENGTH = 120;

/** What the library and page views need of an article, without its full text. */
export type ArticleSummary = Pick<
	Article,
	| 'id'
	| 'kicker'
	| 'title'
	| 'subtitle'
	| 'agency'
	| 'reporters'
	| 'correspondents'
	| 'dateline'
	| 'continued'
	| 'continuedFrom'
	| 'continuedTo'
> & {
	/** The opening of the lead paragraph. */
	lead: string;
	paragraphCount: number;
};

export interface DocumentSummary {
	id: string;
	source: string;
	page: PageMeta;
	articles: ArticleSummary[];
	/** Non-article blocks (ads, listings, notices…) on the page; their text comes with the page. */
	blockCount: number;
	diagnostics: Diagnostic[];
	encoding: string;
	imported: boolean;
	/** Set when the text could not be fetched, read or parsed. */
	error: string | null;
	/** Set when the parser gave up on the text (timed out or threw): why, for the notice. */
	unparsable: string | null;
}

export function summariseArticle(article: Article): ArticleSummary {
	const lead = article.paragraphs[0] ?? '';
	return {
		id: article.id,
		kicker: article.kicker,
		title: article.title,
		subtitle: article.subtitle,
		agency: article.agency,
		reporters: article.reporters,
		correspondents: article.correspondents,
		dateline: article.dateline,
		lead: lead.length > LEAD_LENGTH ? `${lead.slice(0, LEAD_LENGTH)}…` : lead,
		paragraphCount: article.paragraphs.length,
		continued: article.continued,
		continuedFrom: article.continuedFrom,
		continuedTo: article.continuedTo
	};
}

/** A parsed page's summary; `encoding` is the one its text was decoded with. */
export function summariseDocument(
	document: ParsedDocument,
	encoding: string,
	imported: boolean
): DocumentSummary {
	return {
		id: document.id,
		source: document.source,
		page: document.page,
		articles: document.articles.map(summariseArticle),
		blockCount: document.blocks?.length ?? 0,
		diagnostics: document.diagnostics,
		encoding,
		imported,
		error: null,
		unparsable: null
	};
}

/** The summary of a page whose text could not be fetched, read or parsed: `error` says why. */
export function failedSummary(
	page: { id?: string; source: string; imported?: boolean },
	error: string
): DocumentSummary {
	return {
		id: page.id ?? page.source,
		source: page.source,
		page: { header: null, footer: null, paper: null, date: null, pageNumber: null, pageName: null },
		articles: [],
		blockCount: 0,
		diagnostics: [{ level: 'error', message: error, line: null }],
		encoding: 'unknown',
		imported: page.imported ?? false,
		error,
		unparsable: null
	};
}

/** A page the parser gave up on (it timed out or threw): the library shows the notice and why. */
export function unparsableSummary(
	page: { id?: string; source: string; imported?: boolean },
	reason: string
): DocumentSummary {
	return { ...failedSummary(page, `${UNPARSABLE_NOTICE}:${reason}`), unparsable: reason };
}

/** Imported texts are stored decoded: the encoding to show is the one used at import. */
export function withStoredEncoding(
	doc: DocumentSummary,
	imports: readonly { id: string; encoding: string }[]
): DocumentSummary {
	const stored = doc.imported ? imports.find((i) => i.id === doc.id) : undefined;
	return stored ? { ...doc, encoding: stored.encoding } : doc;
}
