/** The page parser: extracted text of one newspaper page in, structured articles out. */

import {
	findFirstDate,
	parseBylineLine,
	parseClosingCredit,
	parseInlineByline,
	startsWithDispatch,
	type Byline
} from './byline';
import {
	isCaption,
	isCreditOnly,
	isEditorsFooter,
	isPageHeader,
	isPaperName,
	mergeSidecar,
	parsePageHeader
} from './furniture';
import { isColumnLabel, isTitleLike, parseHeading, startsWithDash } from './headings';
import { isDataLine, takeBlocks } from './blocks';
import { deriveMissingMeta } from './derive-meta';
import { assignArticleIds, documentIdFromFileName } from './ids';
import { splitMarkers, type ContinuationMarker } from './markers';
import { pairBodies, TITLE_COVERAGE_CHARS, titleCoverage } from './pairing';
import { buildParagraphs, type BodyItem, type Paragraph } from './paragraphs';
import {
	endsSentence,
	hasSentenceEnd,
	splitNonBlankLines,
	startsWithEnumerator,
	startsWithNonInitial,
	type SourceLine
} from './text';
import type {
	Article,
	Diagnostic,
	DiagnosticLevel,
	PageMeta,
	ParsedDocument,
	SidecarMeta
} from './types';

/** Bump whenever the output for some input changes: readers use it to invalidate caches. */
export const PARSER_VERSION = 12;

const MAX_DIAGNOSTICS = 200;

// Regexes live at module level: a literal inside a function is a new object on every call.
const RULE = /^[-*_=—─━~·• \t\u3000]+$/;
const BULLET_START = /^[·•]/;
const SPACED = /[ \u3000]/;
const CLAUSE_MARK = /[，,、]/;

class DiagnosticLog {
	readonly list: Diagnostic[] = [];
	private dropped = 0;
	add(level: DiagnosticLevel, message: string, line: number | null = null): void {
		if (this.list.length < MAX_DIAGNOSTICS) this.list.push({ level, message, line });
		else this.dropped++;
	}
	finish(): Diagnostic[] {
		if (this.dropped > 0) {
			this.list.push({
				level: 'info',
				message: `${this.dropped} more diagnostics were left out.`,
				line: null
			});
		}
		return this.list;
	}
}

type FlowItem =
	| { kind: 'heading'; line: number; level: number; title: string }
	| SourceLine
	| { kind: 'byline'; line: number; text: string; byline: Byline }
	| { kind: 'marker'; line: number; marker: ContinuationMarker };

interface TitleBlock {
	/** Markdown heading level; 0 for a title inferred without a heading. */
	level: number;
	title: string;
	kicker: string | null;
	subtitle: string | null;
	lines: number[];
}

interface Draft {
	titleBlock: TitleBlock | null;
	paragraphs: Paragraph[];
	/** Markers not inside any paragraph (on their own line before/after the body). */
	markers: ContinuationMarker[];
	markerLines: number[];
	captions: string[];
}

interface Caption {
	text: string;
	line: number;
}

const CLAIM_KICKER = 1;
const CLAIM_SUBTITLE = 2;
const CLAIM_LABEL = 3;

/**
 * Parses one page. Never throws: whatever the input, the result is a document, perhaps with no
 * articles, and diagnostics saying what was odd. Time is linear in the input's size.
 */
export function parsePage(
	text: string,
	source: string,
	sidecar?: SidecarMeta | null
): ParsedDocument {
	const name = typeof source === 'string' ? source : String(source ?? '');
	try {
		return parseChecked(text, name, sidecar);
	} catch (error) {
		// a bug must not cost the reader the page: keep the text, say what happened
		const input = typeof text === 'string' ? text : '';
		return {
			id: documentIdFromFileName(name),
			source: name,
			page: {
				header: null,
				footer: null,
				paper: null,
				date: null,
				pageNumber: null,
				pageName: null
			},
			articles: [],
			blocks: [],
			diagnostics: [{ level: 'error', message: `The parser failed: ${String(error)}`, line: null }],
			furniture: input.trim() ? [input] : [],
			parserVersion: PARSER_VERSION
		};
	}
}

