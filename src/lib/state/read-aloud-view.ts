/**
 * How an article view sees the 朗读 session: whether it reads the article shown, and what of it
 * to mark (the body sentence as a mark over its paragraph, or the heading line).
 */

import type { MarkSpan } from '../core/display/marks';
import type { Article } from '../core/parse/types';
import type { ReadAloud, ReadAloudArticle } from './read-aloud.svelte';

/** The opened article alone, as read aloud (its continuations can be added as further parts). */
export function readableArticle(
	documentId: string,
	articleId: string,
	article: Article
): ReadAloudArticle {
	return { parts: [{ documentId, articleId, article }] };
}

/** Whether `session` is reading (or paused in) the article `documentId`/`articleId`. */
export function isReading(session: ReadAloud, documentId: string, articleId: string): boolean {
	const first = session.article?.parts[0];
	return (
		(session.status === 'playing' || session.status === 'paused') &&
		first?.documentId === documentId &&
		first.articleId === articleId
	);
}

/** What the article view marks of the sentence being read in the article it shows. */
export interface Spoken {
	/** The body sentence, as a mark over its paragraph's text. */
	span: MarkSpan | null;
	/** The heading line being read instead, if it is one. */
	heading: 'kicker' | 'title' | 'subtitle' | null;
}

export function spokenIn(session: ReadAloud, documentId: string, articleId: string): Spoken {
	const current = session.current;
	if (!current || !isReading(session, documentId, articleId) || current.part !== 0)
		return { span: null, heading: null };
	if (current.block !== 'body' || current.paragraph === null)
		return { span: null, heading: current.block === 'body' ? null : current.block };
	const { paragraph, start, end } = current;
	const span: MarkSpan = {
		id: 'speech',
		kind: 'speech',
		color: 'speech',
		paragraph,
		start,
		endParagraph: paragraph,
		end
	};
	return { span, heading: null };
}
