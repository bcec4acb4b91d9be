/** Stable, URL-safe identifiers for documents and articles. */

import { isImportedDocId } from '../state/ids';

/** cyrb53: a small, well-mixed 53-bit string hash; plenty for ids within one library. */
export function hash53(text: string): number {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const BASE32 = '0123456789abcdefghijklmnopqrstuv';

/** 53 bits as 11 base-32 digits (bit arithmetic: Number#toString(36) is slow on doubles). */
export function shortHash(text: string): string {
	const h = hash53(text);
	let low = h % 4294967296;
	const digits = new Array<number>(11);
	for (let i = 10; i >= 5; i--) {
		digits[i] = BASE32.charCodeAt(low & 31);
		low = Math.floor(low / 32);
	}
	// 2 bits of `low` remain; merge them with the 21 high bits
	let rest = Math.floor(h / 4294967296) * 4 + low;
	for (let i = 4; i >= 0; i--) {
		digits[i] = BASE32.charCodeAt(rest & 31);
		rest = Math.floor(rest / 32);
	}
	return String.fromCharCode(...digits);
}

/**
 * A document id from its file name: the base name without extension, kept as is when it is
 * already URL-safe; otherwise a readable ASCII slug plus a hash of the whole name, so two
 * names that slug alike still get different ids.
 */
export function documentIdFromFileName(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	const dot = base.lastIndexOf('.');
	const stem = dot > 0 ? base.slice(0, dot) : base;
	// A bundled page never takes the form of an import's id (ids.ts), so the two cannot meet.
	if (/^[A-Za-z0-9_-]{1,120}$/.test(stem) && !isImportedDocId(stem)) return stem;
	const slug = stem
		.replace(/[^A-Za-z0-9_-]+/g, '-')
		// a trailing run is matched from its first dash only: `-+$` alone retries at every dash
		.replace(/^-+|(?<!-)-+$/g, '')
		.slice(0, 60);
	const hashed = shortHash(name);
	return slug ? `${slug}-${hashed}` : `doc-${hashed}`;
}

/**
 * Article ids come from the article's own text (its title, or its opening words when untitled),
 * so adding or removing other articles leaves them unchanged. Repeats get `-2`, `-3`… in page
 * order.
 */
export function assignArticleIds(keys: string[]): string[] {
	const seen = new Map<string, number>();
	const ids: string[] = [];
	for (const key of keys) {
		const id = 'a' + shortHash(key);
		const count = (seen.get(id) ?? 0) + 1;
		seen.set(id, count);
		ids.push(count === 1 ? id : `${id}-${count}`);
	}
	return ids;
}