function parseChecked(
	text: string,
	source: string,
	sidecar: SidecarMeta | null | undefined
): ParsedDocument {
	const log = new DiagnosticLog();
	const input = typeof text === 'string' ? text : '';
	const page: PageMeta = {
		header: null,
		footer: null,
		paper: null,
		date: null,
		pageNumber: null,
		pageName: null
	};
	const furniture: string[] = [];
	inspectCharacters(input, log);

	// 1. classify lines; furniture leaves the flow so it cannot split a paragraph
	const lines = splitNonBlankLines(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
	if (lines.length === 0) log.add('info', 'The page is empty.');
	const flow: FlowItem[] = [];
	const captions: Caption[] = [];
	const footers: string[] = [];
	let lastCaptionIndex = -2;
	const headerParts: string[] = [];
	let headerIndex = -2;
	for (let index = 0; index < lines.length; index++) {
		const source = lines[index];
		const { line: no, text: line, indented, afterBlank } = source;
		const heading = parseHeading(line);
		// a page header is furniture even when the extractor marked it as a heading
		const headerText = heading ? heading.title : line;
		// the masthead may stand on its own line next to the date line, before any text
		const masthead = !heading && flow.length === 0 && isPaperName(line);
		if (masthead || isPageHeader(headerText)) {
			if (headerParts.length === 0 || headerIndex === index - 1) {
				headerParts.push(headerText);
				headerIndex = index;
			} else {
				furniture.push(headerText);
				log.add('info', 'A second page-header line was kept as furniture.', no);
			}
			continue;
		}
		if (heading) {
			const previous = flow[flow.length - 1];
			const headingByline = heading.title ? parseBylineLine(heading.title) : null;
			if (!heading.title) {
				log.add('info', 'An empty heading was ignored.', no);
			} else if (headingByline) {
				flow.push({ kind: 'byline', line: no, text: heading.title, byline: headingByline });
			} else if (
				previous !== undefined &&
				previous.kind !== 'heading' &&
				startsWithEnumerator(heading.title)
			) {
				// `### 一、坚持问题导向` inside a body is a numbered subhead, not a new title
				flow.push({
					kind: 'text',
					line: no,
					text: heading.title,
					whole: true,
					indented: false,
					afterBlank: true
				});
			} else {
				flow.push({ kind: 'heading', line: no, level: heading.level, title: heading.title });
			}
			continue;
		}
		if (isRule(line)) {
			furniture.push(line);
			// setext heading: `标题` underlined by `===` or `---` on the very next line
			const underlined = flow[flow.length - 1];
			if (
				/^(?:=+|-+)$/.test(line) &&
				!afterBlank &&
				underlined?.kind === 'text' &&
				underlined.whole &&
				underlined.line === lines[index - 1]?.line &&
				isTitleLike(underlined.text)
			) {
				flow[flow.length - 1] = {
					kind: 'heading',
					line: underlined.line,
					level: line[0] === '=' ? 1 : 2,
					title: underlined.text
				};
			}
			continue;
		}
		if (isEditorsFooter(line)) {
			footers.push(line);
			continue;
		}
		if (isCaption(line)) {
			const previous = captions[captions.length - 1];
			if (
				lastCaptionIndex === index - 1 &&
				isCreditOnly(line) &&
				!/摄[\s\u3000)）]*$/.test(previous.text)
			) {
				previous.text += ' ' + line;
			} else {
				captions.push({ text: line, line: no });
			}
			lastCaptionIndex = index;
			continue;
		}
		const byline = parseBylineLine(line);
		if (byline) {
			flow.push({ kind: 'byline', line: no, text: line, byline });
			continue;
		}
		if (line.indexOf('版') < 0) {
			// no continuation marker possible: the common case, without the pieces array
			flow.push(source);
			continue;
		}
		const pieces = splitMarkers(line);
		for (let p = 0; p < pieces.length; p++) {
			const piece = pieces[p];
			if (piece.kind === 'text') {
				flow.push({
					kind: 'text',
					line: no,
					text: piece.text,
					whole: pieces.length === 1,
					indented: p === 0 && indented,
					afterBlank: p === 0 && afterBlank
				});
			} else {
				flow.push({ kind: 'marker', line: no, marker: piece.marker });
			}
		}
	}
	if (footers.length > 0) page.footer = footers.join(' ');
	if (headerParts.length > 0) {
		page.header = headerParts.join(' ');
		Object.assign(page, parsePageHeader(page.header));
	}

	if (!flow.some((item) => item.kind === 'heading')) inferTitles(flow, log);

	// the line records are done with: let a big page's copies go before building articles
	const lineCount = lines.length;
	lines.length = 0;

	// 2. kickers above titles, subtitles below them
	const claims = claimKickersAndSubtitles(flow);

	// 3. titles in blocks, bodies between them
	const drafts: Draft[] = [];
	let pendingTitles: TitleBlock[] = [];
	let carried: ContinuationMarker[] = [];
	let carriedLines: number[] = [];
	let headingCount = 0;
	let bodyItems: BodyItem[] = [];
	let currentBlock: TitleBlock | null = null;

	const flushBody = () => {
		if (bodyItems.length === 0) return;
		const body = buildParagraphs(bodyItems);
		bodyItems = [];
		let titles = pendingTitles;
		if (titles.length > 1) {
			let openings = 1;
			for (let p = 1; p < body.paragraphs.length; p++) if (body.paragraphs[p].strong) openings++;
			titles = foldDisplayHeadings(titles, openings, body.paragraphs[0]?.text ?? '');
		}
		pendingTitles = [];
		const n = body.paragraphs.length;
		const groups =
			titles.length === 0
				? untitledGroups(body.paragraphs)
				: titles.length === 1
					? n > 0
						? [{ start: 0, end: n, title: 0 }]
						: []
					: pairBodies(
							titles.map((t) => ({
								title: t.title,
								extra: [t.kicker ?? '', t.subtitle ?? ''].join(' ')
							})),
							body.paragraphs.map((p) => p.text),
							body.paragraphs.map((p) => p.strong)
						);
		if (titles.length > 1 && groups.length > 0) {
			log.add(
				'info',
				`${titles.length} stacked titles were paired with ${groups.length} bodies by content.`,
				titles[0].lines[0]
			);
		}
		const used = new Set<number>();
		const startIndex = drafts.length;
		for (const group of groups) {
			const titleBlock = titles.length === 0 ? null : titles[group.title];
			if (titles.length > 0) used.add(group.title);
			// a jump marker inside a body ends one article: text after `(下转…)`, or text
			// opening with `(上接…)`, is another article whose title is not on this page
			let start = group.start;
			for (let p = group.start + 1; p <= group.end; p++) {
				if (p < group.end && !jumpsBetween(body.paragraphs[p - 1], body.paragraphs[p])) continue;
				drafts.push({
					titleBlock: start === group.start ? titleBlock : null,
					paragraphs: body.paragraphs.slice(start, p),
					markers: [],
					markerLines: [],
					captions: []
				});
				if (p < group.end) {
					log.add(
						'info',
						'Text after a continuation marker was kept as an untitled article.',
						body.paragraphs[p].first
					);
				}
				start = p;
			}
		}
		for (let t = 0; t < titles.length; t++) {
			if (used.has(t)) continue;
			drafts.push(emptyDraft(titles[t]));
			log.add('warning', `The title "${titles[t].title}" has no body.`, titles[t].lines[0]);
		}
		if (drafts.length === startIndex) {
			// markers only: nothing to attach them to yet
			append(carried, body.leading);
			append(carriedLines, body.leadingLines);
		} else {
			const first = drafts[startIndex];
			first.markers = [...carried, ...body.leading, ...first.markers];
			append(first.markerLines, carriedLines);
			append(first.markerLines, body.leadingLines);
			carried = [];
			carriedLines = [];
		}
		append(carried, body.trailing);
		append(carriedLines, body.trailingLines);
	};
	const flushTitlesWithoutBody = () => {
		for (const t of pendingTitles) {
			const draft = emptyDraft(t);
			append(draft.markers, carried);
			append(draft.markerLines, carriedLines);
			carried = [];
			carriedLines = [];
			drafts.push(draft);
			log.add('warning', `The title "${t.title}" has no body.`, t.lines[0]);
		}
		pendingTitles = [];
	};

	let previousWasTitle = false;
	for (let i = 0; i < flow.length; i++) {
		const item = flow[i];
		if (claims.of[i] !== 0) continue;
		if (item.kind === 'heading') {
			headingCount++;
			if (!previousWasTitle) {
				flushBody();
				flushTitlesWithoutBody();
			}
			currentBlock = {
				level: item.level,
				title: item.title,
				kicker: null,
				subtitle: null,
				lines: [item.line]
			};
			const kicker = claims.kickerOf.get(i);
			if (kicker !== undefined) {
				const k = flow[kicker];
				currentBlock.kicker = k.kind === 'heading' ? k.title : (k as { text: string }).text;
				currentBlock.lines.push(k.line);
			}
			const subtitle = claims.subtitleOf.get(i);
			if (subtitle !== undefined) {
				const s = flow[subtitle] as { text: string; line: number };
				currentBlock.subtitle = s.text;
				currentBlock.lines.push(s.line);
			}
			pendingTitles.push(currentBlock);
			previousWasTitle = true;
			continue;
		}
		previousWasTitle = false;
		bodyItems.push(item);
	}
	flushBody();
	flushTitlesWithoutBody();
	if (carried.length > 0) {
		const last = drafts[drafts.length - 1];
		if (last) {
			append(last.markers, carried);
			append(last.markerLines, carriedLines);
		} else {
			for (const m of carried) furniture.push(m.raw);
		}
		log.add('warning', 'A continuation marker has no article after it.', carriedLines[0] ?? null);
	}
	if (headingCount === 0 && lineCount > 0) {
		log.add(
			'warning',
			'No titles (markdown headings) found; the text is kept as untitled articles.'
		);
	}

	flow.length = 0;

	// 4. captions go to the nearest article
	attachCaptions(captions, drafts, furniture, log);

	// 5. articles
	const articles: Article[] = [];
	const idKeys: string[] = [];
	for (const draft of drafts) {
		const a = toArticle(draft);
		articles.push(a);
		idKeys.push(a.title || a.paragraphs[0]?.slice(0, 64) || a.captions[0] || '');
	}
	const ids = assignArticleIds(idKeys);
	for (let i = 0; i < articles.length; i++) articles[i].id = ids[i];
	const blocks = takeBlocks(articles, input);
	if (blocks.length > 0) log.add('info', `${blocks.length} non-article blocks were kept apart.`);
	for (const a of articles) {
		if (a.continued && a.continuedTo === null && a !== articles[articles.length - 1]) {
			log.add('info', `"${a.title}" breaks off mid-sentence.`, a.lines[1]);
		}
	}

	for (const note of mergeSidecar(page, sidecar)) log.add('warning', note);

	const doc: ParsedDocument = {
		id: documentIdFromFileName(source),
		source,
		page,
		articles,
		blocks,
		diagnostics: log.finish(),
		parserVersion: PARSER_VERSION
	};
	if (furniture.length > 0) doc.furniture = furniture;
	return deriveMissingMeta(doc);
}

