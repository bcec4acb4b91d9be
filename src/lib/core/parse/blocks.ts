/**
 * Non-article blocks: ads, cinema and TV listings, notices, puzzles, tables and other boxes
 * (weather) that extractors mark up like articles. They run after articles are assembled: a
 * run of neighbouring "articles" that carry no prose (no byline, no finished sentence) or that
 * read as one of these kinds leaves `articles` and becomes one or more blocks, with its lines
 * kept as written. Conservative by design: anything with a byline or a body of sentences stays
 * an article unless its own shape says otherwise (a notice's title, a puzzle's answer line).
 */

import { parseHeading } from './headings';
import { hasSentenceEnd, isAsciiLetter, isDigit, isHan } from './text';
import type { Article, BlockKind, PageBlock } from './types';

/** A body this long is prose, whatever it mentions. */
const MAX_SLIGHT_BODY = 400;
/** Candidate articles longer than this are never blocks (a stock table fits well within). */
const MAX_BLOCK_CHARS = 8000;
const MAX_NOTICE_CHARS = 600;
const MAX_AD_CHARS = 300;

// Keyword signals in simplified and traditional spelling; plain alternations, no backtracking.
const PHONE = /电话|電話|热线|熱線|TEL|Tel|传真|傳真/;
const ADDRESS = /地址|地点|地點|门市|門市|总店|總店|分店|营业时间|營業時間/;
const PRICE =
	/[0-9０-９一二三四五六七八九十两兩百千]\s?(?:元|角|圆|圓)|[￥¥$]\s?[0-9]|港币|港幣|售价|售價|定价|定價|特价|特價|优惠|優惠|减价|減價|廉价|廉價/;
const INVITE =
	/欢迎|歡迎|惠顾|惠顧|光临|光臨|选购|選購|订阅|訂閱|订购|訂購|代订|代訂|函索|承接|承印|出租|招租|诚聘|誠聘|应诊|應診|专治|專治|包退|包换|包換/;
const LISTING =
	/场次|場次|票价|票價|献映|獻映|上映|放映|首映|主演|影院|戏院|戲院|剧场|劇場|剧院|劇院|频道|頻道|早场|早場|夜场|夜場|日场|日場|每日[一二三四五六七八九两兩0-9]场|每日[一二三四五六七八九两兩0-9]場/;
/** A clock time (`19:30`) or a show time (`二时半`, `7点`). */
const SHOW_TIME =
	/[0-9０-９][:：][0-9０-９]{2}|[0-9０-９一二三四五六七八九十][时時点點](?:半|[0-9０-９一二三四五六七八九十]{1,2}分)?/g;
const CONTACT_LABEL = /(?:电话|電話|地址|地点|地點|热线|熱線|TEL|Tel)\s?[:：]/;
/** A programme line: `19:30  新闻联播`. */
const TIME_FIRST = /^[0-9０-９]{1,2}[:：][0-9０-９]{2}/;
const NOTICE_TITLE =
	/(?:启事|啟事|声明|聲明|公告|通告|布告|佈告|讣告|訃告|告示|敬告|鸣谢|鳴謝)$|遗失|遺失|作废|作廢|寻人|尋人/;
const PUZZLE_ANSWER = /答案[^。！？]{0,6}(?:见报|見報|揭晓|揭曉|公布)|谜底|謎底/;
const PUZZLE_WORD =
	/字谜|字謎|填字|谜语|謎語|灯谜|燈謎|数独|數獨|横向|橫向|纵向|縱向|横排|橫排|竖排|豎排/;
const WEATHER = /天气|天氣|气温|氣溫|℃|°C|风力|風力|降水概率|降水機率/;

/** A non-whitespace character count of text: the lossless check compares these. */
function countChars(counts: Map<number, number>, text: string | null, sign: 1 | -1): void {
	if (!text) return;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c <= 32 || c === 0x3000 || c === 0xa0 || c === 0xfeff) continue;
		if ((c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x1680) continue;
		if (c === 0x202f || c === 0x205f || c === 0x85) continue;
		counts.set(c, (counts.get(c) ?? 0) + sign);
	}
}

