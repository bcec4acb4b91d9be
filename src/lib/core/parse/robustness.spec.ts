import { describe, expect, it } from 'vitest';
import { parseBytes, parsePage } from './index';
import { accountingErrors } from './testing.spec-helpers';
import type { ParsedDocument } from './types';

/**
 * What the reader relies on of any document: articles with unique ids (the views key them),
 * text fields that are strings, known diagnostic levels, and plain data that survives being
 * stored and posted (a JSON round trip gives the same document back).
 */
function expectWellFormed(doc: ParsedDocument) {
	const ids = doc.articles.map((article) => article.id);
	expect(new Set(ids).size).toBe(ids.length);
	for (const article of doc.articles) {
		expect(typeof article.id).toBe('string');
		// null when the title is not on this page
		expect(article.title === null || typeof article.title === 'string').toBe(true);
		expect(article.paragraphs.every((p) => typeof p === 'string')).toBe(true);
	}
	expect(doc.diagnostics.every((d) => ['info', 'warning', 'error'].includes(d.level))).toBe(true);
	expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
}

/** Every hostile input still yields a well-formed document. */
function expectDocument(text: string) {
	const doc = parsePage(text, 'hostile.txt');
	expect(doc.id).toBe('hostile');
	expectWellFormed(doc);
	return doc;
}

describe('hostile input', () => {
	it('empty input: no articles, an info diagnostic', () => {
		const doc = expectDocument('');
		expect(doc.articles).toEqual([]);
		expect(doc.diagnostics.some((d) => d.level === 'info')).toBe(true);
	});

	it('whitespace only: no articles', () => {
		expect(expectDocument(' \t\r\n\u3000\n\r\r\n  ').articles).toEqual([]);
	});

	it('no headings: text kept as an untitled article, with a warning', () => {
		const doc = expectDocument('汾河两岸春意浓。\n\n本报讯（记者 张三）3月7日，全市召开会议。');
		expect(doc.articles.map((a) => a.title)).toEqual([null, null]);
		expect(doc.articles[1].reporters).toEqual(['张三']);
		expect(doc.diagnostics.some((d) => d.level === 'warning')).toBe(true);
	});

	it('only headings: bodiless articles, each with a warning', () => {
		const doc = expectDocument('# 甲\n## 乙\n### 丙');
		expect(doc.articles.map((a) => [a.title, a.paragraphs.length])).toEqual([
			['甲', 0],
			['乙', 0],
			['丙', 0]
		]);
		expect(doc.diagnostics.filter((d) => d.level === 'warning').length).toBe(3);
	});

	it('binary garbage: decoded with a diagnostic, never thrown', () => {
		const bytes = new Uint8Array(4096);
		let seed = 12345;
		for (let i = 0; i < bytes.length; i++) {
			seed = (seed * 1103515245 + 12345) >>> 0;
			bytes[i] = seed >>> 24;
		}
		const doc = parseBytes(bytes, 'garbage.bin');
		expect(doc.diagnostics.some((d) => d.level !== 'info')).toBe(true);
		expectWellFormed(doc);
	});

	it('a 10 MB single line completes and keeps every character', () => {
		const line = '汾河水清，'.repeat(2_000_000);
		const doc = expectDocument(line);
		expect(doc.articles).toHaveLength(1);
		expect(doc.articles[0].paragraphs[0].length).toBe(line.length);
	});

	it('a million blank lines complete', () => {
		const doc = expectDocument('# 标题\n' + '\n'.repeat(1_000_000) + '正文。');
		expect(doc.articles[0].paragraphs).toEqual(['正文。']);
		expect(doc.articles[0].lines).toEqual([1, 1_000_002]);
	});

	it('a million short lines complete (one long paragraph)', () => {
		const doc = expectDocument('# 标题\n' + '汾河，\n'.repeat(1_000_000));
		expect(doc.articles[0].paragraphs[0].length).toBe(3_000_000);
	});

	it('lone surrogates are kept and reported', () => {
		const text = '# 标题\n\n正文\ud800有\udc00孤立代理。';
		const doc = expectDocument(text);
		expect(accountingErrors(text, doc)).toEqual({});
		expect(doc.diagnostics.some((d) => d.message.includes('surrogate'))).toBe(true);
	});

	it('<script> is plain text, kept verbatim', () => {
		const text = '# <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>正文。';
		const doc = expectDocument(text);
		expect(doc.articles[0].title).toBe('<script>alert(1)</script>');
		expect(doc.articles[0].paragraphs).toEqual(['<img src=x onerror=alert(1)>正文。']);
	});

	it('many stacked titles and pathological markers stay linear and lossless', () => {
		const text =
			'## 标题\n'.repeat(5000) +
			'（下转第3版）（上接第1版）'.repeat(20000) +
			'\n' +
			'本报讯(记者 甲)正文。\n'.repeat(5000);
		const doc = expectDocument(text);
		expect(accountingErrors(text, doc)).toEqual({});
	});

	it('diagnostics are capped so a hostile page cannot flood the reader', () => {
		const doc = expectDocument('#\n'.repeat(100_000));
		expect(doc.diagnostics.length).toBeLessThanOrEqual(201);
	});
});

describe('hostile input, continued', () => {
	it('a million continuation markers neither overflow the stack nor lose characters', () => {
		const text =
			'（上接第1版）'.repeat(1_000_000) +
			'\n# 标题\n正文(下转第2版)' +
			'(下转第3版)'.repeat(200_000);
		const doc = expectDocument(text);
		expect(accountingErrors(text, doc)).toEqual({});
		expect(doc.articles[0].continuedFrom).toBe('第1版');
	});

	it('a million caption lines on a page without articles stay as furniture', () => {
		const text = '图为汾河。\n'.repeat(200_000);
		const doc = expectDocument(text);
		expect(doc.furniture).toHaveLength(200_000);
	});

	it('a source that is not a string still yields a document', () => {
		const doc = parsePage('# 标题', undefined as unknown as string);
		expect(doc.id).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(doc.articles).toHaveLength(1);
	});
});
