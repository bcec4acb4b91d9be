// The search index snapshot in IndexedDB, so a second visit restores the index instead of
// rebuilding it. Keyed by the documents' hashes and the parser and search versions; only the
// newest snapshot is kept. Any failure (no IndexedDB in this context, a corrupt record) means
// "no snapshot": the caller rebuilds.
import { openBanmianDb, type BanmianDb } from '../platform/db';

let db: Promise<BanmianDb | null> | null = null;

function database(): Promise<BanmianDb | null> {
	db ??= openBanmianDb({
		timeoutMs: 3000,
		// A newer version of the app wants to upgrade: step aside.
		onBlocking: (open) => {
			open.close();
			db = null;
		},
		onTerminated: () => (db = null)
	}).catch(() => null);
	return db;
}

export async function loadSnapshot(key: string): Promise<unknown | null> {
	try {
		const record = await (await database())?.get('searchIndex', key);
		return record?.value ?? null;
	} catch {
		return null;
	}
}

export async function saveSnapshot(key: string, value: unknown): Promise<void> {
	try {
		const store = await database();
		if (!store) return;
		const tx = store.transaction('searchIndex', 'readwrite');
		await tx.store.clear();
		await tx.store.put({ key, createdAt: Date.now(), value });
		await tx.done;
	} catch {
		// Storage full or unavailable: the index simply is rebuilt next time.
	}
}