/**
 * Some extractors mark kicker and subtitle as headings too: `## 引题` / `# 主题` / `## ——副题`.
 * When a block has more titles than its body has openings (dispatch lines, bylines), a heading
 * opening with a dash becomes the subtitle of the one above, and a heading less prominent than
 * its neighbour (a higher level) becomes that neighbour's kicker (above) or subtitle (below).
 * Linear: one pass for each rule, no splicing, no string rebuilt per step.
 */
function foldDisplayHeadings(titles: TitleBlock[], openings: number, lead: string): TitleBlock[] {
	if (titles.length <= openings) return titles;
	return joinWrappedTitles(foldKickersAndSubtitles(titles, openings), openings, lead);
}

/**
 * Folds the first foldable heading, again and again, until the titles fit the openings. A fold
 * leaves every heading before it unfoldable (it only fills a neighbour's kicker or subtitle
 * slot), so one left-to-right pass finds the same folds in the same order as rescanning.
 */
function foldKickersAndSubtitles(titles: TitleBlock[], openings: number): TitleBlock[] {
	const out: TitleBlock[] = [];
	let count = titles.length;
	for (let i = 0; i < titles.length; i++) {
		const t = titles[i];
		const prev = out[out.length - 1];
		const next = titles[i + 1];
		if (count > openings && t.kicker === null && t.subtitle === null) {
			if (prev && prev.subtitle === null && startsWithDash(t.title)) {
				prev.subtitle = t.title;
				append(prev.lines, t.lines);
				count--;
				continue;
			}
			if (next && next.kicker === null && t.level > next.level) {
				next.kicker = t.title;
				append(next.lines, t.lines);
				count--;
				continue;
			}
			if (prev && prev.subtitle === null && t.level > prev.level) {
				prev.subtitle = t.title;
				append(prev.lines, t.lines);
				count--;
				continue;
			}
		}
		out.push(t);
	}
	return out;
}

