/** What to call an article whose title is not on its page. */

import type { Article } from './types';

/**
 * The article's title, or for one without a title on this page a label the reader can show
 * and search for: `（上接第1版）` for a continuation, `（无标题）` otherwise.
 */
export function articleHeading(article: Pick<Article, 'title' | 'continuedFrom'>): string {
	if (article.title !== null) return article.title;
	return article.continuedFrom ? `（上接${article.continuedFrom}）` : '（无标题）';
}
