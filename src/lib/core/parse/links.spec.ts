import { describe, expect, it } from 'vitest';
import { linkContinuations, parsePage } from './index';

const page = (text: string, pageNo: number, paper = '青川日报', date = '2023-04-12') =>
	parsePage(text, `p${pageNo}-${paper}.txt`, { paper, date, page: pageNo });

describe('linkContinuations', () => {
	it('links by issue, page and title, and ignores other papers and dates', () => {
		const p1 = page('# 汾河春早\n\n正文未完(下转第2版)\n\n# 古镇\n\n古镇未完(下转第2版)', 1);
		const p2 = page('# 古镇\n\n(上接第1版)古镇续完。\n\n# 汾河 春早\n\n(上接第1版)续完。', 2);
		const otherDate = page('# 汾河春早\n\n(上接第1版)别的日子。', 2, '青川日报', '2023-04-13');
		const otherPaper = page('# 汾河春早\n\n(上接第1版)别的报纸。', 2, '晋南日报');
		const links = linkContinuations([p1, p2, otherDate, otherPaper]);
		expect(links.map((l) => [l.from.articleId, l.to.documentId, l.to.articleId])).toEqual([
			[p1.articles[0].id, p2.id, p2.articles[1].id],
			[p1.articles[1].id, p2.id, p2.articles[0].id]
		]);
	});

	it('links to an untitled continuation only when it is the only candidate', () => {
		const p1 = page('# 汾河春早\n\n正文未完(下转第2版)', 1);
		const one = page('（上接第1版）续完。', 2);
		expect(linkContinuations([p1, one])).toHaveLength(1);
		const two = page('（上接第1版）续完。\n\n（上接第1版）另一篇续完。', 2);
		expect(linkContinuations([p1, two])).toHaveLength(0);
	});

	it('leaves a jump unlinked when its page is missing', () => {
		expect(linkContinuations([page('# 甲\n\n未完(下转第5版)', 1)])).toEqual([]);
	});
});
