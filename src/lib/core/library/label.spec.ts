import { describe, expect, it } from 'vitest';
import { fileStem, pageDate, pageLabel, paperAndDate, type LabelledPage } from './label';

const nothingKnown = {
	paper: null,
	date: null,
	pageNumber: null,
	pageName: null
};

function labelled(page: Partial<LabelledPage['page']>, titles: string[] = []): LabelledPage {
	return {
		source: '000_8d483b34ee5996a6.txt',
		page: { ...nothingKnown, ...page },
		articles: titles.map((title) => ({ title }))
	};
}

describe('page dates', () => {
	it('writes a full date the Chinese way, without leading zeros', () => {
		expect(pageDate({ date: '2022-03-08' })).toBe('2022年3月8日');
		expect(pageDate({ date: '2023-12-22', monthDay: '01-01' })).toBe('2023年12月22日');
	});

	it('writes month and day alone when the year is unknown, and nothing when neither is', () => {
		expect(pageDate({ date: null, monthDay: '12-22' })).toBe('12月22日');
		expect(pageDate({ date: null, monthDay: '03-07' })).toBe('3月7日');
		expect(pageDate({ date: null })).toBeNull();
		expect(pageDate({ date: 'soon', monthDay: 'later' })).toBeNull();
	});

	it('says 日期不详 beside a paper whose date is unknown, never a guessed year', () => {
		expect(paperAndDate({ paper: '山西日报', date: null })).toBe('山西日报 · 日期不详');
		expect(paperAndDate({ paper: '山西日报', date: null, monthDay: '12-22' })).toBe(
			'山西日报 · 12月22日'
		);
		expect(paperAndDate({ paper: null, date: '2022-03-08' })).toBe('2022年3月8日');
		expect(paperAndDate({ paper: null, date: null })).toBeNull();
	});
});

describe('page labels', () => {
	it.each<[Partial<LabelledPage['page']>, string[], string]>([
		[
			{ paper: '太行日报', date: '2022-03-08', pageNumber: 1, pageName: '要闻' },
			['头条'],
			'太行日报 · 2022年3月8日 · 第1版 · 要闻'
		],
		[
			{ paper: '太行日报', date: '2022-03-08', pageNumber: 1 },
			['头条'],
			'太行日报 · 2022年3月8日 · 第1版 · 头条'
		],
		[
			{ paper: '山西日报', monthDay: '12-22' },
			['交出整改工作合格答卷'],
			'山西日报 · 12月22日 · 交出整改工作合格答卷'
		],
		[{ paper: '山西日报' }, [], '山西日报 · 日期不详'],
		[{ paper: '山西日报', pageNumber: 2 }, [], '山西日报 · 日期不详 · 第2版'],
		[{ date: '2022-03-08', pageName: '要闻' }, [], '2022年3月8日 · 要闻'],
		[{ monthDay: '12-22' }, [], '12月22日'],
		[{ pageNumber: 3 }, [], '第3版'],
		[{ pageName: '文旅' }, ['头条'], '文旅'],
		[{}, ['', '第二篇的标题'], '第二篇的标题'],
		[{}, [], '000_8d483b34ee5996a6'],
		[{}, [''], '000_8d483b34ee5996a6']
	])('%o with titles %o: %s', (page, titles, expected) => {
		expect(pageLabel(labelled(page, titles))).toBe(expected);
	});

	it('leaves out what a heading or an article title beside it already says', () => {
		const doc = labelled({ paper: '青川日报', date: '2023-04-12', pageNumber: 2 }, ['头条']);
		expect(pageLabel(doc, { withoutPaperAndDate: true })).toBe('第2版 · 头条');
		expect(pageLabel(doc, { withoutLeadTitle: true })).toBe('青川日报 · 2023年4月12日 · 第2版');
		expect(pageLabel(doc, { withoutPaperAndDate: true, withoutLeadTitle: true })).toBe('第2版');
	});

	it('falls back to the file name without extension when the options leave nothing', () => {
		const doc = labelled({ paper: '青川日报', date: '2023-04-12' }, ['头条']);
		expect(pageLabel(doc, { withoutPaperAndDate: true, withoutLeadTitle: true })).toBe(
			'000_8d483b34ee5996a6'
		);
	});

	it('never shows a text file’s extension', () => {
		for (const source of ['a.txt', 'b.TXT', 'c.md', 'd.markdown', 'picture.png.txt', '.txt']) {
			const label = pageLabel({ source, page: nothingKnown, articles: [] });
			expect(label).not.toMatch(/\.(txt|md|markdown)$/i);
			expect(label.length).toBeGreaterThan(0);
		}
		expect(fileStem('picture.png.txt')).toBe('picture.png');
		expect(fileStem('剪报')).toBe('剪报');
		expect(pageLabel({ source: '.txt', page: nothingKnown })).toBe('未命名版面');
	});
});
