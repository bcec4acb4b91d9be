/**
 * The one rule for ids that come from outside (backups, URLs, embed messages, storage): page and
 * article ids are URL-safe, so they travel in links unescaped and can never carry a separator,
 * a newline or markup into a key.
 */

/** Longest page or article id accepted anywhere. */
export const MAX_ID_LENGTH = 200;

/** RFC 3986 unreserved characters only. */
const URL_SAFE_ID = /^[A-Za-z0-9._~-]+$/;

/** A URL-safe id of 1 to MAX_ID_LENGTH characters. */
export function isUrlSafeId(value: unknown): value is string {
	return (
		typeof value === 'string' &&
		value.length > 0 &&
		value.length <= MAX_ID_LENGTH &&
		URL_SAFE_ID.test(value)
	);
}

/**
 * The form the app gives an imported page (`importedDocId` in core/import/sniff.ts): `imp-` and
 * the 14 hex digits of a hash of its bytes. Nothing else may claim to be an import, so a backup
 * can never put its text under a bundled page's id.
 */
const IMPORTED_DOC_ID = /^imp-[0-9a-f]{14}$/;

export function isImportedDocId(value: unknown): value is string {
	return typeof value === 'string' && IMPORTED_DOC_ID.test(value);
}
