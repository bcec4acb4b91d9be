import { describe, expect, it, vi } from 'vitest';
import { mountBanmian } from '../../../static/embed.js';
import { parseEmbedParams } from '../core/embed/protocol';
import {
	EmbedError,
	startEmbedBridge,
	type EmbedHandlers,
	type MessageEventLike,
	type WindowLike
} from './embed-bridge';

const HOST = 'https://host.example';
const SETTINGS = { theme: 'light', fontScale: 1, writing: 'horizontal' } as const;

interface Setup {
	allowed?: string[];
	ancestors?: string[];
	referrer?: string;
	topLevel?: boolean;
	handlers?: Partial<EmbedHandlers>;
}

function handlersWith(overrides: Partial<EmbedHandlers> = {}): EmbedHandlers {
	return {
		open: vi.fn(async (doc: string, article?: string) => {
			if (doc !== 'd1') throw new EmbedError('unknown-doc', `No page ${doc}`);
			if (article !== undefined && article !== 'a1') {
				throw new EmbedError('unknown-article', `No article ${article}`);
			}
			return { doc, article: article ?? null, title: article ? '头条' : '第1版' };
		}),
		search: vi.fn(async (query: string) => ({
			total: 1,
			hits: [{ doc: 'd1', article: 'a1', title: '头条', snippet: `…${query}…`, block: null }]
		})),
		settings: vi.fn(async (patch) => ({ ...SETTINGS, ...patch })),
		state: vi.fn(async () => ({ doc: 'd1', article: 'a1', fraction: 0.25, settings: SETTINGS })),
		...overrides
	};
}

