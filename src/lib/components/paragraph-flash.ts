// Marks a paragraph for a moment, so the reader sees which one a link (…#p7) pointed at.
import { paragraphElement } from './article-dom';

// Long enough to find it after the scroll; the mark then goes, leaving the text as it was.
const FLASH_MS = 2000;

export function flashParagraph(root: ParentNode, index: number): void {
	const paragraph = paragraphElement(root, index);
	if (!paragraph) return;
	paragraph.dataset.flash = '';
	setTimeout(() => delete paragraph.dataset.flash, FLASH_MS);
}
