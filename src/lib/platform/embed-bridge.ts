/**
 * The reader's side of the embed protocol: listens for host requests on `window`, answers them
 * through the app's handlers and posts the reader's events to `window.parent`.
 *
 * Security rules: a message is acted on only when its origin is in the allow-list,
 * its source is `window.parent` and it parses as a host request; anything else is dropped without
 * a reply. Nothing is ever posted with targetOrigin `'*'`. With no allowed parent (or no parent
 * at all) the bridge is inert: it neither listens nor posts.
 */
import {
	EmbedError,
	errorResponse,
	isEmbedErrorCode,
	navigatedMessage,
	normaliseResult,
	okResponse,
	parseHostMessage,
	parseOrigin,
	progressMessage,
	readyMessage,
	resizeMessage,
	type EmbedErrorCode,
	type EmbedSettings,
	type EmbedSettingsPatch,
	type HostMessage,
	type OpenResult,
	type ReaderMessage,
	type SearchResult,
	type StateResult
} from '../core/embed/protocol';

export { EmbedError };

type MaybePromise<T> = T | Promise<T>;

/** What the app does for each request. Throw `EmbedError` to answer with a specific code. */
export interface EmbedHandlers {
	/** Navigate to the page (and article); resolve once there. Unknown ids: `unknown-doc` / `unknown-article`. */
	open(doc: string, article?: string): MaybePromise<OpenResult>;
	/** `blocks`: the host asked to include ads, listings and notices. */
	search(query: string, blocks: boolean): MaybePromise<SearchResult>;
	/** Apply the patch; resolve with the complete settings now in effect. */
	settings(patch: EmbedSettingsPatch): MaybePromise<EmbedSettings>;
	state(): MaybePromise<StateResult>;
}

export interface MessageEventLike {
	data: unknown;
	origin: string;
	source: unknown;
}
export interface PostTarget {
	postMessage(message: unknown, targetOrigin: string): void;
}
export interface ResizeObserverLike {
	observe(element: never): void;
	disconnect(): void;
}
export interface HeightElement {
	getBoundingClientRect(): { height: number };
}
/** The parts of `window` the bridge uses, injectable so it can be tested without a DOM. */
export interface WindowLike {
	readonly parent: PostTarget | null;
	addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
	removeEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
	readonly ResizeObserver?: new (callback: () => void) => ResizeObserverLike;
	requestAnimationFrame?(callback: () => void): number;
	cancelAnimationFrame?(handle: number): void;
	readonly document?: { readonly referrer: string };
	readonly location?: {
		readonly ancestorOrigins?: { readonly length: number; [i: number]: string };
	};
}

export interface EmbedBridgeOptions {
	/** Parent origins from the `parent` URL parameters; invalid entries are dropped. */
	allowedOrigins: readonly string[];
	handlers: EmbedHandlers;
	/** Defaults to the global `window`. */
	win?: WindowLike;
}

export interface EmbedBridge {
	/** False when there is no parent window or no valid allowed origin: nothing is sent or accepted. */
	readonly active: boolean;
	/** Announce readiness with the library once it has loaded, and again whenever it changes; an identical list is not re-sent. */
	ready(
		documents: readonly {
			id: string;
			title: string;
			articles: readonly { id: string; title: string }[];
		}[]
	): void;
	/** Call after every navigation to a page or article, including those a host `open` caused. */
	navigated(doc: string, article: string | null, title: string): void;
	/** Reading position, 0…1; identical repeats are not re-sent. Throttle calls to scrolling yourself. */
	progress(doc: string, article: string | null, fraction: number): void;
	/** Post `banmian:resize` whenever this element's height changes; replaces any earlier element. */
	observeHeight(element: HeightElement): () => void;
	stop(): void;
}

const INERT: EmbedBridge = {
	active: false,
	ready() {},
	navigated() {},
	progress() {},
	observeHeight: () => () => {},
	stop() {}
};

function defaultWindow(): WindowLike | undefined {
	return typeof window === 'undefined' ? undefined : (window as unknown as WindowLike);
}

function originOf(url: string | undefined): string | null {
	if (!url) return null;
	try {
		return parseOrigin(new URL(url).origin);
	} catch {
		return null;
	}
}

function describeError(error: unknown): { code: EmbedErrorCode; message: string } {
	if (error instanceof EmbedError) return { code: error.code, message: error.message };
	// Errors that crossed a worker boundary lose their class but may keep code and message.
	if (typeof error === 'object' && error !== null) {
		const { code, message } = error as { code?: unknown; message?: unknown };
		if (isEmbedErrorCode(code) && typeof message === 'string') return { code, message };
	}
	console.error('[banmian embed] request failed', error);
	return { code: 'internal', message: 'The reader could not complete the request.' };
}

