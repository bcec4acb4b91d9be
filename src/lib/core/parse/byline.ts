/**
 * Bylines (`本报讯(记者 X 通讯员 Y)`, `新华社北京3月7日电(记者 X)`, `□ 本报记者 X`) and datelines.
 * Traditional-character pages (`本報訊`, `記者`, `通訊員`) read the same; names stay as written.
 */

import { endsSentence, hasSentenceEnd, isDigit, numeralValue } from './text';

export interface Byline {
	agency: string | null;
	reporters: string[];
	correspondents: string[];
	/** The date in the dispatch line itself (`新华社北京3月7日电`, `本报太原3月7日讯`). */
	dispatchDate: string | null;
	/** Where the lead's own text starts in the paragraph (after the byline). */
	leadOffset: number;
}

const BENBAO = /^本[报報]([\u4e00-\u9fff0-9０-９]{0,12}?)[讯訊]/;
/** `本报北京3月7日电`: the paper's own dispatch, which always carries its date. */
const BENBAO_DISPATCH = /^本[报報]([\u4e00-\u9fff]{0,6}[0-9０-９]{1,2}月[0-9０-９]{1,2}日)[电電]/;
const KNOWN_WIRE =
	/^[据據]?(新华社|新華社|中新社|中国新闻社|中國新聞社|人民网|新华网|央视网|中央广播电视总台)([\u4e00-\u9fff0-9０-９]{0,14}?)[电電]/;
const OTHER_WIRE =
	/^[据據]?([\u4e00-\u9fff]{2,6}?社)([\u4e00-\u9fff]{1,6}[0-9０-９]{1,2}月[0-9０-９]{1,2}日)[电電]/;
/** Role words, simplified and traditional: the names after one take its role. */
const ROLE_WORD =
	/^(.*?(?:记者|記者|通讯员|通訊員|实习生|實習生|评论员|評論員|特约撰稿人?|特約撰稿人?|笔者|筆者|作者))(.*)$/;
const CORRESPONDENT = /(?:通讯员|通訊員)$/;
const CREDIT_PARENS = /^[\s\u3000]*[(（]([^()（）]{1,60})[)）]/;
/** `本报讯 记者 张三 通讯员 李四 报道：` — credits without parentheses, up to the first stop. */
const BARE_CREDITS =
	/^[\s\u3000]+((?:[^\s\u3000，,。：:；;]{0,8}(?:记者|記者)|通讯员|通訊員)[^，,。：:；;]{1,40}?)[，,。：:；;]/;

const CLOSING_CREDIT = /^[(（]((?:[^()（）]{0,8}(?:记者|記者)|通讯员|通訊員)[^()（）]{1,50})[)）]$/;

/** A credit in parentheses closing an article: `（记者 张三 通讯员 李四）`. */
export function parseClosingCredit(text: string): Byline | null {
	if (text.length > 60) return null;
	const m = CLOSING_CREDIT.exec(text);
	if (!m) return null;
	const credits = parseCredits(m[1]);
	if (!credits.ok || credits.reporters.length + credits.correspondents.length === 0) return null;
	return { agency: null, ...credits, dispatchDate: null, leadOffset: 0 };
}

