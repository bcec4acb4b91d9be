/**
 * The reading store's connection to IndexedDB: opened once, reopened lazily after the browser
 * closes it, given up (with a request to reload) when a newer version of the app upgrades the
 * database in another tab. Without a connection the store works in memory.
 */
import { DB_NAME, openBanmianDb, type BanmianDb, type OpenOptions } from './db';

/** Things the UI should tell the reader about, unobtrusively. */
export type StoreNotice =
	/** Nothing will be kept (「阅读记录不会保存」). */
	| { kind: 'memory-only'; reason: string }
	/** Waiting for another tab that has an older version open. */
	| { kind: 'blocked' }
	/** Another tab upgraded the database: this one saved, closed, and should be reloaded. */
	| { kind: 'reload-needed' }
	/** The browser closed the database (site data cleared?); it was reopened. */
	| { kind: 'reconnected' }
	/** Stored records that did not check out were skipped (and logged). */
	| { kind: 'skipped-records'; count: number }
	/**
	 * A write failed; nothing was half-written. `quota` when storage is full. The change stays
	 * in memory (and in an export) and is written again once a later write gets through.
	 */
	| { kind: 'write-failed'; what: string; reason: string; quota: boolean }
	/** Every change that had failed to save has now been saved. */
	| { kind: 'saved-again'; count: number };

export interface ConnectionOptions {
	name?: string;
	factory?: IDBFactory;
	timeoutMs?: number;
}

export class StoreConnection {
	#db: BanmianDb | null = null;
	#persistent = false;
	#closed = false;
	#reloadNeeded = false;
	#reopening: Promise<BanmianDb | null> | null = null;
	readonly #options: ConnectionOptions;
	readonly #notify: (n: StoreNotice) => void;
	/** Runs just before the connection closes for an upgrade elsewhere: write what is pending. */
	beforeYield: () => void = () => {};

	constructor(options: ConnectionOptions, notify: (n: StoreNotice) => void) {
		this.#options = options;
		this.#notify = notify;
	}

	/**
	 * Opens the database and reads it with `read`. Rejects (leaving the store in memory) when
	 * either fails.
	 */
	async open<T>(read: (db: BanmianDb) => Promise<T>): Promise<T> {
		let db: BanmianDb | null = null;
		let opened = false;
		try {
			db = await openBanmianDb(
				this.#openOptions({
					onBlocked: () => this.#notify({ kind: 'blocked' }),
					// Until it is opened there is nothing to save: just step aside.
					onBlocking: (d) => (opened ? this.#yieldToUpgrade(d) : d.close()),
					onTerminated: () => {
						if (opened) this.#db = null;
					}
				})
			);
			const value = await read(db);
			this.#db = db;
			this.#persistent = true;
			opened = true;
			return value;
		} catch (e) {
			db?.close();
			throw e;
		}
	}

	/** False when nothing is kept beyond this page. */
	get persistent(): boolean {
		return this.#persistent;
	}

	/** The connection if it is open now (a write made with it starts before any await). */
	get current(): BanmianDb | null {
		return this.#db;
	}

	/** Writes without a database count as done: the store works in memory on purpose. */
	get inMemory(): boolean {
		return !this.#persistent && !this.#closed && !this.#reloadNeeded;
	}

	/** The open connection, reopening lazily after the browser closed it; null in memory mode. */
	async ensure(): Promise<BanmianDb | null> {
		if (this.#db) return this.#db;
		if (!this.#persistent || this.#closed || this.#reloadNeeded) return null;
		this.#reopening ??= openBanmianDb(
			this.#openOptions({
				onBlocking: (d) => this.#yieldToUpgrade(d),
				onTerminated: () => (this.#db = null)
			})
		)
			.then((db) => {
				this.#db = db;
				this.#notify({ kind: 'reconnected' });
				return db;
			})
			.catch((e) => {
				if (e instanceof Error && e.name === 'VersionError') this.#yieldToUpgrade(null);
				else {
					this.#persistent = false;
					this.#notify({
						kind: 'memory-only',
						reason: `无法重新打开本地存储 / Could not reopen local storage: ${String(e)}`
					});
				}
				return null;
			})
			.finally(() => (this.#reopening = null));
		return this.#reopening;
	}

	/** The connection went away under a write: the next `ensure()` reopens it. */
	drop(): void {
		this.#db = null;
	}

	close(): void {
		this.#closed = true;
		this.#db?.close();
		this.#db = null;
	}

	#openOptions(events: Pick<OpenOptions, 'onBlocked' | 'onBlocking' | 'onTerminated'>) {
		return {
			name: this.#options.name ?? DB_NAME,
			factory: this.#options.factory,
			timeoutMs: this.#options.timeoutMs,
			...events
		};
	}

	/** A newer version wants the database: save what is pending, close, ask for a reload. */
	#yieldToUpgrade(db: BanmianDb | null) {
		this.beforeYield(); // creates its transaction synchronously, before the close below
		db?.close();
		this.#db = null;
		if (!this.#reloadNeeded) {
			this.#reloadNeeded = true;
			this.#notify({ kind: 'reload-needed' });
		}
	}
}
