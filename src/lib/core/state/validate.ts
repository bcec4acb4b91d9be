/**
 * Validators for every stored record. Used for import files and for whatever IndexedDB hands
 * back (another version, a broken extension or a bug may have written anything there). Each
 * builds a fresh object from checked fields only, so unknown keys never travel further.
 */
import { isImportedDocId, isUrlSafeId, MAX_ID_LENGTH } from './ids';
import { bookmarkId } from './keys';
import type {
	Bookmark,
	Highlight,
	HighlightAnchor,
	HighlightColor,
	ImportedDoc,
	ImportedDocInfo,
	ImportedDocMeta,
	Position,
	ReadMark,
	RecentSearch
} from './types';
import { HIGHLIGHT_COLORS } from './types';
import { LIMITS } from './limits';

export type Validated<T> = { ok: true; value: T } | { ok: false; reason: string };

// The limits live in a module of their own: the reducers (on every page) need them, not the
// validators.
export { LIMITS };

/** Latest plausible time: the ECMAScript Date maximum. */
const MAX_TIME = 8.64e15;

/** Thrown inside validators only; the exported functions turn it into a reason. */
export class Invalid extends Error {
	constructor(
		readonly path: string,
		readonly zh: string,
		readonly en: string
	) {
		super(`${path}: ${en}`);
	}
	get reason(): string {
		return `${this.path}：${this.zh} / ${this.path}: ${this.en}`;
	}
}

export function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function obj(v: unknown, path: string): Record<string, unknown> {
	if (!isRecord(v)) throw new Invalid(path, '不是对象', 'not an object');
	return v;
}

export function str(v: unknown, path: string, max: number, allowEmpty = true): string {
	if (typeof v !== 'string') throw new Invalid(path, '不是文本', 'not a string');
	if (v.length > max) throw new Invalid(path, `文本过长（上限 ${max}）`, `too long (max ${max})`);
	if (!allowEmpty && v.length === 0) throw new Invalid(path, '不能为空', 'must not be empty');
	return v;
}

export function optStr(v: unknown, path: string, max: number): string | undefined {
	return v === undefined || v === null ? undefined : str(v, path, max);
}

export function num(v: unknown, path: string, min: number, max: number, integer = false): number {
	if (typeof v !== 'number' || !Number.isFinite(v))
		throw new Invalid(path, '不是有效的数字', 'not a finite number');
	if (integer && !Number.isInteger(v)) throw new Invalid(path, '不是整数', 'not an integer');
	if (v < min || v > max)
		throw new Invalid(path, `超出范围 ${min}–${max}`, `out of range ${min}..${max}`);
	return v;
}

export function time(v: unknown, path: string): number {
	return num(v, path, 0, MAX_TIME);
}

export function bool(v: unknown, path: string): boolean {
	if (typeof v !== 'boolean') throw new Invalid(path, '不是布尔值', 'not a boolean');
	return v;
}

function optTrue(v: unknown, path: string): true | undefined {
	if (v === undefined || v === null || v === false) return undefined;
	if (v === true) return true;
	throw new Invalid(path, '不是布尔值', 'not a boolean');
}

/** A page, article or highlight id: URL-safe (see ids.ts), so it can never collide in a key. */
function ident(v: unknown, path: string): string {
	const s = str(v, path, MAX_ID_LENGTH, false);
	if (!isUrlSafeId(s))
		throw new Invalid(
			path,
			'不是有效的标识（只能含字母、数字和 - _ . ~）',
			'not a valid id (letters, digits and - _ . ~ only)'
		);
	// Ids become object keys in memory; this one would reach the prototype instead.
	if (s === '__proto__') throw new Invalid(path, '不是有效的标识', 'not a valid id');
	return s;
}

/** An imported page's id must have the form the app gives imports, never a bundled page's. */
function importedIdent(v: unknown, path: string): string {
	const s = str(v, path, MAX_ID_LENGTH, false);
	if (!isImportedDocId(s))
		throw new Invalid(
			path,
			'不是导入版面的标识（应为 imp- 加 14 位十六进制数字）',
			'not an imported page id (imp- and 14 hex digits)'
		);
	return s;
}

/** Runs a throwing checker and reports instead of throwing, whatever goes wrong. */
export function validated<T>(check: (v: unknown, path: string) => T, v: unknown, path = 'record') {
	try {
		return { ok: true, value: check(v, path) } as Validated<T>;
	} catch (e) {
		const reason =
			e instanceof Invalid ? e.reason : `${path}：无法读取 / ${path}: unreadable (${String(e)})`;
		return { ok: false, reason } as Validated<T>;
	}
}

export function checkPosition(v: unknown, path: string): Position {
	const o = obj(v, path);
	return {
		docId: ident(o.docId, `${path}.docId`),
		articleId: ident(o.articleId, `${path}.articleId`),
		paragraph: num(o.paragraph, `${path}.paragraph`, 0, LIMITS.paragraph, true),
		offset: num(o.offset, `${path}.offset`, 0, LIMITS.offset, true),
		fraction: num(o.fraction, `${path}.fraction`, 0, 1),
		updatedAt: time(o.updatedAt, `${path}.updatedAt`)
	};
}

export function checkReadMark(v: unknown, path: string): ReadMark {
	const o = obj(v, path);
	const mark: ReadMark = {
		docId: ident(o.docId, `${path}.docId`),
		articleId: ident(o.articleId, `${path}.articleId`),
		read: bool(o.read, `${path}.read`),
		updatedAt: time(o.updatedAt, `${path}.updatedAt`)
	};
	if (optTrue(o.manual, `${path}.manual`)) mark.manual = true;
	return mark;
}

