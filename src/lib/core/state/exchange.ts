/**
 * Backup export and import. The export is one versioned JSON file; an import is validated in
 * full before anything changes, so a malformed or foreign file changes nothing and says why.
 */
import { citationLine } from '../library/cite';
import { fileStem, type LabelledPage } from '../library/label';
import { articleKey } from './keys';
import { emptyState, mergeRecentSearches, pickNewer, pickSettings, sameRecord } from './merge';
import { BACKUP_SNIFF_ABOVE_BYTES, MAX_BACKUP_BYTES } from './limits';
import { listHighlights } from './reducers';
import { sanitizeSettings, settingsEqual } from './settings';
import type { Highlight, ImportedDoc, ImportedDocInfo, ReadingState } from './types';
import {
	checkBookmark,
	checkHighlight,
	checkImportedDoc,
	checkPosition,
	checkReadMark,
	checkRecentSearch,
	Invalid,
	isRecord,
	LIMITS,
	time
} from './validate';

export const EXPORT_FORMAT = 'banmian-export';
export const EXPORT_VERSION = 1;

export interface ExportFile {
	format: typeof EXPORT_FORMAT;
	version: typeof EXPORT_VERSION;
	/** ISO 8601. */
	exportedAt: string;
	/** Which program wrote it, e.g. `banmian 0.1.0`. */
	app: string;
	settings: { values: ReadingState['settings']; updatedAt: number };
	positions: ReadingState['positions'][string][];
	reads: ReadingState['reads'][string][];
	/** Tombstones included, so a removal survives a restore on another device. */
	bookmarks: ReadingState['bookmarks'][string][];
	highlights: ReadingState['highlights'][string][];
	recentSearches: ReadingState['recentSearches'];
	importedDocs: ImportedDoc[];
}

export interface ExportMeta {
	now: number;
	app?: string;
	importedDocs?: readonly ImportedDoc[];
}

export function buildExport(state: ReadingState, meta: ExportMeta): ExportFile {
	return {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		exportedAt: new Date(meta.now).toISOString(),
		app: meta.app ?? 'banmian',
		settings: { values: { ...state.settings }, updatedAt: state.settingsUpdatedAt },
		positions: Object.values(state.positions),
		reads: Object.values(state.reads),
		bookmarks: Object.values(state.bookmarks),
		highlights: Object.values(state.highlights),
		recentSearches: [...state.recentSearches],
		importedDocs: [...(meta.importedDocs ?? [])]
	};
}

/** How many characters of a file's start `backupFileProblem` needs. */
export const BACKUP_HEAD_CHARS = 256;

