import { describe, expect, it } from 'vitest';
import { parsePage } from './page';

/** A page without header or sidecar: titles, then `本报讯(…)` leads as the seed page has them. */
function untitledPage(...leads: string[]): string {
	return leads.map((lead, n) => `# 第${n + 1}篇文章的标题\n\n${lead}`).join('\n\n');
}

describe('page details derived from the text', () => {
	it('names the paper its own reporters write for, and the month and day of the lead', () => {
		const doc = parsePage(
			untitledPage(
				'本报讯(山西日报记者 杨文)12月22日,我省召开中央生态环境保护督察整改工作推进会。',
				'本报讯(记者 袁剑锋 通讯员 原茜)12月21日,杏花岭区消息,三桥街道获此殊荣。'
			),
			'000_page.txt'
		);
		expect(doc.page).toMatchObject({ paper: '山西日报', date: null, monthDay: '12-22' });
	});

	it('reads full-width parentheses, 全媒体 reporters and a year in the dateline without keeping the year', () => {
		const doc = parsePage(
			untitledPage('本报讯（太行日报全媒体记者 李四）2022年3月7日，全市春耕备耕有序展开。'),
			'p.txt'
		);
		expect(doc.page).toMatchObject({ paper: '太行日报', date: null, monthDay: '03-07' });
	});

	it('takes the paper most of the page names', () => {
		const doc = parsePage(
			untitledPage(
				'本报讯(甲日报记者 王一)3月1日,甲地开会。',
				'本报讯(乙晚报记者 王二)3月1日,乙地开会。',
				'本报讯(乙晚报记者 王三)3月2日,乙地又开会。'
			),
			'p.txt'
		);
		expect(doc.page.paper).toBe('乙晚报');
		expect(doc.page.monthDay).toBe('03-01');
	});

	it('skips a lead whose dateline has no month for the next that has one', () => {
		const doc = parsePage(
			untitledPage('本报讯(记者 贾尚志)22日,榜单发布。', '本报讯(记者 王丹)12月21日,义诊开始。'),
			'p.txt'
		);
		expect(doc.page.monthDay).toBe('12-21');
		expect(doc.page.paper).toBeNull();
	});

	it('leaves both unknown when nothing on the page says', () => {
		const doc = parsePage(
			untitledPage(
				'本报讯(本报记者 张三)今天,会议召开。',
				'新华社北京电(人民日报记者 李四)会议召开。'
			),
			'p.txt'
		);
		expect(doc.page.paper).toBeNull();
		expect(doc.page.date).toBeNull();
		expect(doc.page).not.toHaveProperty('monthDay');
	});

	it('does not take another paper’s reporter on a wire story as the page’s paper', () => {
		const doc = parsePage(untitledPage('新华社北京3月7日电(人民日报记者 李四)会议召开。'), 'p.txt');
		expect(doc.page.paper).toBeNull();
		expect(doc.page.monthDay).toBe('03-07');
	});

	it('refuses an impossible month or day', () => {
		const doc = parsePage(untitledPage('本报讯(记者 甲)13月32日,会议召开。'), 'p.txt');
		expect(doc.page).not.toHaveProperty('monthDay');
	});

	it('never overrides the header, and derives no month and day once the date is known', () => {
		const doc = parsePage(
			`太行日报 2022年3月8日 第1版\n\n${untitledPage('本报讯(山西日报记者 杨文)12月22日,会议召开。')}`,
			'p.txt'
		);
		expect(doc.page).toMatchObject({ paper: '太行日报', date: '2022-03-08', pageNumber: 1 });
		expect(doc.page).not.toHaveProperty('monthDay');
	});

	it('never overrides a sidecar', () => {
		const doc = parsePage(untitledPage('本报讯(山西日报记者 杨文)12月22日,会议召开。'), 'p.txt', {
			paper: '太原晚报'
		});
		expect(doc.page.paper).toBe('太原晚报');
		expect(doc.page.monthDay).toBe('12-22');
	});
});
