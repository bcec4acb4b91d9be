import { describe, expect, it } from 'vitest';
import { parsePage } from '../parse/page';
import { SearchIndex, blockId } from './index';

// A page as the parser reads it: two articles, a cinema listing and a notice.
const page = parsePage(
	[
		'# 湖畔步道全线贯通',
		'本报讯（记者 林小禾）环湖步道全线贯通，沿线设有四座观景台。',
		'# 社区食堂受欢迎',
		'本报讯（记者 赵一鸣）社区食堂每天接待老人三百多人次，套餐售价十二元。',
		'# 群星戏院',
		'# 湖畔往事',
		'每日三场  二时半  五时半  八时半',
		'# 遗失声明',
		'某某商贸公司不慎遗失公章一枚，声明作废。'
	].join('\n'),
	'blocks-search.md'
);

function built(mode: 'add' | 'restored'): SearchIndex {
	const index = new SearchIndex();
	index.add(page);
	return mode === 'add' ? index : SearchIndex.import(index.export());
}

describe('searching non-article blocks', () => {
	it('reads the page as two articles and two blocks', () => {
		expect(page.articles.map((a) => a.title)).toEqual(['湖畔步道全线贯通', '社区食堂受欢迎']);
		expect(page.blocks?.map((b) => b.kind)).toEqual(['listing', 'notice']);
	});

	for (const mode of ['add', 'restored'] as const) {
		describe(mode, () => {
			const index = built(mode);

			it('leaves blocks out unless the search asks for them', () => {
				expect(index.search('湖畔').hits.map((h) => h.title)).toEqual(['湖畔步道全线贯通']);
				expect(index.search('遗失').total).toBe(0);
				expect(index.search('湖畔', { filters: { blocks: false } }).total).toBe(1);
			});

			it('finds blocks with the filter, exactly, flagged with their kind', () => {
				const both = index.search('湖畔', { filters: { blocks: true } });
				expect(both.total).toBe(2);
				expect(both.hits.map((h) => [h.title, h.block])).toEqual([
					['湖畔步道全线贯通', null],
					['群星戏院', 'listing']
				]);
				const listing = both.hits[1];
				expect(listing.articleId).toBe(blockId(0));
				expect(listing.snippet.text).toBe('湖畔往事');
				expect(listing.snippet.ranges).toEqual([[0, 2]]);

				const notice = index.search('公章 -湖畔', { filters: { blocks: true } });
				expect(notice.hits.map((h) => [h.articleId, h.block, h.inTitle])).toEqual([
					[blockId(1), 'notice', false]
				]);
				// a term in the block's first line counts as a heading hit, as for articles
				expect(index.search('遗失声明', { filters: { blocks: true } }).hits[0].inTitle).toBe(true);
			});

			it('counts articles only, in the total and in the facets', () => {
				expect(index.articleCount).toBe(2);
				expect(index.search('八时半', { filters: { blocks: true } }).total).toBe(1);
				expect(index.search('八时半').total).toBe(0);
			});

			it('never finds a block by a reporter filter', () => {
				expect(
					index
						.search('湖畔', { filters: { blocks: true, reporter: '林小禾' } })
						.hits.map((h) => h.block)
				).toEqual([null]);
			});
		});
	}

	it('gives blocks ids no article has', () => {
		const ids = new Set(page.articles.map((a) => a.id));
		for (let n = 0; n < (page.blocks?.length ?? 0); n++) expect(ids.has(blockId(n))).toBe(false);
	});
});
