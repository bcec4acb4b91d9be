import { describe, expect, it } from 'vitest';
import { parsePage } from './index';
import { articleHeading } from './title';

describe('articles without a title on their page', () => {
	it('gives a continuation opening the page a null title and names it by its jump', () => {
		const doc = parsePage('（上接第一版】\n\n续完的正文。\n\n# 新的标题\n\n新的正文。', 'p2.md');
		expect(doc.articles.map((a) => a.title)).toEqual([null, '新的标题']);
		expect(doc.articles.map(articleHeading)).toEqual(['（上接第1版）', '新的标题']);
	});

	it('calls other untitled text untitled, and never invents a title for a real one', () => {
		expect(articleHeading({ title: null, continuedFrom: null })).toBe('（无标题）');
		expect(articleHeading({ title: '汾河春早', continuedFrom: '第1版' })).toBe('汾河春早');
	});
});
