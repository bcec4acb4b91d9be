/**
 * The parser report: what the parser decided on each page, at a glance, for a person checking
 * a new paper's pages (`npm run --silent parse -- --report FILE...`).
 */
import {
	articleHeading,
	type Article,
	type ParsedDocument,
	type ParseStats
} from '../src/lib/core/parse/index';

/** A title block on one line: `〔kicker〕 title ——subtitle`, or what the reader calls it untitled. */
function titleLine(article: Article): string {
	const parts: string[] = [];
	if (article.kicker) parts.push(`〔${article.kicker}〕`);
	parts.push(articleHeading(article));
	if (article.subtitle) parts.push(`／ ${article.subtitle}`);
	return parts.join(' ');
}

function pageLine(doc: ParsedDocument): string {
	const { paper, date, monthDay, pageNumber, pageName } = doc.page;
	const fields = [
		paper,
		// a month and day read from the datelines, the year unknown
		date ?? (monthDay ? `?-${monthDay}` : null),
		pageNumber === null ? null : `第${pageNumber}版`,
		pageName,
		doc.encoding ?? null
	].filter((field): field is string => field !== null && field !== '');
	return fields.length > 0 ? fields.join(' ') : 'no page metadata';
}

export function formatParseReport(doc: ParsedDocument, stats: ParseStats): string {
	const articles = doc.articles;
	let titled = 0;
	let kickers = 0;
	let subtitles = 0;
	let subheads = 0;
	let captions = 0;
	for (const a of articles) {
		if (a.title) titled++;
		if (a.kicker) kickers++;
		if (a.subtitle) subtitles++;
		subheads += a.subheads.length;
		captions += a.captions.length;
	}
	const out: string[] = [
		`== ${doc.source} (${pageLine(doc)})`,
		`articles: ${articles.length} (${titled} titled, ${articles.length - titled} untitled)`,
		`headings: ${stats.headings}; titles ${titled}, kickers ${kickers}, subtitles ${subtitles}, ` +
			`subheads ${subheads} (${stats.subheads} from headings)`,
		`inferred titles: ${stats.inferredTitles}; hard-wrap joins: ${stats.hardWrapJoins}; ` +
			`captions: ${captions}; furniture lines: ${doc.furniture?.length ?? 0}`
	];
	articles.forEach((a, i) => {
		const notes = [`lines ${a.lines[0]}–${a.lines[1]}`, `${a.paragraphs.length} paragraphs`];
		if (a.subheads.length > 0) notes.push(`${a.subheads.length} subheads`);
		if (a.column) notes.push(`栏目 ${a.column}`);
		if (a.reporters.length > 0) notes.push(`记者 ${a.reporters.join('、')}`);
		if (a.continuedFrom) notes.push(`上接${a.continuedFrom}`);
		if (a.continuedTo) notes.push(`下转${a.continuedTo}`);
		out.push(`  ${i + 1}. ${titleLine(a)}  [${notes.join(', ')}]`);
	});
	// ads, listings and notices kept apart from the articles, with their first line
	const blocks = doc.blocks ?? [];
	if (blocks.length > 0) out.push(`blocks: ${blocks.length}`);
	for (const b of blocks) {
		const first = b.text.split('\n', 1)[0];
		out.push(`  ${b.kind} lines ${b.lines[0]}–${b.lines[1]}: ${first}`);
	}
	if (doc.diagnostics.length === 0) out.push('diagnostics: none');
	else {
		out.push(`diagnostics: ${doc.diagnostics.length}`);
		for (const d of doc.diagnostics) {
			out.push(`  ${d.level}${d.line === null ? '' : ` (line ${d.line})`}: ${d.message}`);
		}
	}
	return out.join('\n');
}
