import { describe, expect, it } from 'vitest';
import { hashBytes, importedDocId, sniffBytes } from './sniff';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, littleEndian: boolean, bom: boolean): Uint8Array {
	const units = (bom ? '\ufeff' : '') + s;
	const out = new Uint8Array(units.length * 2);
	const view = new DataView(out.buffer);
	for (let i = 0; i < units.length; i++) view.setUint16(i * 2, units.charCodeAt(i), littleEndian);
	return out;
}

const page = '# 标题\n\n本报讯 这是一段正文,有数字 2024 和 ASCII。\n';

describe('sniffBytes', () => {
	it('takes UTF-8, with or without a BOM, and empty files for text', () => {
		expect(sniffBytes(utf8(page))).toEqual({ text: true });
		expect(sniffBytes(utf8('\ufeff' + page))).toEqual({ text: true });
		expect(sniffBytes(new Uint8Array())).toEqual({ text: true });
	});

	it('takes UTF-16 with a BOM for text, and guesses BOM-less UTF-16 from its NULs', () => {
		expect(sniffBytes(utf16(page, true, true))).toEqual({ text: true });
		expect(sniffBytes(utf16(page, false, true))).toEqual({ text: true });
		expect(sniffBytes(utf16(page, true, false))).toEqual({ text: true, encoding: 'utf-16le' });
		expect(sniffBytes(utf16(page, false, false))).toEqual({ text: true, encoding: 'utf-16be' });
	});

	it('refuses a PNG and random bytes', () => {
		const png = new Uint8Array([
			0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0,
			0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89
		]);
		expect(sniffBytes(png)).toEqual({ text: false });
		let seed = 7;
		const noise = new Uint8Array(4096).map(() => {
			seed = (seed * 1103515245 + 12345) & 0x7fffffff;
			return (seed >> 16) & 0xff || 1;
		});
		expect(sniffBytes(noise)).toEqual({ text: false });
	});

	it('allows a few control characters in otherwise plain text', () => {
		expect(sniffBytes(utf8(`${page}\u0007${page.repeat(5)}`))).toEqual({ text: true });
	});
});

describe('importedDocId', () => {
	it('is URL-safe and the same for the same bytes', () => {
		const id = importedDocId(utf8(page));
		expect(id).toMatch(/^imp-[0-9a-f]{14}$/);
		expect(importedDocId(utf8(page))).toBe(id);
		expect(importedDocId(utf8(page + ' '))).not.toBe(id);
		expect(hashBytes(utf8('a'))).not.toBe(hashBytes(utf8('b')));
	});
});
