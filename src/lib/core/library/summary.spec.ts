import { describe, expect, it } from 'vitest';
import { parsePage } from '../parse/page';
import {
	failedSummary,
	summariseDocument,
	UNPARSABLE_NOTICE,
	unparsableSummary,
	withStoredEncoding
} from './summary';

const lead = '本报讯 这是一段很长的导语。'.repeat(20);
const text = `太行日报 2022年3月8日 第1版 要闻\n# 春耕备耕忙\n${lead}\n第二段。\n# 第二篇\n正文。\n`;

describe('page summaries', () => {
	const document = parsePage(text, 'a.txt');
	const summary = summariseDocument(document, 'gb18030', true);

	it('keeps what the library and page views show of each article', () => {
		expect(summary.articles.map((a) => a.title)).toEqual(['春耕备耕忙', '第二篇']);
		expect(summary.articles[0].paragraphCount).toBe(document.articles[0].paragraphs.length);
		expect(summary.page).toEqual(document.page);
		expect(summary).toMatchObject({ id: document.id, source: 'a.txt', error: null });
	});

	it('cuts a long lead at 120 characters with …, and keeps a short one whole', () => {
		const first = summary.articles[0].lead;
		expect(first).toBe(`${document.articles[0].paragraphs[0].slice(0, 120)}…`);
		expect(summary.articles[1].lead).toBe('正文。');
	});

	it('says which encoding the text was read with and whether it was imported', () => {
		expect(summary).toMatchObject({ encoding: 'gb18030', imported: true });
	});
});

describe('pages that could not be read', () => {
	it('names the page by its file and says why', () => {
		const failed = failedSummary({ source: 'gone.txt' }, '无法载入 gone.txt');
		expect(failed).toMatchObject({
			id: 'gone.txt',
			source: 'gone.txt',
			articles: [],
			error: '无法载入 gone.txt',
			unparsable: null,
			imported: false
		});
		expect(failed.diagnostics).toEqual([
			{ level: 'error', message: '无法载入 gone.txt', line: null }
		]);
	});

	it('keeps an import under its stored id', () => {
		const failed = failedSummary({ id: 'imp-1', source: 'x.txt', imported: true }, 'bad');
		expect(failed).toMatchObject({ id: 'imp-1', imported: true });
	});

	it('marks a page the parser gave up on with the notice and the reason', () => {
		const given = unparsableSummary({ source: 'hang.txt' }, '解析超时');
		expect(given.unparsable).toBe('解析超时');
		expect(given.error).toBe(`${UNPARSABLE_NOTICE}:解析超时`);
	});
});

describe('imported encodings', () => {
	const summary = summariseDocument(parsePage(text, 'a.txt'), 'utf-8', true);

	it('shows the encoding an import was decoded with, not the stored text’s', () => {
		const shown = withStoredEncoding(summary, [{ id: summary.id, encoding: 'gbk' }]);
		expect(shown.encoding).toBe('gbk');
	});

	it('leaves bundled pages and imports it has no record of as they are', () => {
		const bundled = { ...summary, imported: false };
		expect(withStoredEncoding(bundled, [{ id: summary.id, encoding: 'gbk' }])).toBe(bundled);
		expect(withStoredEncoding(summary, [{ id: 'other', encoding: 'gbk' }])).toBe(summary);
	});
});
