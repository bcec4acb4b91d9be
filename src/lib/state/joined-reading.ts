/**
 * A continued story read as one in the article view: the opened article and its continuations
 * on other pages with their text, ready to show one after another (each under its divider
 * 「接第3版」) and to read aloud; and the next article of the page for reading on.
 */

import {
	joinLabel,
	joinedReading,
	type ArticleRef,
	type JoinedPart,
	type LinkablePage
} from '../core/parse/links';
import type { Article, ParsedDocument } from '../core/parse/types';
import type { ReadAloudArticle } from './read-aloud.svelte';

/** One part with its text; `label` is the divider before it, null for the opened article. */
export interface LoadedPart extends JoinedPart {
	article: Article;
	label: string | null;
}

export interface LoadedJoinedReading {
	parts: LoadedPart[];
	/** The start of the story when the opened article is a continuation (for 「从头读」). */
	head: ArticleRef | null;
}

/** Reads a page's parse (the library's `document`); null when it cannot be had. */
export type LoadDocument = (id: string) => Promise<ParsedDocument | null>;

async function articleOf(load: LoadDocument, ref: ArticleRef): Promise<Article | null> {
	try {
		const doc = await load(ref.documentId);
		return doc?.articles.find((a) => a.id === ref.articleId) ?? null;
	} catch {
		return null;
	}
}

/**
 * The opened article and its continuations, loaded. The chain ends before a part whose page
 * cannot be read; null when the opened article itself cannot be.
 */
export async function loadJoinedReading(
	documents: readonly LinkablePage[],
	load: LoadDocument,
	documentId: string,
	articleId: string
): Promise<LoadedJoinedReading | null> {
	const { parts, head } = joinedReading(documents, documentId, articleId);
	const articles = await Promise.all(parts.map((part) => articleOf(load, part)));
	const loaded: LoadedPart[] = [];
	for (const [i, part] of parts.entries()) {
		const article = articles[i];
		if (!article) break;
		loaded.push({ ...part, article, label: i === 0 ? null : joinLabel(part) });
	}
	return loaded.length > 0 ? { parts: loaded, head } : null;
}

/**
 * For `ReadAloud`'s `next`: the article after `after` on its page, with its own continuations.
 * Continuations on the page are passed over: their story was read with the article it began in.
 */
export function nextArticleOnPage(
	documents: readonly LinkablePage[],
	load: LoadDocument
): (after: ArticleRef) => Promise<ReadAloudArticle | null> {
	return async (after) => {
		const doc = await load(after.documentId).catch(() => null);
		const articles = doc?.articles ?? [];
		const at = articles.findIndex((a) => a.id === after.articleId);
		if (at < 0) return null;
		for (const article of articles.slice(at + 1)) {
			const joined = await loadJoinedReading(documents, load, after.documentId, article.id);
			if (joined && joined.head === null) return joined;
		}
		return null;
	};
}
