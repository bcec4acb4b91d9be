import { describe, expect, it } from 'vitest';
import { continuationsOf, linkContinuations, parsePage } from './index';
import { joinLabel, joinedReading, type LinkablePage } from './links';

const page = (text: string, pageNo: number, paper = '青川日报', date = '2023-04-12') =>
	parsePage(text, `p${pageNo}-${paper}-${date}.txt`, { paper, date, page: pageNo });

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

	it('links the start left over after the title matches to the one untitled continuation', () => {
		const p1 = page('# 古镇\n\n古镇未完(下转第2版)\n\n# 汾河春早\n\n正文未完(下转第2版)', 1);
		const p2 = page('（上接第1版）春水续完。\n\n# 古镇\n\n(上接第1版)古镇续完。', 2);
		const links = linkContinuations([p1, p2]);
		expect(links.map((l) => [l.from.articleId, l.to.articleId])).toEqual([
			[p1.articles[0].id, p2.articles[1].id],
			[p1.articles[1].id, p2.articles[0].id]
		]);
	});

	it('never links two starts to one untitled continuation', () => {
		const p1 = page('# 古镇\n\n古镇未完(下转第2版)\n\n# 汾河春早\n\n正文未完(下转第2版)', 1);
		const p2 = page('（上接第1版）续完。', 2);
		expect(linkContinuations([p1, p2])).toEqual([]);
	});

	it('does not link to an article of the same title that does not continue from the page', () => {
		const p1 = page('# 汾河春早\n\n正文未完(下转第2版)', 1);
		const p2 = page('# 汾河春早\n\n同名的另一篇，不是续文。', 2);
		expect(linkContinuations([p1, p2])).toEqual([]);
	});

	it('does not link a continuation under another title', () => {
		const p1 = page('# 汾河春早\n\n正文未完(下转第2版)', 1);
		const p2 = page('# 古镇\n\n(上接第1版)古镇续完。', 2);
		expect(linkContinuations([p1, p2])).toEqual([]);
	});

	it('does not link pages whose paper or date is unknown', () => {
		const undated = (text: string, pageNo: number) =>
			parsePage(text, `undated-${pageNo}.txt`, { page: pageNo });
		const p1 = undated('# 汾河春早\n\n正文未完(下转第2版)', 1);
		const p2 = undated('# 汾河春早\n\n(上接第1版)续完。', 2);
		expect(p1.page.date).toBeNull();
		expect(linkContinuations([p1, p2])).toEqual([]);
	});

	it('leaves a jump unlinked when its page is missing', () => {
		expect(linkContinuations([page('# 甲\n\n未完(下转第5版)', 1)])).toEqual([]);
	});
});

describe('continuationsOf', () => {
	it('gives an article its onward and back links, agreeing with linkContinuations', () => {
		const p1 = page('# 古镇\n\n古镇未完(下转第2版)\n\n# 汾河春早\n\n正文未完(下转第2版)', 1);
		const p2 = page('（上接第1版）春水续完。(下转第3版)\n\n# 古镇\n\n(上接第1版)古镇续完。', 2);
		const p3 = page('（上接第2版）春水再续。', 3);
		const docs = [p1, p2, p3];
		for (const doc of docs) {
			for (const article of doc.articles) {
				const { to, from } = continuationsOf(docs, doc.id, article.id);
				const links = linkContinuations(docs);
				const onward = links.find(
					(l) => l.from.documentId === doc.id && l.from.articleId === article.id
				);
				const back = links.find((l) => l.to.documentId === doc.id && l.to.articleId === article.id);
				expect(to).toEqual(onward?.to ?? null);
				expect(from).toEqual(back?.from ?? null);
			}
		}
		// the untitled continuation in the middle links both ways
		expect(continuationsOf(docs, p2.id, p2.articles[0].id)).toEqual({
			from: { documentId: p1.id, articleId: p1.articles[1].id },
			to: { documentId: p3.id, articleId: p3.articles[0].id }
		});
	});

	it('gives nothing for an unknown page or article', () => {
		const p1 = page('# 汾河春早\n\n正文未完(下转第2版)', 1);
		expect(continuationsOf([p1], 'nope', p1.articles[0].id)).toEqual({ to: null, from: null });
		expect(continuationsOf([p1], p1.id, 'nope')).toEqual({ to: null, from: null });
	});
});

