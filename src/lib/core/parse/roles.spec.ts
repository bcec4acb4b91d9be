import { describe, expect, it } from 'vitest';
import { classifyLines } from './classify';
import { DiagnosticLog } from './diagnostics';
import type { TitleBlock } from './flow';
import {
	CLAIM_KICKER,
	CLAIM_SUBTITLE,
	claimKickersAndSubtitles,
	foldDisplayHeadings,
	inferTitles
} from './roles';
import { splitNonBlankLines } from './text';

const flowOf = (text: string) => classifyLines(splitNonBlankLines(text), new DiagnosticLog()).flow;

const title = (text: string, level: number, line: number): TitleBlock => ({
	level,
	title: text,
	kicker: null,
	subtitle: null,
	lines: [line]
});

describe('inferTitles', () => {
	it('makes a title of a short line right before a dispatch line', () => {
		const flow = flowOf('上一篇的结尾。\n汾河春早\n本报讯（记者 张三）正文。');
		inferTitles(flow, new DiagnosticLog());
		expect(flow[1]).toMatchObject({ kind: 'heading', level: 0, title: '汾河春早' });
	});

	it('makes a title of a short line over a byline whose names run together', () => {
		const flow = flowOf('县城新开一家图书馆\n本报记者沈某任某黄某\n新馆日前开馆。');
		inferTitles(flow, new DiagnosticLog());
		expect(flow.map((item) => item.kind)).toEqual(['heading', 'text', 'text']);
	});

	it('makes a title of a short line over a long paragraph on a page of long lines', () => {
		const body = '城南河岸公园日前建成开放，公园沿河长三公里，种植各类苗木五万株，还修了健身步道。';
		const flow = flowOf(`${body}\n河岸公园向市民开放\n${body}`);
		inferTitles(flow, new DiagnosticLog());
		expect(flow.map((item) => item.kind)).toEqual(['text', 'heading', 'text']);
	});

	it('infers no title from short lines on a hard-wrapped page', () => {
		const flow = flowOf(
			'城南河岸公园日前建成开\n放。公园沿河长三公里，\n种植各类苗木五万株\n还修了健身步道。每到傍\n晚居民都来散步。'
		);
		inferTitles(flow, new DiagnosticLog());
		expect(flow.every((item) => item.kind === 'text')).toBe(true);
	});

	it('leaves the tail of an unfinished sentence as text', () => {
		const flow = flowOf('上一篇写到一半，\n汾河春早\n本报讯（记者 张三）正文。');
		inferTitles(flow, new DiagnosticLog());
		expect(flow[1].kind).toBe('text');
	});
});

describe('claimKickersAndSubtitles', () => {
	it('claims the line above a title as kicker and a dashed line below as subtitle', () => {
		const flow = flowOf('引题一行\n# 主题\n——副题一行\n正文。');
		const claims = claimKickersAndSubtitles(flow);
		expect(Array.from(claims.of)).toEqual([CLAIM_KICKER, 0, CLAIM_SUBTITLE, 0]);
		expect(claims.kickerOf.get(1)).toBe(0);
		expect(claims.subtitleOf.get(1)).toBe(2);
	});
});

describe('foldDisplayHeadings', () => {
	it('folds a less prominent heading into the kicker and a dashed one into the subtitle', () => {
		const folded = foldDisplayHeadings(
			[title('引题', 2, 1), title('主题', 1, 2), title('——副题', 2, 3)],
			1,
			'正文。'
		);
		expect(folded).toEqual([
			{ level: 1, title: '主题', kicker: '引题', subtitle: '——副题', lines: [2, 1, 3] }
		]);
	});

	it('joins a title wrapped onto two headings when the lead names both halves', () => {
		const folded = foldDisplayHeadings(
			[title('汾河两岸', 1, 1), title('春意正浓', 1, 2)],
			1,
			'汾河两岸春意正浓。'
		);
		expect(folded.map((t) => t.title)).toEqual(['汾河两岸 春意正浓']);
	});

	it('joins short headings stacked above a longer title into its one kicker', () => {
		const folded = foldDisplayHeadings(
			[title('积极行动', 1, 1), title('保种保供', 1, 2), title('南岭省多举措扶持蔬菜生产', 1, 3)],
			1,
			'本报讯（记者 甲乙）入春以来，南岭省扶持蔬菜生产。'
		);
		expect(folded.map((t) => [t.kicker, t.title])).toEqual([
			['积极行动 保种保供', '南岭省多举措扶持蔬菜生产']
		]);
	});

	it('takes a heading ending with a dash as the kicker of the title below, whatever the levels', () => {
		const folded = foldDisplayHeadings(
			[title('绿水青山就是金山银山——', 1, 1), title('柳溪村走出生态致富路', 2, 2)],
			1,
			'柳溪村种上了茶树。'
		);
		expect(folded.map((t) => [t.kicker, t.title])).toEqual([
			['绿水青山就是金山银山——', '柳溪村走出生态致富路']
		]);
	});

	it('keeps a single short heading as a title when the body speaks of it', () => {
		const folded = foldDisplayHeadings(
			[title('汾河春早', 1, 1), title('社区食堂开到家门口了', 1, 2)],
			1,
			'社区食堂开张。',
			'社区食堂开张。\n汾河春早，柳枝发芽。'
		);
		expect(folded.map((t) => [t.kicker, t.title])).toEqual([
			[null, '汾河春早'],
			[null, '社区食堂开到家门口了']
		]);
	});

	it('leaves stacked titles alone when each has its own body opening', () => {
		const stacked = [title('春耕', 1, 1), title('南岭省多举措扶持蔬菜生产', 1, 2)];
		expect(foldDisplayHeadings(stacked, 2, '').map((t) => t.title)).toEqual([
			'春耕',
			'南岭省多举措扶持蔬菜生产'
		]);
	});
});
