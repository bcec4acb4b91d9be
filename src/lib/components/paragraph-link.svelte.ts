// A link to one paragraph (…#p7) opens the article scrolled to it, the paragraph marked for a
// moment so the reader sees which one was meant. An anchor naming no paragraph is ignored.
import { page } from '$app/state';
import { tick } from 'svelte';
import { paragraphInHash } from '$lib/core/library/cite';
import type { Place } from '$lib/state/reading-position.svelte';
import { paragraphElement } from './article-dom';

// Long enough to find it after the scroll; the mark then goes, leaving the text as it was.
const FLASH_MS = 2000;

export function flashParagraph(root: ParentNode, index: number): void {
	const paragraph = paragraphElement(root, index);
	if (!paragraph) return;
	paragraph.dataset.flash = '';
	setTimeout(() => delete paragraph.dataset.flash, FLASH_MS);
}

/** What the view has shown: the article (`key`), its paragraph count and element; null before. */
export interface ShownArticle {
	key: string;
	paragraphs: number;
	root: HTMLElement;
}

/**
 * Follows the location's paragraph anchor for the article shown, once per article and anchor.
 * `show` hands the place to the reading position, which makes it the first scroll (see
 * ReadingPosition.follow).
 */
export function followParagraphLinks(
	shown: () => ShownArticle | null,
	show: (place: Place) => void
): void {
	let followed = '';
	$effect(() => {
		const article = shown();
		const at = article && paragraphInHash(page.url.hash, article.paragraphs);
		const key = `${article?.key}#${at}`;
		if (!article || at === null || key === followed) return;
		followed = key;
		show({ paragraph: at, offset: 0 });
		// Marked once the scroll (a task after the restore it rides on) has happened.
		tick().then(() => setTimeout(() => flashParagraph(article.root, at), 0));
	});
}