describe('joinedReading', () => {
	const ref = (doc: { id: string; articles: { id: string }[] }, index: number) => ({
		documentId: doc.id,
		articleId: doc.articles[index].id
	});

	it('follows a story over several pages, untitled continuations included', () => {
		const p1 = page('# 古镇\n\n古镇未完(下转第2版)\n\n# 汾河春早\n\n正文未完(下转第2版)', 1);
		const p2 = page('（上接第1版）春水续完。(下转第3版)\n\n# 古镇\n\n(上接第1版)古镇续完。', 2);
		const p3 = page('（上接第2版）春水再续。', 3);
		expect(p2.articles[0].title).toBeNull();
		const docs = [p3, p2, p1];
		const joined = joinedReading(docs, p1.id, p1.articles[1].id);
		expect(joined).toEqual({
			parts: [
				{ ...ref(p1, 1), pageNumber: 1 },
				{ ...ref(p2, 0), pageNumber: 2 },
				{ ...ref(p3, 0), pageNumber: 3 }
			],
			head: null
		});
		expect(joined.parts.slice(1).map(joinLabel)).toEqual(['接第2版', '接第3版']);
		// the other story on page 1 goes on to page 2 only
		expect(joinedReading(docs, p1.id, p1.articles[0].id).parts).toEqual([
			{ ...ref(p1, 0), pageNumber: 1 },
			{ ...ref(p2, 1), pageNumber: 2 }
		]);
	});

	it('opened at a continuation, offers the rest and names the start of the story', () => {
		const p1 = page('# 汾河春早\n\n正文未完(下转第2版)', 1);
		const p2 = page('（上接第1版）春水续完。(下转第3版)', 2);
		const p3 = page('（上接第2版）春水再续。', 3);
		const docs = [p1, p2, p3];
		expect(joinedReading(docs, p2.id, p2.articles[0].id)).toEqual({
			parts: [
				{ ...ref(p2, 0), pageNumber: 2 },
				{ ...ref(p3, 0), pageNumber: 3 }
			],
			head: ref(p1, 0)
		});
		expect(joinedReading(docs, p3.id, p3.articles[0].id)).toEqual({
			parts: [{ ...ref(p3, 0), pageNumber: 3 }],
			head: ref(p1, 0)
		});
	});

	it('stops where the next page is not in the library', () => {
		const p1 = page('# 汾河春早\n\n正文未完(下转第2版)', 1);
		const p2 = page('（上接第1版）春水续完。(下转第3版)', 2);
		expect(
			joinedReading([p1, p2], p1.id, p1.articles[0].id).parts.map((p) => p.pageNumber)
		).toEqual([1, 2]);
		// the start missing: a continuation read alone, with no start to go back to
		expect(joinedReading([p2], p2.id, p2.articles[0].id)).toEqual({
			parts: [{ ...ref(p2, 0), pageNumber: 2 }],
			head: null
		});
	});

	it('reads each article once when pages name each other in a circle', () => {
		const article = (id: string, from: string, to: string) => ({
			id,
			title: '循环',
			continuedFrom: from,
			continuedTo: to
		});
		const issue = { paper: '青川日报', date: '2023-04-12' };
		const docs: LinkablePage[] = [
			{ id: 'one', page: { ...issue, pageNumber: 1 }, articles: [article('a', '第2版', '第2版')] },
			{ id: 'two', page: { ...issue, pageNumber: 2 }, articles: [article('b', '第1版', '第1版')] }
		];
		const joined = joinedReading(docs, 'one', 'a');
		expect(joined.parts.map((p) => p.articleId)).toEqual(['a', 'b']);
		expect(joined.head).toBeNull();
		expect(joinedReading(docs, 'two', 'b').parts.map((p) => p.articleId)).toEqual(['b', 'a']);
	});

	it('gives the article alone when it is unknown or continues nowhere', () => {
		const p1 = page('# 汾河春早\n\n全文在此。', 1);
		expect(joinedReading([p1], p1.id, p1.articles[0].id)).toEqual({
			parts: [{ ...ref(p1, 0), pageNumber: 1 }],
			head: null
		});
		expect(joinedReading([p1], 'nope', 'x')).toEqual({
			parts: [{ documentId: 'nope', articleId: 'x', pageNumber: null }],
			head: null
		});
	});
});
