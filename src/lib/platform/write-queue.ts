/**
 * The reading store's writes: one transaction each, with their recoveries (a full disk drops
 * the caches and tries once more; a connection lost under a write is reopened once), and a
 * queue of the writes that failed, tried again after the next write that gets through.
 */
import { unwrap, type IDBPTransaction, type StoreNames } from 'idb';
import { isRecord, pickNewer } from '../core/state/index';
import { clearCaches } from './caches';
import { isQuotaError, type BanmianDb, type BanmianSchema } from './db';
import type { StoreConnection, StoreNotice } from './store-connection';

const STRICT = { durability: 'strict' } as const;

/** A write that cannot land at all: the store is closed or waits for a reload. */
const CANNOT_KEEP = Symbol('cannot keep');

export type WriteTransaction<N extends StoreNames<BanmianSchema>> = IDBPTransaction<
	BanmianSchema,
	N[],
	'readwrite'
>;

interface WriteStore {
	transaction: object;
	get(key: IDBValidKey): Promise<unknown>;
	put(value: unknown, key?: IDBValidKey): Promise<unknown>;
}

/** The first request error of a transaction aborted by putNewer, to report instead of "aborted". */
const txFailures = new WeakMap<object, unknown>();

/** The native transaction behind an idb wrapper (or itself), as a stable WeakMap key. */
function rawTx(tx: unknown): object {
	return unwrap(tx as IDBPTransaction) as object;
}

/**
 * Writes a record unless the stored copy is newer: another tab (or a clock that went back) may
 * have written a later version, and IndexedDB should keep the same winner the merge keeps in
 * memory. A quick read and write inside the one transaction; nothing slow. If the write is
 * refused, the whole transaction is aborted so nothing half-lands.
 */
export function putNewer(
	store: unknown,
	rec: { updatedAt: number; deleted?: boolean; docId?: string; articleId?: string; id?: string },
	key?: IDBValidKey
): void {
	const s = store as WriteStore;
	const k = key ?? (rec.id !== undefined ? rec.id : [rec.docId!, rec.articleId!]);
	const newer = (old: unknown) =>
		!isRecord(old) ||
		typeof old.updatedAt !== 'number' ||
		pickNewer(old as typeof rec, rec) === rec;
	s.get(k)
		.then((old) => {
			if (newer(old)) return key === undefined ? s.put(rec) : s.put(rec, key);
		})
		.catch((e: unknown) => {
			const tx = s.transaction as IDBTransaction;
			if (!txFailures.has(rawTx(tx))) txFailures.set(rawTx(tx), e);
			try {
				tx.abort();
			} catch {
				// already finished or aborted
			}
		});
}

/** A request inside a transaction: its failure is reported by `tx.done`, not here. */
export function quiet(p: Promise<unknown>): void {
	p.catch(() => {});
}

/** A write that failed and is tried again later; replaying it is safe (newer wins). */
interface UnsavedWrite {
	what: string;
	stores: StoreNames<BanmianSchema>[];
	write: (tx: WriteTransaction<StoreNames<BanmianSchema>>) => void;
	durability: 'strict' | 'default';
}

export class WriteQueue {
	#unsaved: UnsavedWrite[] = [];
	#retrying: Promise<boolean> | null = null;
	readonly #connection: StoreConnection;
	readonly #notify: (n: StoreNotice) => void;
	readonly #beforeRetry: () => Promise<void>;

	/** `beforeRetry` runs before failed writes are tried again (positions have their own queue). */
	constructor(
		connection: StoreConnection,
		notify: (n: StoreNotice) => void,
		beforeRetry: () => Promise<void>
	) {
		this.#connection = connection;
		this.#notify = notify;
		this.#beforeRetry = beforeRetry;
	}

