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
