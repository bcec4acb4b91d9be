/**
 * The app's one 朗读 session. It lives outside the article view so that reading on into the next
 * article of the page survives the navigation to it: reaching the next article opens it, and the
 * view keeps following the sentence being read.
 */

import { goto } from '$app/navigation';
import { browserSpeechEngine } from '../platform/speech';
import { links } from '../links';
import { nextArticleOnPage } from './joined-reading';
import { library } from './library.svelte';
import { ReadAloud } from './read-aloud.svelte';
import { isReading, spokenIn, type Spoken } from './read-aloud-view';
import { readerSettings } from './settings.svelte';

export { readableArticle } from './read-aloud-view';

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
