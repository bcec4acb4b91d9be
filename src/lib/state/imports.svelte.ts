import { SvelteMap } from 'svelte/reactivity';
import { MAX_IMPORT_BYTES, TOO_BIG_MESSAGE } from '../core/import/sniff';
import type { SidecarMeta } from '../core/parse/types';
import type { ImportedDoc, ImportedDocMeta } from '../core/state/types';
import { loadReadingStore } from './store-loader';
import { workerClient, type WorkerImportPhase } from '../worker/client';
import { importedSidecar, library } from './library.svelte';

/** The whole import as the reader sees it: the worker's phases between reading and saving. */
export type ImportPhase = 'reading' | WorkerImportPhase | 'saving';

/** The import under way: one file of a batch. */
export interface ImportJob {
	name: string;
	phase: ImportPhase;
	/** 0..1 for the progress bar. */
	fraction: number;
	/** 1-based position in the batch, and the batch's size. */
	position: number;
	count: number;
}

export interface ImportOutcome {
	key: number;
	kind: 'done' | 'refused' | 'cancelled';
	text: string;
	/** The imported page, to open it. */
	docId?: string;
}

/** Where each phase starts on the progress bar; parsing takes the longest. */
const PHASE_START: Record<ImportPhase, number> = {
	reading: 0,
	decoding: 0.3,
	parsing: 0.4,
	saving: 0.9
};

export const PHASE_LABELS: Record<ImportPhase, string> = {
	reading: '正在读取',
	decoding: '正在解码',
	parsing: '正在解析',
	saving: '正在保存'
};

/** A page decoded again: the encoding the reader picked, and the details they gave it. */
interface Redecode {
	encoding: string;
	sidecar: SidecarMeta | null;
}

const isAbort = (error: unknown) => error instanceof Error && error.name === 'AbortError';
const aborted = () => new DOMException('cancelled', 'AbortError');

let tokens = 0;

/** Reads a file in chunks, reporting progress; stops at once when the import is cancelled. */
async function readBytes(
	blob: Blob,
	signal: AbortSignal,
	onProgress: (fraction: number) => void
): Promise<ArrayBuffer> {
	const buffer = new Uint8Array(blob.size);
	const reader = blob.stream().getReader();
	let at = 0;
	try {
		for (;;) {
			if (signal.aborted) throw aborted();
			const { done, value } = await reader.read();
			if (done) break;
			buffer.set(value.subarray(0, buffer.length - at), at);
			at += value.length;
			onProgress(blob.size ? Math.min(1, at / blob.size) : 1);
		}
	} finally {
		if (signal.aborted) void reader.cancel().catch(() => {});
	}
	return buffer.buffer;
}

/**
 * Importing the reader's own page texts: checked and read here, decoded and parsed in the
 * worker, stored by the ReadingStore, then shown in the library and searchable. A cancelled or
 * failed import leaves nothing in the store, the library or the index.
 */
export class Imports {
	job = $state<ImportJob | null>(null);
	outcomes = $state<ImportOutcome[]>([]);
	/** The files imported in this session, so they can be decoded again with another encoding. */
	#files = new SvelteMap<string, Blob>();
	#controller: AbortController | null = null;
	#queue: Promise<void> = Promise.resolve();
	#key = 0;

	busy = $derived(this.job !== null);

	/** Whether the bytes are still here to decode the page again (not after a reload). */
	canRedecode(id: string): boolean {
		return this.#files.has(id);
	}