function setup(options: Setup = {}) {
	const posted: { message: unknown; targetOrigin: string }[] = [];
	const parent = {
		postMessage(message: unknown, targetOrigin: string) {
			// Like the browser: the message is structured-cloned, and '*' would be a bug.
			posted.push({ message: structuredClone(message), targetOrigin });
		}
	};
	let listener: ((event: MessageEventLike) => void) | undefined;
	const frames = new Map<number, () => void>();
	let nextFrame = 1;
	const observers: { callback: () => void; element?: unknown; disconnected: boolean }[] = [];
	const win: WindowLike & { self?: unknown } = {
		parent,
		addEventListener: (_type, l) => (listener = l),
		removeEventListener: (_type, l) => {
			if (listener === l) listener = undefined;
		},
		ResizeObserver: class {
			record: (typeof observers)[number];
			constructor(callback: () => void) {
				this.record = { callback, disconnected: false };
				observers.push(this.record);
			}
			observe(element: unknown) {
				this.record.element = element;
			}
			disconnect() {
				this.record.disconnected = true;
			}
		},
		requestAnimationFrame(callback) {
			frames.set(nextFrame, callback);
			return nextFrame++;
		},
		cancelAnimationFrame(handle) {
			frames.delete(handle);
		},
		document: { referrer: options.referrer ?? '' },
		location: { ancestorOrigins: options.ancestors ?? [HOST] }
	};
	if (options.topLevel) (win as { parent: unknown }).parent = win;
	const handlers = handlersWith(options.handlers);
	const bridge = startEmbedBridge({ allowedOrigins: options.allowed ?? [HOST], handlers, win });
	return {
		bridge,
		handlers,
		posted,
		parent,
		listening: () => listener !== undefined,
		/** A message event as the browser would fire it in the reader's window. */
		send(data: unknown, origin = HOST, source: unknown = parent) {
			listener?.({ data, origin, source });
		},
		runFrames() {
			const pending = [...frames.values()];
			frames.clear();
			for (const f of pending) f();
		},
		observers
	};
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('an embed with no allowed parent', () => {
	it.each([
		['no parent parameter', { allowed: [] }],
		['only invalid parents', { allowed: ['*', 'null', 'https://host.example/path'] }],
		['a top-level page', { topLevel: true }]
	])('with %s sends and accepts nothing', async (_name, options: Setup) => {
		const t = setup(options);
		expect(t.bridge.active).toBe(false);
		expect(t.listening()).toBe(false);
		t.bridge.ready([{ id: 'd1', title: 'T', articles: [] }]);
		t.bridge.navigated('d1', null, 'T');
		t.bridge.progress('d1', null, 0.5);
		t.bridge.observeHeight({ getBoundingClientRect: () => ({ height: 100 }) });
		t.runFrames();
		t.send({ type: 'banmian:state', id: '1' });
		await settle();
		expect(t.posted).toEqual([]);
		expect(t.handlers.state).not.toHaveBeenCalled();
	});
});

describe('events to the host', () => {
	it('ready goes to the parent origin with the documents, never to "*"', () => {
		const t = setup();
		expect(t.bridge.active).toBe(true);
		t.bridge.ready([{ id: 'd1', title: '第1版', articles: [{ id: 'a1', title: '头条' }] }]);
		expect(t.posted).toEqual([
			{
				message: {
					type: 'banmian:ready',
					version: 1,
					documents: [{ id: 'd1', title: '第1版', articles: [{ id: 'a1', title: '头条' }] }]
				},
				targetOrigin: HOST
			}
		]);
	});

	it('ready is sent again when the library changes, not when the same list is given again', () => {
		const t = setup();
		const first = [{ id: 'd1', title: '第1版', articles: [{ id: 'a1', title: '头条' }] }];
		const second = [...first, { id: 'd2', title: '第2版', articles: [] }];
		t.bridge.ready(first);
		t.bridge.ready(structuredClone(first));
		t.bridge.ready(second);
		t.bridge.ready(first);
		expect(
			t.posted.map((p) => (p.message as { documents: { id: string }[] }).documents.map((d) => d.id))
		).toEqual([['d1'], ['d1', 'd2'], ['d1']]);
	});

	it('navigated and progress follow, with identical progress not repeated', () => {
		const t = setup();
		t.bridge.navigated('d1', 'a1', '头条');
		t.bridge.progress('d1', 'a1', 0.5);
		t.bridge.progress('d1', 'a1', 0.5);
		t.bridge.progress('d1', 'a1', 0.75);
		expect(t.posted.map((p) => p.message)).toEqual([
			{ type: 'banmian:navigated', doc: 'd1', article: 'a1', title: '头条' },
			{ type: 'banmian:progress', doc: 'd1', article: 'a1', fraction: 0.5 },
			{ type: 'banmian:progress', doc: 'd1', article: 'a1', fraction: 0.75 }
		]);
	});

	it('posts nothing when the browser names a parent that is not allowed', () => {
		const t = setup({ ancestors: ['https://evil.example'] });
		t.bridge.ready([]);
		expect(t.posted).toEqual([]);
	});

	it('uses the referrer when ancestorOrigins is unavailable (Firefox)', () => {
		const t = setup({
			allowed: ['https://a.example', HOST],
			ancestors: [],
			referrer: `${HOST}/news/today.html`
		});
		t.bridge.ready([]);
		expect(t.posted.map((p) => p.targetOrigin)).toEqual([HOST]);
	});

	it('treats a masked ancestor origin ("null", referrer policy no-referrer) as unknown', () => {
		const t = setup({ ancestors: ['null'], referrer: '' });
		t.bridge.ready([]);
		expect(t.posted.map((p) => p.targetOrigin)).toEqual([HOST]);
	});

	it('without any hint, posts to each allowed origin so only a matching parent receives it', () => {
		const t = setup({ allowed: ['https://a.example', HOST], ancestors: [], referrer: '' });
		t.bridge.ready([]);
		expect(t.posted.map((p) => p.targetOrigin)).toEqual(['https://a.example', HOST]);
	});

	it('after a verified request, posts only to the origin it came from', async () => {
		const t = setup({ allowed: ['https://a.example', HOST], ancestors: [], referrer: '' });
		t.send({ type: 'banmian:state', id: 's' });
		await settle();
		t.posted.length = 0;
		t.bridge.navigated('d1', null, '第1版');
		expect(t.posted.map((p) => p.targetOrigin)).toEqual([HOST]);
	});
});

describe('requests from the host', () => {
	it('open answers with the result, to the requesting origin', async () => {
		const t = setup();
		t.send({ type: 'banmian:open', id: 'r1', doc: 'd1', article: 'a1' });
		await settle();
		expect(t.handlers.open).toHaveBeenCalledWith('d1', 'a1');
		expect(t.posted).toEqual([
			{
				message: {
					type: 'banmian:response',
					id: 'r1',
					ok: true,
					result: { doc: 'd1', article: 'a1', title: '头条' }
				},
				targetOrigin: HOST
			}
		]);
	});

	it('unknown doc and article ids get ok:false with their codes', async () => {
		const t = setup();
		t.send({ type: 'banmian:open', id: 'r1', doc: 'nope' });
		t.send({ type: 'banmian:open', id: 'r2', doc: 'd1', article: 'zz' });
		await settle();
		expect(t.posted.map((p) => p.message)).toEqual([
			{
				type: 'banmian:response',
				id: 'r1',
				ok: false,
				error: { code: 'unknown-doc', message: 'No page nope' }
			},
			{
				type: 'banmian:response',
				id: 'r2',
				ok: false,
				error: { code: 'unknown-article', message: 'No article zz' }
			}
		]);
	});

	it('search, settings and state pass their arguments and answer with protocol fields only', async () => {
		const t = setup({
			handlers: {
				search: async () => ({
					total: 1,
					hits: [{ doc: 'd1', article: 'a1', title: 't', snippet: 's', internal: 1 } as never]
				})
			}
		});
		t.send({ type: 'banmian:search', id: 'q', query: '太行' });
		t.send({ type: 'banmian:settings', id: 's', settings: { theme: 'dark' } });
		t.send({ type: 'banmian:state', id: 'st' });
		await settle();
		expect(t.handlers.settings).toHaveBeenCalledWith({ theme: 'dark' });
		const results = Object.fromEntries(
			t.posted.map((p) => {
				const m = p.message as { id: string; result: unknown };
				return [m.id, m.result];
			})
		);
		expect(results).toEqual({
			q: { total: 1, hits: [{ doc: 'd1', article: 'a1', title: 't', snippet: 's', block: null }] },
			s: { theme: 'dark', fontScale: 1, writing: 'horizontal' },
			st: { doc: 'd1', article: 'a1', fraction: 0.25, settings: SETTINGS }
		});
	});

	it('an unexpected failure becomes an internal error without leaking its message', async () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		const t = setup({
			handlers: {
				state: () => {
					throw new Error('secret stack detail');
				}
			}
		});
		t.send({ type: 'banmian:state', id: 'x' });
		await settle();
		const message = t.posted[0].message as {
			ok: boolean;
			error: { code: string; message: string };
		};
		expect(message.ok).toBe(false);
		expect(message.error.code).toBe('internal');
		expect(message.error.message).not.toContain('secret');
		error.mockRestore();
	});

	it('keeps the code of an error that lost its class crossing a worker boundary', async () => {
		const t = setup({
			handlers: {
				search: async () => {
					throw { name: 'EmbedError', code: 'bad-request', message: 'Query too short' };
				}
			}
		});
		t.send({ type: 'banmian:search', id: 'x', query: '' });
		await settle();
		expect(t.posted[0].message).toMatchObject({
			ok: false,
			error: { code: 'bad-request', message: 'Query too short' }
		});
	});

	it.each([
		['another origin', { type: 'banmian:state', id: '1' }, 'https://evil.example', 'parent'],
		['an allowed origin but another window', { type: 'banmian:state', id: '1' }, HOST, 'other'],
		['a malformed request', { type: 'banmian:open', id: '1', doc: 7 }, HOST, 'parent'],
		[
			'a settings value out of range',
			{ type: 'banmian:settings', id: '1', settings: { fontScale: 9 } },
			HOST,
			'parent'
		],
		['a request without id', { type: 'banmian:state' }, HOST, 'parent'],
		['a foreign message', { type: 'webpackHotUpdate' }, HOST, 'parent'],
		['a string', 'banmian:state', HOST, 'parent']
	])('ignores %s: no handler call, no reply', async (_name, data, origin, source) => {
		const t = setup();
		t.send(data, origin, source === 'parent' ? t.parent : { postMessage() {} });
		await settle();
		expect(t.posted).toEqual([]);
		for (const handler of Object.values(t.handlers)) expect(handler).not.toHaveBeenCalled();
	});
});

