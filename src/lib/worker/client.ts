// The one typed way into the worker. The worker starts on first use, not at page load.
//
// Parsing is synchronous inside the worker, so a page that hangs the parser can only be stopped
// from here: the worker announces each parse (ParseNotice), and a parse that outlasts its budget
// gets the worker terminated. A fresh worker is told the page is unparsable (it remembers that
// across visits), is given back every page the old one had loaded, and the calls in flight run
// again on it, now without the page that hung.
import * as Comlink from 'comlink';
import type { WorkerApi, WorkerImportPhase } from './banmian.worker';
import { UNPARSABLE_NOTICE, type DocumentSummary } from '../core/library/summary';
import { isParseNotice, parseBudgetMs, PARSE_TIMEOUT_REASON, type DocumentSource } from './types';

export type { WorkerImportPhase };

/** A Worker, or whatever stands in for one (unit tests use a MessagePort). */
export type WorkerLike = Comlink.Endpoint & { terminate(): void };

export interface WorkerClientOptions {
	spawn: () => WorkerLike;
	/** Milliseconds one parse of this many characters may take; parseBudgetMs by default. */
	budget?: (characters: number) => number;
}

/** Why a call's worker went away: it was stuck parsing the page with this key. */
class Restarted extends Error {
	constructor(
		readonly key: string,
		readonly token: string | undefined
	) {
		super('the worker was restarted');
	}
}

interface Generation {
	worker: WorkerLike;
	remote: Comlink.Remote<WorkerApi>;
	/** Rejects with Restarted once this worker has been terminated. */
	stopped: Promise<never>;
	stop: (reason: Restarted) => void;
	/** Settles once the worker holds every page its predecessor had loaded. */
	ready: Promise<void>;
	/** The parse under way, and when it outlasts its budget (Date.now()). */
	parsing: { reason: Restarted; deadline: number } | null;
	timer: ReturnType<typeof setTimeout> | undefined;
	/** When the timer fires. */
	timerAt: number;
}

/** Rejects with an AbortError when `signal` fires first; the worker's late answer is dropped. */
function abortable<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
	if (!signal) return work;
	if (signal.aborted) return Promise.reject(new DOMException('aborted', 'AbortError'));
	return new Promise<T>((resolve, reject) => {
		const onAbort = () => reject(new DOMException('aborted', 'AbortError'));
		signal.addEventListener('abort', onAbort, { once: true });
		work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
	});
}

type Api = WorkerApi;
type Args<K extends keyof Api> = Parameters<Api[K]>;
type Result<K extends keyof Api> = Awaited<ReturnType<Api[K]>>;
type OnBatch = (summaries: DocumentSummary[], done: number, total: number) => void;

/** Where a loaded page is kept for a replay: imported pages by id, bundled ones by file. */
const replayKey = (source: DocumentSource) => source.id ?? source.source;

