/**
 * Pages the reader imported: listed (newest first) without their texts, so the library opens
 * fast; a text is read from IndexedDB only when its page is opened. In memory mode the texts
 * are kept here instead.
 */
import {
	checkImportedDoc,
	checkImportedDocInfo,
	validated,
	type ImportedDoc,
	type ImportedDocInfo,
	type ImportedDocMeta
} from '../core/state/index';
import type { StoreNames } from 'idb';
import { checkImportedText, docKeyRange, type BanmianSchema } from './db';
import type { StoreConnection, StoreNotice } from './store-connection';
import { quiet, type WriteQueue, type WriteTransaction } from './write-queue';

/** Puts one imported page (listing and text) inside a write transaction. */
export function putImportedDoc<N extends StoreNames<BanmianSchema>>(
	tx: WriteTransaction<N | 'importedDocs' | 'importedTexts'>,
	{ text, ...info }: ImportedDoc
): void {
	quiet(tx.objectStore('importedDocs').put(info));
	quiet(tx.objectStore('importedTexts').put({ id: info.id, text }));
}

export class ImportedPages {
	#docs: ImportedDocInfo[] = [];
	readonly #memoryTexts = new Map<string, string>();
	readonly #listeners = new Set<(d: ImportedDocInfo[]) => void>();
	readonly #connection: StoreConnection;
	readonly #queue: WriteQueue;
	readonly #notify: (n: StoreNotice) => void;

	constructor(
		docs: ImportedDocInfo[],
		connection: StoreConnection,
		queue: WriteQueue,
		notify: (n: StoreNotice) => void
	) {
		this.#connection = connection;
		this.#queue = queue;
		this.#notify = notify;
		this.#set(docs);
	}

	/** Imported pages, newest first, without their texts. */
	list(): ImportedDocInfo[] {
		return [...this.#docs];
	}

	subscribe(fn: (d: ImportedDocInfo[]) => void): () => void {
		this.#listeners.add(fn);
		fn(this.list());
		return () => this.#listeners.delete(fn);
	}

	/** Stores an imported page. Checked before the transaction; null when it could not be kept. */
	async add(doc: ImportedDoc): Promise<ImportedDocInfo | null> {
		const c = validated(checkImportedDoc, doc, 'importedDoc');
		if (!c.ok) {
			this.#notify({ kind: 'write-failed', what: 'imported page', reason: c.reason, quota: false });
			return null;
		}
		const ok = await this.#queue.persist(
			'imported page',
			['importedDocs', 'importedTexts'],
			(tx) => putImportedDoc(tx, c.value),
			'strict',
			false // the import reports its failure; it is not kept in memory to try again
		);
		if (!ok) return null;
		this.keep([c.value]);
		const { text: _text, ...info } = c.value;
		return info;
	}

	/** The page with its text, or null when unknown or unreadable. */
	async get(id: string): Promise<ImportedDoc | null> {
		const info = this.#docs.find((d) => d.id === id);
		if (!info) return null;
		const db = await this.#connection.ensure();
		if (!db) {
			const text = this.#memoryTexts.get(id);
			return text === undefined ? null : { ...info, text };
		}
		try {
			const text = checkImportedText(await db.get('importedTexts', id), id);
			if (text === null) console.warn(`banmian: imported text ${id} is missing or damaged`);
			return text === null ? null : { ...info, text };
		} catch (e) {
			console.warn('banmian: could not read an imported text', e);
			return null;
		}
	}

	/** Sets paper/date/page by hand; the new listing, or null when it could not be kept. */
	async updateMeta(
		id: string,
		meta: ImportedDocMeta,
		now: number
	): Promise<ImportedDocInfo | null> {
		const old = this.#docs.find((d) => d.id === id);
		if (!old) return null;
		const c = validated(
			checkImportedDocInfo,
			{ ...old, meta: { ...old.meta, ...meta }, updatedAt: Math.max(now, old.updatedAt + 1) },
			'importedDoc'
		);
		if (!c.ok) {
			this.#notify({ kind: 'write-failed', what: 'page details', reason: c.reason, quota: false });
			return null;
		}
		const info = c.value;
		const ok = await this.#queue.persist(
			'page details',
			['importedDocs'],
			(tx) => quiet(tx.objectStore('importedDocs').put(info)),
			'strict',
			false
		);
		if (!ok) return null;
		this.took([info]);
		return info;
	}

	/**
	 * Deletes an imported page from IndexedDB with everything kept about it (positions, marks,
	 * notes), in one transaction; the caller drops it from memory (`forget`) when this succeeds.
	 */
	delete(id: string): Promise<boolean> {
		return this.#queue.persist(
			'removal',
			['importedDocs', 'importedTexts', 'positions', 'reads', 'bookmarks', 'highlights'],
			(tx) => {
				quiet(tx.objectStore('importedDocs').delete(id));
				quiet(tx.objectStore('importedTexts').delete(id));
				quiet(tx.objectStore('positions').delete(docKeyRange(id)));
				quiet(tx.objectStore('reads').delete(docKeyRange(id)));
				for (const name of ['bookmarks', 'highlights'] as const) {
					const store = tx.objectStore(name);
					quiet(
						store
							.index('docId')
							.getAllKeys(id)
							.then((keys) => Promise.all(keys.map((k) => store.delete(k))))
					);
				}
			},
			'strict',
			false
		);
	}

	/** Lists pages just stored (their texts kept here in memory mode). */
	keep(docs: ImportedDoc[]): void {
		if (!this.#connection.current) for (const d of docs) this.#memoryTexts.set(d.id, d.text);
		this.took(docs.map(({ text: _text, ...info }) => info));
	}

	/** Lists pages added or changed, here or in another tab, in place of their older listing. */
	took(infos: ImportedDocInfo[]): void {
		if (!infos.length) return;
		const ids = new Set(infos.map((d) => d.id));
		this.#set([...infos, ...this.#docs.filter((d) => !ids.has(d.id))]);
	}

	/** Drops a removed page from the list (and its text, in memory mode). */
	forget(id: string): void {
		this.#memoryTexts.delete(id);
		this.#set(this.#docs.filter((d) => d.id !== id));
	}

	#set(docs: ImportedDocInfo[]) {
		this.#docs = docs.sort((x, y) => y.importedAt - x.importedAt);
		for (const fn of this.#listeners) fn(this.list());
	}
}
