import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Comlink from 'comlink';
import { createWorkerClient, type WorkerLike } from './client';
import { UNPARSABLE_NOTICE, type DocumentSummary } from '../core/library/summary';
import { PARSE_TIMEOUT_REASON, type DocumentSource, type ParseNotice } from './types';

// A stand-in worker over a MessageChannel, speaking the real worker's protocol: comlink calls,
// and a ParseNotice around each page it "parses". A page named hang.txt starts parsing and never
// finishes, as a real worker stuck in a synchronous parse never answers again; slow.txt is long
// (1,000 characters) and takes 400 ms. What a worker
// marks unparsable outlives it, as the real one's IndexedDB record does.

function summary(source: DocumentSource, unparsable: string | null = null): DocumentSummary {
	return {
		id: source.id ?? source.source.replace(/\.txt$/, ''),
		source: source.source,
		page: { header: null, footer: null, paper: null, date: null, pageNumber: null, pageName: null },
		articles: [],
		blockCount: 0,
		diagnostics: [],
		encoding: 'utf-8',
		imported: source.imported ?? false,
		error: unparsable && `${UNPARSABLE_NOTICE}:${unparsable}`,
		unparsable
	};
}

interface FakeWorker {
	terminated: boolean;
	/** Page ids this worker holds. */
	loaded: Set<string>;
}

function fakeWorkers() {
	const spawned: FakeWorker[] = [];
	const unparsable = new Map<string, string>();
	const ports: MessagePort[] = [];
	const spawn = (): WorkerLike => {
		const { port1, port2 } = new MessageChannel();
		ports.push(port1, port2);
		const state: FakeWorker = { terminated: false, loaded: new Set() };
		spawned.push(state);
		const announce = (notice: ParseNotice) => port2.postMessage(notice);
		async function parse(source: DocumentSource): Promise<DocumentSummary> {
			const key = `key-${source.source}`;
			const known = unparsable.get(key);
			if (known) return summary(source, known);
			const slow = source.source === 'slow.txt';
			announce({ banmianParse: 'start', key, characters: slow ? 1000 : 10 });
			if (source.source === 'hang.txt') return new Promise<never>(() => {});
			if (slow) await new Promise((resolve) => setTimeout(resolve, 400));
			// a real parse is synchronous too: its end is posted right after its start
			announce({ banmianParse: 'end' });
			const parsed = summary(source);
			state.loaded.add(parsed.id);
			return parsed;
		}
		const api = {
			async loadDocuments(sources: DocumentSource[]) {
				const out: DocumentSummary[] = [];
				for (const source of sources) out.push(await parse(source));
				return out;
			},
			async streamDocuments(sources: DocumentSource[], onBatch: (s: DocumentSummary[]) => void) {
				for (const source of sources) onBatch([await parse(source)]);
				return sources.length;
			},
			async markUnparsable(key: string, reason: string) {
				unparsable.set(key, reason);
			},
			async getDocument(id: string) {
				return state.loaded.has(id) ? { id } : null;
			}
		};
		Comlink.expose(api, port2);
		return Object.assign(port1, {
			terminate() {
				state.terminated = true;
				port2.close();
			}
		}) as unknown as WorkerLike;
	};
	return { spawn, spawned, unparsable, close: () => ports.forEach((port) => port.close()) };
}

let cleanup: (() => void) | null = null;
afterEach(() => {
	cleanup?.();
	cleanup = null;
});

const bundled = (name: string): DocumentSource => ({
	source: name,
	url: `/${name}`,
	sidecar: null
});
const imported = (name: string, id: string): DocumentSource => ({
	source: name,
	bytes: new ArrayBuffer(4),
	sidecar: null,
	imported: true,
	id
});

