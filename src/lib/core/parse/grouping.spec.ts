import { describe, expect, it } from 'vitest';
import { groupBlocks } from './grouping';
import { classifyLines } from './classify';
import { DiagnosticLog } from './diagnostics';
import { claimKickersAndSubtitles } from './roles';
import { splitNonBlankLines } from './text';

const blocksOf = (text: string) => {
	const flow = classifyLines(splitNonBlankLines(text), new DiagnosticLog()).flow;
	return groupBlocks(flow, claimKickersAndSubtitles(flow));
};

describe('groupBlocks', () => {
	it('puts stacked titles in one block and starts a block at a title after body text', () => {
		const blocks = blocksOf('开头的话。\n# 甲\n# 乙\n正文一。\n正文二。\n# 丙\n正文三。');
		expect(blocks.map((b) => [b.titles.map((t) => t.title), b.body.length])).toEqual([
			[[], 1],
			[['甲', '乙'], 2],
			[['丙'], 1]
		]);
	});

	it('gives a title its claimed kicker and subtitle, with their lines', () => {
		const [block] = blocksOf('引题一行\n# 主题\n——副题一行\n正文。');
		expect(block.titles[0]).toEqual({
			level: 1,
			title: '主题',
			kicker: '引题一行',
			subtitle: '——副题一行',
			lines: [2, 1, 3]
		});
		expect(block.body).toHaveLength(1);
	});
});