/**
 * A long title wrapped onto two heading lines: both halves are named in the one lead. Walks up
 * from the bottom; a run of halves is joined once, when it ends, and only its first
 * TITLE_COVERAGE_CHARS characters are kept for the coverage test.
 */
function joinWrappedTitles(titles: TitleBlock[], openings: number, lead: string): TitleBlock[] {
	if (titles.length <= openings) return titles;
	const opening = lead.slice(0, 1000);
	const kept: TitleBlock[] = [];
	// the run being joined, bottom half first
	let run: TitleBlock[] = [titles[titles.length - 1]];
	let runHead = run[0].title.slice(0, TITLE_COVERAGE_CHARS);
	let count = titles.length;
	let i = titles.length - 1;
	for (; i > 0 && count > openings; i--) {
		const upper = titles[i - 1];
		const lower = run[run.length - 1];
		const joinable =
			upper.level === lower.level &&
			upper.subtitle === null &&
			lower.kicker === null &&
			titleCoverage(upper.title, opening) >= 0.1 &&
			titleCoverage(runHead, opening) >= 0.1;
		if (joinable) {
			run.push(upper);
			runHead = `${upper.title.slice(0, TITLE_COVERAGE_CHARS)} ${runHead}`.slice(
				0,
				TITLE_COVERAGE_CHARS
			);
			count--;
		} else {
			kept.push(joinRun(run));
			run = [upper];
			runHead = upper.title.slice(0, TITLE_COVERAGE_CHARS);
		}
	}
	kept.push(joinRun(run));
	for (i--; i >= 0; i--) kept.push(titles[i]);
	return kept.reverse();
}

