/**
 * Banmian 版面 host script, embed protocol version 1. A dependency-free ES module:
 *
 *   import { mountBanmian } from './embed.js';
 *   const reader = mountBanmian(document.getElementById('paper'), {
 *     src: 'https://reader.example/banmian/', doc: 'some-page-id', theme: 'sepia',
 *     onNavigated: (e) => console.log(e.doc, e.article, e.title)
 *   });
 *   await reader.ready;
 *   const { hits } = await reader.search('太行');
 *
 * It trusts only messages whose origin is the reader's (from `src`) and whose source is its own
 * iframe, and posts only to that origin.
 */

const PREFIX = 'banmian:';
const THEMES = ['light', 'sepia', 'dark', 'system'];
const WRITING_MODES = ['horizontal', 'vertical'];
// Mirrors the reader's limits, so a bad call fails at once instead of timing out unanswered.
const FONT_SCALE_MIN = 0.75;
const FONT_SCALE_MAX = 2;
const MAX_ID_LENGTH = 200;
const MAX_QUERY_LENGTH = 500;

/** @typedef {'light' | 'sepia' | 'dark' | 'system'} BanmianTheme */
/** @typedef {'horizontal' | 'vertical'} BanmianWriting */
/** @typedef {{ theme: BanmianTheme, fontScale: number, writing: BanmianWriting }} BanmianSettings */
/** @typedef {Partial<BanmianSettings>} BanmianSettingsPatch */
/** @typedef {{ id: string, title: string, articles: { id: string, title: string }[] }} BanmianDocument */
/** @typedef {{ type: 'banmian:ready', version: 1, documents: BanmianDocument[] }} BanmianReady */
/** @typedef {{ type: 'banmian:navigated', doc: string, article: string | null, title: string }} BanmianNavigated */
/** @typedef {{ type: 'banmian:progress', doc: string, article: string | null, fraction: number }} BanmianProgress */
/** @typedef {{ doc: string, article: string | null, title: string }} BanmianOpenResult */
/** @typedef {{ doc: string, article: string | null, title: string, snippet: string, block: string | null }} BanmianSearchHit */
/** @typedef {{ total: number, hits: BanmianSearchHit[] }} BanmianSearchResult */
/** @typedef {{ doc: string | null, article: string | null, fraction: number, settings: BanmianSettings }} BanmianState */
/**
 * Rejections carry a `code`: the reader's `unknown-doc`, `unknown-article`, `bad-request`,
 * `internal`, or this script's `timeout` and `destroyed`.
 * @typedef {Error & { code: string }} BanmianError
 */

/**
 * @typedef {object} MountOptions
 * @property {string} src The reader's root URL, e.g. `https://reader.example/banmian/`.
 * @property {string} [doc] Page to open first.
 * @property {string} [article] Article on that page to open first.
 * @property {BanmianTheme} [theme]
 * @property {number} [fontScale] 0.75 to 2.
 * @property {BanmianWriting} [writing]
 * @property {string} [title] The iframe's accessible name. Default `版面 · 报纸阅读器`.
 * @property {number} [height] Height in CSS pixels until the reader reports its own. Default 480.
 * @property {boolean} [autoHeight] Follow the reader's `resize` messages. Default true.
 * @property {number} [timeout] Milliseconds a request may wait for its answer. Default 10000.
 * @property {number} [readyTimeout] Milliseconds to wait for `ready`; 0 waits forever. Default 30000.
 * @property {(ready: BanmianReady) => void} [onReady]
 * @property {(event: BanmianNavigated) => void} [onNavigated]
 * @property {(event: BanmianProgress) => void} [onProgress]
 * @property {(height: number) => void} [onResize]
 */

/**
 * @typedef {object} BanmianReader
 * @property {HTMLIFrameElement} iframe
 * @property {string} origin The reader's origin; the only one trusted and posted to.
 * @property {Promise<BanmianReady>} ready Resolves with the first `ready`; rejects on timeout or destroy.
 * @property {(doc: string, article?: string | null) => Promise<BanmianOpenResult>} open
 * @property {(query: string, options?: { blocks?: boolean }) => Promise<BanmianSearchResult>} search
 * @property {(settings: BanmianSettingsPatch) => Promise<BanmianSettings>} settings
 * @property {() => Promise<BanmianState>} state
 * @property {() => void} destroy Removes the iframe and rejects whatever is still waiting.
 */

/**
 * @param {string} code
 * @param {string} message
 * @returns {BanmianError}
 */
