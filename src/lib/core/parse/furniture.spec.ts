import { describe, expect, it } from 'vitest';
import {
	isCaption,
	isEditorsFooter,
	isPageHeader,
	mergeSidecar,
	normaliseDate,
	parsePageHeader
} from './furniture';
import type { PageMeta } from './types';

describe('page header', () => {
	it('recognises both header shapes and reads their fields', () => {
		expect(isPageHeader('太行日报 2022年3月8日 第1版')).toBe(true);
		expect(parsePageHeader('太行日报 2022年3月8日 第1版')).toEqual({
			paper: '太行日报',
			date: '2022-03-08',
			pageNumber: 1,
			pageName: null
		});
		expect(isPageHeader('2022年3月8日 星期二  要闻  2')).toBe(true);
		expect(parsePageHeader('2022年3月8日 星期二  要闻  2')).toEqual({
			paper: null,
			date: '2022-03-08',
			pageNumber: 2,
			pageName: '要闻'
		});
	});

	it('does not mistake a dated sentence or kicker for a header', () => {
		expect(isPageHeader('2022年3月8日，全省召开会议。')).toBe(false);
		expect(isPageHeader('国务院第七次全国人口普查领导小组评出先进集体')).toBe(false);
		expect(isPageHeader('2021年11月4A级景区品牌500强榜单')).toBe(false);
	});
});

describe('editors footer', () => {
	it('matches editor credits only', () => {
		expect(isEditorsFooter('本版责编:张某 美编:李某')).toBe(true);
		expect(isEditorsFooter('责任编辑：赵某 校对：钱某')).toBe(true);
		expect(isEditorsFooter('编辑部表示：将继续做好服务。')).toBe(false);
	});
});

describe('captions', () => {
	it.each([
		['图为汾河云岭段湿地公园一角。 本报记者 林小禾 摄', true],
		['本报记者 罗佳 摄', true],
		['上图：游客在古镇游览。（新华社发）', true],
		['王丹摄', true],
		['茶农在高山茶园采摘春茶。张三摄', true],
		['采茶工人在云雾缭绕的茶山上忙着采摘新茶。青石县委宣传部供图', true],
		['大家都来了。现场拍摄', false],
		['这些照片都是他自己拍摄的。他说要多拍摄', false],
		['市民纷纷拿出手机拍摄', false],
		['记者现场进行了拍摄', false],
		['园区新入驻企业43家，发展势头良好。', false],
		['他说：“这张照片是我拍的。”', false]
	])('%s → %s', (line, expected) => {
		expect(isCaption(line)).toBe(expected);
	});
});

describe('sidecar', () => {
	const empty = (): PageMeta => ({
		header: null,
		footer: null,
		paper: null,
		date: null,
		pageNumber: null,
		pageName: null
	});

	it('fills and overrides page metadata, normalising the date', () => {
		const meta = { ...empty(), paper: '旧报', pageNumber: 1 };
		mergeSidecar(meta, { paper: '青川日报', date: '20230412', page: 2, pageName: '综合' });
		expect(meta).toMatchObject({
			paper: '青川日报',
			date: '2023-04-12',
			pageNumber: 2,
			pageName: '综合'
		});
	});

	it('ignores malformed values with a note instead of throwing', () => {
		const meta = empty();
		const notes = mergeSidecar(meta, { date: 'yesterday', page: -3 } as never);
		expect(meta.date).toBeNull();
		expect(meta.pageNumber).toBeNull();
		expect(notes).toHaveLength(1);
		expect(mergeSidecar(meta, null)).toEqual([]);
	});

	it('normalises the usual date spellings', () => {
		expect(normaliseDate('2023-4-12')).toBe('2023-04-12');
		expect(normaliseDate('2023年4月12日')).toBe('2023-04-12');
		expect(normaliseDate('2023-13-01')).toBeNull();
	});
});

describe('traditional-character and older page headers', () => {
	it('reads a 民國 date, a 頁 page and a traditional paper name', () => {
		const header = '華南晚報 中華民國四十五年十一月二十日 星期二 第二頁';
		expect(isPageHeader(header)).toBe(true);
		expect(parsePageHeader(header)).toEqual({
			paper: '華南晚報',
			date: '1956-11-20',
			pageNumber: 2,
			pageName: null
		});
	});

	it('takes a lunar-date line for furniture, never for a title', () => {
		expect(isPageHeader('農曆丙申年十月十八日')).toBe(true);
		expect(parsePageHeader('華南晚報 農曆丙申年十月十八日').paper).toBe('華南晚報');
	});
});