/** One title from a run of wrapped halves (bottom first): the top's kicker, the bottom's subtitle. */
function joinRun(run: TitleBlock[]): TitleBlock {
	if (run.length === 1) return run[0];
	const top = run[run.length - 1];
	const parts: string[] = [];
	const lines: number[] = [];
	for (let r = run.length - 1; r >= 0; r--) {
		parts.push(run[r].title);
		append(lines, run[r].lines);
	}
	top.title = parts.join(' ');
	top.subtitle = run[0].subtitle;
	top.lines = lines;
	return top;
}

/**
 * Pages without markdown headings: a title-like line standing right before a dispatch line or
 * a byline line (after a finished sentence or at the top) is taken as that article's title.
 */
function inferTitles(flow: FlowItem[], log: DiagnosticLog): void {
	let inferred = 0;
	for (let i = 0; i + 1 < flow.length; i++) {
		const item = flow[i];
		if (item.kind !== 'text' || !item.whole || !isTitleLike(item.text)) continue;
		const next = flow[i + 1];
		const opensBody =
			next.kind === 'byline' || (next.kind === 'text' && startsWithDispatch(next.text));
		if (!opensBody) continue;
		const before = flow[i - 1];
		if (before !== undefined && before.kind === 'text' && !endsSentence(before.text, item.text)) {
			continue;
		}
		flow[i] = { kind: 'heading', line: item.line, level: 0, title: item.text };
		inferred++;
	}
	if (inferred > 0) {
		log.add('info', `No markdown headings; ${inferred} titles were inferred from the layout.`);
	}
}