function hasByline(a: Article): boolean {
	return a.agency !== null || a.reporters.length > 0 || a.correspondents.length > 0;
}

/** The article's text fields in reading order, one entry per field line. */
function fieldLines(a: Article): string[] {
	const out: string[] = [];
	if (a.kicker) out.push(a.kicker);
	if (a.title) out.push(a.title);
	if (a.subtitle) out.push(a.subtitle);
	for (const p of a.paragraphs) out.push(p);
	for (const c of a.captions) out.push(c);
	for (const m of a.markers ?? []) out.push(m);
	return out;
}

function fieldLength(a: Article): number {
	let n = (a.kicker?.length ?? 0) + (a.title?.length ?? 0) + (a.subtitle?.length ?? 0);
	for (const p of a.paragraphs) n += p.length;
	for (const c of a.captions) n += c.length;
	return n;
}

/** No prose at all: no byline, no caption, no finished sentence anywhere, a short body. */
function isSlight(a: Article): boolean {
	if (hasByline(a) || a.captions.length > 0) return false;
	let body = 0;
	for (const p of a.paragraphs) {
		if (hasSentenceEnd(p)) return false;
		body += p.length;
	}
	if (a.kicker && hasSentenceEnd(a.kicker)) return false;
	if (a.subtitle && hasSentenceEnd(a.subtitle)) return false;
	return body <= MAX_SLIGHT_BODY;
}

/** Two or more numbers and mostly digits: a row of a stock, exchange-rate or results table. */
export function isNumericRow(line: string): boolean {
	let digits = 0;
	let other = 0;
	let numbers = 0;
	let inNumber = false;
	for (let i = 0; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (isDigit(c)) {
			digits++;
			if (!inNumber) numbers++;
			inNumber = true;
			continue;
		}
		// `.`, `%`, `+`, `-`, `,` and `:` belong to a number next to it
		const numeric =
			c === 46 || c === 37 || c === 43 || c === 45 || c === 44 || c === 58 || c === 0xff05;
		if (numeric) continue;
		inNumber = false;
		if (c > 32 && c !== 0x3000) other++;
	}
	return numbers >= 2 && digits >= other * 0.6;
}

/** A line mostly of Latin letters (a film's English title) — a listing when the rest is Chinese. */
function isLatinLine(line: string): boolean {
	let letters = 0;
	for (let i = 0; i < line.length; i++) if (isAsciiLetter(line.charCodeAt(i))) letters++;
	return letters >= 4 && letters * 10 >= line.length * 7;
}

function hasHan(line: string): boolean {
	for (let i = 0; i < line.length; i++) if (isHan(line.charCodeAt(i))) return true;
	return false;
}

function showTimes(line: string): number {
	SHOW_TIME.lastIndex = 0;
	let n = 0;
	while (SHOW_TIME.exec(line) !== null) n++;
	return n;
}

/**
 * A line of data — show times, a row of figures, a labelled phone or address — never a
 * kicker: above a title it ends the block before, it does not introduce the article.
 */
export function isDataLine(line: string): boolean {
	return (
		showTimes(line) >= 2 || TIME_FIRST.test(line) || CONTACT_LABEL.test(line) || isNumericRow(line)
	);
}

/**
 * What a group of lines is, or null when nothing says it is anything but text. `title` is the
 * first line when it is a heading (a notice is known by its title).
 */
