/** Upper bounds on what the reading state keeps, checked on input and on import. */
export const LIMITS = {
	id: 256,
	note: 20_000,
	quote: 20_000,
	context: 256,
	query: 200,
	name: 512,
	encoding: 64,
	metaText: 256,
	/** 50 MB files are refused before import; UTF-16 text of a 50 MB file fits in this. */
	text: 60_000_000,
	paragraph: 1_000_000,
	offset: 100_000_000,
	/** Records of one kind in a file or a store. */
	records: 200_000
} as const;