function banmianError(code, message) {
	const error = /** @type {BanmianError} */ (new Error(message));
	error.name = 'BanmianError';
	error.code = code;
	return error;
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isRecord(value) {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * @param {unknown} value
 * @param {number} max
 * @returns {value is string}
 */
function isId(value, max) {
	return typeof value === 'string' && value.length > 0 && value.length <= max;
}

/**
 * @param {unknown} s
 * @returns {s is BanmianSettingsPatch}
 */
function isSettingsPatch(s) {
	if (!isRecord(s)) return false;
	if (s.theme !== undefined && !THEMES.includes(/** @type {string} */ (s.theme))) return false;
	if (s.writing !== undefined && !WRITING_MODES.includes(/** @type {string} */ (s.writing))) {
		return false;
	}
	const f = s.fontScale;
	if (f !== undefined) {
		if (typeof f !== 'number' || !Number.isFinite(f) || f < FONT_SCALE_MIN || f > FONT_SCALE_MAX) {
			return false;
		}
	}
	return true;
}

/**
 * Mounts a Banmian reader in an iframe inside `element`.
 * @param {HTMLElement} element
 * @param {MountOptions} options
 * @returns {BanmianReader}
 */
export function mountBanmian(element, options) {
	const doc = element.ownerDocument;
	const win = doc.defaultView;
	if (!win) throw new Error('mountBanmian: the element is not in a window.');
	const url = new URL(options.src, win.location.href);
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new TypeError('mountBanmian: src must be an http(s) URL.');
	}
	const origin = url.origin;
	const hostOrigin = win.location.origin;
	if (!/^https?:\/\//.test(hostOrigin)) {
		// file:// and sandboxed pages have an opaque origin the reader cannot allow.
		throw new Error('mountBanmian: the host page must be served over http(s).');
	}

	url.searchParams.set('embed', '1');
	url.searchParams.set('parent', hostOrigin);
	for (const key of /** @type {const} */ (['doc', 'article', 'theme', 'fontScale', 'writing'])) {
		const value = options[key];
		if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
	}

	const iframe = doc.createElement('iframe');
	iframe.title = options.title ?? '版面 · 报纸阅读器';
	// Origin only: the reader uses it to address its first messages; it learns nothing new.
	iframe.referrerPolicy = 'origin';
	iframe.style.display = 'block';
	iframe.style.width = '100%';
	iframe.style.border = '0';
	iframe.style.height = `${options.height ?? 480}px`;
	iframe.src = url.href;

	const timeout = options.timeout ?? 10_000;
	const readyTimeout = options.readyTimeout ?? 30_000;
	const autoHeight = options.autoHeight ?? true;
	const idPrefix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}-`;
	let counter = 0;
	let isReady = false;
	let destroyed = false;

	/** @type {Map<string, { resolve: (value: any) => void, reject: (error: Error) => void, timer: ReturnType<typeof setTimeout> }>} */
	const pending = new Map();
	/** @type {{ send: () => void, reject: (error: Error) => void }[]} */
	let queue = [];

	/** @type {(value: BanmianReady) => void} */
	let resolveReady = () => {};
	/** @type {(error: Error) => void} */
	let rejectReady = () => {};
	/** @type {Promise<BanmianReady>} */
	const ready = new Promise((resolve, reject) => {
		resolveReady = resolve;
		rejectReady = reject;
	});
	// A host that never awaits `ready` should not see an unhandled rejection.
	ready.catch(() => {});

	/** @param {Error} error */
	function failQueue(error) {
		const waiting = queue;
		queue = [];
		for (const item of waiting) item.reject(error);
	}

	const readyTimer =
		readyTimeout > 0
			? setTimeout(() => {
					if (isReady || destroyed) return;
					const error = banmianError(
						'timeout',
						`The reader at ${origin} did not become ready. Is ${hostOrigin} allowed as its parent?`
					);
					rejectReady(error);
					failQueue(error);
				}, readyTimeout)
			: undefined;

	/**
	 * @param {string} type
	 * @param {Record<string, unknown>} fields
	 * @returns {Promise<any>}
	 */
	function request(type, fields) {
		return new Promise((resolve, reject) => {
			if (destroyed) return reject(banmianError('destroyed', 'The reader was destroyed.'));
			const send = () => {
				const target = iframe.contentWindow;
				if (!target) return reject(banmianError('destroyed', 'The reader iframe is gone.'));
				const id = idPrefix + ++counter;
				const timer = setTimeout(() => {
					pending.delete(id);
					reject(banmianError('timeout', `No answer to ${type} within ${timeout} ms.`));
				}, timeout);
				pending.set(id, { resolve, reject, timer });
				target.postMessage({ type, id, ...fields }, origin);
			};
			// Requests made before `ready` wait for it: the reader is not listening yet.
			if (isReady) send();
			else queue.push({ send, reject });
		});
	}

	/** @param {MessageEvent} event */
	function onMessage(event) {
		if (event.origin !== origin || event.source === null) return;
		if (event.source !== iframe.contentWindow) return;
		const data = event.data;
		if (!isRecord(data) || typeof data.type !== 'string' || !data.type.startsWith(PREFIX)) return;
		switch (data.type) {
			case 'banmian:ready': {
				if (data.version !== 1 || !Array.isArray(data.documents)) return;
				const message = /** @type {BanmianReady} */ (data);
				isReady = true;
				if (readyTimer !== undefined) clearTimeout(readyTimer);
				resolveReady(message);
				const waiting = queue;
				queue = [];
				for (const item of waiting) item.send();
				options.onReady?.(message);
				return;
			}
			case 'banmian:navigated':
				if (typeof data.doc !== 'string' || typeof data.title !== 'string') return;
				options.onNavigated?.(/** @type {BanmianNavigated} */ (data));
				return;
			case 'banmian:progress':
				if (typeof data.doc !== 'string' || typeof data.fraction !== 'number') return;
				options.onProgress?.(/** @type {BanmianProgress} */ (data));
				return;
			case 'banmian:resize': {
				const height = data.height;
				if (typeof height !== 'number' || !Number.isFinite(height) || height < 0) return;
				if (autoHeight) iframe.style.height = `${Math.ceil(height)}px`;
				options.onResize?.(height);
				return;
			}
			case 'banmian:response': {
				if (typeof data.id !== 'string') return;
				const entry = pending.get(data.id);
				if (!entry) return;
				pending.delete(data.id);
				clearTimeout(entry.timer);
				if (data.ok === true) {
					entry.resolve(data.result);
				} else {
					const error = isRecord(data.error) ? data.error : {};
					entry.reject(
						banmianError(
							typeof error.code === 'string' ? error.code : 'internal',
							typeof error.message === 'string' ? error.message : 'The reader reported an error.'
						)
					);
				}
				return;
			}
		}
	}

	win.addEventListener('message', onMessage);
	element.appendChild(iframe);

	/**
	 * @param {string} message
	 * @returns {Promise<never>}
	 */
	const badRequest = (message) => Promise.reject(banmianError('bad-request', message));

	return {
		iframe,
		origin,
		ready,
		open(docId, article) {
			if (!isId(docId, MAX_ID_LENGTH)) return badRequest('open: doc must be a non-empty id.');
			if (article === undefined || article === null) return request('banmian:open', { doc: docId });
			if (!isId(article, MAX_ID_LENGTH)) return badRequest('open: article must be a non-empty id.');
			return request('banmian:open', { doc: docId, article });
		},
		search(query, options) {
			if (typeof query !== 'string' || query.length > MAX_QUERY_LENGTH) {
				return badRequest(
					`search: query must be a string of at most ${MAX_QUERY_LENGTH} characters.`
				);
			}
			const blocks = options?.blocks;
			if (blocks === undefined) return request('banmian:search', { query });
			if (typeof blocks !== 'boolean')
				return badRequest('search: options.blocks must be a boolean.');
			return request('banmian:search', { query, blocks });
		},
		settings(settings) {
			if (!isSettingsPatch(settings)) {
				return badRequest(
					`settings: theme ${THEMES.join('|')}, fontScale ${FONT_SCALE_MIN}–${FONT_SCALE_MAX}, writing ${WRITING_MODES.join('|')}.`
				);
			}
			const patch = /** @type {BanmianSettingsPatch} */ ({});
			if (settings.theme !== undefined) patch.theme = settings.theme;
			if (settings.fontScale !== undefined) patch.fontScale = settings.fontScale;
			if (settings.writing !== undefined) patch.writing = settings.writing;
			return request('banmian:settings', { settings: patch });
		},
		state() {
			return request('banmian:state', {});
		},
		destroy() {
			if (destroyed) return;
			destroyed = true;
			win.removeEventListener('message', onMessage);
			if (readyTimer !== undefined) clearTimeout(readyTimer);
			const error = banmianError('destroyed', 'The reader was destroyed.');
			rejectReady(error);
			failQueue(error);
			for (const entry of pending.values()) {
				clearTimeout(entry.timer);
				entry.reject(error);
			}
			pending.clear();
			iframe.remove();
		}
	};
}
