import { describe, expect, it } from 'vitest';
import type { Article } from '../parse/types';
import { HEAD_SEGMENTS, searchSegments } from './segments';
import { article as articleWith } from '../parse/article.spec-helpers';

const article = (fields: Partial<Article>) => articleWith('a', { title: null, ...fields });

describe('searchSegments', () => {
	it('lists the heading, kicker and subtitle first, then credits, paragraphs and captions', () => {
		const segments = searchSegments(
			article({
				title: '主题',
				kicker: '引题',
				subtitle: '副题',
				agency: '新华社',
				reporters: ['甲乙'],
				correspondents: ['丙丁'],
				paragraphs: ['第一段。', '第二段。'],
				captions: ['图说']
			})
		);
		expect(segments.slice(0, HEAD_SEGMENTS)).toEqual(['主题', '引题', '副题']);
		expect(segments.slice(HEAD_SEGMENTS)).toEqual([
			'新华社',
			'甲乙',
			'丙丁',
			'第一段。',
			'第二段。',
			'图说'
		]);
	});

	it('searches an untitled continuation by the heading the reader shows', () => {
		const [heading, kicker, subtitle] = searchSegments(
			article({ continuedFrom: '第1版', paragraphs: ['续文。'] })
		);
		expect([heading, kicker, subtitle]).toEqual(['（上接第1版）', '', '']);
	});

	it('keeps the head segments in place when there is no agency', () => {
		const segments = searchSegments(article({ title: '题', paragraphs: ['正文。'] }));
		expect(segments).toEqual(['题', '', '', '正文。']);
	});
});
