import type { Diagnostic } from './types';

export interface DecodedText {
	text: string;
	/** The encoding actually used, as a WHATWG label: `utf-8`, `utf-16le`, `utf-16be`, `gb18030`. */
	encoding: string;
	diagnostics: Diagnostic[];
}

function tryDecode(bytes: Uint8Array, label: string, fatal: boolean): string | null {
	try {
		return new TextDecoder(label, { fatal }).decode(bytes);
	} catch {
		return null;
	}
}

function canonicalLabel(label: string): string | null {
	try {
		return new TextDecoder(label).encoding;
	} catch {
		return null;
	}
}

/**
 * Decodes a page's bytes. A BOM decides (UTF-8, UTF-16 LE/BE); otherwise strict UTF-8, then
 * GB18030 (a superset of GBK and GB2312) when the bytes are not valid UTF-8. Text that neither
 * decodes cleanly is decoded leniently with a diagnostic: this never throws.
 * `encoding` forces a decoder (any WHATWG label), for when the guess is wrong.
 */
export function decodeBytes(bytes: Uint8Array, encoding?: string): DecodedText {
	const diagnostics: Diagnostic[] = [];
	if (encoding) {
		const label = canonicalLabel(encoding);
		if (label) {
			const strict = tryDecode(bytes, label, true);
			if (strict !== null) return { text: strict, encoding: label, diagnostics };
			diagnostics.push({
				level: 'warning',
				message: `The bytes are not valid ${label}; undecodable bytes were replaced with U+FFFD.`,
				line: null
			});
			return { text: tryDecode(bytes, label, false) ?? '', encoding: label, diagnostics };
		}
		diagnostics.push({
			level: 'error',
			message: `Unknown encoding "${encoding}"; detecting the encoding instead.`,
			line: null
		});
	}

	const b0 = bytes[0];
	const b1 = bytes[1];
	if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
		return finish(bytes, 'utf-8', diagnostics);
	}
	if (b0 === 0xff && b1 === 0xfe) return finish(bytes, 'utf-16le', diagnostics);
	if (b0 === 0xfe && b1 === 0xff) return finish(bytes, 'utf-16be', diagnostics);

	const utf16 = sniffUtf16(bytes);
	if (utf16) {
		const text = tryDecode(bytes, utf16, true);
		if (text !== null) {
			diagnostics.push({
				level: 'info',
				message: `No byte-order mark, but the line ends and spaces read as ${utf16}.`,
				line: null
			});
			return { text, encoding: utf16, diagnostics };
		}
	}

	const utf8 = tryDecode(bytes, 'utf-8', true);
	if (utf8 !== null) return { text: utf8, encoding: 'utf-8', diagnostics };
	const gb = tryDecode(bytes, 'gb18030', true);
	if (gb !== null) {
		diagnostics.push({
			level: 'info',
			message: 'The bytes are not valid UTF-8; decoded as GB18030.',
			line: null
		});
		return { text: gb, encoding: 'gb18030', diagnostics };
	}
	diagnostics.push({
		level: 'error',
		message:
			'The bytes are neither valid UTF-8 nor GB18030; undecodable bytes were replaced with U+FFFD.',
		line: null
	});
	return { text: tryDecode(bytes, 'utf-8', false) ?? '', encoding: 'utf-8', diagnostics };
}

/**
 * UTF-16 without a BOM: text files have no NUL bytes, but UTF-16 puts one beside every line
 * end, space and ASCII character — after it (LE) or before it (BE). Looks at the first 64 KB.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	const end = Math.min(bytes.length, 65536) & ~1;
	let evenZeros = 0;
	let oddZeros = 0;
	let newlinesLE = 0;
	let newlinesBE = 0;
	for (let i = 0; i < end; i += 2) {
		const a = bytes[i];
		const b = bytes[i + 1];
		if (a === 0) evenZeros++;
		if (b === 0) oddZeros++;
		if (b === 0 && (a === 0x0a || a === 0x0d)) newlinesLE++;
		if (a === 0 && (b === 0x0a || b === 0x0d)) newlinesBE++;
	}
	const pairs = end / 2;
	if (pairs < 2) return null;
	if (newlinesLE > newlinesBE && oddZeros > evenZeros && oddZeros * 20 > pairs) return 'utf-16le';
	if (newlinesBE > newlinesLE && evenZeros > oddZeros && evenZeros * 20 > pairs) return 'utf-16be';
	return null;
}

/** Decodes after a BOM was found; the decoder itself drops the BOM. */
function finish(bytes: Uint8Array, label: string, diagnostics: Diagnostic[]): DecodedText {
	const strict = tryDecode(bytes, label, true);
	if (strict !== null) return { text: strict, encoding: label, diagnostics };
	diagnostics.push({
		level: 'warning',
		message: `The text starts with a ${label} byte-order mark but is not valid ${label}; undecodable bytes were replaced with U+FFFD.`,
		line: null
	});
	return { text: tryDecode(bytes, label, false) ?? '', encoding: label, diagnostics };
}