export function blockKindOf(lines: readonly string[], title: string | null): BlockKind | null {
	const n = lines.length;
	if (n === 0) return null;
	let chars = 0;
	let sentences = 0;
	let numericRows = 0;
	let listing = 0;
	let programme = 0;
	let latin = 0;
	let han = 0;
	let weather = 0;
	let circled = 0;
	let puzzleAnswer = false;
	let puzzleWord = false;
	let phone = false;
	let address = false;
	let price = false;
	let invite = false;
	let labelled = false;
	for (const line of lines) {
		chars += line.length;
		if (hasSentenceEnd(line)) sentences++;
		if (isNumericRow(line)) numericRows++;
		if (LISTING.test(line)) listing++;
		if (showTimes(line) >= 2) listing++;
		if (TIME_FIRST.test(line)) programme++;
		if (isLatinLine(line)) latin++;
		else if (hasHan(line)) han++;
		if (WEATHER.test(line)) weather++;
		for (let i = 0; i < line.length; i++) {
			const c = line.charCodeAt(i);
			if (c >= 0x3280 && c <= 0x3289) circled++;
		}
		if (PUZZLE_ANSWER.test(line)) puzzleAnswer = true;
		if (line.length <= 20 && PUZZLE_WORD.test(line)) puzzleWord = true;
		if (PHONE.test(line)) phone = true;
		if (ADDRESS.test(line)) address = true;
		if (PRICE.test(line)) price = true;
		if (INVITE.test(line)) invite = true;
		if (CONTACT_LABEL.test(line)) labelled = true;
	}
	const prose = sentences * 3 > n;
	if (puzzleAnswer || circled >= 3 || (puzzleWord && !prose)) return 'puzzle';
	if (title !== null && NOTICE_TITLE.test(title) && chars <= MAX_NOTICE_CHARS) return 'notice';
	const adSignals = Number(phone) + Number(address) + Number(price) + Number(invite);
	// an ad may be written in sentences, but it labels its contact lines (`电话：`, `地址：`);
	// a news item that mentions a phone number and a price does not, and runs longer
	if (prose) return labelled && adSignals >= 3 && chars <= MAX_AD_CHARS ? 'ad' : null;
	if (latin > 0 && han > 0) listing++;
	if (programme >= 2) listing += 2;
	if (listing >= 2) return 'listing';
	if (weather >= 2 || (title !== null && WEATHER.test(title))) return 'other';
	if (n >= 3 && numericRows >= 3 && numericRows * 2 >= n) return 'table';
	if (adSignals >= 2) return 'ad';
	return null;
}

/**
 * A candidate on its own although it has some prose: a notice's title, a puzzle's answer line,
 * an ad that labels its contact lines, or a body of data with a sentence or two (a table's
 * note). A body mostly of sentences stays an article whatever a display line above it says.
 */
function standsAsBlock(a: Article): boolean {
	if (hasByline(a) || fieldLength(a) > MAX_BLOCK_CHARS) return false;
	const kind = blockKindOf(fieldLines(a), a.title || null);
	if (kind === null) return false;
	if (kind === 'puzzle' || kind === 'notice' || kind === 'ad') return true;
	let all = 0;
	let prose = 0;
	for (const p of a.paragraphs) {
		all += p.length;
		if (hasSentenceEnd(p)) prose += p.length;
	}
	return prose * 3 <= all;
}

interface SpanLine {
	line: number;
	text: string;
	heading: boolean;
}

/**
 * The page's source lines, found once and only when a run needs them, with a reading budget.
 * Line starts are offsets in a typed array, not a page's worth of strings: a big page's lines
 * allocated this late made the collector's work grow faster than the page.
 */
interface Source {
	input: string;
	/** Offset of each line's first character, and one past the end of the input last. */
	starts: Uint32Array | null;
	/** Source lines that may still be re-read: the page's length once, plus some slack. */
	budget: number;
}

const NOT_CANDIDATE = 0;
const CANDIDATE = 1;
/** An article whose span encloses the next, a block: a title of a heading stack given a far body. */
const ENCLOSING = 2;

/**
 * Removes non-article blocks from `articles` (in place) and returns them in page order. `input`
 * is the page text, read again only for the lines of candidate runs. Linear: each article is
 * looked at a bounded number of times, and the source lines re-read in all are capped at the
 * page's length.
 */
