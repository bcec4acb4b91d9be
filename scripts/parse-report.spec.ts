import { describe, expect, it } from 'vitest';
import { parsePageWithStats } from '../src/lib/core/parse/index';
import { formatParseReport } from './parse-report';

const report = (text: string, name = 'page.md') => {
	const { document, stats } = parsePageWithStats(text, name);
	return formatParseReport(document, stats).split('\n');
};

describe('parser report', () => {
	it('says how headings were taken: titles, kickers, subheads', () => {
		const lines = report(
			[
				'## 积极行动',
				'# 南岭省多举措扶持蔬菜生产',
				'本报记者  甲乙',
				'第一段正文。',
				'# 改良品种，夯实基础',
				'第二部分的正文写得比较长，有十几个字。'
			].join('\n')
		);
		expect(lines[0]).toBe('== page.md (no page metadata)');
		expect(lines[1]).toBe('articles: 1 (1 titled, 0 untitled)');
		expect(lines[2]).toBe(
			'headings: 3; titles 1, kickers 1, subtitles 0, subheads 1 (1 from headings)'
		);
		expect(lines[4]).toBe(
			'  1. 〔积极行动〕 南岭省多举措扶持蔬菜生产  [lines 1–6, 4 paragraphs, 1 subheads, 记者 甲乙]'
		);
		expect(lines.slice(5)).toEqual([
			'diagnostics: 1',
			'  info: 1 headings inside articles were kept as subheads.'
		]);
	});

	it('counts inferred titles and hard-wrap joins, and names untitled articles', () => {
		const lines = report(
			[
				'开头没有标题的一段，',
				'接在下一行。',
				'县城新开一家图书馆',
				'本报记者沈某任某黄某',
				'新馆日前开馆。'
			].join('\n')
		);
		expect(lines[1]).toBe('articles: 2 (1 titled, 1 untitled)');
		expect(lines[3]).toBe(
			'inferred titles: 1; hard-wrap joins: 1; captions: 0; furniture lines: 0'
		);
		expect(lines[4]).toMatch(/^ {2}1\. （无标题） {2}\[lines 1–2, 1 paragraphs\]$/);
	});

	it('names an untitled continuation as the reader does, and lists the blocks kept apart', () => {
		const lines = report(
			[
				'（上接第一版）这段正文从第一版接过来，到这里讲完。',
				'# 甲地植树（人民论坛）',
				'近日，甲地植树万株。',
				'# 东方影院',
				'# 红星影院',
				'# 工人俱乐部'
			].join('\n')
		);
		expect(lines[4]).toBe('  1. （上接第1版）  [lines 1–1, 1 paragraphs, 上接第1版]');
		expect(lines[5]).toBe('  2. 甲地植树（人民论坛）  [lines 2–3, 1 paragraphs, 栏目 人民论坛]');
		expect(lines.slice(6, 8)).toEqual(['blocks: 1', '  listing lines 4–6: 东方影院']);
	});
});
