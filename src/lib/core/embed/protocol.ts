/**
 * Embed protocol, version 1: the messages a Banmian reader inside an iframe exchanges with the
 * page that hosts it, plus the parsing of the embed URL parameters.
 *
 * Everything arriving from outside (postMessage data, URL parameters) is untrusted: the parsers
 * here never throw, accept only the exact shapes below and return fresh objects holding only the
 * known fields. Unknown extra fields on a host message are ignored (so a host written for a later
 * minor revision still works), never copied through.
 */

import { isUrlSafeId, MAX_ID_LENGTH } from '../state/ids';

// Core has no DOM lib; URL exists in every runtime core runs in (pages, workers, Node).
declare const URL: new (input: string) => {
	readonly protocol: string;
	readonly origin: string;
};

export const EMBED_PROTOCOL_VERSION = 1;
export const MESSAGE_PREFIX = 'banmian:';

/** Caps keep a hostile host from making the reader hold or echo huge strings. */
export const MAX_REQUEST_ID_LENGTH = 128;
export const MAX_QUERY_LENGTH = 500;
export const MAX_PARENTS = 8;
export const MAX_ORIGIN_LENGTH = 256;
export const FONT_SCALE_MIN = 0.75;
export const FONT_SCALE_MAX = 2;

export const THEMES = ['light', 'sepia', 'dark', 'system'] as const;
export const WRITING_MODES = ['horizontal', 'vertical'] as const;
export type EmbedTheme = (typeof THEMES)[number];
export type EmbedWriting = (typeof WRITING_MODES)[number];

export interface EmbedSettings {
	theme: EmbedTheme;
	fontScale: number;
	writing: EmbedWriting;
}
/** What a host may change; absent keys stay as they are. */
export type EmbedSettingsPatch = Partial<EmbedSettings>;

export const ERROR_CODES = ['unknown-doc', 'unknown-article', 'bad-request', 'internal'] as const;
export type EmbedErrorCode = (typeof ERROR_CODES)[number];

// ---- reader → host -------------------------------------------------------------------------

export interface ReadyArticle {
	id: string;
	title: string;
}
export interface ReadyDocument {
	id: string;
	title: string;
	articles: ReadyArticle[];
}
export interface ReadyMessage {
	type: 'banmian:ready';
	version: typeof EMBED_PROTOCOL_VERSION;
	documents: ReadyDocument[];
}
export interface NavigatedMessage {
	type: 'banmian:navigated';
	doc: string;
	article: string | null;
	title: string;
}
export interface ResizeMessage {
	type: 'banmian:resize';
	/** CSS pixels, a non-negative integer. */
	height: number;
}
export interface ProgressMessage {
	type: 'banmian:progress';
	doc: string;
	article: string | null;
	/** How far through the open page or article the reader is, 0…1. */
	fraction: number;
}

export interface OpenResult {
	doc: string;
	article: string | null;
	title: string;
}
export interface SearchHit {
	doc: string;
	/** null for a hit in a page's ads, listings or notices (see `block`). */
	article: string | null;
	title: string;
	snippet: string;
	/** The kind of non-article block the hit is in (`ad`, `listing`, …); null for an article. */
	block: string | null;
}
export interface SearchResult {
	total: number;
	hits: SearchHit[];
}
export interface StateResult {
	/** null while nothing is open (the library view). */
	doc: string | null;
	article: string | null;
	fraction: number;
	settings: EmbedSettings;
}
/** The result type of each request, by request type. `settings` answers with the new settings. */
export interface ResultByType {
	'banmian:open': OpenResult;
	'banmian:search': SearchResult;
	'banmian:settings': EmbedSettings;
	'banmian:state': StateResult;
}

export interface ResponseOkMessage<R = unknown> {
	type: 'banmian:response';
	id: string;
	ok: true;
	result: R;
}
export interface ResponseErrorMessage {
	type: 'banmian:response';
	id: string;
	ok: false;
	error: { code: EmbedErrorCode; message: string };
}
export type ResponseMessage<R = unknown> = ResponseOkMessage<R> | ResponseErrorMessage;

