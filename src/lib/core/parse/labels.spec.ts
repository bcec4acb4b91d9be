import { describe, expect, it } from 'vitest';
import { columnOfTitle, isBoxLabel, startsWithBoxBullet } from './labels';
import { continuesParagraph } from './paragraphs';
import { isTitleLike } from './headings';

describe('box labels', () => {
	it.each(['核心阅读', '记者手记', '【编辑点评】', '【网友说】', '■ 延伸阅读', '記者手記'])(
		'%s is a label, not a title',
		(text) => {
			expect(isBoxLabel(text)).toBe(true);
			expect(isTitleLike(text)).toBe(false);
		}
	);

	it.each(['春耕时节农机忙', '编者按', '核心阅读区的建设', '【上接第一版】下文'])(
		'%s is not a box label',
		(text) => {
			expect(isBoxLabel(text)).toBe(false);
		}
	);

	it('keeps a label and the bullets under it as paragraphs of their own', () => {
		expect(continuesParagraph('核心阅读', '■全县新建乡村小学十所。', true)).toBe(false);
		expect(continuesParagraph('全县新建乡村', '■小学十所。', false)).toBe(false);
		expect(startsWithBoxBullet('■ 今年秋季学期起')).toBe(true);
	});
});

describe('columns named after a title', () => {
	it.each([
		['让老手艺在新时代发光（人民论坛）', '人民论坛'],
		['小切口做好大民生(今日谈)', '今日谈'],
		['把好事办到群众心坎上（评论员观察）', '评论员观察']
	])('%s → %s', (title, column) => {
		expect(columnOfTitle(title)).toBe(column);
	});

	it.each([
		'乡村振兴的三个关键（上）',
		'治水笔记（之二）',
		'（人民论坛）',
		'改革开放四十年（1978—2018）'
	])('%s names no column', (title) => {
		expect(columnOfTitle(title)).toBeNull();
	});
});
