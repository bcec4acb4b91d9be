/** Keys for the in-memory collections. A newline never occurs in URL-safe ids. */
export function articleKey(docId: string, articleId: string): string {
	return `${docId}\n${articleId}`;
}

/**
 * One bookmark per place: the id is the place, so two tabs (or an import) bookmarking the same
 * paragraph agree instead of making duplicates. JSON keeps it unambiguous whatever the ids hold.
 */
export function bookmarkId(docId: string, articleId: string, paragraph: number | null): string {
	return `bm:${JSON.stringify([docId, articleId, paragraph])}`;
}
