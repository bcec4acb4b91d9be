/**
 * 「复制引用」 and 「分享」 for a passage of the open article: the quote as the reader sees it,
 * the citation line the notes' Markdown export uses too, and a link to its paragraph. In an
 * embed the link opens the full reader, not the embedding page's frame.
 */

import { quoteWithCitation } from '../core/library/cite';
import type { Article, PageMeta } from '../core/parse/types';
import { links } from '../links';
import { copyText, shareOrCopy } from '../platform/share';
import { embed } from './embed.svelte';

export interface CitedPassage {
	documentId: string;
	articleId: string;
	article: Pick<Article, 'title' | 'paragraphs'>;
	page: PageMeta;
	/** 0-based paragraph, and the passage's start and end offsets in it. */
	paragraph: number;
	start: number;
	end: number;
}

export type CiteAction = 'copy' | 'share';

type StoryPart = Pick<CitedPassage, 'documentId' | 'articleId' | 'article'>;

/**
 * What a passage in part `part` of the story shown (0: the opened article) is cited from: that
 * part's own article and page, under the story's title when the part, a continuation, has none.
 */
export function citedPart(
	parts: readonly StoryPart[],
	part: number,
	pageOf: (documentId: string) => PageMeta | undefined
): Omit<CitedPassage, 'paragraph' | 'start' | 'end'> | null {
	const cited = parts[part];
	const page = cited && pageOf(cited.documentId);
	if (!cited || !page) return null;
	const title = cited.article.title ?? parts[0]?.article.title ?? null;
	return { ...cited, article: { ...cited.article, title }, page };
}

/** The quote with its citation line, in the reader's display (简/繁), and the paragraph's link. */
export function citation(
	passage: CitedPassage,
	display: (text: string) => string
): { text: string; title?: string; url: string } {
	const { article, paragraph, start, end } = passage;
	const quote = (article.paragraphs[paragraph] ?? '').slice(start, end).trim();
	const text = display(quoteWithCitation(quote, { title: article.title, page: passage.page }));
	const url = embed.fullReaderHref(
		links.paragraph(passage.documentId, passage.articleId, paragraph)
	);
	return { text, url, ...(article.title ? { title: display(article.title) } : {}) };
}

/** Copies or shares the passage; says what happened for the reader, or null when they cancelled. */
export async function cite(
	action: CiteAction,
	passage: CitedPassage,
	display: (text: string) => string
): Promise<string | null> {
	const cited = citation(passage, display);
	if (action === 'copy')
		return (await copyText(cited.text)) === 'copied' ? '已复制引用' : '无法复制，浏览器不允许';
	const outcome = await shareOrCopy(cited);
	if (outcome === 'cancelled') return null;
	return outcome === 'shared'
		? '已分享'
		: outcome === 'copied'
			? '已复制引用和链接'
			: '无法分享，也无法复制';
}
