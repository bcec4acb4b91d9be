/**
 * Citing what was read: a quote followed by 「——《标题》，报名，2022年3月8日，第1版」, the same
 * line for 「复制引用」, sharing and the Markdown export of notes; and the anchor that links to one
 * paragraph of an article.
 */

import type { PageMeta } from '../parse/types';
import { pageDate } from './label';

/** What a citation names; a field that is null or missing is left out, never guessed. */
export interface CitedSource {
	/** The article's own title; null for an untitled article (never a made-up heading). */
	title?: string | null;
	page: Pick<PageMeta, 'paper' | 'date' | 'monthDay' | 'pageNumber'>;
}

/** `——《标题》，太行日报，2022年3月8日，第1版`, the unknown parts left out; null when nothing is known. */
export function citationLine(source: CitedSource): string | null {
	const title = source.title?.trim();
	const parts: string[] = [];
	if (title) parts.push(`《${title}》`);
	const paper = source.page.paper?.trim();
	if (paper) parts.push(paper);
	const date = pageDate(source.page);
	if (date) parts.push(date);
	const { pageNumber } = source.page;
	if (typeof pageNumber === 'number') parts.push(`第${pageNumber}版`);
	return parts.length > 0 ? `——${parts.join('，')}` : null;
}

/** The quoted text, then the citation line below it when anything about its source is known. */
export function quoteWithCitation(quote: string, source: CitedSource): string {
	const line = citationLine(source);
	return line ? `${quote}\n${line}` : quote;
}

/*
 * Paragraph anchors count from 1, as readers do (`#p7` is the seventh paragraph); paragraph
 * indices in code count from 0. Under the hash router the anchor follows the route after a
 * second `#` (`#/doc/<doc>/<article>#p7`), which SvelteKit leaves out of the route.
 */
const ANCHOR = /^p([1-9]\d{0,5})$/;

/** `p7` for the paragraph at index 6. */
export function paragraphAnchor(index: number): string {
	if (!Number.isInteger(index) || index < 0) throw new RangeError(`no paragraph ${index}`);
	return `p${index + 1}`;
}

/**
 * The paragraph index an anchor names (`p7` → 6), or null for anything else: fragments come from
 * URLs anyone can write, so only the exact form is read, and with `paragraphCount` only a
 * paragraph the article has.
 */
export function paragraphFromAnchor(anchor: string, paragraphCount = Infinity): number | null {
	const match = ANCHOR.exec(anchor);
	if (!match) return null;
	const index = Number(match[1]) - 1;
	return index < paragraphCount ? index : null;
}

/** The paragraph a location hash's anchor names (`#/doc/d/a#p7` → 6), or null when none does. */
export function paragraphInHash(hash: string, paragraphCount = Infinity): number | null {
	const at = hash.indexOf('#', hash.startsWith('#') ? 1 : 0);
	return at < 0 ? null : paragraphFromAnchor(hash.slice(at + 1), paragraphCount);
}
