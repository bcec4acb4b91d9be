/** Page furniture: header line, editors' footer, photo captions — text that is not article text. */

import { findChineseDate, isLunarDateLine } from './dates';
import { hasSentenceEnd, numeralValue } from './text';
import type { PageMeta, SidecarMeta } from './types';

// Regexes live at module level: a literal inside a function is a new object on every call.
const ISO_LIKE_DATE = /\d[-./]\d/;
const CLAUSE_MARK = /[，,、]/;
const HAS_STOP = /[。！？]/;
const HAS_OPEN_PAREN = /[（(]/;
const NAME_CREDIT_ONLY = /^[\u4e00-\u9fff·]{2,4}[\s\u3000]*摄[)）]?$/;
const WHITESPACE_RUN = /\s+/;
const WEEKDAY_START = /^(?:星期|周|週|礼拜|禮拜)[一二三四五六日天]/;
const PAGE_TOKEN = /^[A-Za-z]?\d{1,3}$/;
const FULL_DATE =
	/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})[-./](\d{1,2})[-./](\d{1,2})/;
const PAGE_NO = /第\s*([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*[版页頁]/;
const WEEKDAY = /^(?:星期|周|週|礼拜|禮拜)[一二三四五六日天]$/;
const LUNAR_TOKEN = /^(?:农历|農曆|夏历|夏曆)/;
const PAPER = /^[\u4e00-\u9fff]{1,10}[报報]$/;

/**
 * A page header such as `太行日报 2022年3月8日 第1版` or `2022年3月8日 星期二  要闻  2`: short,
 * no sentence punctuation, a full date plus something only a header has (page number, weekday,
 * paper name).
 */
export function isPageHeader(text: string): boolean {
	if (isLunarDateLine(text)) return true;
	// cheap gates first: headers are short and have a 年-date, an ISO-like date or a 版
	if (text.length > 80) return false;
	if (
		text.indexOf('年') < 0 &&
		text.indexOf('版') < 0 &&
		!(
			(text.indexOf('-') >= 0 || text.indexOf('.') >= 0 || text.indexOf('/') >= 0) &&
			ISO_LIKE_DATE.test(text)
		)
	) {
		return false;
	}
	if (text.length > 80 || hasSentenceEnd(text) || CLAUSE_MARK.test(text)) return false;
	const hasDate = FULL_DATE.test(text) || findChineseDate(text) !== null;
	const hasPage = PAGE_NO.test(text);
	const tokens = text.split(WHITESPACE_RUN);
	let hasWeekday = false;
	let hasPaper = false;
	for (const t of tokens) {
		if (WEEKDAY_START.test(t)) hasWeekday = true;
		if (PAPER.test(t)) hasPaper = true;
	}
	const endsWithNumber = tokens.length > 1 && PAGE_TOKEN.test(tokens[tokens.length - 1]);
	if (hasDate) return hasPage || hasWeekday || hasPaper || endsWithNumber;
	return hasPage && hasPaper;
}

function isoDate(y: string, m: string, d: string): string | null {
	const month = Number(m);
	const day = Number(d);
	if (month < 1 || month > 12 || day < 1 || day > 31) return null;
	return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A masthead alone on a line: `晋南日报`. */
export function isPaperName(text: string): boolean {
	return text.length <= 12 && PAPER.test(text) && !/^本[报報]/.test(text);
}

/** Reads paper, date, page number and page name from a header line. */
export function parsePageHeader(text: string): Omit<PageMeta, 'header' | 'footer'> {
	const meta: Omit<PageMeta, 'header' | 'footer'> = {
		paper: null,
		date: null,
		pageNumber: null,
		pageName: null
	};
	const date = FULL_DATE.exec(text);
	let rest = text;
	if (date) {
		meta.date = date[1] ? isoDate(date[1], date[2], date[3]) : isoDate(date[4], date[5], date[6]);
		rest = text.slice(0, date.index) + ' ' + text.slice(date.index + date[0].length);
	} else {
		const written = findChineseDate(text);
		if (written) {
			meta.date = written.iso;
			rest = text.slice(0, written.index) + ' ' + text.slice(written.index + written.length);
		}
	}
	const page = PAGE_NO.exec(rest);
	if (page) {
		const n = numeralValue(page[1]);
		if (!Number.isNaN(n)) meta.pageNumber = n;
		rest = rest.slice(0, page.index) + ' ' + rest.slice(page.index + page[0].length);
	}
	const names: string[] = [];
	for (const token of rest.split(/\s+/)) {
		if (!token) continue;
		if (WEEKDAY.test(token) || LUNAR_TOKEN.test(token)) continue;
		if (/^[A-Za-z]?\d{1,3}$/.test(token)) {
			if (meta.pageNumber === null && /^\d+$/.test(token)) meta.pageNumber = Number(token);
			continue;
		}
		if (meta.paper === null && PAPER.test(token)) {
			meta.paper = token;
			continue;
		}
		if (/^[\u4e00-\u9fff·]{1,12}$/.test(token)) names.push(token);
	}
	if (names.length > 0) meta.pageName = names.join(' ');
	return meta;
}

const FOOTER =
	/^(?:本版)?(?:责任编辑|责编|编辑|美术编辑|美编|校对|版式设计|版式|组版|审校|审读|制图|邮箱|电子邮箱|投稿邮箱|E-?mail|电话|热线电话|传真)\s*[:：]|^本版[\u4e00-\u9fff]{1,6}[:：]/i;

/** The editors' footer, e.g. `本版责编:张某 美编:李某`. */
export function isEditorsFooter(text: string): boolean {
	// FOOTER is anchored, so most lines fail on their first character
	return text.length <= 100 && FOOTER.test(text) && !HAS_STOP.test(text);
}

const CAPTION_START = /^(?:图为|图片为|图[:：]|图表[:：]|上图|下图|左图|右图|组图|图[①-⑩0-9０-９])/;
/** `制图：孙莉`, `摄影：X` closing a line: a graphic's credit. */
const COLON_CREDIT = /(?:制图|摄影|供图|图片|摄)[:：][\s\u3000]*[\u4e00-\u9fff·]{2,5}[)）]?$/;
const CREDIT_END =
	/(?:(?:记者|通讯员|摄影师?|实习生|特约摄影)[\s\u3000]*[\u4e00-\u9fff·]{2,5}|[\s\u3000][\u4e00-\u9fff·]{2,5})[\s\u3000]*摄[\s\u3000]*[)）]?$/;
const SOURCE_END = /(?:新华社发|资料图片|供图|制图)[\s\u3000]*[)）]?$/;
/** `……采摘春茶。张三摄`, `……新茶。青石县委宣传部供图`: a credit glued to the caption's sentence. */
const CREDIT_AFTER_STOP = /[。！]([\u4e00-\u9fff·]{2,5}摄|[\u4e00-\u9fff]{2,14}供图)[)）]?$/;

