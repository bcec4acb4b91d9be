import { describe, expect, it } from 'vitest';
import { chineseNumber, findChineseDate, isLunarDateLine } from './dates';

describe('dates in Chinese numerals', () => {
	it.each([
		['中華民國四十五年十一月二十日', '1956-11-20'],
		['中华民国三十八年十月一日', '1949-10-01'],
		['民國一百一十四年三月五日', '2025-03-05'],
		['民國45年11月20日 星期二', '1956-11-20'],
		['一九五六年十一月二十日', '1956-11-20'],
		['二〇二五年三月八日', '2025-03-08']
	])('%s is %s', (text, iso) => {
		expect(findChineseDate(text)?.iso).toBe(iso);
	});

	it('finds no date in prose years or impossible days', () => {
		expect(findChineseDate('四十五年来他一直守着这片林子')).toBeNull();
		expect(findChineseDate('民國四十五年十三月二日')).toBeNull();
	});

	it('reads numbers up to the hundreds', () => {
		expect(chineseNumber('四十五')).toBe(45);
		expect(chineseNumber('一百零五')).toBe(105);
		expect(chineseNumber('一〇五')).toBe(105);
		expect(chineseNumber('十二')).toBe(12);
	});

	it('knows a lunar-calendar line', () => {
		expect(isLunarDateLine('農曆丙申年十月十八日')).toBe(true);
		expect(isLunarDateLine('农历十月初八')).toBe(true);
		expect(isLunarDateLine('农历新年将至，村里张灯结彩。')).toBe(false);
	});
});
