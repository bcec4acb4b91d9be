/**
 * What of an article is searched, in order: its heading (the title, or the stand-in the reader
 * shows for an untitled one), kicker, subtitle, agency, reporters, correspondents, paragraphs
 * and captions. The on-device index and the static archive both search exactly these, so a
 * query finds the same articles in either.
 */
import { articleHeading } from '../parse/title';
import type { Article } from '../parse/types';

/** The head segments (heading, kicker, subtitle) rank a match above the body's. */
export const HEAD_SEGMENTS = 3;

export function searchSegments(article: Article): string[] {
	return [
		articleHeading(article),
		article.kicker ?? '',
		article.subtitle ?? '',
		...(article.agency ? [article.agency] : []),
		...article.reporters,
		...article.correspondents,
		...article.paragraphs,
		...article.captions
	];
}
