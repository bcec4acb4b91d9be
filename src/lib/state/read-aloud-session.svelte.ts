/**
 * The app's one 朗读 session. It lives outside the article view so that reading on into the next
 * article of the page survives the navigation to it: reaching the next article opens it, and the
 * view keeps following the sentence being read.
 */

import { goto } from '$app/navigation';
import type { MarkSpan } from '../core/display/marks';
import type { Article } from '../core/parse/types';
import { browserSpeechEngine } from '../platform/speech';
import { links } from '../links';
import { nextArticleOnPage } from './joined-reading';
import { library } from './library.svelte';
import { ReadAloud, type ReadAloudArticle } from './read-aloud.svelte';
import { readerSettings } from './settings.svelte';

let session: ReadAloud | null = null;

/** The session, made on first use (the browser's speech synthesis is looked up then). */
export function readAloudSession(): ReadAloud {
	session ??= new ReadAloud({
		engine: browserSpeechEngine(),
		script: () => readerSettings.current.script,
		next: (after) => nextArticleOnPage(library.documents, (id) => library.document(id))(after),
		onArticle: (article) => {
			const first = article.parts[0];
			if (first) goto(links.article(first.documentId, first.articleId));
		}
	});
	return session;
}

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

/** The session as one article view sees it: whether it reads this article, and what it marks. */
export class ReadAloudInView {
	readonly session = readAloudSession();
	#shown: () => { documentId: string; articleId: string };

	constructor(shown: () => { documentId: string; articleId: string }) {
		this.#shown = shown;
	}

	/** Whether the session is reading (or paused in) the article shown. */
	get here(): boolean {
		const { documentId, articleId } = this.#shown();
		return isReading(this.session, documentId, articleId);
	}

	get spoken(): Spoken {
		const { documentId, articleId } = this.#shown();
		return spokenIn(this.session, documentId, articleId);
	}

	/** Leaving the article stops reading, unless it is for the next article reading went on to. */
	leaving(to: { doc?: string; article?: string } | null | undefined): void {
		if (!isReading(this.session, to?.doc ?? '', to?.article ?? '')) this.session.stop();
	}
}
