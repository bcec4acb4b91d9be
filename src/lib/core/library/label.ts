/**
 * The one way a page is named everywhere it is shown: the library, the page and article views,
 * search results, notes, Markdown citations and the embed's `ready` list. Paper, date, page
 * number and page name as far as they are known; the lead article's title when the page has no
 * name; the file name without its extension only when nothing else is known.
 */

import type { PageMeta } from '../parse/types';

export interface LabelledPage {
	/** The file name the page came from. */
	source: string;
	page: Pick<PageMeta, 'paper' | 'date' | 'monthDay' | 'pageNumber' | 'pageName'>;
	articles?: readonly { title: string | null }[];
}

export interface PageLabelOptions {
	/** Leave out paper and date: a heading above the label shows them already. */
	withoutPaperAndDate?: boolean;
	/** Leave out the lead article's title: an article's own title stands beside the label. */
	withoutLeadTitle?: boolean;
}

/** Shown for a paper's page whose date nothing tells: a year is never guessed. */
export const UNKNOWN_DATE = '日期不详';
/** Shown when a page has no name at all, not even a file name. */
export const UNNAMED_PAGE = '未命名版面';
const SEPARATOR = ' · ';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const TEXT_EXTENSION = /\.(?:txt|text|md|markdown)$/i;

/** `2022年3月8日`, or `12月22日` when only month and day are known; null when neither is. */
export function pageDate(page: Pick<PageMeta, 'date' | 'monthDay'>): string | null {
	const full = page.date ? ISO_DATE.exec(page.date) : null;
	if (full) return `${+full[1]}年${+full[2]}月${+full[3]}日`;
	const partial = page.monthDay ? MONTH_DAY.exec(page.monthDay) : null;
	if (partial) return `${+partial[1]}月${+partial[2]}日`;
	return null;
}

/** `山西日报 · 12月22日`, `山西日报 · 日期不详`, a date alone, or null when neither is known. */
export function paperAndDate(page: Pick<PageMeta, 'paper' | 'date' | 'monthDay'>): string | null {
	const date = pageDate(page);
	if (!page.paper) return date;
	return `${page.paper}${SEPARATOR}${date ?? UNKNOWN_DATE}`;
}

/** The file name without its text extension (`000_8d48….txt` → `000_8d48…`). */
export function fileStem(source: string): string {
	return source.replace(TEXT_EXTENSION, '');
}

/** The first title on the page, or null when every article is untitled. */
export function leadTitle(doc: Pick<LabelledPage, 'articles'>): string | null {
	for (const article of doc.articles ?? []) if (article.title) return article.title;
	return null;
}

/** `山西日报 · 2022年3月8日 · 第1版 · 要闻`, with the unknown parts left out. */
export function pageLabel(doc: LabelledPage, options: PageLabelOptions = {}): string {
	const { page } = doc;
	const parts: string[] = [];
	const where = options.withoutPaperAndDate ? null : paperAndDate(page);
	if (where) parts.push(where);
	if (page.pageNumber !== null) parts.push(`第${page.pageNumber}版`);
	const name = page.pageName || (options.withoutLeadTitle ? null : leadTitle(doc));
	if (name) parts.push(name);
	if (parts.length > 0) return parts.join(SEPARATOR);
	return fileStem(doc.source) || UNNAMED_PAGE;
}