export type ReaderMessage =
	ReadyMessage | NavigatedMessage | ResizeMessage | ProgressMessage | ResponseMessage;

// ---- host → reader -------------------------------------------------------------------------

export interface OpenRequest {
	type: 'banmian:open';
	id: string;
	doc: string;
	/** Absent (or null on the wire) opens the page itself. */
	article?: string;
}
export interface SearchRequest {
	type: 'banmian:search';
	id: string;
	query: string;
	/** Also search ads, listings and notices; they are left out unless this is true. */
	blocks?: boolean;
}
export interface SettingsRequest {
	type: 'banmian:settings';
	id: string;
	settings: EmbedSettingsPatch;
}
export interface StateRequest {
	type: 'banmian:state';
	id: string;
}
export type HostMessage = OpenRequest | SearchRequest | SettingsRequest | StateRequest;
export type HostMessageType = HostMessage['type'];

// ---- validation helpers --------------------------------------------------------------------

type Fields = Record<string, unknown>;

/** Own data properties of a plain object only: no arrays, class instances, getters or proto keys. */
function plainFields(data: unknown): Fields | null {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
	const proto: unknown = Object.getPrototypeOf(data);
	if (proto !== Object.prototype && proto !== null) return null;
	const out: Fields = Object.create(null);
	for (const key of Object.keys(data)) {
		const desc = Object.getOwnPropertyDescriptor(data, key);
		if (desc && 'value' in desc) out[key] = desc.value;
	}
	return out;
}

function boundedString(value: unknown, min: number, max: number): value is string {
	return typeof value === 'string' && value.length >= min && value.length <= max;
}

function isTheme(value: unknown): value is EmbedTheme {
	return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}
function isWriting(value: unknown): value is EmbedWriting {
	return typeof value === 'string' && (WRITING_MODES as readonly string[]).includes(value);
}
function isFontScale(value: unknown): value is number {
	return (
		typeof value === 'number' &&
		Number.isFinite(value) &&
		value >= FONT_SCALE_MIN &&
		value <= FONT_SCALE_MAX
	);
}

/** True for any object whose `type` is a string starting with `banmian:`; says nothing more. */
export function isBanmianMessage(data: unknown): data is { type: string } {
	try {
		const fields = plainFields(data);
		return (
			fields !== null && typeof fields.type === 'string' && fields.type.startsWith(MESSAGE_PREFIX)
		);
	} catch {
		return false;
	}
}

/** A settings patch with only known keys and allowed values, or null if any value is invalid. */
export function parseSettingsPatch(data: unknown): EmbedSettingsPatch | null {
	try {
		return parseSettingsPatchUnsafe(data);
	} catch {
		return null;
	}
}

function parseSettingsPatchUnsafe(data: unknown): EmbedSettingsPatch | null {
	const fields = plainFields(data);
	if (!fields) return null;
	const patch: EmbedSettingsPatch = {};
	if (fields.theme !== undefined) {
		if (!isTheme(fields.theme)) return null;
		patch.theme = fields.theme;
	}
	if (fields.fontScale !== undefined) {
		if (!isFontScale(fields.fontScale)) return null;
		patch.fontScale = fields.fontScale;
	}
	if (fields.writing !== undefined) {
		if (!isWriting(fields.writing)) return null;
		patch.writing = fields.writing;
	}
	return patch;
}

/**
 * The host message `data` stands for, or null when it is not exactly one of the four requests.
 * Invalid messages are never answered (a host learns nothing by probing), so null carries no
 * reason.
 */
export function parseHostMessage(data: unknown): HostMessage | null {
	try {
		return parseHostMessageUnsafe(data);
	} catch {
		return null;
	}
}

