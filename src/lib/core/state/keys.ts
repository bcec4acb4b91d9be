/**
 * The key of an article's position and read mark in memory. The length prefix marks where the
 * page id ends, so two different (page, article) pairs never share a key, whatever the ids hold.
 * Only in memory: IndexedDB keys these records by the array [docId, articleId].
 */
export function articleKey(docId: string, articleId: string): string {
	return `${docId.length}:${docId}:${articleId}`;
}

/**
 * One bookmark per place: the id is the place, so two tabs (or an import) bookmarking the same
 * paragraph agree instead of making duplicates. JSON keeps it unambiguous whatever the ids hold.
 */
export function bookmarkId(docId: string, articleId: string, paragraph: number | null): string {
	return `bm:${JSON.stringify([docId, articleId, paragraph])}`;
}
