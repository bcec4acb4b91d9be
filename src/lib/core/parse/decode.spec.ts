import { describe, expect, it } from 'vitest';
import { decodeBytes, parseBytes } from './index';

const SAMPLE = '# 汾河春早\n\n本报讯（记者 张三）3月7日，汾河两岸春意浓。';

function utf16(text: string, bigEndian: boolean): Uint8Array {
	const out = new Uint8Array(2 + text.length * 2);
	out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		out[2 + i * 2] = bigEndian ? c >> 8 : c & 0xff;
		out[3 + i * 2] = bigEndian ? c & 0xff : c >> 8;
	}
	return out;
}

// "汾河。" in GB18030/GBK: 汾 = B7 DA, 河 = BA D3, 。 = A1 A3
const GB_FENHE = new Uint8Array([0xb7, 0xda, 0xba, 0xd3, 0xa1, 0xa3]);

describe('decodeBytes', () => {
	it('decodes UTF-8 without a BOM', () => {
		const r = decodeBytes(new TextEncoder().encode(SAMPLE));
		expect(r).toEqual({ text: SAMPLE, encoding: 'utf-8', diagnostics: [] });
	});

	it('decodes UTF-8 with a BOM and drops the BOM', () => {
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]);
		const r = decodeBytes(bytes);
		expect(r.text).toBe(SAMPLE);
		expect(r.encoding).toBe('utf-8');
	});

	it('decodes UTF-16 LE and BE by their BOMs', () => {
		expect(decodeBytes(utf16(SAMPLE, false))).toMatchObject({ text: SAMPLE, encoding: 'utf-16le' });
		expect(decodeBytes(utf16(SAMPLE, true))).toMatchObject({ text: SAMPLE, encoding: 'utf-16be' });
	});

	it('recognises UTF-16 without a BOM by its line ends', () => {
		const page = '# 汾河春早\n\n本报讯(记者 张三)汾河两岸春意浓。\n\n第二段。\n';
		const le = utf16(page, false).slice(2);
		const be = utf16(page, true).slice(2);
		expect(decodeBytes(le)).toMatchObject({ text: page, encoding: 'utf-16le' });
		expect(decodeBytes(be)).toMatchObject({ text: page, encoding: 'utf-16be' });
		// ordinary UTF-8 and GB18030 pages are not mistaken for it
		expect(decodeBytes(new TextEncoder().encode(page)).encoding).toBe('utf-8');
	});

	it('falls back to GB18030 when the bytes are not UTF-8, and says so', () => {
		const r = decodeBytes(GB_FENHE);
		expect(r.text).toBe('汾河。');
		expect(r.encoding).toBe('gb18030');
		expect(r.diagnostics).toHaveLength(1);
	});

	it('lets the reader force an encoding', () => {
		expect(decodeBytes(GB_FENHE, 'gbk').text).toBe('汾河。');
		const forcedWrong = decodeBytes(new TextEncoder().encode('汾河'), 'utf-16le');
		expect(forcedWrong.encoding).toBe('utf-16le');
	});

	it('reports an unknown forced encoding and detects instead', () => {
		const r = decodeBytes(new TextEncoder().encode('汾河'), 'no-such-encoding');
		expect(r.text).toBe('汾河');
		expect(r.diagnostics[0].level).toBe('error');
	});

	it('never throws on undecodable bytes: replacement characters and an error diagnostic', () => {
		const r = decodeBytes(new Uint8Array([0x41, 0xff, 0xff, 0xff, 0x80, 0x42]));
		expect(r.text.startsWith('A')).toBe(true);
		expect(r.diagnostics.some((d) => d.level === 'error')).toBe(true);
	});

	it('handles empty input', () => {
		expect(decodeBytes(new Uint8Array(0))).toEqual({
			text: '',
			encoding: 'utf-8',
			diagnostics: []
		});
	});
});

describe('parseBytes', () => {
	it('decodes then parses, with decoding diagnostics first', () => {
		const gbPage = new Uint8Array([0x23, 0x20, ...GB_FENHE]); // "# 汾河。"
		const doc = parseBytes(gbPage, 'gb.txt');
		expect(doc.articles[0].title).toBe('汾河。');
		expect(doc.encoding).toBe('gb18030');
		expect(doc.diagnostics[0].message).toMatch(/GB18030/);
	});
});
