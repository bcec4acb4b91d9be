import { describe, expect, it } from 'vitest';
import { parsePage } from './index';
import { assignArticleIds, documentIdFromFileName } from './ids';

describe('documentIdFromFileName', () => {
	it('keeps an already URL-safe stem as is', () => {
		expect(documentIdFromFileName('000_8d483b34ee5996a6.txt')).toBe('000_8d483b34ee5996a6');
		expect(documentIdFromFileName('seeds/001_qingchuan_2023-04-12_p1.txt')).toBe(
			'001_qingchuan_2023-04-12_p1'
		);
	});

	it('makes any name URL-safe, stable, and distinct from names that slug alike', () => {
		const a = documentIdFromFileName('太行日报 2022-03-08.txt');
		const b = documentIdFromFileName('晋中日报 2022-03-08.txt');
		for (const id of [a, b, documentIdFromFileName(''), documentIdFromFileName('../?#&.txt')]) {
			expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
		}
		expect(a).not.toBe(b);
		expect(documentIdFromFileName('太行日报 2022-03-08.txt')).toBe(a);
	});
});

describe('article ids', () => {
	const page = (titles: string[]) =>
		titles.map((t) => `# ${t}\n\n本报讯(记者 甲)${t}的正文。`).join('\n\n');

	it('stay the same when other articles are added, removed or reordered', () => {
		const before = parsePage(page(['汾河春早', '古镇客流', '高铁开通']), 'p.txt');
		const after = parsePage(page(['新增一篇', '高铁开通', '汾河春早']), 'p.txt');
		const id = (doc: typeof before, title: string) =>
			doc.articles.find((a) => a.title === title)!.id;
		expect(id(after, '汾河春早')).toBe(id(before, '汾河春早'));
		expect(id(after, '高铁开通')).toBe(id(before, '高铁开通'));
	});

	it('get a deterministic suffix when titles repeat on a page', () => {
		const ids = assignArticleIds(['同题', '别题', '同题', '同题']);
		expect(ids[2]).toBe(`${ids[0]}-2`);
		expect(ids[3]).toBe(`${ids[0]}-3`);
		expect(new Set(ids).size).toBe(4);
	});
});
