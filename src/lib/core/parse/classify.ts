/**
 * Stage: classify lines — each non-blank line becomes a heading, a byline, text, continuation
 * markers, or leaves the flow as page furniture (header, footer, rule, caption), so furniture
 * cannot split a paragraph.
 */

import { looksLikeBylineLine, parseBylineLine, startsWithDispatch } from './byline';
import { takeCitation, type Citation } from './citation';
import type { DiagnosticLog } from './diagnostics';
import { isCaption, isCreditOnly, isEditorsFooter, isPageHeader, isPaperName } from './furniture';
import type { Caption, FlowItem } from './flow';
import { isTitleLike, parseHeading } from './headings';
import { isBoxLabel } from './labels';
import { mayHoldMarker, splitMarkers } from './markers';
import { startsWithEnumerator, type SourceLine } from './text';

export interface ClassifiedLines {
	flow: FlowItem[];
	captions: Caption[];
	/** The page-header lines (consecutive, at most one run). */
	headerParts: string[];
	/** Editors' footer lines. */
	footers: string[];
	/** Lines that belong to nothing: rules, a second header. */
	furniture: string[];
	/** Citation lines (`《某某日报》（2025年03月01日第 01 版）`), cut out of the lines they were on. */
	citations: Citation[];
}

// Regexes live at module level: a literal inside a function is a new object on every call.
const RULE = /^[-*_=—─━~·• \t\u3000]+$/;
const BULLET_START = /^[·•]/;
const SETEXT_UNDERLINE = /^(?:=+|-+)$/;
const IMAGE = /^!\[[^\]]*\]\([^)]*\)$/;
const MAX_PHOTO_LINE_CHARS = 40;
const ENDS_WITH_PHOTO_CREDIT = /摄[\s\u3000)）]*$/;

export function classifyLines(lines: SourceLine[], log: DiagnosticLog): ClassifiedLines {
	const flow: FlowItem[] = [];
	const captions: Caption[] = [];
	const footers: string[] = [];
	const furniture: string[] = [];
	const headerParts: string[] = [];
	let lastCaptionIndex = -2;
	let imageIndex = -2;
	let headerIndex = -2;
	const citations: Citation[] = [];
	for (let index = 0; index < lines.length; index++) {
		const source = takeCitation(lines[index], citations);
		if (source === null) continue;
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
		if (
			imageIndex === index - 1 &&
			isPhotoLine(heading ? heading.title : line, heading ? lines[index + 1] : undefined)
		) {
			// a photo's headline or caption directly under the image, even when marked `#`
			captions.push({ text: heading ? heading.title : line, line: no });
			lastCaptionIndex = index;
			continue;
		}
		if (heading) {
			const previous = flow[flow.length - 1];
			if (heading.title) log.stats.headings++;
			const headingByline = heading.title ? parseBylineLine(heading.title) : null;
			if (!heading.title) {
				log.add('info', 'An empty heading was ignored.', no);
			} else if (headingByline) {
				flow.push({ kind: 'byline', line: no, text: heading.title, byline: headingByline });
			} else if (isBoxLabel(heading.title)) {
				// `## 核心阅读` labels a box inside the article
				flow.push(headingAsText(no, heading.title));
			} else if (
				previous !== undefined &&
				previous.kind !== 'heading' &&
				startsWithEnumerator(heading.title)
			) {
				// `### 一、坚持问题导向` inside a body is a numbered subhead, not a new title
				log.stats.subheads++;
				flow.push({ ...headingAsText(no, heading.title), subhead: true });
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
				SETEXT_UNDERLINE.test(line) &&
				!afterBlank &&
				underlined?.kind === 'text' &&
				underlined.whole &&
				underlined.line === lines[index - 1]?.line &&
				isTitleLike(underlined.text)
			) {
				log.stats.headings++;
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
				!ENDS_WITH_PHOTO_CREDIT.test(previous.text)
			) {
				previous.text += ' ' + line;
			} else {
				captions.push({ text: line, line: no });
			}
			lastCaptionIndex = index;
			if (IMAGE.test(line)) imageIndex = index;
			continue;
		}
		const byline = parseBylineLine(line);
		if (byline) {
			flow.push({ kind: 'byline', line: no, text: line, byline });
			continue;
		}
		if (!mayHoldMarker(line)) {
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
	return { flow, captions, headerParts, footers, furniture, citations };
}

/**
 * The line under an image is the photo's headline or caption when it is a display line (no
 * sentence, short). A heading there is an article's title instead when a byline or dispatch
 * line follows it (`nextAfterHeading`, the line after a heading; undefined for other lines).
 */
/** A `#` heading that is part of the text around it: a line of its own, as after a blank. */
function headingAsText(line: number, text: string): SourceLine {
	return { kind: 'text', line, text, whole: true, indented: false, afterBlank: true };
}

function isPhotoLine(text: string, nextAfterHeading: SourceLine | undefined): boolean {
	if (text.length === 0 || text.length > MAX_PHOTO_LINE_CHARS || !isTitleLike(text)) return false;
	if (parseBylineLine(text) || looksLikeBylineLine(text)) return false;
	if (nextAfterHeading === undefined) return true;
	const after = nextAfterHeading.text;
	return !(parseBylineLine(after) || looksLikeBylineLine(after) || startsWithDispatch(after));
}

/** A separator line (`---`, `* * *`, `———`): layout, not text. */
export function isRule(line: string): boolean {
	return line.length >= 3 && line.length <= 200 && RULE.test(line) && !BULLET_START.test(line);
}