describe('height', () => {
	it('posts the integer height once per frame, and again only when it changes', () => {
		const t = setup();
		let height = 300.4;
		const element = { getBoundingClientRect: () => ({ height }) };
		t.bridge.observeHeight(element);
		expect(t.observers[0].element).toBe(element);
		t.runFrames();
		expect(t.posted.map((p) => p.message)).toEqual([{ type: 'banmian:resize', height: 301 }]);

		// Many layout changes in one frame: one message with the final height.
		height = 500;
		t.observers[0].callback();
		height = 640;
		t.observers[0].callback();
		t.runFrames();
		// Unchanged height: nothing new.
		t.observers[0].callback();
		t.runFrames();
		expect(t.posted.map((p) => p.message)).toEqual([
			{ type: 'banmian:resize', height: 301 },
			{ type: 'banmian:resize', height: 640 }
		]);
	});

	it('stops observing when asked, or when another element is observed', () => {
		const t = setup();
		const stopFirst = t.bridge.observeHeight({ getBoundingClientRect: () => ({ height: 1 }) });
		t.bridge.observeHeight({ getBoundingClientRect: () => ({ height: 2 }) });
		expect(t.observers[0].disconnected).toBe(true);
		stopFirst(); // stale: must not disconnect the second
		expect(t.observers[1].disconnected).toBe(false);
		t.runFrames();
		expect(t.posted.map((p) => p.message)).toEqual([{ type: 'banmian:resize', height: 2 }]);
	});
});