describe('worker client watchdog', () => {
	it('terminates a worker stuck parsing, restarts it, and lists that page as unparsable', async () => {
		const workers = fakeWorkers();
		cleanup = workers.close;
		const client = createWorkerClient({ spawn: workers.spawn, budget: () => 200 });
		const arrived: DocumentSummary[] = [];
		const count = await client.streamDocuments([bundled('a.txt'), bundled('b.txt')], (batch) =>
			arrived.push(...batch)
		);
		expect(count).toBe(2);
		const summaries = await client.loadDocuments([
			imported('ok.txt', 'imp-ok'),
			imported('hang.txt', 'imp-hang'),
			imported('late.txt', 'imp-late')
		]);
		expect(workers.spawned.map((w) => w.terminated)).toEqual([true, false]);
		expect(summaries.map((s) => [s.id, s.unparsable])).toEqual([
			['imp-ok', null],
			['imp-hang', PARSE_TIMEOUT_REASON],
			['imp-late', null]
		]);
		expect(workers.unparsable.get('key-hang.txt')).toBe(PARSE_TIMEOUT_REASON);
		// The new worker holds every page the old one had, so they still open.
		expect(await client.getDocument('a')).toEqual({ id: 'a' });
		expect(await client.getDocument('imp-ok')).toEqual({ id: 'imp-ok' });
		expect(await client.getDocument('imp-hang')).toBeNull();
		// A later load (the next visit) skips the page instead of hanging on it again.
		const again = await client.loadDocuments([imported('hang.txt', 'imp-hang')]);
		expect(again[0].error).toBe(`${UNPARSABLE_NOTICE}:${PARSE_TIMEOUT_REASON}`);
		expect(workers.spawned).toHaveLength(2);
	});

	it('delivers each streamed page once when the worker is replaced midway', async () => {
		const workers = fakeWorkers();
		cleanup = workers.close;
		const client = createWorkerClient({ spawn: workers.spawn, budget: () => 200 });
		const arrived: DocumentSummary[] = [];
		const sources = ['a.txt', 'b.txt', 'hang.txt', 'c.txt'].map(bundled);
		const count = await client.streamDocuments(sources, (batch) => arrived.push(...batch));
		expect(workers.spawned.map((w) => w.terminated)).toEqual([true, false]);
		expect(count).toBe(4);
		// batches come over their own channel and may trail the answer
		await vi.waitFor(() => expect(arrived).toHaveLength(4));
		expect(arrived.map((s) => [s.id, s.unparsable])).toEqual([
			['a', null],
			['b', null],
			['hang', PARSE_TIMEOUT_REASON],
			['c', null]
		]);
	});

	it('gives each parse its own budget: a long page may take longer than a short one', async () => {
		const workers = fakeWorkers();
		cleanup = workers.close;
		const budget = (characters: number) => (characters > 100 ? 2000 : 200);
		const client = createWorkerClient({ spawn: workers.spawn, budget });
		const summaries = await client.loadDocuments(['a.txt', 'slow.txt', 'b.txt'].map(bundled));
		expect(summaries.map((s) => [s.id, s.unparsable])).toEqual([
			['a', null],
			['slow', null],
			['b', null]
		]);
		expect(workers.spawned.map((w) => w.terminated)).toEqual([false]);
		// and a short page stuck after the long one is still stopped
		const stuck = await client.loadDocuments([bundled('slow.txt'), bundled('hang.txt')]);
		expect(stuck.map((s) => s.unparsable)).toEqual([null, PARSE_TIMEOUT_REASON]);
	});

	it('answers a call made while the worker is stuck once its successor is ready', async () => {
		const workers = fakeWorkers();
		cleanup = workers.close;
		const client = createWorkerClient({ spawn: workers.spawn, budget: () => 200 });
		await client.loadDocuments([bundled('a.txt')]);
		const loading = client.loadDocuments([imported('hang.txt', 'imp-hang')]);
		const opened = client.getDocument('a');
		expect(await opened).toEqual({ id: 'a' });
		expect((await loading)[0].unparsable).toBe(PARSE_TIMEOUT_REASON);
	});
});
