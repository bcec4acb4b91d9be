// The one typed way into the worker. The worker starts on first use, not at page load.
import * as Comlink from 'comlink';
import type { ImportPhase, WorkerApi } from './banmian.worker';

let remote: Comlink.Remote<WorkerApi> | null = null;

function worker(): Comlink.Remote<WorkerApi> {
	if (!remote) {
		const instance = new Worker(new URL('./banmian.worker.ts', import.meta.url), {
			type: 'module',
			name: 'banmian'
		});
		remote = Comlink.wrap<WorkerApi>(instance);
	}
	return remote;
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

export const workerClient = {
	/** Starts the worker now, so its script downloads while the caller fetches something else. */
	warm(): void {
		worker();
	},
	loadDocuments(
		sources: Args<'loadDocuments'>[0],
		signal?: AbortSignal
	): Promise<Result<'loadDocuments'>> {
		return abortable(worker().loadDocuments(sources), signal) as Promise<Result<'loadDocuments'>>;
	},
	/** Every summary arrives through `onBatch`, once; resolves with how many there were. */
	streamDocuments(
		sources: Args<'streamDocuments'>[0],
		onBatch: Args<'streamDocuments'>[1],
		signal?: AbortSignal
	): Promise<Result<'streamDocuments'>> {
		return abortable(worker().streamDocuments(sources, Comlink.proxy(onBatch)), signal) as Promise<
			Result<'streamDocuments'>
		>;
	},
	getDocument(id: string, signal?: AbortSignal): Promise<Result<'getDocument'>> {
		return abortable(worker().getDocument(id), signal) as Promise<Result<'getDocument'>>;
	},
	buildIndex(
		onProgress?: Args<'buildIndex'>[0],
		signal?: AbortSignal
	): Promise<Result<'buildIndex'>> {
		return abortable(
			worker().buildIndex(onProgress ? Comlink.proxy(onProgress) : undefined),
			signal
		) as Promise<Result<'buildIndex'>>;
	},
	search(
		query: string,
		options: Args<'search'>[1],
		signal?: AbortSignal
	): Promise<Result<'search'>> {
		return abortable(worker().search(query, options), signal) as Promise<Result<'search'>>;
	},
	findInArticle(
		docId: string,
		articleId: string,
		query: string,
		signal?: AbortSignal
	): Promise<Result<'findInArticle'>> {
		return abortable(worker().findInArticle(docId, articleId, query), signal) as Promise<
			Result<'findInArticle'>
		>;
	},
	/** The file's bytes move to the worker (transferred): `file.bytes` is empty afterwards. */
	prepareImport(
		file: Args<'prepareImport'>[0],
		token: string,
		onPhase?: (phase: ImportPhase) => void,
		signal?: AbortSignal
	): Promise<Result<'prepareImport'>> {
		return abortable(
			worker().prepareImport(
				Comlink.transfer(file, [file.bytes]),
				token,
				onPhase ? Comlink.proxy(onPhase) : undefined
			),
			signal
		) as Promise<Result<'prepareImport'>>;
	},
	commitImport(token: string): Promise<boolean> {
		return worker().commitImport(token);
	},
	discardImport(token: string): Promise<void> {
		return worker().discardImport(token);
	},
	removeDocument(id: string): Promise<void> {
		return worker().removeDocument(id);
	},
	findInBlocks(
		docId: string,
		query: string,
		signal?: AbortSignal
	): Promise<Result<'findInBlocks'>> {
		return abortable(worker().findInBlocks(docId, query), signal) as Promise<
			Result<'findInBlocks'>
		>;
	},
	searchFacets(signal?: AbortSignal): Promise<Result<'searchFacets'>> {
		return abortable(worker().searchFacets(), signal) as Promise<Result<'searchFacets'>>;
	}
};