/** The id is recomputed from the place, so one place never holds two bookmarks. */
export function checkBookmark(v: unknown, path: string): Bookmark {
	const o = obj(v, path);
	const docId = ident(o.docId, `${path}.docId`);
	const articleId = ident(o.articleId, `${path}.articleId`);
	const paragraph =
		o.paragraph === null || o.paragraph === undefined
			? null
			: num(o.paragraph, `${path}.paragraph`, 0, LIMITS.paragraph, true);
	// Any stored id is only checked for size: the place decides the id.
	if (o.id !== undefined) str(o.id, `${path}.id`, LIMITS.bookmarkId);
	const b: Bookmark = {
		id: bookmarkId(docId, articleId, paragraph),
		docId,
		articleId,
		paragraph,
		createdAt: time(o.createdAt, `${path}.createdAt`),
		updatedAt: time(o.updatedAt, `${path}.updatedAt`)
	};
	if (optTrue(o.deleted, `${path}.deleted`)) b.deleted = true;
	return b;
}

export function checkAnchor(v: unknown, path: string): HighlightAnchor {
	const o = obj(v, path);
	const start = num(o.start, `${path}.start`, 0, LIMITS.offset, true);
	const end = num(o.end, `${path}.end`, 0, LIMITS.offset, true);
	if (end < start) throw new Invalid(`${path}.end`, '早于起点', 'before start');
	return {
		paragraph: num(o.paragraph, `${path}.paragraph`, 0, LIMITS.paragraph, true),
		start,
		end,
		quote: str(o.quote, `${path}.quote`, LIMITS.quote, false),
		prefix: str(o.prefix ?? '', `${path}.prefix`, LIMITS.context),
		suffix: str(o.suffix ?? '', `${path}.suffix`, LIMITS.context)
	};
}

export function checkHighlight(v: unknown, path: string): Highlight {
	const o = obj(v, path);
	const color = o.color;
	if (!HIGHLIGHT_COLORS.includes(color as HighlightColor))
		throw new Invalid(`${path}.color`, '不是已知的颜色', 'not a known colour');
	const h: Highlight = {
		id: ident(o.id, `${path}.id`),
		docId: ident(o.docId, `${path}.docId`),
		articleId: ident(o.articleId, `${path}.articleId`),
		color: color as HighlightColor,
		note: str(o.note ?? '', `${path}.note`, LIMITS.note),
		anchor: checkAnchor(o.anchor, `${path}.anchor`),
		createdAt: time(o.createdAt, `${path}.createdAt`),
		updatedAt: time(o.updatedAt, `${path}.updatedAt`)
	};
	if (optTrue(o.deleted, `${path}.deleted`)) h.deleted = true;
	return h;
}

export function checkRecentSearch(v: unknown, path: string): RecentSearch {
	const o = obj(v, path);
	return {
		query: str(o.query, `${path}.query`, LIMITS.query, false),
		at: time(o.at, `${path}.at`)
	};
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkImportedDocMeta(v: unknown, path: string): ImportedDocMeta {
	const o = v === undefined || v === null ? {} : obj(v, path);
	const meta: ImportedDocMeta = {};
	const paper = optStr(o.paper, `${path}.paper`, LIMITS.metaText);
	if (paper) meta.paper = paper;
	const date = optStr(o.date, `${path}.date`, LIMITS.metaText);
	if (date) {
		if (!ISO_DATE.test(date))
			throw new Invalid(`${path}.date`, '日期应为 YYYY-MM-DD', 'date must be YYYY-MM-DD');
		meta.date = date;
	}
	if (o.pageNumber !== undefined && o.pageNumber !== null)
		meta.pageNumber = num(o.pageNumber, `${path}.pageNumber`, 0, 100_000, true);
	const pageName = optStr(o.pageName, `${path}.pageName`, LIMITS.metaText);
	if (pageName) meta.pageName = pageName;
	return meta;
}

export function checkImportedDocInfo(v: unknown, path: string): ImportedDocInfo {
	const o = obj(v, path);
	const importedAt = time(o.importedAt, `${path}.importedAt`);
	return {
		id: importedIdent(o.id, `${path}.id`),
		name: str(o.name, `${path}.name`, LIMITS.name),
		encoding: str(o.encoding, `${path}.encoding`, LIMITS.encoding),
		meta: checkImportedDocMeta(o.meta, `${path}.meta`),
		importedAt,
		updatedAt: o.updatedAt === undefined ? importedAt : time(o.updatedAt, `${path}.updatedAt`),
		size: num(o.size, `${path}.size`, 0, Number.MAX_SAFE_INTEGER, true)
	};
}

export function checkImportedDoc(v: unknown, path: string): ImportedDoc {
	const info = checkImportedDocInfo(v, path);
	return { ...info, text: str((v as Record<string, unknown>).text, `${path}.text`, LIMITS.text) };
}

export const validatePosition = (v: unknown) => validated(checkPosition, v, 'position');
export const validateReadMark = (v: unknown) => validated(checkReadMark, v, 'read');
export const validateBookmark = (v: unknown) => validated(checkBookmark, v, 'bookmark');
export const validateHighlight = (v: unknown) => validated(checkHighlight, v, 'highlight');
export const validateRecentSearch = (v: unknown) => validated(checkRecentSearch, v, 'search');
export const validateImportedDocInfo = (v: unknown) =>
	validated(checkImportedDocInfo, v, 'importedDoc');
export const validateImportedDoc = (v: unknown) => validated(checkImportedDoc, v, 'importedDoc');