function parseHostMessageUnsafe(data: unknown): HostMessage | null {
	const fields = plainFields(data);
	if (!fields) return null;
	const { type, id } = fields;
	if (typeof type !== 'string' || !type.startsWith(MESSAGE_PREFIX)) return null;
	if (!boundedString(id, 1, MAX_REQUEST_ID_LENGTH)) return null;
	switch (type) {
		case 'banmian:open': {
			// Message ids are checked loosely: a well-formed request for an id that does not exist
			// deserves an `unknown-doc` answer, not silence.
			if (!boundedString(fields.doc, 1, MAX_ID_LENGTH)) return null;
			const article = fields.article;
			if (article === undefined || article === null) return { type, id, doc: fields.doc };
			if (!boundedString(article, 1, MAX_ID_LENGTH)) return null;
			return { type, id, doc: fields.doc, article };
		}
		case 'banmian:search': {
			if (!boundedString(fields.query, 0, MAX_QUERY_LENGTH)) return null;
			const blocks = fields.blocks;
			if (blocks === undefined) return { type, id, query: fields.query };
			if (typeof blocks !== 'boolean') return null;
			return { type, id, query: fields.query, blocks };
		}
		case 'banmian:settings': {
			const settings = parseSettingsPatch(fields.settings);
			return settings ? { type, id, settings } : null;
		}
		case 'banmian:state':
			return { type, id };
		default:
			return null;
	}
}

// ---- builders for reader → host ------------------------------------------------------------
// They copy only protocol fields, so app objects with extra data (whole parsed documents, class
// instances) never leak to the host or trip structured cloning.

function str(value: unknown): string {
	return typeof value === 'string' ? value : String(value ?? '');
}
function strOrNull(value: unknown): string | null {
	return value === null || value === undefined ? null : str(value);
}
function clampFraction(value: number): number {
	if (!Number.isFinite(value)) return 0;
	return Math.min(1, Math.max(0, value));
}

export function readyMessage(
	documents: readonly {
		id: string;
		title: string;
		articles: readonly { id: string; title: string }[];
	}[]
): ReadyMessage {
	return {
		type: 'banmian:ready',
		version: EMBED_PROTOCOL_VERSION,
		documents: documents.map((d) => ({
			id: str(d.id),
			title: str(d.title),
			articles: d.articles.map((a) => ({ id: str(a.id), title: str(a.title) }))
		}))
	};
}

export function navigatedMessage(
	doc: string,
	article: string | null,
	title: string
): NavigatedMessage {
	return {
		type: 'banmian:navigated',
		doc: str(doc),
		article: strOrNull(article),
		title: str(title)
	};
}

export function resizeMessage(height: number): ResizeMessage {
	return {
		type: 'banmian:resize',
		height: Number.isFinite(height) ? Math.max(0, Math.ceil(height)) : 0
	};
}

export function progressMessage(
	doc: string,
	article: string | null,
	fraction: number
): ProgressMessage {
	return {
		type: 'banmian:progress',
		doc: str(doc),
		article: strOrNull(article),
		fraction: clampFraction(fraction)
	};
}

export function okResponse<R>(id: string, result: R): ResponseOkMessage<R> {
	return { type: 'banmian:response', id, ok: true, result };
}

export function errorResponse(
	id: string,
	code: EmbedErrorCode,
	message: string
): ResponseErrorMessage {
	return { type: 'banmian:response', id, ok: false, error: { code, message: str(message) } };
}