describe('stop', () => {
	it('stops listening, posting and answering requests already under way', async () => {
		let finish!: () => void;
		const t = setup({
			handlers: {
				state: () =>
					new Promise((resolve) => {
						finish = () => resolve({ doc: null, article: null, fraction: 0, settings: SETTINGS });
					})
			}
		});
		t.bridge.observeHeight({ getBoundingClientRect: () => ({ height: 10 }) });
		t.send({ type: 'banmian:state', id: 'late' });
		t.bridge.stop();
		expect(t.listening()).toBe(false);
		expect(t.observers[0].disconnected).toBe(true);
		finish();
		await settle();
		t.runFrames();
		t.bridge.ready([]);
		expect(t.posted).toEqual([]);
	});
});

// ---- the host script (static/embed.js) talking to the bridge -------------------------------

const HOST_ORIGIN = 'http://127.0.0.1:4174';
const READER_ORIGIN = 'http://localhost:4174';
const LIBRARY = [
	{
		id: 'd1',
		title: '第1版',
		articles: [
			{ id: 'a1', title: '头条' },
			{ id: 'a2', title: '短讯' }
		]
	}
];

type Listener = (event: MessageEventLike) => void;

/** Two windows on two origins with the browser's postMessage rules: clone, check target, async. */
function world() {
	const hostListeners = new Set<Listener>();
	const readerListeners = new Set<Listener>();
	const deliver = (listeners: Set<Listener>, event: MessageEventLike) =>
		setTimeout(() => {
			for (const l of [...listeners]) l(event);
		}, 0);
	const wrongTargets: string[] = [];
	const toReader: { id?: unknown }[] = [];
	const hostWin = {
		location: { href: `${HOST_ORIGIN}/news/today.html`, origin: HOST_ORIGIN },
		addEventListener: (_t: string, l: Listener) => hostListeners.add(l),
		removeEventListener: (_t: string, l: Listener) => hostListeners.delete(l),
		postMessage(message: unknown, targetOrigin: string) {
			if (targetOrigin !== HOST_ORIGIN) return void wrongTargets.push(targetOrigin);
			deliver(hostListeners, {
				data: structuredClone(message),
				origin: READER_ORIGIN,
				source: readerWin
			});
		}
	};
	const readerWin: WindowLike & { postMessage(m: unknown, t: string): void } = {
		parent: hostWin,
		addEventListener: (_t, l) => readerListeners.add(l),
		removeEventListener: (_t, l) => readerListeners.delete(l),
		location: { ancestorOrigins: [HOST_ORIGIN] },
		postMessage(message: unknown, targetOrigin: string) {
			if (targetOrigin !== READER_ORIGIN) return void wrongTargets.push(targetOrigin);
			toReader.push(structuredClone(message) as { id?: unknown });
			deliver(readerListeners, {
				data: structuredClone(message),
				origin: HOST_ORIGIN,
				source: hostWin
			});
		}
	};
	const children: unknown[] = [];
	const iframe = {
		title: '',
		src: '',
		referrerPolicy: '',
		style: {} as Record<string, string>,
		contentWindow: readerWin as unknown,
		remove() {
			this.contentWindow = null;
			children.splice(children.indexOf(this), 1);
		}
	};
	const element = {
		ownerDocument: { defaultView: hostWin, createElement: () => iframe },
		appendChild: (child: unknown) => children.push(child)
	} as unknown as HTMLElement;
	/** A message the host window receives from somewhere else. */
	const forge = (data: unknown, origin: string, source: unknown) =>
		deliver(hostListeners, { data, origin, source });
	return {
		hostWin,
		readerWin,
		iframe,
		element,
		children,
		hostListeners,
		wrongTargets,
		toReader,
		forge
	};
}