export function startEmbedBridge(options: EmbedBridgeOptions): EmbedBridge {
	const win = options.win ?? defaultWindow();
	const parent = win?.parent;
	const allowed = new Set<string>();
	for (const o of options.allowedOrigins) {
		const origin = parseOrigin(o);
		if (origin) allowed.add(origin);
	}
	// Top-level page (parent is itself) or no allowed origin: the embed renders but stays silent.
	if (!win || !parent || (parent as unknown) === win || allowed.size === 0) return INERT;
	const { handlers } = options;

	let stopped = false;
	// The parent's real origin once a verified request has shown it.
	let learnedOrigin: string | null = null;

	/** Where unsolicited events go: the parent's origin if it can be known, else every allowed one. */
	function eventTargets(): string[] {
		if (learnedOrigin) return [learnedOrigin];
		const ancestors = win!.location?.ancestorOrigins;
		// Chrome and Safari say exactly who the parent is: post only if it is allowed. They say
		// "null" when the iframe's referrer policy hides it: then it is not known after all.
		if (ancestors && ancestors.length > 0 && ancestors[0] !== 'null') {
			const origin = ancestors[0];
			return allowed.has(origin) ? [origin] : [];
		}
		const fromReferrer = originOf(win!.document?.referrer);
		if (fromReferrer && allowed.has(fromReferrer)) return [fromReferrer];
		// The browser delivers a message only if targetOrigin matches the parent, so posting to
		// each allowed origin reaches the parent iff it is allowed, and nobody else.
		return [...allowed];
	}

	function post(message: ReaderMessage, targetOrigin: string): void {
		if (stopped) return;
		try {
			parent!.postMessage(message, targetOrigin);
		} catch (error) {
			// A result that cannot be structured-cloned throws DataCloneError: answer with an error instead.
			if (message.type === 'banmian:response' && message.ok) {
				console.error('[banmian embed] could not post response', error);
				post(errorResponse(message.id, 'internal', 'The result could not be sent.'), targetOrigin);
			}
		}
	}

	function emit(message: ReaderMessage): void {
		for (const origin of eventTargets()) post(message, origin);
	}

	async function run(request: HostMessage): Promise<unknown> {
		switch (request.type) {
			case 'banmian:open':
				return normaliseResult(request.type, await handlers.open(request.doc, request.article));
			case 'banmian:search':
				return normaliseResult(
					request.type,
					await handlers.search(request.query, request.blocks === true)
				);
			case 'banmian:settings':
				return normaliseResult(request.type, await handlers.settings(request.settings));
			case 'banmian:state':
				return normaliseResult(request.type, await handlers.state());
		}
	}

	function onMessage(event: MessageEventLike): void {
		if (stopped) return;
		if (event.source !== parent || !allowed.has(event.origin)) return;
		const request = parseHostMessage(event.data);
		if (!request) return;
		learnedOrigin = event.origin;
		const origin = event.origin;
		run(request).then(
			(result) => post(okResponse(request.id, result), origin),
			(error: unknown) => {
				const { code, message } = describeError(error);
				post(errorResponse(request.id, code, message), origin);
			}
		);
	}

	win.addEventListener('message', onMessage);

	// ---- height ---------------------------------------------------------------------------
	let lastHeight = -1;
	let observer: ResizeObserverLike | null = null;
	let frame: number | null = null;
	let cancelFrame: (() => void) | null = null;

	function schedule(task: () => void): void {
		if (frame !== null) return;
		if (win!.requestAnimationFrame) {
			const handle = win!.requestAnimationFrame(() => {
				frame = null;
				task();
			});
			frame = handle;
			cancelFrame = () => win!.cancelAnimationFrame?.(handle);
		} else {
			const handle = setTimeout(() => {
				frame = null;
				task();
			}, 16);
			frame = 0;
			cancelFrame = () => clearTimeout(handle);
		}
	}

	function unobserve(): void {
		observer?.disconnect();
		observer = null;
		if (frame !== null) cancelFrame?.();
		frame = null;
	}

	function observeHeight(element: HeightElement): () => void {
		if (stopped) return () => {};
		unobserve();
		// Coalesced to one measurement per frame: layout can change many times in one.
		const measure = () =>
			schedule(() => {
				if (stopped) return;
				const height = resizeMessage(element.getBoundingClientRect().height).height;
				if (height === lastHeight) return;
				lastHeight = height;
				emit(resizeMessage(height));
			});
		const Observer = win!.ResizeObserver;
		if (Observer) {
			const mine = new Observer(measure);
			observer = mine;
			mine.observe(element as never);
			measure();
			return () => {
				if (observer === mine) unobserve();
			};
		}
		measure();
		return () => {};
	}

	let lastProgress = '';
	let lastListing = '';

	return {
		active: true,
		ready(documents) {
			const message = readyMessage(documents);
			const listing = JSON.stringify(message.documents);
			if (listing === lastListing) return;
			lastListing = listing;
			emit(message);
		},
		navigated(doc, article, title) {
			emit(navigatedMessage(doc, article, title));
		},
		progress(doc, article, fraction) {
			const message = progressMessage(doc, article, fraction);
			const key = JSON.stringify([message.doc, message.article, message.fraction]);
			if (key === lastProgress) return;
			lastProgress = key;
			emit(message);
		},
		observeHeight,
		stop() {
			if (stopped) return;
			unobserve();
			stopped = true;
			win.removeEventListener('message', onMessage);
		}
	};
}
