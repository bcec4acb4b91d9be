/**
 * Checks on a file the reader wants to import, before anything is parsed or stored: too big,
 * not text, and a stable id from its bytes. Pure: runs in the worker, on the page and in Node.
 */

/** Files above this are refused before they are read. */
import { hashBytes } from '../hash';

export { hashBytes };

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export const TOO_BIG_MESSAGE = '文件超过 50 MB,无法导入';
export const NOT_TEXT_MESSAGE = '不是文本文件';

/** The encodings a reader may pick when the detected one reads wrong (WHATWG labels). */
export const IMPORT_ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const;

/** Only the start is sniffed: binary formats show it in their first bytes. */
const SNIFF_BYTES = 64 * 1024;

export type Sniffed =
	| { text: true; /** Set when the bytes look like UTF-16 without a BOM. */ encoding?: string }
	| { text: false };

/** Share of undecodable or control characters above which the bytes are not text. */
const NOISE_SHARE = 0.1;

function noise(text: string): number {
	let bad = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		// tab, line feed, form feed and carriage return are text; other C0 controls are not
		if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13)) bad++;
	}
	return text.length ? bad / text.length : 0;
}

function decodeLoose(bytes: Uint8Array, label: string): string {
	try {
		return new TextDecoder(label).decode(bytes);
	} catch {
		return '';
	}
}

/**
 * Text or not, from the first 64 KB. A UTF-16 BOM makes NUL bytes legitimate; otherwise NULs
 * mean binary, unless they sit at one parity like BOM-less UTF-16. Text that decodes mostly to
 * replacement or control characters, as UTF-8 and as GB18030, is not text either.
 */
export function sniffBytes(bytes: Uint8Array): Sniffed {
	const head = bytes.subarray(0, SNIFF_BYTES);
	if (head.length === 0) return { text: true };
	const b0 = head[0];
	const b1 = head[1];
	if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
		const label = b0 === 0xff ? 'utf-16le' : 'utf-16be';
		return noise(decodeLoose(head, label)) > NOISE_SHARE ? { text: false } : { text: true };
	}
	let even = 0;
	let odd = 0;
	for (let i = 0; i < head.length; i++) {
		if (head[i] === 0) {
			if (i % 2 === 0) even++;
			else odd++;
		}
	}
	if (even + odd > 0) {
		// ASCII in UTF-16 puts its NULs on one side (a few CJK characters like 一 on the other);
		// binary formats scatter them
		const label = even <= odd / 10 ? 'utf-16le' : odd <= even / 10 ? 'utf-16be' : null;
		if (label && noise(decodeLoose(head, label)) <= NOISE_SHARE)
			return { text: true, encoding: label };
		return { text: false };
	}
	// a cut at 64 KB may split one character: a few replacement characters are no evidence
	if (noise(decodeLoose(head, 'utf-8')) <= NOISE_SHARE) return { text: true };
	return noise(decodeLoose(head, 'gb18030')) <= NOISE_SHARE ? { text: true } : { text: false };
}

/**
 * An imported page's id: URL-safe and stable, from the bytes, so the reading state (keyed by
 * it) survives a reload and a different choice of encoding; the same file imported twice is
 * the same page.
 */
export function importedDocId(bytes: Uint8Array): string {
	return `imp-${hashBytes(bytes)}`;
}