/**
 * A photo caption: opens with `图为`/`上图`…, or ends with a photographer's credit
 * (`本报记者 X 摄`, `（新华社发）`). `拍摄` at a line end is prose, not a credit.
 */
export function isCaption(text: string): boolean {
	if (text.length > 300) return false;
	const head = text.charCodeAt(0);
	// 图 上 下 左 右 组: the characters a caption can open with
	if (
		(head === 0x56fe ||
			head === 0x4e0a ||
			head === 0x4e0b ||
			head === 0x5de6 ||
			head === 0x53f3 ||
			head === 0x7ec4) &&
		CAPTION_START.test(text)
	) {
		return true;
	}
	// a markdown image from the layout tool: the photo's place on the page
	if (text.startsWith('![') && /^!\[[^\]]*\]\([^)]*\)$/.test(text)) return true;
	const tail = text.slice(-40);
	if ((tail.indexOf('：') >= 0 || tail.indexOf(':') >= 0) && COLON_CREDIT.test(tail)) return true;
	let e = tail.length - 1;
	for (let c = tail.charCodeAt(e); c <= 32 || c === 0x3000 || c === 0x29 || c === 0xff09;) {
		c = tail.charCodeAt(--e);
	}
	const last = tail.charCodeAt(e);
	// 摄 发 片 图: the only characters a credit or source line can end with
	if (last !== 0x6444 && last !== 0x53d1 && last !== 0x7247 && last !== 0x56fe) return false;
	if (NAME_CREDIT_ONLY.test(text)) return true;
	if (CREDIT_AFTER_STOP.test(tail)) {
		const credit = tail.slice(tail.lastIndexOf('。') + 1);
		return !(credit.length > 1 && '拍航抓偷'.includes(credit[credit.length - 2]));
	}
	if (CREDIT_END.test(tail)) {
		const before = tail.replace(/[\s\u3000)）]*摄[\s\u3000)）]*$/, '');
		const last = before[before.length - 1];
		return !(last === '拍' || last === '航' || last === '抓' || last === '偷');
	}
	return SOURCE_END.test(tail) && (HAS_OPEN_PAREN.test(tail) || text.length <= 20);
}

/** A caption line that is only a credit, printed under the caption it belongs to. */
export function isCreditOnly(text: string): boolean {
	return text.length <= 30 && !CAPTION_START.test(text) && !HAS_STOP.test(text);
}

/** Normalises a sidecar date (`2022-03-08`, `20220308`, `2022年3月8日`) to ISO. */
export function normaliseDate(value: string): string | null {
	const m = /^(\d{4})(?:[-./年]?)(\d{1,2})(?:[-./月]?)(\d{1,2})日?$/.exec(value.trim());
	return m ? isoDate(m[1], m[2], m[3]) : null;
}

/** Sidecar values win over the header line: they were written on purpose. */
export function mergeSidecar(meta: PageMeta, sidecar: SidecarMeta | null | undefined): string[] {
	const notes: string[] = [];
	if (!sidecar || typeof sidecar !== 'object') return notes;
	if (typeof sidecar.paper === 'string' && sidecar.paper.trim()) {
		meta.paper = sidecar.paper.trim();
	}
	if (typeof sidecar.date === 'string') {
		const iso = normaliseDate(sidecar.date);
		if (iso) meta.date = iso;
		else notes.push(`Sidecar date "${sidecar.date}" is not a date; ignored.`);
	}
	if (typeof sidecar.page === 'number' && Number.isInteger(sidecar.page) && sidecar.page > 0) {
		meta.pageNumber = sidecar.page;
	} else if (typeof sidecar.page === 'string' && /^\d{1,3}$/.test(sidecar.page)) {
		meta.pageNumber = Number(sidecar.page);
	}
	if (typeof sidecar.pageName === 'string' && sidecar.pageName.trim()) {
		meta.pageName = sidecar.pageName.trim();
	}
	return notes;
}