/** A separator line (`---`, `* * *`, `———`): layout, not text. */
function isRule(line: string): boolean {
	return line.length >= 3 && line.length <= 200 && RULE.test(line) && !BULLET_START.test(line);
}

/** Whether a continuation marker separates two consecutive paragraphs. */
function jumpsBetween(before: Paragraph, after: Paragraph): boolean {
	for (const m of before.markers) if (m.direction === 'to') return true;
	for (const m of after.markers) if (m.direction === 'from') return true;
	return false;
}

/** Pushes every item without spreading: a hostile page can have a million markers. */
function append<T>(target: T[], items: readonly T[]): void {
	for (const item of items) target.push(item);
}

/** [min, max] without spreading (a body may have a million lines). */
function span(numbers: number[]): [number, number] {
	if (numbers.length === 0) return [0, 0];
	let min = numbers[0];
	let max = numbers[0];
	for (const n of numbers) {
		if (n < min) min = n;
		if (n > max) max = n;
	}
	return [min, max];
}

function emptyDraft(titleBlock: TitleBlock): Draft {
	return { titleBlock, paragraphs: [], markers: [], markerLines: [], captions: [] };
}

/** Text before the first title: one untitled article per body that opens with a byline. */
function untitledGroups(paragraphs: Paragraph[]) {
	const groups: { start: number; end: number; title: number }[] = [];
	for (let p = 0; p < paragraphs.length; p++) {
		if (p === 0 || paragraphs[p].strong) groups.push({ start: p, end: p + 1, title: 0 });
		else groups[groups.length - 1].end = p + 1;
	}
	return groups;
}

interface Claims {
	/** Per flow item: 0, or what the item was claimed as. */
	of: Uint8Array;
	kickerOf: Map<number, number>;
	subtitleOf: Map<number, number>;
}

/**
 * A kicker is a title-like line directly above a title, not the tail of an unfinished sentence;
 * a subtitle is one directly below. A line between two stacked titles is the second's kicker
 * unless it opens with a dash (`——记…`), the mark of a subtitle.
 */