/** What the app will do: read the parameters the host put in the URL and start the bridge. */
async function startReader(w: ReturnType<typeof world>, handlers = handlersWith()) {
	const params = parseEmbedParams(new URL(w.iframe.src).search);
	const bridge = startEmbedBridge({ allowedOrigins: params.parents, handlers, win: w.readerWin });
	return { params, bridge, handlers };
}

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('host script with the bridge', () => {
	it('builds an accessible iframe whose URL allows exactly the host origin', async () => {
		const w = world();
		mountBanmian(w.element, {
			src: `${READER_ORIGIN}/banmian/`,
			doc: 'd1',
			article: 'a2',
			theme: 'sepia',
			fontScale: 1.25,
			writing: 'vertical'
		});
		expect(w.children).toEqual([w.iframe]);
		expect(w.iframe.title).not.toBe('');
		expect(w.iframe.src.startsWith(`${READER_ORIGIN}/banmian/?`)).toBe(true);
		const { params } = await startReader(w);
		expect(params).toEqual({
			embed: true,
			parents: [HOST_ORIGIN],
			doc: 'd1',
			article: 'a2',
			settings: { theme: 'sepia', fontScale: 1.25, writing: 'vertical' }
		});
	});

	it('refuses a src that is not http(s)', () => {
		const w = world();
		expect(() => mountBanmian(w.element, { src: 'javascript:alert(1)' })).toThrow(TypeError);
	});

	it('ready, open, search, settings and state round-trip; events reach the callbacks', async () => {
		const w = world();
		const navigated: unknown[] = [];
		const heights: number[] = [];
		const onReady = vi.fn();
		const reader = mountBanmian(w.element, {
			src: `${READER_ORIGIN}/`,
			onReady,
			onNavigated: (e: unknown) => navigated.push(e),
			onResize: (h: number) => heights.push(h)
		});
		// Asked before the reader is up: waits for ready instead of being lost.
		const early = reader.state();
		const { bridge } = await startReader(w);
		bridge.ready(LIBRARY);
		expect(await reader.ready).toEqual({ type: 'banmian:ready', version: 1, documents: LIBRARY });
		expect(onReady).toHaveBeenCalledTimes(1);
		expect(await early).toMatchObject({ doc: 'd1', article: 'a1' });

		expect(await reader.open('d1', 'a1')).toEqual({ doc: 'd1', article: 'a1', title: '头条' });
		bridge.navigated('d1', 'a1', '头条');
		expect((await reader.search('太行')).hits[0]).toMatchObject({ doc: 'd1', article: 'a1' });
		expect(await reader.settings({ theme: 'dark' })).toEqual({ ...SETTINGS, theme: 'dark' });

		bridge.observeHeight({ getBoundingClientRect: () => ({ height: 912.5 }) });
		await tick(30); // no requestAnimationFrame in this window: the bridge falls back to a timer
		expect(w.iframe.style.height).toBe('913px');
		expect(heights).toEqual([913]);
		expect(navigated).toEqual([
			{ type: 'banmian:navigated', doc: 'd1', article: 'a1', title: '头条' }
		]);
		expect(w.wrongTargets).toEqual([]);
	});

	it('search leaves blocks out unless the host asks for them', async () => {
		const w = world();
		const reader = mountBanmian(w.element, { src: `${READER_ORIGIN}/` });
		const { bridge, handlers } = await startReader(w);
		bridge.ready(LIBRARY);
		await reader.ready;
		await reader.search('太行');
		await reader.search('影院', { blocks: true });
		expect(vi.mocked(handlers.search).mock.calls).toEqual([
			['太行', false],
			['影院', true]
		]);
		await expect(reader.search('影院', { blocks: 'yes' as never })).rejects.toMatchObject({
			code: 'bad-request'
		});
		expect(handlers.search).toHaveBeenCalledTimes(2);
	});

	it('a later ready with a changed library reaches onReady again; `ready` keeps the first', async () => {
		const w = world();
		const lists: unknown[] = [];
		const reader = mountBanmian(w.element, {
			src: `${READER_ORIGIN}/`,
			onReady: (ready: { documents: unknown }) => lists.push(ready.documents)
		});
		const { bridge } = await startReader(w);
		bridge.ready(LIBRARY);
		const grown = [...LIBRARY, { id: 'd9', title: '第9版', articles: [] }];
		bridge.ready(grown);
		await tick(0);
		expect(lists).toEqual([LIBRARY, grown]);
		expect((await reader.ready).documents).toEqual(LIBRARY);
	});

	it('rejects with the reader error code', async () => {
		const w = world();
		const reader = mountBanmian(w.element, { src: `${READER_ORIGIN}/` });
		(await startReader(w)).bridge.ready(LIBRARY);
		await reader.ready;
		await expect(reader.open('nope')).rejects.toMatchObject({ code: 'unknown-doc' });
		await expect(reader.open('d1', 'zz')).rejects.toMatchObject({ code: 'unknown-article' });
	});

	it('rejects bad arguments at once, without bothering the reader', async () => {
		const w = world();
		const reader = mountBanmian(w.element, { src: `${READER_ORIGIN}/` });
		const { handlers, bridge } = await startReader(w);
		bridge.ready(LIBRARY);
		await reader.ready;
		await expect(reader.settings({ fontScale: 5 })).rejects.toMatchObject({ code: 'bad-request' });
		await expect(reader.settings({ theme: 'neon' as unknown as 'dark' })).rejects.toMatchObject({
			code: 'bad-request'
		});
		await expect(reader.open('')).rejects.toMatchObject({ code: 'bad-request' });
		expect(handlers.settings).not.toHaveBeenCalled();
		expect(handlers.open).not.toHaveBeenCalled();
	});

	it('ignores look-alike messages from another origin or another window', async () => {
		const w = world();
		const onReady = vi.fn();
		const onResize = vi.fn();
		const reader = mountBanmian(w.element, { src: `${READER_ORIGIN}/`, onReady, onResize });
		const ready = { type: 'banmian:ready', version: 1, documents: [] };
		w.forge(ready, 'https://evil.example', w.readerWin);
		w.forge(ready, READER_ORIGIN, { other: 'window' });
		w.forge({ type: 'banmian:resize', height: 10 }, 'https://evil.example', w.readerWin);
		await tick(5);
		expect(onReady).not.toHaveBeenCalled();
		expect(onResize).not.toHaveBeenCalled();
		expect(w.iframe.style.height).toBe('480px');

		// And a forged response cannot settle a real request.
		const { bridge } = await startReader(w, handlersWith({ state: () => new Promise(() => {}) }));
		bridge.ready(LIBRARY);
		await reader.ready;
		const settled = vi.fn();
		reader.state().then(settled, settled);
		await tick(5);
		const id = w.toReader.at(-1)?.id;
		expect(typeof id).toBe('string');
		const answer = { type: 'banmian:response', id, ok: true, result: 1 };
		w.forge(answer, 'https://evil.example', w.readerWin);
		w.forge(answer, READER_ORIGIN, { other: 'window' });
		await tick(5);
		expect(settled).not.toHaveBeenCalled();
		// The same answer from the real frame does settle it: the checks above were what held.
		w.forge(answer, READER_ORIGIN, w.readerWin);
		await tick(5);
		expect(settled).toHaveBeenCalledWith(1);
		reader.destroy();
	});

	it('times out a request the reader never answers', async () => {
		const w = world();
		const reader = mountBanmian(w.element, { src: `${READER_ORIGIN}/`, timeout: 20 });
		const { bridge } = await startReader(w, handlersWith({ state: () => new Promise(() => {}) }));
		bridge.ready(LIBRARY);
		await reader.ready;
		await expect(reader.state()).rejects.toMatchObject({ code: 'timeout' });
	});

	it('times out ready when the reader does not allow this host', async () => {
		const w = world();
		const reader = mountBanmian(w.element, { src: `${READER_ORIGIN}/`, readyTimeout: 20 });
		// The reader was opened without our origin as parent: its bridge stays silent.
		startEmbedBridge({ allowedOrigins: [], handlers: handlersWith(), win: w.readerWin }).ready(
			LIBRARY
		);
		const queued = reader.open('d1');
		await expect(reader.ready).rejects.toMatchObject({ code: 'timeout' });
		await expect(queued).rejects.toMatchObject({ code: 'timeout' });
	});

	it('destroy removes the iframe, stops listening and rejects what is waiting', async () => {
		const w = world();
		const reader = mountBanmian(w.element, { src: `${READER_ORIGIN}/` });
		const queued = reader.search('x');
		reader.destroy();
		await expect(reader.ready).rejects.toMatchObject({ code: 'destroyed' });
		await expect(queued).rejects.toMatchObject({ code: 'destroyed' });
		await expect(reader.state()).rejects.toMatchObject({ code: 'destroyed' });
		expect(w.children).toEqual([]);
		expect(w.hostListeners.size).toBe(0);
	});
});
