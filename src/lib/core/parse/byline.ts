/** Bylines (`本报讯(记者 X 通讯员 Y)`, `新华社北京3月7日电(记者 X)`, `□ 本报记者 X`) and datelines. */

import { hasSentenceEnd, isDigit, numeralValue } from './text';

export interface Byline {
	agency: string | null;
	reporters: string[];
	correspondents: string[];
	/** The date in the dispatch line itself (`新华社北京3月7日电`, `本报太原3月7日讯`). */
	dispatchDate: string | null;
	/** Where the lead's own text starts in the paragraph (after the byline). */
	leadOffset: number;
}

const BENBAO = /^本报([\u4e00-\u9fff0-9０-９]{0,12}?)讯/;
/** `本报北京3月7日电`: the paper's own dispatch, which always carries its date. */
const BENBAO_DISPATCH = /^本报([\u4e00-\u9fff]{0,6}[0-9０-９]{1,2}月[0-9０-９]{1,2}日)电/;
const KNOWN_WIRE =
	/^据?(新华社|中新社|中国新闻社|人民网|新华网|央视网|中央广播电视总台)([\u4e00-\u9fff0-9０-９]{0,14}?)电/;
const OTHER_WIRE =
	/^据?([\u4e00-\u9fff]{2,6}?社)([\u4e00-\u9fff]{1,6}[0-9０-９]{1,2}月[0-9０-９]{1,2}日)电/;
const CREDIT_PARENS = /^[\s\u3000]*[(（]([^()（）]{1,60})[)）]/;
/** `本报讯 记者 张三 通讯员 李四 报道：` — credits without parentheses, up to the first stop. */
const BARE_CREDITS =
	/^[\s\u3000]+((?:[^\s\u3000，,。：:；;]{0,8}记者|通讯员)[^，,。：:；;]{1,40}?)[，,。：:；;]/;

/** A credit in parentheses closing an article: `（记者 张三 通讯员 李四）`. */
export function parseClosingCredit(text: string): Byline | null {
	if (text.length > 60) return null;
	const m = /^[(（]((?:[^()（）]{0,8}记者|通讯员)[^()（）]{1,50})[)）]$/.exec(text);
	if (!m) return null;
	const credits = parseCredits(m[1]);
	if (!credits.ok || credits.reporters.length + credits.correspondents.length === 0) return null;
	return { agency: null, ...credits, dispatchDate: null, leadOffset: 0 };
}

/** Whether a paragraph opens with an agency's dispatch line: it begins a new article body. */
export function startsWithDispatch(text: string): boolean {
	// every dispatch line has 讯 or 电 within its first 40 characters
	let found = false;
	for (let i = 0; i < 40 && i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x8baf || c === 0x7535) {
			found = true;
			break;
		}
	}
	if (!found) return false;
	// the patterns are anchored and bounded: they read only the start of the text
	return (
		BENBAO.test(text) ||
		BENBAO_DISPATCH.test(text) ||
		KNOWN_WIRE.test(text) ||
		OTHER_WIRE.test(text)
	);
}

const STRICT_NAME =
	/^(?:[\u4e00-\u9fff]{2,5}|[\u4e00-\u9fff]{1,8}[·•][\u4e00-\u9fff·•]{1,12}|[A-Za-z][A-Za-z.-]{0,30})$/;
const LOOSE_NAME = /^[\u4e00-\u9fff·•A-Za-z]{1,12}$/;

interface Credits {
	reporters: string[];
	correspondents: string[];
	/** False when a token was neither a role nor a name: the text is not a credit list. */
	ok: boolean;
}

/**
 * Splits `山西日报记者 杨文 通讯员 原茜` into reporters and correspondents. A role word
 * (`…记者`, `通讯员`, `实习生`) sets the role for the names after it; names before any role
 * count as reporters.
 */
export function parseCredits(text: string, strict = false): Credits {
	const reporters: string[] = [];
	const correspondents: string[] = [];
	let role: 'reporter' | 'correspondent' = 'reporter';
	let ok = true;
	for (const raw of text.split(/[\s\u3000、，,]+/)) {
		if (!raw) continue;
		const m = /^(.*?(?:记者|通讯员|实习生|评论员|特约撰稿人?))(.*)$/.exec(raw);
		let name = raw;
		if (m) {
			role = m[1].endsWith('通讯员') ? 'correspondent' : 'reporter';
			name = m[2];
		}
		name = name.replace(/(?:报道|摄影?|采写|整理)$/, '');
		if (!name) continue;
		// outside parentheses a credit must look like names: 2–5 characters, or a
		// transliteration with ·; inside them any short token is taken as written
		const looksLikeName = strict ? STRICT_NAME : LOOSE_NAME;
		if (!looksLikeName.test(name)) {
			ok = false;
			continue;
		}
		(role === 'reporter' ? reporters : correspondents).push(name);
	}
	return { reporters, correspondents, ok };
}