export function isEmbedErrorCode(value: unknown): value is EmbedErrorCode {
	return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Handlers throw this to answer a request with `ok:false` and a specific code. */
export class EmbedError extends Error {
	readonly code: EmbedErrorCode;
	constructor(code: EmbedErrorCode, message: string) {
		super(message);
		this.name = 'EmbedError';
		this.code = code;
	}
}

/** Copies a handler's result down to the protocol shape of its request type. */
export function normaliseResult<T extends HostMessageType>(
	type: T,
	result: ResultByType[T]
): ResultByType[T];
export function normaliseResult(type: HostMessageType, result: unknown): unknown {
	const r = (result ?? {}) as Fields;
	switch (type) {
		case 'banmian:open':
			return { doc: str(r.doc), article: strOrNull(r.article), title: str(r.title) };
		case 'banmian:search': {
			const hits = Array.isArray(r.hits) ? (r.hits as Fields[]) : [];
			return {
				total: typeof r.total === 'number' && Number.isFinite(r.total) ? r.total : hits.length,
				hits: hits.map((h) => ({
					doc: str(h.doc),
					article: strOrNull(h.article),
					title: str(h.title),
					snippet: str(h.snippet),
					block: strOrNull(h.block)
				}))
			};
		}
		case 'banmian:settings':
			return normaliseSettings(r);
		case 'banmian:state':
			return {
				doc: strOrNull(r.doc),
				article: strOrNull(r.article),
				fraction: clampFraction(typeof r.fraction === 'number' ? r.fraction : 0),
				settings: normaliseSettings((r.settings ?? {}) as Fields)
			};
	}
}

function normaliseSettings(s: Fields): EmbedSettings {
	return {
		theme: isTheme(s.theme) ? s.theme : 'system',
		fontScale: typeof s.fontScale === 'number' && Number.isFinite(s.fontScale) ? s.fontScale : 1,
		writing: isWriting(s.writing) ? s.writing : 'horizontal'
	};
}

// ---- URL parameters ------------------------------------------------------------------------

export interface EmbedParams {
	/** `embed=1` was given. */
	embed: boolean;
	/** Valid, normalised (`URL.origin`), de-duplicated parent origins, at most MAX_PARENTS. */
	parents: string[];
	/** URL-safe start ids; `article` only together with `doc`. */
	doc: string | null;
	article: string | null;
	/** Valid start settings only; an invalid value is dropped on its own. */
	settings: EmbedSettingsPatch;
}

/**
 * The origin an http(s) origin string names, or null. Only the origin exactly as the browser
 * serialises it is accepted (an optional single trailing `/`): the URL parser resolves `/..`,
 * repairs `https:host` and `https:///host`, and strips inner TABs and newlines, so anything it
 * had to change is refused rather than silently allowing some other origin.
 */
export function parseOrigin(input: unknown): string | null {
	if (typeof input !== 'string' || input.length === 0 || input.length > MAX_ORIGIN_LENGTH) {
		return null;
	}
	let url;
	try {
		url = new URL(input);
	} catch {
		return null;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
	const origin = url.origin;
	return input === origin || input === origin + '/' ? origin : null;
}

function decodeComponent(s: string): string | null {
	try {
		return decodeURIComponent(s.replace(/\+/g, ' '));
	} catch {
		return null;
	}
}

/** Parses `?embed=1&parent=<origin>&parent=…&doc&article&theme&fontScale&writing`; never throws. */
export function parseEmbedParams(search: string): EmbedParams {
	const result: EmbedParams = { embed: false, parents: [], doc: null, article: null, settings: {} };
	if (typeof search !== 'string') return result;
	const query = search.startsWith('?') ? search.slice(1) : search;
	const first = new Map<string, string>();
	for (const pair of query.split('&')) {
		if (!pair) continue;
		const eq = pair.indexOf('=');
		const key = decodeComponent(eq < 0 ? pair : pair.slice(0, eq));
		const value = decodeComponent(eq < 0 ? '' : pair.slice(eq + 1));
		if (key === null || value === null) continue;
		if (key === 'parent') {
			const origin = parseOrigin(value);
			if (origin && !result.parents.includes(origin) && result.parents.length < MAX_PARENTS) {
				result.parents.push(origin);
			}
		} else if (!first.has(key)) {
			// Repeats of single-valued parameters: the first wins, like URLSearchParams.get.
			first.set(key, value);
		}
	}
	result.embed = first.get('embed') === '1';
	const doc = first.get('doc');
	if (isUrlSafeId(doc)) {
		result.doc = doc;
		const article = first.get('article');
		if (isUrlSafeId(article)) result.article = article;
	}
	const theme = first.get('theme');
	if (isTheme(theme)) result.settings.theme = theme;
	const writing = first.get('writing');
	if (isWriting(writing)) result.settings.writing = writing;
	const fontScale = first.get('fontScale');
	if (fontScale !== undefined && /^\d+(\.\d+)?$/.test(fontScale)) {
		const n = Number(fontScale);
		if (isFontScale(n)) result.settings.fontScale = n;
	}
	return result;
}