	/**
	 * Runs one write transaction. On a full disk the caches are dropped and the write is tried
	 * once more. Resolves false (after a notice) when it failed; a failed transaction is rolled
	 * back whole, so nothing is half-written. In memory mode it does nothing and succeeds.
	 * With `keepIfFailed`, a failed write is kept and tried again after the next write that gets
	 * through (or `retryUnsaved()`): the change is already in memory, so it must not be lost.
	 */
	async persist<N extends StoreNames<BanmianSchema>>(
		what: string,
		stores: N[],
		write: (tx: WriteTransaction<N>) => void,
		durability: 'strict' | 'default' = 'strict',
		keepIfFailed = true
	): Promise<boolean> {
		const entry = { what, stores, write, durability } as unknown as UnsavedWrite;
		const failure = await this.#write(entry);
		if (failure === null) {
			if (this.#unsaved.length) void this.retryUnsaved();
			return true;
		}
		if (failure === CANNOT_KEEP) return false;
		if (keepIfFailed) this.#unsaved.push(entry);
		this.#writeFailed(what, failure.error);
		return false;
	}

	/** Writes that failed and are waiting to be tried again. */
	get unsavedCount(): number {
		return this.#unsaved.length;
	}

	/**
	 * Tries the failed writes again, oldest first; true when none is left. Replaying is safe:
	 * each record is put only if the stored copy is not newer.
	 */
	retryUnsaved(): Promise<boolean> {
		this.#retrying ??= (async () => {
			await this.#beforeRetry();
			let saved = 0;
			while (this.#unsaved.length) {
				const failure = await this.#write(this.#unsaved[0]);
				if (failure === CANNOT_KEEP) return false;
				if (failure !== null) {
					this.#writeFailed(this.#unsaved[0].what, failure.error);
					return false;
				}
				this.#unsaved.shift();
				saved++;
			}
			if (saved) this.#notify({ kind: 'saved-again', count: saved });
			return true;
		})().finally(() => (this.#retrying = null));
		return this.#retrying;
	}

	/** One write with its recoveries; null when it landed. */
	async #write(entry: UnsavedWrite): Promise<null | typeof CANNOT_KEEP | { error: unknown }> {
		const { stores, write, durability } = entry;
		const attempt = (db: BanmianDb) => {
			const tx = db.transaction(stores, 'readwrite', durability === 'strict' ? STRICT : undefined);
			try {
				write(tx);
			} catch (e) {
				// A request refused outright: undo the ones already made, so nothing half-lands.
				try {
					tx.abort();
				} catch {
					// already finished or aborted
				}
				quiet(tx.done);
				throw e;
			}
			return tx.done.catch((e: unknown) => {
				throw txFailures.get(rawTx(tx)) ?? e;
			});
		};
		// Synchronous when the connection is open, so the transaction exists before any await:
		// flush() inside pagehide or a versionchange close still gets its write in.
		const db = this.#connection.current ?? (await this.#connection.ensure());
		// Memory mode succeeds; a store that was closed or must reload cannot keep anything.
		if (!db) return this.#connection.inMemory ? null : CANNOT_KEEP;
		try {
			await attempt(db);
			return null;
		} catch (e) {
			if (isQuotaError(e)) {
				await clearCaches(db);
				try {
					await attempt(db);
					return null;
				} catch (e2) {
					return { error: e2 };
				}
			}
			if (e instanceof Error && e.name === 'InvalidStateError') {
				// The connection went away under us: reopen once and retry.
				this.#connection.drop();
				const again = await this.#connection.ensure();
				if (again) {
					try {
						await attempt(again);
						return null;
					} catch (e2) {
						return { error: e2 };
					}
				}
			}
			return { error: e };
		}
	}

	#writeFailed(what: string, e: unknown) {
		const quota = isQuotaError(e);
		const reason = quota
			? '存储空间已满，未能保存；请导出备份或删除一些导入的版面 / Storage is full; nothing was saved. Export a backup or remove some imported pages'
			: `未能保存 / Could not save: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
		console.warn(`banmian: ${what} not saved`, e);
		this.#notify({ kind: 'write-failed', what, reason, quota });
	}
}