/** Whether a paragraph opens with an agency's dispatch line: it begins a new article body. */
export function startsWithDispatch(text: string): boolean {
	// every dispatch line has 讯 or 电 (訊, 電) within its first 40 characters
	let found = false;
	for (let i = 0; i < 40 && i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x8baf || c === 0x7535 || c === 0x8a0a || c === 0x96fb) {
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

const CREDIT_SEPARATOR = /[\s\u3000、，,]+/;
const ROLE_PUNCTUATION = /^[:：/／]/;
const CREDIT_VERB = /(?:报道|報導|摄影?|攝影?|采写|採寫|整理)$/;
const SINGLE_HAN = /^[\u4e00-\u9fff]$/;

const CREDIT_TOKEN = /[^\s\u3000、，,]+/g;
const PADDING = /^(?:[ \u3000]{2,}|\u3000)$/;

/**
 * The credit's tokens. Typesetters pad a two-character name to three columns (`张  三`), so a
 * name arrives as single characters with a wide space between: such a run is rejoined into
 * names of two characters (the last of an odd run takes three). Single characters with an
 * ordinary space or a comma between stay apart.
 */
export function creditTokens(text: string): string[] {
	const out: string[] = [];
	let run: string[] = [];
	const flush = () => {
		for (let k = 0; k < run.length;) {
			const size = run.length - k === 3 || run.length === 1 ? run.length - k : 2;
			out.push(run.slice(k, k + size).join(''));
			k += size;
		}
		run = [];
	};
	let end = 0;
	CREDIT_TOKEN.lastIndex = 0;
	for (let m = CREDIT_TOKEN.exec(text); m !== null; m = CREDIT_TOKEN.exec(text)) {
		const token = m[0];
		const padded = PADDING.test(text.slice(end, m.index));
		end = m.index + token.length;
		if (SINGLE_HAN.test(token) && (run.length === 0 || padded)) {
			run.push(token);
			continue;
		}
		flush();
		if (SINGLE_HAN.test(token)) run.push(token);
		else out.push(token);
	}
	flush();
	return out;
}

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
	for (const raw of creditTokens(text)) {
		if (!raw) continue;
		const m = ROLE_WORD.exec(raw);
		let name = raw;
		if (m) {
			role = CORRESPONDENT.test(m[1]) ? 'correspondent' : 'reporter';
			name = m[2].replace(ROLE_PUNCTUATION, '');
		}
		name = name.replace(CREDIT_VERB, '');
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
		agency = head[1] === '報' ? '本報訊' : '本报讯';
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
const CREDIT_ROLE = /记者|記者|通讯员|通訊員|评论员|評論員|笔者|筆者|作者/;
const BYLINE_LINE_START =
	/^(?:本[报報]|新[华華]社|[\u4e00-\u9fff]{0,8}?(?:报|報|社))?(?:特约|特約|见习|見習|实习|實習|摄影|攝影)?(?:记者|記者|通讯员|通訊員|评论员|評論員|笔者|筆者|作者)/;
/** A space or a colon between the role and the names: `本报记者 X`, `作者：X`. */
const HAS_SPACE = /[\s\u3000:：]/;
/** A markdown blockquote mark in front of a byline: `> 本报记者  张  三`. */
const QUOTE = /^>[\s\u3000]*/;
/** `· 张三 ·`, `·李四 王五·`: names between middle dots. */
const DOTTED =
	/^[·•・‧][\s\u3000]*([\u4e00-\u9fff]{1,4}(?:[\s\u3000]+[\u4e00-\u9fff]{1,4}){0,5})[\s\u3000]*[·•・‧]$/;
/** Column and box labels are set between dots too (`·人民时评·`, `·编者按·`): not names. */
const LABEL_END =
	/(?:[评評论論谈談按语語察讯訊闻聞读讀话話录錄坛壇谭譚栏欄点點告事聘知示]|声明|聲明)$/;

/**
 * A byline on a line of its own before the body: `□ 本报记者 X Y`, `本报记者 X 通讯员 Y`.
 * The agency is `本报` when the paper's own reporters wrote it.
 */
export function parseBylineLine(text: string): Byline | null {
	if (text.length > 50) return null;
	if (!CREDIT_ROLE.test(text)) return parseDottedByline(text);
	const quoted = QUOTE.exec(text);
	const unquoted = quoted ? text.slice(quoted[0].length) : text;
	const boxed = BOX.test(unquoted);
	const body = boxed ? unquoted.slice(1).trim() : unquoted;
	if (!BYLINE_LINE_START.test(body)) {
		return null;
	}
	if (!boxed && !HAS_SPACE.test(body)) return null;
	const credits = parseCredits(body, !boxed);
	if (!credits.ok || credits.reporters.length + credits.correspondents.length === 0) {
		if (!(boxed && /评论员$/.test(body))) return null;
	}
	let agency: string | null = null;
	if (body.startsWith('本报') || body.startsWith('本報')) agency = body.slice(0, 2);
	else if (body.startsWith('新华社') || body.startsWith('新華社')) agency = body.slice(0, 3);
	return {
		agency,
		reporters: credits.reporters,
		correspondents: credits.correspondents,
		dispatchDate: null,
		leadOffset: 0
	};
}

/** `· 张三 ·` on a line of its own (or as a heading): the names are the reporters. */
export function parseDottedByline(text: string): Byline | null {
	if (text.length > 40) return null;
	const m = DOTTED.exec(text);
	if (!m || LABEL_END.test(m[1])) return null;
	const credits = parseCredits(m[1], true);
	if (!credits.ok || credits.reporters.length === 0) return null;
	return {
		agency: null,
		reporters: credits.reporters,
		correspondents: [],
		dispatchDate: null,
		leadOffset: 0
	};
}

const NAME_LIST = /^[\u4e00-\u9fff]{2,3}(?:[\s\u3000]+[\u4e00-\u9fff]{2,3}){1,5}$/;

/**
 * Authors on the last line of a short item, names and nothing else: `张某  李某  王某`. At least
 * two names, so that a lone short line (a slogan, a place) is never taken for an author.
 */
export function parseAuthorLine(text: string): string[] | null {
	if (text.length > 40 || !NAME_LIST.test(text)) return null;
	return text.split(CREDIT_SEPARATOR);
}

/** Authors named on the closing line of an item whose text ends before it. */
export function closingAuthors(paragraphs: string[]): string[] | null {
	const n = paragraphs.length;
	if (n < 2 || !endsSentence(paragraphs[n - 2])) return null;
	return parseAuthorLine(paragraphs[n - 1]);
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
