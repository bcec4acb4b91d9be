/** Upper bounds on what the reading state keeps, checked on input and on import. */
export const LIMITS = {
	/** A stored bookmark id; the place (two ids and a paragraph) decides it anyway. */
	bookmarkId: 1024,
	note: 20_000,
	quote: 20_000,
	context: 256,
	query: 200,
	name: 512,
	encoding: 64,
	metaText: 256,
	/** 50 MB files are refused before import; no byte decodes to more than one UTF-16 unit. */
	text: 60_000_000,
	paragraph: 1_000_000,
	offset: 100_000_000,
	/** Records of one kind in a file or a store. */
	records: 200_000
} as const;

/**
 * The longest string every browser engine can hold: V8's limit, 2^29 − 24 UTF-16 units (the
 * smallest). The backup is written as one string, so none is longer.
 */
export const MAX_STRING_LENGTH = 2 ** 29 - 24;

/**
 * The largest backup file the reader opens. No UTF-16 unit of JSON text takes more than 3 bytes
 * of UTF-8, so every backup the reader can write fits; a larger file could not be read into one
 * string anyway. This is what lets a backup of many maximum-size imports be restored.
 */
export const MAX_BACKUP_BYTES = 3 * MAX_STRING_LENGTH;

/** Files above this must open like the reader's own export before they are read whole. */
export const BACKUP_SNIFF_ABOVE_BYTES = 50 * 1024 * 1024;