/** How every export starts: `buildExport` writes `format` first. */
const EXPORT_HEAD = /^\uFEFF?\s*\{\s*"format"\s*:\s*"banmian-export"/;

/**
 * Whether a file may be read whole as a backup, judged from its size and its first
 * BACKUP_HEAD_CHARS characters: null when it may, else the reason to show. A large foreign file
 * is refused before it is read; every backup the reader wrote is accepted.
 */
export function backupFileProblem(size: number, head: string): string | null {
	if (size > MAX_BACKUP_BYTES)
		return `文件太大（超过 ${Math.floor(MAX_BACKUP_BYTES / 2 ** 20)} MB），不是本阅读器导出的备份。`;
	if (size > BACKUP_SNIFF_ABOVE_BYTES && !EXPORT_HEAD.test(head))
		return '这个大文件不是本阅读器导出的备份（文件开头不对）。';
	return null;
}

/** A validated import: the file's reading state plus its imported page texts. */
export interface ImportData {
	exportedAt: string | null;
	state: ReadingState;
	importedDocs: ImportedDoc[];
}

export type ImportCheck = { ok: true; data: ImportData } | { ok: false; reason: string };

function fail(zh: string, en: string): ImportCheck {
	return { ok: false, reason: `${zh} / ${en}` };
}

function list(v: unknown, name: string): unknown[] {
	if (v === undefined || v === null) return [];
	if (!Array.isArray(v)) throw new Invalid(name, '不是列表', 'not a list');
	if (v.length > LIMITS.records)
		throw new Invalid(name, `条目过多（上限 ${LIMITS.records}）`, `too many records`);
	return v;
}

function collect<T extends { updatedAt: number }>(
	items: unknown[],
	name: string,
	check: (v: unknown, path: string) => T,
	key: (r: T) => string
): Record<string, T> {
	const out = new Map<string, T>();
	items.forEach((item, i) => {
		const r = check(item, `${name}[${i}]`);
		const k = key(r);
		const old = out.get(k);
		out.set(k, old ? pickNewer(old, r) : r);
	});
	return Object.fromEntries(out);
}

/**
 * Brings every time in a validated import back to `now` at the latest. A record dated in the
 * future would otherwise beat every later change made here (marking it unread would last until
 * the next reload only); the records are fresh objects, so they are changed in place.
 */
function clampTimes(data: ImportData, now: number): void {
	const clamp = (t: number) => Math.min(t, now);
	const { state } = data;
	for (const kind of ['positions', 'reads'] as const)
		for (const r of Object.values(state[kind])) r.updatedAt = clamp(r.updatedAt);
	for (const kind of ['bookmarks', 'highlights'] as const)
		for (const r of Object.values(state[kind])) {
			r.createdAt = clamp(r.createdAt);
			r.updatedAt = clamp(r.updatedAt);
		}
	state.settingsUpdatedAt = clamp(state.settingsUpdatedAt);
	state.recentSearches = mergeRecentSearches(
		[],
		state.recentSearches.map((s) => ({ ...s, at: clamp(s.at) }))
	);
	for (const d of data.importedDocs) {
		d.importedAt = clamp(d.importedAt);
		d.updatedAt = clamp(d.updatedAt);
	}
}

export interface ImportOptions {
	/** The time of the import: no record in it may be newer. */
	now: number;
}

/**
 * Checks an export file (its text, or already parsed JSON). Rejects, with a reason in Chinese
 * and English, anything that is not JSON, not a Banmian export, from a newer version, or holds
 * one record that does not check out. Never throws.
 */
export function validateImport(input: unknown, options: ImportOptions): ImportCheck {
	try {
		let v = input;
		if (typeof input === 'string') {
			try {
				v = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
			} catch {
				return fail(
					'文件不是有效的 JSON，可能已损坏',
					'The file is not valid JSON; it may be damaged'
				);
			}
		}
		if (!isRecord(v))
			return fail('这不是版面的导出文件', 'This is not a Banmian export file (not a JSON object)');
		if (v.format !== EXPORT_FORMAT)
			return fail('这不是版面的导出文件', 'This is not a Banmian export file (unknown format)');
		const version = v.version;
		if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
			return fail('导出文件的版本号无效', 'The export file has no valid version number');
		if (version > EXPORT_VERSION)
			return fail(
				`此文件来自更新的版面（格式版本 ${version}），请先更新本程序`,
				`This file comes from a newer Banmian (format version ${version}); please update first`
			);
		const state = emptyState();
		if (v.settings !== undefined && v.settings !== null) {
			if (!isRecord(v.settings)) throw new Invalid('settings', '不是对象', 'not an object');
			state.settings = sanitizeSettings(v.settings.values);
			state.settingsUpdatedAt = time(v.settings.updatedAt ?? 0, 'settings.updatedAt');
		}
		state.positions = collect(list(v.positions, 'positions'), 'positions', checkPosition, (p) =>
			articleKey(p.docId, p.articleId)
		);
		state.reads = collect(list(v.reads, 'reads'), 'reads', checkReadMark, (r) =>
			articleKey(r.docId, r.articleId)
		);
		state.bookmarks = collect(
			list(v.bookmarks, 'bookmarks'),
			'bookmarks',
			checkBookmark,
			(b) => b.id
		);
		state.highlights = collect(
			list(v.highlights, 'highlights'),
			'highlights',
			checkHighlight,
			(h) => h.id
		);
		state.recentSearches = mergeRecentSearches(
			[],
			list(v.recentSearches, 'recentSearches').map((s, i) =>
				checkRecentSearch(s, `recentSearches[${i}]`)
			)
		);
		const docs = new Map<string, ImportedDoc>();
		list(v.importedDocs, 'importedDocs').forEach((d, i) => {
			const doc = checkImportedDoc(d, `importedDocs[${i}]`);
			const old = docs.get(doc.id);
			if (!old || doc.updatedAt > old.updatedAt) docs.set(doc.id, doc);
		});
		const exportedAt = typeof v.exportedAt === 'string' ? v.exportedAt.slice(0, 64) : null;
		const data: ImportData = { exportedAt, state, importedDocs: [...docs.values()] };
		clampTimes(data, options.now);
		return { ok: true, data };
	} catch (e) {
		if (e instanceof Invalid)
			return fail(
				`导出文件有一条记录无效：${e.path}：${e.zh}`,
				`Invalid record in the export file: ${e.path}: ${e.en}`
			);
		return fail('无法读取导出文件', `The export file could not be read (${String(e)})`);
	}
}

export interface KindSummary {
	/** New to this reader. */
	added: number;
	/** Replaced an older copy. */
	updated: number;
	/** Already here, or older than what is here. */
	unchanged: number;
	/** Removals in the file that removed something here. */
	removed: number;
}

export const IMPORT_KINDS = [
	'positions',
	'reads',
	'bookmarks',
	'highlights',
	'settings',
	'recentSearches',
	'importedDocs'
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type ImportSummary = Record<ImportKind, KindSummary>;

export interface ImportMerge {
	state: ReadingState;
	/** Imported page texts that are new or newer than the ones here: write these. */
	docsToPut: ImportedDoc[];
	summary: ImportSummary;
}

function zero(): KindSummary {
	return { added: 0, updated: 0, unchanged: 0, removed: 0 };
}

function mergeCounted<T extends { updatedAt: number; deleted?: boolean }>(
	current: Record<string, T>,
	incoming: Record<string, T>,
	count: KindSummary
): Record<string, T> {
	const out = new Map<string, T>(Object.entries(current));
	for (const [k, inc] of Object.entries(incoming)) {
		const cur = out.get(k);
		if (!cur) {
			out.set(k, inc);
			if (inc.deleted) count.unchanged++;
			else count.added++;
			continue;
		}
		const win = pickNewer(cur, inc);
		if (win === cur || sameRecord(cur, inc)) {
			count.unchanged++;
			continue;
		}
		out.set(k, inc);
		if (inc.deleted && !cur.deleted) count.removed++;
		else if (!inc.deleted && cur.deleted) count.added++;
		else if (inc.deleted) count.unchanged++;
		else count.updated++;
	}
	return Object.fromEntries(out);
}

/**
 * Merges a validated import into the current state without duplicates: records are matched
 * by id (or by article for positions and read marks) and the newer copy wins.
 */
export function mergeImport(
	current: ReadingState,
	incoming: ImportData,
	currentDocs: readonly ImportedDocInfo[] = []
): ImportMerge {
	const summary = Object.fromEntries(IMPORT_KINDS.map((k) => [k, zero()])) as ImportSummary;
	const inc = incoming.state;
	const state: ReadingState = {
		...current,
		positions: mergeCounted(current.positions, inc.positions, summary.positions),
		reads: mergeCounted(current.reads, inc.reads, summary.reads),
		bookmarks: mergeCounted(current.bookmarks, inc.bookmarks, summary.bookmarks),
		highlights: mergeCounted(current.highlights, inc.highlights, summary.highlights)
	};

	if (inc.settingsUpdatedAt > 0) {
		const win = pickSettings(current, inc);
		if (win !== current && !settingsEqual(current.settings, inc.settings)) {
			state.settings = { ...inc.settings };
			state.settingsUpdatedAt = inc.settingsUpdatedAt;
			summary.settings.updated = 1;
		} else summary.settings.unchanged = 1;
	}

	const before = new Set(current.recentSearches.map((s) => s.query));
	state.recentSearches = mergeRecentSearches(current.recentSearches, inc.recentSearches);
	for (const s of inc.recentSearches) {
		if (!before.has(s.query) && state.recentSearches.some((r) => r.query === s.query))
			summary.recentSearches.added++;
		else summary.recentSearches.unchanged++;
	}

	const docs = new Map(currentDocs.map((d) => [d.id, d]));
	const docsToPut: ImportedDoc[] = [];
	for (const d of incoming.importedDocs) {
		const cur = docs.get(d.id);
		if (!cur) {
			docsToPut.push(d);
			summary.importedDocs.added++;
		} else if (d.updatedAt > cur.updatedAt) {
			docsToPut.push(d);
			summary.importedDocs.updated++;
		} else summary.importedDocs.unchanged++;
	}
	return { state, docsToPut, summary };
}

const KIND_NAMES_ZH: Record<ImportKind, string> = {
	positions: '阅读位置',
	reads: '已读标记',
	bookmarks: '书签',
	highlights: '划线和笔记',
	settings: '设置',
	recentSearches: '最近搜索',
	importedDocs: '导入的版面'
};

/** One line for the reader, e.g. `新增：划线和笔记 3，书签 1；更新：设置 1`. */
export function describeImportSummary(summary: ImportSummary): string {
	const part = (field: 'added' | 'updated' | 'removed') =>
		IMPORT_KINDS.filter((k) => summary[k][field] > 0)
			.map((k) => `${KIND_NAMES_ZH[k]} ${summary[k][field]}`)
			.join('，');
	const parts: string[] = [];
	const added = part('added');
	const updated = part('updated');
	const removed = part('removed');
	if (added) parts.push(`新增：${added}`);
	if (updated) parts.push(`更新：${updated}`);
	if (removed) parts.push(`删除：${removed}`);
	return parts.length ? parts.join('；') : '没有新内容，一切已是最新';
}

/** Where a quote comes from: its page, and its article's own title when the article is known. */
export interface CitationInfo {
	page: LabelledPage;
	/** The article's title as printed; null for an untitled one, never a made-up heading. */
	title?: string | null;
}

/**
 * `——《标题》，太行日报，2022年3月8日，第1版`, the citation 「复制引用」 gives too; when nothing
 * about the page is known, its file name, or `fallback` when the page itself is not.
 */
export function formatCitation(info: CitationInfo | undefined, fallback: string): string {
	const line = info && citationLine({ title: info.title, page: info.page.page });
	return line ?? `——${(info && fileStem(info.page.source)) || fallback}`;
}

// The indent stops at a line break: `\s*` would cross it and rescan the run from every line.
const INDENTED_LIST_MARK = /^([^\S\n\r\u2028\u2029]*)([-+=]|\d+\.)/gm;

/** Backslash-escapes what Markdown would otherwise read as markup. */
export function escapeMarkdown(s: string): string {
	return s
		.replace(/[\\`*_[\]<>#|~]/g, '\\$&')
		.replace(INDENTED_LIST_MARK, (_m, sp: string, mark: string) => `${sp}\\${mark}`);
}

function quoteBlock(text: string): string {
	return text
		.split(/\r?\n/)
		.map((line) => (line.trim() ? `> ${escapeMarkdown(line)}` : '>'))
		.join('\n');
}

/**
 * Highlights and notes as Markdown: each quote as a block quote followed by its citation, then
 * the note. Removed highlights are left out; order is document, article, place in the article.
 */
export function highlightsToMarkdown(
	highlights: readonly Highlight[],
	lookup: (docId: string, articleId: string) => CitationInfo | undefined,
	heading = '版面 · 划线与笔记'
): string {
	const state = {
		...emptyState(),
		highlights: Object.fromEntries(highlights.map((h) => [h.id, h]))
	};
	const out: string[] = [`# ${escapeMarkdown(heading)}`, ''];
	for (const h of listHighlights(state)) {
		let info: CitationInfo | undefined;
		try {
			info = lookup(h.docId, h.articleId);
		} catch {
			info = undefined;
		}
		out.push(quoteBlock(h.anchor.quote));
		out.push('>');
		out.push(`> ${escapeMarkdown(formatCitation(info, `${h.docId} / ${h.articleId}`))}`);
		out.push('');
		if (h.note.trim()) {
			// Two trailing spaces keep the note's own line breaks in rendered Markdown.
			const lines = h.note.trim().split(/\r?\n/).map(escapeMarkdown);
			out.push(`笔记：${lines.join('  \n')}`);
			out.push('');
		}
	}
	// matched from the run's first line break only: `\n+$` alone retries at every one
	return out.join('\n').replace(/(?<!\n)\n+$/, '\n');
}