/** Reads an inline byline at the start of a lead paragraph; null when there is none. */
export function parseInlineByline(text: string): Byline | null {
	const head = text.slice(0, 100);
	let agency: string;
	let dispatch: string;
	let end: number;
	const benbao = BENBAO.exec(head) ?? BENBAO_DISPATCH.exec(head);
	const wire = benbao ? null : (KNOWN_WIRE.exec(head) ?? OTHER_WIRE.exec(head));
	if (benbao) {
		agency = '本报讯';
		dispatch = benbao[1];
		end = benbao[0].length;
	} else if (wire) {
		agency = wire[1];
		dispatch = wire[2];
		end = wire[0].length;
	} else {
		return null;
	}
	const byline: Byline = {
		agency,
		reporters: [],
		correspondents: [],
		dispatchDate: findFirstDate(dispatch),
		leadOffset: end
	};
	const parens = CREDIT_PARENS.exec(head.slice(end));
	const credits = parens ?? BARE_CREDITS.exec(head.slice(end));
	if (credits) {
		const parsed = parseCredits(credits[1], !parens);
		// parentheses right after the dispatch are the credit even with an odd token inside
		if (parens || parsed.ok) {
			byline.reporters = parsed.reporters;
			byline.correspondents = parsed.correspondents;
			byline.leadOffset = end + credits[0].length;
		}
	}
	return byline;
}

const BOX = /^[□■◇◆▲△●○☆★]/;
// Regexes live at module level: a literal inside a function is a new object on every call.
const CREDIT_ROLE = /记者|通讯员|评论员/;
const BYLINE_LINE_START =
	/^(?:本报|新华社|[\u4e00-\u9fff]{0,8}?(?:报|社))?(?:特约|见习|实习|摄影)?(?:记者|通讯员|评论员)/;
const HAS_SPACE = /[\s\u3000]/;

/**
 * A byline on a line of its own before the body: `□ 本报记者 X Y`, `本报记者 X 通讯员 Y`.
 * The agency is `本报` when the paper's own reporters wrote it.
 */
export function parseBylineLine(text: string): Byline | null {
	if (text.length > 50 || !CREDIT_ROLE.test(text)) return null;
	const boxed = BOX.test(text);
	const body = boxed ? text.slice(1).trim() : text;
	if (!BYLINE_LINE_START.test(body)) {
		return null;
	}
	if (!boxed && !HAS_SPACE.test(body)) return null;
	const credits = parseCredits(body, !boxed);
	if (!credits.ok || credits.reporters.length + credits.correspondents.length === 0) {
		if (!(boxed && /评论员$/.test(body))) return null;
	}
	let agency: string | null = null;
	if (body.startsWith('本报')) agency = '本报';
	else if (body.startsWith('新华社')) agency = '新华社';
	return {
		agency,
		reporters: credits.reporters,
		correspondents: credits.correspondents,
		dispatchDate: null,
		leadOffset: 0
	};
}

function digitRun(text: string, from: number): number {
	let k = from;
	while (k < text.length && isDigit(text.charCodeAt(k))) k++;
	return k - from;
}

/**
 * The first date written in `text`, as written but without the time of day: `2022年3月7日`,
 * `3月7日`, `7日`. A month alone (`11月`) is not a date here; `日前`/`近日` have no digits.
 */
export function findFirstDate(text: string): string | null {
	const n = text.length;
	let i = 0;
	while (i < n) {
		if (!isDigit(text.charCodeAt(i))) {
			i++;
			continue;
		}
		const run = digitRun(text, i);
		let j = i;
		if (run === 4 && text.charCodeAt(j + 4) === 0x5e74 /* 年 */) j += 5;
		const monthRun = digitRun(text, j);
		if (monthRun > 0 && monthRun <= 2 && text.charCodeAt(j + monthRun) === 0x6708 /* 月 */) {
			const month = numeralValue(text.slice(j, j + monthRun));
			if (month >= 1 && month <= 12) j += monthRun + 1;
		}
		const dayRun = digitRun(text, j);
		if (dayRun > 0 && dayRun <= 2 && text.charCodeAt(j + dayRun) === 0x65e5 /* 日 */) {
			const day = numeralValue(text.slice(j, j + dayRun));
			if (day >= 1 && day <= 31) return text.slice(i, j + dayRun + 1);
		}
		i += run;
	}
	return null;
}

const CREDIT_LINE_START = /^(?:本报|新华社)?(?:特约|见习|实习)?(?:记者|通讯员)/;

/**
 * `本报记者沈某任某黄某`: a reporter credit on its own line, even with the names run together
 * (which `parseBylineLine` cannot split). A line of its own, never a title.
 */
export function looksLikeBylineLine(text: string): boolean {
	return text.length <= 30 && CREDIT_LINE_START.test(text) && !hasSentenceEnd(text);
}