	/** Imports files one after another; one cancel stops the batch. */
	importFiles(files: readonly File[]): Promise<void> {
		const list = [...files];
		return this.#batch(list.length, (run) =>
			list.reduce<Promise<void>>(
				(previous, file, i) => previous.then(() => run(file.name, file, i + 1)),
				Promise.resolve()
			)
		);
	}

	/** Imports pasted text under the given name (or its first line). */
	importText(name: string, text: string): Promise<void> {
		const firstLine =
			text
				.trim()
				.split(/\r?\n/, 1)[0]
				?.replace(/^#+\s*/, '') ?? '';
		const title = name.trim() || firstLine.slice(0, 40) || '粘贴的文本';
		const blob = new Blob([text], { type: 'text/plain;charset=utf-8' });
		return this.#batch(1, (run) => run(title, blob, 1));
	}

	/** Decodes an imported page again with the encoding the reader picked. */
	async redecode(id: string, encoding: string): Promise<void> {
		const blob = this.#files.get(id);
		const store = await loadReadingStore();
		const info = store.listImportedDocs().find((d) => d.id === id);
		if (!blob || !info) return;
		const again = { encoding, sidecar: importedSidecar(info.meta) };
		return this.#batch(1, (run) => run(info.name, blob, 1, again));
	}

	cancel(): void {
		this.#controller?.abort();
	}

	/** Page details by hand; the page is parsed again with them (the library follows the store). */
	async setMeta(id: string, meta: ImportedDocMeta): Promise<boolean> {
		return (await loadReadingStore()).updateImportedDocMeta(id, meta);
	}

	/** Removes an imported page with its reading state; the library and index follow. */
	async remove(id: string): Promise<boolean> {
		const ok = await (await loadReadingStore()).removeImportedDoc(id);
		if (ok) this.#files.delete(id);
		return ok;
	}

	#batch(
		count: number,
		work: (
			run: (name: string, blob: Blob, position: number, again?: Redecode) => Promise<void>
		) => Promise<void>
	): Promise<void> {
		this.#queue = this.#queue.then(async () => {
			const controller = new AbortController();
			this.#controller = controller;
			this.outcomes = [];
			try {
				await work((name, blob, position, again) =>
					this.#importOne(name, blob, { position, count }, controller.signal, again)
				);
			} finally {
				this.job = null;
				this.#controller = null;
			}
		});
		return this.#queue;
	}

	#report(kind: ImportOutcome['kind'], text: string, docId?: string) {
		this.outcomes = [...this.outcomes, { key: ++this.#key, kind, text, docId }];
	}

	async #importOne(
		name: string,
		blob: Blob,
		at: { position: number; count: number },
		signal: AbortSignal,
		again?: Redecode
	): Promise<void> {
		if (signal.aborted) return this.#report('cancelled', `已取消:「${name}」没有导入`);
		// refused before a byte is read: reading 60 MB only to refuse it would stall the page
		if (blob.size > MAX_IMPORT_BYTES) return this.#report('refused', `${name}:${TOO_BIG_MESSAGE}`);
		const show = (phase: ImportPhase, fraction = 0) => {
			const start = PHASE_START[phase];
			const end = phase === 'saving' ? 1 : PHASE_START[next(phase)];
			this.job = { name, phase, fraction: start + (end - start) * fraction, ...at };
		};
		const token = `import-${Date.now()}-${++tokens}`;
		let held: string | null = null;
		let stored = false;
		try {
			show('reading');
			await library.load();
			const bytes = await readBytes(blob, signal, (f) => show('reading', f));
			const store = await loadReadingStore();
			const prepared = await workerClient.prepareImport(
				{ name, bytes, encoding: again?.encoding, sidecar: again?.sidecar ?? null },
				token,
				(phase) => {
					if (!signal.aborted) show(phase);
				},
				signal
			);
			const existing = store.listImportedDocs().find((d) => d.id === prepared.id);
			if (existing && !again) {
				void workerClient.discardImport(token);
				// its bytes are here again: another encoding can be tried on its entry
				this.#files.set(existing.id, blob);
				return this.#report('refused', `「${name}」已经导入过了`, prepared.id);
			}
			if (signal.aborted) throw aborted();
			show('saving');
			held = prepared.id;
			library.hold(held);
			const now = Date.now();
			const doc: ImportedDoc = {
				id: prepared.id,
				name: existing?.name ?? name,
				encoding: prepared.encoding,
				meta: existing?.meta ?? {},
				importedAt: existing?.importedAt ?? now,
				updatedAt: Math.max(now, (existing?.updatedAt ?? 0) + 1),
				size: prepared.size,
				text: prepared.text
			};
			if (!(await store.addImportedDoc(doc))) throw new Error('没有保存到本地存储');
			stored = !existing;
			// a page decoded again is kept once saved; a new one can still be taken back
			if (signal.aborted && stored) throw aborted();
			await workerClient.commitImport(token);
			library.adopt({ ...prepared.summary, encoding: prepared.encoding }, doc.updatedAt);
			this.#files.set(doc.id, blob);
			const articles = prepared.summary.articles.length;
			this.#report(
				'done',
				`${again ? '已重新解码' : '已导入'}「${doc.name}」:编码 ${doc.encoding},${articles} 篇`,
				doc.id
			);
		} catch (error) {
			void workerClient.discardImport(token);
			if (stored) {
				// saved just before the cancel arrived: take it out again, nothing stays behind
				await (await loadReadingStore()).removeImportedDoc(held ?? '');
				if (held) await workerClient.removeDocument(held);
			}
			if (isAbort(error)) this.#report('cancelled', `已取消:「${name}」没有导入`);
			else this.#report('refused', `${name}:${error instanceof Error ? error.message : error}`);
		} finally {
			if (held) library.release(held);
		}
	}
}

function next(phase: ImportPhase): ImportPhase {
	const order: ImportPhase[] = ['reading', 'decoding', 'parsing', 'saving'];
	return order[Math.min(order.length - 1, order.indexOf(phase) + 1)];
}

export const imports = new Imports();