export function takeBlocks(articles: Article[], input: string): PageBlock[] {
	const n = articles.length;
	if (n === 0) return [];
	const slight = new Uint8Array(n);
	const role = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		const a = articles[i];
		slight[i] = isSlight(a) ? 1 : 0;
		if (slight[i] || standsAsBlock(a)) role[i] = CANDIDATE;
	}
	// stacked headings over one body: the body may have gone to the stack's top title, whose
	// span then encloses the stack; it joins the run if its own text turns out to be a block too
	for (let i = 0; i + 1 < n; i++) {
		const a = articles[i];
		if (role[i] !== NOT_CANDIDATE || role[i + 1] !== CANDIDATE || hasByline(a)) continue;
		if (a.lines[1] >= articles[i + 1].lines[1] && fieldLength(a) <= MAX_BLOCK_CHARS) {
			role[i] = ENCLOSING;
		}
	}
	const source: Source = { input, starts: null, budget: 0 };
	const blocks: PageBlock[] = [];
	const taken = new Uint8Array(n);
	const takeRun = (start: number, end: number, strict: boolean): boolean => {
		const found = blocksOfRun(articles, slight, start, end, source, strict);
		if (found === null) return false;
		for (const b of found) blocks.push(b);
		if (found.length > 0) taken.fill(1, start, end + 1);
		return true;
	};
	for (let start = 0; start < n;) {
		if (role[start] === NOT_CANDIDATE) {
			start++;
			continue;
		}
		let end = start;
		let enclosing = role[start] === ENCLOSING;
		while (end + 1 < n && role[end + 1] !== NOT_CANDIDATE) {
			end++;
			if (role[end] === ENCLOSING) enclosing = true;
		}
		// with an enclosing article the whole run must read as blocks line by line; otherwise
		// the enclosing articles stay and the candidates between them are judged on their own
		if (!enclosing || !takeRun(start, end, true)) {
			for (let from = start; from <= end;) {
				if (role[from] === ENCLOSING) {
					from++;
					continue;
				}
				let to = from;
				while (to + 1 <= end && role[to + 1] === CANDIDATE) to++;
				takeRun(from, to, false);
				from = to + 1;
			}
		}
		start = end + 1;
	}
	if (blocks.length === 0) return blocks;
	let kept = 0;
	for (let i = 0; i < n; i++) if (!taken[i]) articles[kept++] = articles[i];
	articles.length = kept;
	blocks.sort((a, b) => a.lines[0] - b.lines[0]);
	return blocks;
}

/**
 * The blocks of articles[start..end]; empty when the run is just text (one stray title). When
 * the source lines of the run's span hold exactly the run's characters, the span is split where
 * a heading follows body lines, each part is classified, and parts of one kind in a row (or
 * with no kind of their own) join into one block, its lines as written. Otherwise (a heading
 * stack paired with a body past the run, furniture inside it) the run is one block of its
 * fields. `strict`: null instead, and null too when a part of prose has no kind of its own.
 */
