import { describe, expect, it } from 'vitest';
import {
	buildParagraphs,
	continuesParagraph,
	wrappedColumnWidth,
	type BodyItem
} from './paragraphs';

const lines = (...texts: string[]): BodyItem[] =>
	texts.map((text, i) => ({ kind: 'text', line: i * 2 + 1, text }));
const texts = (items: BodyItem[]) => buildParagraphs(items).paragraphs.map((p) => p.text);

describe('rejoining column breaks', () => {
	it('joins mid-word, after a comma, inside and before quotes', () => {
		expect(continuesParagraph('对', '照人民群众', false)).toBe(true);
		expect(continuesParagraph('王家', '大院', false)).toBe(true);
		expect(continuesParagraph('工作法,', '高质量完成', false)).toBe(true);
		expect(continuesParagraph('创新', '“四聚焦”工作法', false)).toBe(true);
		expect(continuesParagraph('充分利用“太原市', '政务服务一体化平台”', false)).toBe(true);
		expect(continuesParagraph('他说：“好。', '”随后', false)).toBe(true);
		expect(continuesParagraph('增长5.', '2%', false)).toBe(true);
	});

	it('keeps a break after a finished sentence', () => {
		for (const end of ['。', '！', '？', '……', '。”', '？”', '：', '.', '!']) {
			expect(continuesParagraph(`句子${end}`, '下一段', false)).toBe(false);
		}
	});

	it('starts a paragraph at a numbered item, a subhead or a dispatch line', () => {
		expect(continuesParagraph('三类应用：', '1.智慧农业', false)).toBe(false);
		expect(continuesParagraph('一、坚持问题导向', '要坚持', true)).toBe(false);
		expect(continuesParagraph('未完', '本报讯(记者 甲)正文', false)).toBe(false);
		expect(continuesParagraph('温度、湿度；', '——远程医疗', false)).toBe(false);
		expect(continuesParagraph('延长开放时间；', '二是增开旅游专线；', false)).toBe(false);
	});

	it('builds paragraphs with their source lines trimmed and joined with nothing', () => {
		expect(texts(lines('第一段开头', '接着写完。', '一、小标题', '正文。'))).toEqual([
			'第一段开头接着写完。',
			'一、小标题',
			'正文。'
		]);
	});

	it('removes continuation markers and ends the paragraph at a 下转', () => {
		const body = buildParagraphs([
			...lines('文字未完'),
			{ kind: 'marker', line: 3, marker: { direction: 'to', page: '第3版', raw: '(下转第3版)' } },
			...lines('另一篇的开头。')
		]);
		expect(body.paragraphs.map((p) => [p.text, p.strong, p.markers.length])).toEqual([
			['文字未完', false, 1],
			['另一篇的开头。', true, 0]
		]);
	});
});

describe('hard-wrapped lines', () => {
	const wrapped = (...texts: string[]): BodyItem[] =>
		texts.map((text, i) => ({ kind: 'text', line: i + 1, text, afterBlank: false }));

	it('finds the column width of a body where every printed line is a line', () => {
		expect(
			wrappedColumnWidth(
				wrapped(
					'入夏以来，青石县老街夜市重',
					'新开张，每晚六点到十一点，',
					'一百多个摊位。',
					'县商务局介绍，夜市统一规划',
					'了水电和垃圾清运，管理规范。'
				)
			)
		).toBe(13);
		expect(wrappedColumnWidth(wrapped('一段。', '另一段长一些的文字。', '第三段。'))).toBe(0);
	});

	it('continues a full-width line past a full stop, and ends a paragraph at a short line', () => {
		const body = buildParagraphs(
			wrapped(
				'入夏以来，青石县老街夜市重',
				'新开张，每晚六点到十一点，',
				'一百多个摊位沿街排开。',
				'县商务局介绍，夜市统一规划',
				'了水电和垃圾清运，管理规范。',
				'开业一个月，夜市累计接待市',
				'民游客二十多万人次。'
			)
		);
		expect(body.paragraphs.map((p) => p.text)).toEqual([
			'入夏以来，青石县老街夜市重新开张，每晚六点到十一点，一百多个摊位沿街排开。',
			'县商务局介绍，夜市统一规划了水电和垃圾清运，管理规范。开业一个月，夜市累计接待市民游客二十多万人次。'
		]);
		expect(body.wrapJoins).toBe(5);
	});
});
