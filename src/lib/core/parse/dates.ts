/**
 * Dates written in Chinese numerals, as older and traditional-character pages print them:
 * 民國 years (`中華民國四十五年十一月二十日` is 1956-11-20) and years spelled digit by digit
 * (`一九五六年十一月二十日`). Lunar-calendar lines (`農曆十月十八日`) are page furniture.
 */

import { hasSentenceEnd, numeralValue } from './text';

const CN_DIGITS = '〇一二三四五六七八九';
const NUMBER = '[〇○零一二三四五六七八九十百0-9０-９]';
const MINGUO = new RegExp(
	`(?:中[华華])?民[国國](${NUMBER}{1,5})年(${NUMBER}{1,3})月(${NUMBER}{1,3})[日号號]`
);
const SPELLED_YEAR = new RegExp(
	`([〇○零一二三四五六七八九]{4})年(${NUMBER}{1,3})月(${NUMBER}{1,3})[日号號]`
);
const LUNAR_START = /^(?:农历|農曆|夏历|夏曆|阴历|陰曆)/;

/** The 民國 calendar counts from 1912. */
const MINGUO_OFFSET = 1911;

/** A number in Chinese or Arabic numerals up to 999: `四十五`, `一百一十四`, `一〇五`, `45`. */
export function chineseNumber(text: string): number {
	const plain = text.replace(/[○零]/g, '〇');
	const hundred = plain.indexOf('百');
	if (hundred >= 0) {
		const head = hundred === 0 ? 1 : CN_DIGITS.indexOf(plain.slice(0, hundred));
		const tail = plain.slice(hundred + 1).replace(/^〇/, '');
		const rest = tail === '' ? 0 : numeralValue(tail);
		return head > 0 && rest >= 0 ? head * 100 + rest : NaN;
	}
	if (plain.indexOf('十') < 0 && plain.length > 1 && /^[〇一二三四五六七八九]+$/.test(plain)) {
		let value = 0;
		for (const ch of plain) value = value * 10 + CN_DIGITS.indexOf(ch);
		return value;
	}
	return numeralValue(plain);
}

function iso(year: number, month: number, day: number): string | null {
	if (!(year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface ChineseDate {
	iso: string;
	index: number;
	length: number;
}

/** The first 民國 or digit-by-digit date in `text`, as an ISO date and where it was written. */
export function findChineseDate(text: string): ChineseDate | null {
	if (text.indexOf('年') < 0) return null;
	const minguo = MINGUO.exec(text);
	if (minguo) {
		const date = iso(
			chineseNumber(minguo[1]) + MINGUO_OFFSET,
			chineseNumber(minguo[2]),
			chineseNumber(minguo[3])
		);
		if (date) return { iso: date, index: minguo.index, length: minguo[0].length };
	}
	const spelled = SPELLED_YEAR.exec(text);
	if (spelled) {
		const date = iso(
			chineseNumber(spelled[1]),
			chineseNumber(spelled[2]),
			chineseNumber(spelled[3])
		);
		if (date) return { iso: date, index: spelled.index, length: spelled[0].length };
	}
	return null;
}

/** A line giving the lunar date (`農曆丙申年十月十八日`): the masthead's, never a title. */
export function isLunarDateLine(text: string): boolean {
	return text.length <= 30 && LUNAR_START.test(text) && !hasSentenceEnd(text);
}