function blocksOfRun(
	articles: Article[],
	slight: Uint8Array,
	start: number,
	end: number,
	source: Source,
	strict: boolean
): PageBlock[] | null {
	const fields: string[] = [];
	let first = Infinity;
	let last = -Infinity;
	let strong = 0;
	for (let i = start; i <= end; i++) {
		const a = articles[i];
		for (const l of fieldLines(a)) fields.push(l);
		if (a.lines[0] < first) first = a.lines[0];
		if (a.lines[1] > last) last = a.lines[1];
		if (!slight[i]) strong++;
	}
	const count = end - start + 1;
	const runKind = blockKindOf(fields, articles[start].title || null);
	// a prose-free run is a block when it reads as one kind, or is a run of data lines (three
	// short items or more, with more lines than titles); one stray title stays an article
	const isBlock = runKind !== null || strong > 0 || (count >= 3 && fields.length * 2 >= count * 3);
	if (!isBlock) return strict ? null : [];
	const whole = (): PageBlock[] | null =>
		strict ? null : [{ kind: runKind ?? 'other', lines: [first, last], text: fields.join('\n') }];
	const input = source.input;
	source.starts ??= lineStarts(input);
	const starts = source.starts;
	const lineCount = starts.length - 1;
	if (source.budget === 0) source.budget = lineCount + 1000;
	const size = last - first + 1;
	if (!(size > 0) || size > source.budget || first < 1 || last > lineCount) return whole();
	source.budget -= size;
	const span: SpanLine[] = [];
	const counts = new Map<number, number>();
	for (let no = first; no <= last; no++) {
		const text = input.slice(starts[no - 1], lineEnd(input, starts[no])).trim();
		if (!text) continue;
		const heading = parseHeading(text);
		const shown = heading ? heading.title : text;
		if (!shown) continue;
		span.push({ line: no, text: shown, heading: heading !== null });
		countChars(counts, shown, 1);
	}
	for (const f of fields) countChars(counts, f, -1);
	for (const value of counts.values()) if (value !== 0) return whole();
	// parts: a heading after a body line opens the next part
	const parts: string[][] = [];
	const partLines: [number, number][] = [];
	const titled: boolean[] = [];
	for (let i = 0; i < span.length; i++) {
		if (i === 0 || (span[i].heading && !span[i - 1].heading)) {
			parts.push([]);
			partLines.push([span[i].line, span[i].line]);
			titled.push(span[i].heading);
		}
		parts[parts.length - 1].push(span[i].text);
		partLines[partLines.length - 1][1] = span[i].line;
	}
	const kinds: (BlockKind | null)[] = [];
	for (let p = 0; p < parts.length; p++) {
		const part = parts[p];
		const kind = blockKindOf(part, titled[p] ? part[0] : null);
		if (strict && kind === null && isProse(part)) return null;
		kinds.push(kind);
	}
	// a part with no kind of its own belongs with the one before it (or after, at the start)
	let carry: BlockKind | null = null;
	for (let i = 0; i < kinds.length; i++) carry = kinds[i] ??= carry;
	carry = null;
	for (let i = kinds.length - 1; i >= 0; i--) carry = kinds[i] ??= carry;
	const blocks: PageBlock[] = [];
	for (let i = 0; i < parts.length; i++) {
		const kind = kinds[i] ?? runKind ?? 'other';
		const previous = blocks[blocks.length - 1];
		const text = parts[i].join('\n');
		if (previous && previous.kind === kind) {
			previous.text += '\n' + text;
			previous.lines[1] = partLines[i][1];
		} else {
			blocks.push({ kind, lines: partLines[i], text });
		}
	}
	return blocks;
}

/** Where each line starts (lines end at \r\n, \r or \n), plus the input's length. */
function lineStarts(input: string): Uint32Array {
	let count = 1;
	for (let i = 0; i < input.length; i++) {
		const c = input.charCodeAt(i);
		if (c === 10 || (c === 13 && input.charCodeAt(i + 1) !== 10)) count++;
	}
	const starts = new Uint32Array(count + 1);
	let line = 1;
	for (let i = 0; i < input.length; i++) {
		const c = input.charCodeAt(i);
		if (c === 10 || (c === 13 && input.charCodeAt(i + 1) !== 10)) starts[line++] = i + 1;
	}
	starts[count] = input.length + 1;
	return starts;
}

/** Where a line ends (before its \n, \r or \r\n), given where the next one starts. */
function lineEnd(input: string, nextStart: number): number {
	const end = nextStart - 1;
	return input.charCodeAt(end) === 10 && input.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

function isProse(lines: readonly string[]): boolean {
	let sentences = 0;
	for (const line of lines) if (hasSentenceEnd(line)) sentences++;
	return sentences > 0;
}