function claimKickersAndSubtitles(flow: FlowItem[]): Claims {
	const claims: Claims = {
		of: new Uint8Array(flow.length),
		kickerOf: new Map(),
		subtitleOf: new Map()
	};
	const claimed = claims.of;
	const candidate = (i: number): string | null => {
		const item = flow[i];
		if (item === undefined || item.kind !== 'text' || !item.whole || claimed[i] !== 0) {
			return null;
		}
		return item.text;
	};
	for (let i = 0; i < flow.length; i++) {
		const item = flow[i];
		if (item.kind !== 'heading') continue;
		// kicker
		const above = candidate(i - 1);
		if (above !== null && isTitleLike(above) && !isDataLine(above)) {
			const before = flow[i - 2];
			let ok: boolean;
			if (before === undefined || claimed[i - 2] !== 0) ok = true;
			else if (before.kind === 'heading') ok = !startsWithDash(above);
			else if (before.kind === 'text') ok = endsSentence(before.text, above);
			else ok = true;
			if (ok) {
				claimed[i - 1] = CLAIM_KICKER;
				claims.kickerOf.set(i, i - 1);
			}
		} else if (
			flow[i - 1]?.kind === 'heading' &&
			claimed[i - 1] === 0 &&
			isColumnLabel((flow[i - 1] as { title: string }).title)
		) {
			claimed[i - 1] = CLAIM_LABEL;
			claims.kickerOf.set(i, i - 1);
		}
		// subtitle
		const below = candidate(i + 1);
		if (below === null) continue;
		const dashed = startsWithDash(below) && below.length <= 60 && !hasSentenceEnd(below);
		if (!dashed && !isTitleLike(below)) continue;
		const after = flow[i + 2];
		let ok = dashed || (after !== undefined && after.kind !== 'heading');
		// a short line may also be the lead's first words cut by a column break: without a
		// dash it is a subtitle only when the body visibly starts after it, or when it is a
		// spaced display line (`蓝某主持 李某出席`) that the next line does not continue
		if (ok && !dashed && after.kind === 'text' && !startsWithDispatch(after.text)) {
			ok = SPACED.test(below) && !CLAUSE_MARK.test(below) && !startsWithNonInitial(after.text);
		}
		if (ok) {
			claimed[i + 1] = CLAIM_SUBTITLE;
			claims.subtitleOf.set(i, i + 1);
		}
	}
	return claims;
}

function attachCaptions(
	captions: Caption[],
	drafts: Draft[],
	furniture: string[],
	log: DiagnosticLog
): void {
	if (captions.length === 0) return;
	if (drafts.length === 0) {
		for (const c of captions) furniture.push(c.text);
		log.add('warning', 'Photo captions were found but no article to attach them to.');
		return;
	}
	// body ranges do not overlap (stacked titles do), so search by body
	const ranges = drafts
		.map((d, index) => {
			const lines = d.paragraphs.length
				? [d.paragraphs[0].first, d.paragraphs[d.paragraphs.length - 1].last]
				: span(d.titleBlock?.lines ?? []);
			return { first: lines[0], last: lines[1], index };
		})
		.sort((a, b) => a.first - b.first || a.index - b.index);
	for (const caption of captions) {
		let lo = 0;
		let hi = ranges.length - 1;
		let at = -1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if (ranges[mid].first <= caption.line) {
				at = mid;
				lo = mid + 1;
			} else hi = mid - 1;
		}
		let target: number;
		if (at < 0) target = ranges[0].index;
		else if (caption.line <= ranges[at].last || at === ranges.length - 1) target = ranges[at].index;
		else {
			const before = caption.line - ranges[at].last;
			const after = ranges[at + 1].first - caption.line;
			target = after < before ? ranges[at + 1].index : ranges[at].index;
		}
		drafts[target].captions.push(caption.text);
	}
}

