/**
 * The page parser: extracted text of one newspaper page in, structured articles out. The work
 * is done in stages, each its own module, passing plain data on:
 * classify lines → assign roles → group into blocks → assemble articles → captions.
 */

import { buildArticles } from './article';
import { assembleDrafts } from './assemble';
import { groupBlocks } from './grouping';
import { takeBlocks } from './blocks';
import { attachCaptions, pageMetaFrom } from './captions';
import { applyCitations } from './citation';
import { classifyLines } from './classify';
import { DiagnosticLog, inspectCharacters, type ParseStats } from './diagnostics';
import { mergeSidecar } from './furniture';
import { deriveMissingMeta } from './derive-meta';
import { documentIdFromFileName } from './ids';
import { claimKickersAndSubtitles, inferTitles } from './roles';
import { markSubheads } from './subheads';
import { splitNonBlankLines } from './text';
import type { ParsedDocument, SidecarMeta } from './types';

/** Bump whenever the output for some input changes: readers use it to invalidate caches. */
export const PARSER_VERSION = 14;

/**
 * Parses one page. Never throws: whatever the input, the result is a document, perhaps with no
 * articles, and diagnostics saying what was odd. Time is linear in the input's size.
 */
export function parsePage(
	text: string,
	source: string,
	sidecar?: SidecarMeta | null
): ParsedDocument {
	return parsePageWithStats(text, source, sidecar).document;
}

/** `parsePage`, with counts of what the parser decided (for the parser report). */
export function parsePageWithStats(
	text: string,
	source: string,
	sidecar?: SidecarMeta | null
): { document: ParsedDocument; stats: ParseStats } {
	const name = typeof source === 'string' ? source : String(source ?? '');
	const log = new DiagnosticLog();
	try {
		return { document: parseUnguarded(text, name, sidecar, log), stats: log.stats };
	} catch (error) {
		// a bug must not cost the reader the page: keep the text, say what happened
		const input = typeof text === 'string' ? text : '';
		const document: ParsedDocument = {
			id: documentIdFromFileName(name),
			source: name,
			page: pageMetaFrom([], []),
			articles: [],
			blocks: [],
			diagnostics: [{ level: 'error', message: `The parser failed: ${String(error)}`, line: null }],
			furniture: input.trim() ? [input] : [],
			parserVersion: PARSER_VERSION
		};
		return { document, stats: log.stats };
	}
}

/** The parse itself, which a bug could make throw: parsePageWithStats is its guard. */
function parseUnguarded(
	text: string,
	source: string,
	sidecar: SidecarMeta | null | undefined,
	log: DiagnosticLog
): ParsedDocument {
	const input = typeof text === 'string' ? text : '';
	inspectCharacters(input, log);

	const lines = splitNonBlankLines(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
	if (lines.length === 0) log.add('info', 'The page is empty.');
	const lineCount = lines.length;
	const classified = classifyLines(lines, log);
	// the line records are done with: let a big page's copies go before building articles
	lines.length = 0;
	const { flow, furniture } = classified;
	const page = pageMetaFrom(classified.headerParts, classified.footers);
	applyCitations(page, classified.citations, furniture);

	if (!flow.some((item) => item.kind === 'heading')) inferTitles(flow, log);
	markSubheads(flow, log);
	const blocks = groupBlocks(flow, claimKickersAndSubtitles(flow));
	flow.length = 0;

	const { drafts, unattachedMarkers } = assembleDrafts(blocks, log);
	for (const raw of unattachedMarkers) furniture.push(raw);
	let titleCount = 0;
	for (const block of blocks) titleCount += block.titles.length;
	if (titleCount === 0 && lineCount > 0) {
		log.add(
			'warning',
			'No titles (markdown headings) found; the text is kept as untitled articles.'
		);
	}

	attachCaptions(classified.captions, drafts, furniture, log);
	const articles = buildArticles(drafts, log);
	// the drafts are read off: let a big page's copies go before the blocks stage
	drafts.length = 0;
	blocks.length = 0;
	const pageBlocks = takeBlocks(articles, input);
	if (pageBlocks.length > 0)
		log.add('info', `${pageBlocks.length} non-article blocks were kept apart.`);
	for (const note of mergeSidecar(page, sidecar)) log.add('warning', note);

	const doc: ParsedDocument = {
		id: documentIdFromFileName(source),
		source,
		page,
		articles,
		blocks: pageBlocks,
		diagnostics: log.finish(),
		parserVersion: PARSER_VERSION
	};
	if (furniture.length > 0) doc.furniture = furniture;
	return deriveMissingMeta(doc);
}
