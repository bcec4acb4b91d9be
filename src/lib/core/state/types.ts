/**
 * The reader's own data: plain JSON records, kept in IndexedDB by the platform layer and
 * exported as one file. Times are epoch milliseconds. Offsets are UTF-16 code units into
 * `Article.paragraphs[paragraph]` (not pixels), so they survive font and layout changes.
 */

/** Where the reader was in one article. One per (docId, articleId). */
export interface Position {
	docId: string;
	articleId: string;
	/** Index of the paragraph at the top of the view. */
	paragraph: number;
	/** Character offset inside that paragraph. */
	offset: number;
	/** How far through the article, 0..1. */
	fraction: number;
	updatedAt: number;
}

/** Read/unread mark for one article. One per (docId, articleId). */
export interface ReadMark {
	docId: string;
	articleId: string;
	read: boolean;
	/** Set by the reader by hand (the automatic rule does not override it). */
	manual?: boolean;
	updatedAt: number;
}

/** A bookmark on an article, optionally on one paragraph. The id is derived from the place. */
export interface Bookmark {
	id: string;
	docId: string;
	articleId: string;
	paragraph: number | null;
	createdAt: number;
	updatedAt: number;
	/** Tombstone: kept so a removal survives merges with older copies. */
	deleted?: boolean;
}

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** Where a highlight sits: offsets plus the quoted text with context to find it again. */
export interface HighlightAnchor {
	paragraph: number;
	start: number;
	end: number;
	quote: string;
	/** Up to ANCHOR_CONTEXT characters before the quote (may reach into earlier paragraphs). */
	prefix: string;
	/** Up to ANCHOR_CONTEXT characters after the quote. */
	suffix: string;
}

export interface Highlight {
	id: string;
	docId: string;
	articleId: string;
	color: HighlightColor;
	/** The reader's note; '' when none. */
	note: string;
	anchor: HighlightAnchor;
	createdAt: number;
	updatedAt: number;
	deleted?: boolean;
}

export type Theme = 'light' | 'sepia' | 'dark' | 'system';
export type FontFamily = 'serif' | 'sans';
export type Punctuation = 'source' | 'fullwidth';
export type Script = 'simplified' | 'traditional' | 'source';
export type Writing = 'horizontal' | 'vertical';

export interface Settings {
	/** Font size step, FONT_STEP_MIN..FONT_STEP_MAX. */
	fontStep: number;
	/** Line height as a multiple of the font size, LINE_HEIGHT_MIN..LINE_HEIGHT_MAX. */
	lineHeight: number;
	theme: Theme;
	fontFamily: FontFamily;
	punctuation: Punctuation;
	script: Script;
	writing: Writing;
}

export interface RecentSearch {
	query: string;
	at: number;
}

/** Per-import overrides for page meta the header line did not give. */
export interface ImportedDocMeta {
	paper?: string;
	date?: string;
	pageNumber?: number;
	pageName?: string;
}

/** An imported page text without its text (what the library lists). */
export interface ImportedDocInfo {
	id: string;
	/** The file name or the name given to pasted text. */
	name: string;
	/** The encoding used to decode the file, e.g. 'utf-8', 'gb18030', 'utf-16le'. */
	encoding: string;
	meta: ImportedDocMeta;
	importedAt: number;
	updatedAt: number;
	/** Size of the source in bytes. */
	size: number;
}

export interface ImportedDoc extends ImportedDocInfo {
	text: string;
}

/**
 * Everything the reader keeps, in memory. Collections are keyed objects so merges are cheap:
 * positions and reads by `articleKey(docId, articleId)`, bookmarks and highlights by id.
 */
export interface ReadingState {
	positions: Record<string, Position>;
	reads: Record<string, ReadMark>;
	bookmarks: Record<string, Bookmark>;
	highlights: Record<string, Highlight>;
	settings: Settings;
	/** When the settings last changed; 0 while they are the defaults. */
	settingsUpdatedAt: number;
	/** Newest first, at most MAX_RECENT_SEARCHES. */
	recentSearches: RecentSearch[];
}