export function createWorkerClient(options: WorkerClientOptions) {
	const budget = options.budget ?? parseBudgetMs;
	let current: Generation | null = null;
	/** Every page the worker has loaded, to load them again into a fresh worker. */
	const loaded = new Map<string, DocumentSource>();
	/** Imports parsed but not committed yet (token → the page as a source). */
	const prepared = new Map<string, DocumentSource>();
	/** The archive opened and the months loaded from it, to open them again in a fresh worker. */
	let archiveBase: string | null = null;
	const archiveMonths: [paper: string | null | undefined, month: string | null][] = [];

	function record(sources: readonly DocumentSource[]): void {
		for (const source of sources) {
			// a bundled page is fetched again by URL: no need to hold its bytes
			loaded.set(
				replayKey(source),
				source.url && source.bytes ? { ...source, bytes: undefined } : source
			);
		}
	}

	function start(unparsable?: { key: string; reason: string }): Generation {
		const worker = options.spawn();
		let stop!: (reason: Restarted) => void;
		const stopped = new Promise<never>((_, reject) => (stop = reject));
		stopped.catch(() => {}); // only calls in flight care
		const generation: Generation = {
			worker,
			remote: Comlink.wrap<WorkerApi>(worker),
			stopped,
			stop,
			ready: Promise.resolve(),
			parsing: null,
			timer: undefined,
			timerAt: 0
		};
		worker.addEventListener('message', (event) => {
			const notice = (event as MessageEvent).data;
			if (!isParseNotice(notice)) return;
			if (notice.banmianParse === 'end') {
				generation.parsing = null; // the timer finds nothing to stop
				return;
			}
			const deadline = Date.now() + budget(notice.characters);
			generation.parsing = { reason: new Restarted(notice.key, notice.token), deadline };
			watch(generation);
		});
		const replay = [...loaded.values()];
		const base = archiveBase;
		const months = [...archiveMonths];
		if (unparsable || replay.length || base) {
			const bringUp = (async () => {
				if (unparsable) await generation.remote.markUnparsable(unparsable.key, unparsable.reason);
				if (replay.length) await generation.remote.loadDocuments(replay);
				if (base) await generation.remote.archiveOpen(base);
				for (const [paper, month] of months) await generation.remote.archiveMonth(paper, month);
			})();
			generation.ready = Promise.race([bringUp, stopped]).catch((error) => {
				// a replay that hangs too moves on to the next worker; other failures leave the
				// pages to be reported as missing by the calls that want them
				if (error instanceof Restarted) throw error;
			});
		}
		return generation;
	}

	/**
	 * Stops the worker once the parse under way outlasts its deadline. A notice comes around every
	 * parse, a thousand or two on a first visit: one timer serves them all, set again only when it
	 * would fire too late, instead of a timer set and cleared per notice on the page's thread.
	 */
	function watch(generation: Generation): void {
		const parsing = generation.parsing;
		if (!parsing) return;
		if (generation.timer !== undefined) {
			if (generation.timerAt <= parsing.deadline) return;
			clearTimeout(generation.timer);
		}
		generation.timerAt = parsing.deadline;
		generation.timer = setTimeout(
			() => {
				generation.timer = undefined;
				const now = generation.parsing;
				if (now && now.deadline <= Date.now()) restart(generation, now.reason);
				else watch(generation);
			},
			Math.max(0, parsing.deadline - Date.now())
		);
	}

	function restart(generation: Generation, reason: Restarted): void {
		if (generation !== current) return;
		clearTimeout(generation.timer);
		generation.worker.terminate();
		current = start({ key: reason.key, reason: PARSE_TIMEOUT_REASON });
		generation.stop(reason);
	}

	/**
	 * Runs `work` on the current worker; when that worker is stopped meanwhile, runs it again on
	 * the next one, unless `interrupted` throws instead.
	 */
	async function call<T>(
		work: (remote: Comlink.Remote<WorkerApi>) => Promise<T>,
		interrupted?: (reason: Restarted) => void
	): Promise<T> {
		for (;;) {
			const generation = (current ??= start());
			try {
				await generation.ready;
				return await Promise.race([work(generation.remote), generation.stopped]);
			} catch (error) {
				if (!(error instanceof Restarted)) throw error;
				interrupted?.(error);
			}
		}
	}

	/**
	 * Streams summaries so each page reaches `onBatch` once, even when the worker is replaced
	 * midway and the next one sends the pages already delivered again.
	 */
	function stream(sources: DocumentSource[], onBatch: OnBatch): Promise<number> {
		/** How many summaries of each page id have been delivered. */
		const delivered = new Map<string, number>();
		let attempt = 0;
		return call((remote) => {
			const mine = ++attempt;
			const skip = new Map(delivered);
			const forward: OnBatch = (batch, done, total) => {
				if (mine !== attempt) return; // a late batch from a stopped worker
				const fresh = batch.filter((summary) => {
					const left = skip.get(summary.id) ?? 0;
					if (left > 0) skip.set(summary.id, left - 1);
					else delivered.set(summary.id, (delivered.get(summary.id) ?? 0) + 1);
					return left === 0;
				});
				if (fresh.length) onBatch(fresh, done, total);
			};
			return remote.streamDocuments(sources, Comlink.proxy(forward));
		});
	}

	return {
		/** Starts the worker now, so its script downloads while the caller fetches something else. */
		warm(): void {
			current ??= start();
		},
		loadDocuments(
			sources: Args<'loadDocuments'>[0],
			signal?: AbortSignal
		): Promise<Result<'loadDocuments'>> {
			const work = call((remote) => remote.loadDocuments(sources));
			void work.then(
				() => record(sources),
				() => {}
			);
			return abortable(work, signal);
		},
		/** Every summary arrives through `onBatch`, once; resolves with how many there were. */
		streamDocuments(
			sources: Args<'streamDocuments'>[0],
			onBatch: OnBatch,
			signal?: AbortSignal
		): Promise<Result<'streamDocuments'>> {
			const work = stream(sources, onBatch);
			void work.then(
				() => record(sources),
				() => {}
			);
			return abortable(work, signal);
		},
		getDocument(id: string, signal?: AbortSignal): Promise<Result<'getDocument'>> {
			return abortable(
				call((remote) => remote.getDocument(id)),
				signal
			);
		},
		buildIndex(
			onProgress?: Args<'buildIndex'>[0],
			signal?: AbortSignal
		): Promise<Result<'buildIndex'>> {
			const proxied = onProgress ? Comlink.proxy(onProgress) : undefined;
			return abortable(
				call((remote) => remote.buildIndex(proxied)),
				signal
			);
		},
		search(
			query: string,
			options: Args<'search'>[1],
			signal?: AbortSignal
		): Promise<Result<'search'>> {
			return abortable(
				call((remote) => remote.search(query, options)),
				signal
			);
		},
		findInArticle(
			docId: string,
			articleId: string,
			query: string,
			signal?: AbortSignal
		): Promise<Result<'findInArticle'>> {
			return abortable(
				call((remote) => remote.findInArticle(docId, articleId, query)),
				signal
			);
		},
		/**
		 * The file's bytes move to the worker (transferred): `file.bytes` is empty afterwards, so
		 * a worker stuck parsing them cannot be given them again: the import fails instead.
		 */
		prepareImport(
			file: Args<'prepareImport'>[0],
			token: string,
			onPhase?: (phase: WorkerImportPhase) => void,
			signal?: AbortSignal
		): Promise<Result<'prepareImport'>> {
			const phases = onPhase ? Comlink.proxy(onPhase) : undefined;
			const work = call(
				(remote) => remote.prepareImport(Comlink.transfer(file, [file.bytes]), token, phases),
				(reason) => {
					throw new Error(
						reason.token === token
							? `${UNPARSABLE_NOTICE}:${PARSE_TIMEOUT_REASON}`
							: '导入被打断,请再试一次'
					);
				}
			);
			void work.then(
				(ready) =>
					prepared.set(token, {
						source: file.name,
						text: ready.text,
						encoding: ready.encoding,
						sidecar: file.sidecar,
						imported: true,
						id: ready.id
					}),
				() => {}
			);
			return abortable(work, signal);
		},
		async commitImport(token: string): Promise<boolean> {
			const source = prepared.get(token);
			prepared.delete(token);
			let committed = await call((remote) => remote.commitImport(token));
			if (!committed && source) {
				// prepared by a worker since replaced: the page is loaded into this one instead
				await call((remote) => remote.loadDocuments([source]));
				committed = true;
			}
			if (committed && source) record([source]);
			return committed;
		},
		discardImport(token: string): Promise<void> {
			prepared.delete(token);
			return call((remote) => remote.discardImport(token));
		},
		removeDocument(id: string): Promise<void> {
			loaded.delete(id);
			return call((remote) => remote.removeDocument(id));
		},
		findInBlocks(
			docId: string,
			query: string,
			signal?: AbortSignal
		): Promise<Result<'findInBlocks'>> {
			return abortable(
				call((remote) => remote.findInBlocks(docId, query)),
				signal
			);
		},
		/** Opens the static archive (archive mode): its months and the newest month's pages. */
		async archiveOpen(base: string): Promise<Result<'archiveOpen'>> {
			const opened = await call((remote) => remote.archiveOpen(base));
			archiveBase = base;
			return opened;
		},
		async archiveMonth(
			paper: string | null | undefined,
			month: string | null
		): Promise<Result<'archiveMonth'>> {
			const pages = await call((remote) => remote.archiveMonth(paper, month));
			archiveMonths.push([paper, month]);
			return pages;
		},
		archivePage(id: string, signal?: AbortSignal): Promise<Result<'archivePage'>> {
			return abortable(
				call((remote) => remote.archivePage(id)),
				signal
			);
		},
		archiveFiles(names: string[]): Promise<Result<'archiveFiles'>> {
			return call((remote) => remote.archiveFiles(names));
		},
		searchFacets(signal?: AbortSignal): Promise<Result<'searchFacets'>> {
			return abortable(
				call((remote) => remote.searchFacets()),
				signal
			);
		}
	};
}

export type WorkerClient = ReturnType<typeof createWorkerClient>;

/**
 * End-to-end tests may set `globalThis.banmianParseBudgetMs` (in an init script) to make an
 * ordinary parse count as a hang, since no page hangs the (linear) parser on demand. Only code
 * already running on the page can set it, and it only makes the reader give up on pages sooner.
 */
function budgetFor(characters: number): number {
	const forTests = (globalThis as { banmianParseBudgetMs?: unknown }).banmianParseBudgetMs;
	return typeof forTests === 'number' && forTests > 0 ? forTests : parseBudgetMs(characters);
}

export const workerClient = createWorkerClient({
	spawn: () =>
		new Worker(new URL('./banmian.worker.ts', import.meta.url), {
			type: 'module',
			name: 'banmian'
		}),
	budget: budgetFor
});
