import { describe, expect, it } from 'vitest';
import { buildArticles } from './article';
import { assembleDrafts } from './assemble';
import { groupBlocks } from './grouping';
import { classifyLines } from './classify';
import { DiagnosticLog } from './diagnostics';
import { claimKickersAndSubtitles } from './roles';
import { splitNonBlankLines } from './text';

const articlesOf = (text: string) => {
	const log = new DiagnosticLog();
	const flow = classifyLines(splitNonBlankLines(text), log).flow;
	const { drafts } = assembleDrafts(groupBlocks(flow, claimKickersAndSubtitles(flow)), log);
	return { articles: buildArticles(drafts, log), diagnostics: log.finish() };
};

describe('buildArticles', () => {
	it('reads byline, dateline and continuation off each draft', () => {
		const [a] = articlesOf(
			'# 汾河春早\n本报讯（记者 张三）3月8日，汾河两岸春意正浓（下转第2版）'
		).articles;
		expect(a).toMatchObject({
			title: '汾河春早',
			agency: '本报讯',
			reporters: ['张三'],
			continued: true,
			continuedTo: '第2版',
			lines: [1, 2],
			markers: ['（下转第2版）']
		});
	});

	it('gives articles with the same title distinct ids', () => {
		const { articles } = articlesOf('# 同名\n甲。\n# 同名\n乙。');
		expect(new Set(articles.map((a) => a.id)).size).toBe(2);
	});

	it('notes an article that breaks off mid-sentence before the last', () => {
		const { diagnostics } = articlesOf('# 甲\n写到一半，\n# 乙\n完整。');
		expect(diagnostics.some((d) => d.message.includes('breaks off'))).toBe(true);
	});
});
