// Hands a place (paragraph + offset) from the notes list to the article view it opens.
// In memory only: a jump is a one-time instruction, not reading state.
let pending: { doc: string; article: string; paragraph: number; offset: number } | null = null;

export function setJump(doc: string, article: string, paragraph: number, offset: number): void {
	pending = { doc, article, paragraph, offset };
}

export function takeJump(
	doc: string,
	article: string
): { paragraph: number; offset: number } | null {
	const jump = pending;
	pending = null;
	return jump && jump.doc === doc && jump.article === article
		? { paragraph: jump.paragraph, offset: jump.offset }
		: null;
}