function toArticle(draft: Draft): Article {
	// plain loops, no closures: this runs once per article
	const paragraphs: string[] = [];
	const markers: ContinuationMarker[] = draft.markers.slice();
	const lineNumbers: number[] = draft.markerLines.slice();
	if (draft.titleBlock) append(lineNumbers, draft.titleBlock.lines);
	for (const p of draft.paragraphs) {
		paragraphs.push(p.text);
		lineNumbers.push(p.first, p.last);
		if (p.markers.length > 0) {
			append(markers, p.markers);
			append(lineNumbers, p.markerLines);
		}
	}
	const [first, last] = span(lineNumbers);
	let from: ContinuationMarker | null = null;
	let to: ContinuationMarker | null = null;
	const raw: string[] = [];
	for (const m of markers) {
		if (m.direction === 'from') from ??= m;
		else to = m;
		raw.push(m.raw);
	}

	let agency: string | null = null;
	let reporters: string[] = [];
	let correspondents: string[] = [];
	let dateline: string | null = null;
	if (draft.paragraphs.length > 0) {
		const first = draft.paragraphs[0];
		let byline: Byline | null = first.bylineLine;
		let lead: string | null = null;
		if (byline) {
			lead = paragraphs[1] ?? null;
		} else {
			byline = parseInlineByline(paragraphs[0]);
			lead = byline ? paragraphs[0].slice(byline.leadOffset) : from ? null : paragraphs[0];
			// no opening byline: some papers credit the reporters at the end instead
			if (!byline && paragraphs.length > 1) {
				const closing = parseClosingCredit(paragraphs[paragraphs.length - 1]);
				if (closing) {
					reporters = closing.reporters;
					correspondents = closing.correspondents;
				}
			}
		}
		if (byline) {
			agency = byline.agency;
			reporters = byline.reporters;
			correspondents = byline.correspondents;
		}
		dateline = byline?.dispatchDate ?? (lead === null ? null : findFirstDate(lead));
	}
	const lastText = paragraphs[paragraphs.length - 1];
	const breaksOff =
		lastText !== undefined &&
		!draft.paragraphs[draft.paragraphs.length - 1].bylineLine &&
		!endsSentence(lastText);
	const article: Article = {
		id: '',
		kicker: draft.titleBlock?.kicker ?? null,
		title: draft.titleBlock?.title ?? '',
		subtitle: draft.titleBlock?.subtitle ?? null,
		agency,
		reporters,
		correspondents,
		dateline,
		paragraphs,
		captions: draft.captions,
		continued: to !== null || breaksOff,
		continuedFrom: from?.page ?? null,
		continuedTo: to?.page ?? null,
		lines: [first, last],
		markers: raw
	};
	return article;
}

/** `String.prototype.isWellFormed` (ES2024) where the engine has it; a regex otherwise. */
function isWellFormed(text: string): boolean {
	const native = (text as unknown as { isWellFormed?: () => boolean }).isWellFormed;
	if (typeof native === 'function') return native.call(text);
	return !/[\ud800-\udbff](?![\udc00-\udfff])|(?:[^\ud800-\udbff]|^)[\udc00-\udfff]/.test(text);
}

/** A C0 control character other than tab, LF and CR among the first `limit` characters. */
function hasControlCharacter(text: string, limit: number): boolean {
	const end = Math.min(text.length, limit);
	for (let i = 0; i < end; i++) {
		const c = text.charCodeAt(i);
		if (c < 32 && c !== 9 && c !== 10 && c !== 13) return true;
	}
	return false;
}

/** Flags binary-looking input and unpaired surrogates; one linear pass. */
function inspectCharacters(text: string, log: DiagnosticLog): void {
	// binary shows at once, so control characters are counted in the first 64 KB only;
	// replacement characters and lone surrogates anywhere, by fast native searches first
	const suspicious =
		hasControlCharacter(text, 65536) || text.indexOf('\ufffd') >= 0 || !isWellFormed(text);
	if (!suspicious) return;
	let control = 0;
	let replacement = 0;
	let lone = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 32) {
			if (i < 65536 && c !== 9 && c !== 10 && c !== 13) control++;
		} else if (c === 0xfffd) replacement++;
		else if (c >= 0xd800 && c <= 0xdfff) {
			const next = text.charCodeAt(i + 1);
			if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
			else lone++;
		}
	}
	if (control > 0 && control * 100 > Math.min(text.length, 65536)) {
		log.add('warning', `The text looks binary: ${control} control characters.`);
	}
	if (replacement > 0) {
		log.add('warning', `${replacement} characters could not be decoded (U+FFFD).`);
	}
	if (lone > 0) log.add('warning', `${lone} unpaired surrogate code units in the text.`);
}
