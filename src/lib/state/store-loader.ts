// The reading store (idb, validation, export/import) is loaded on first use, so it stays out of
// the first-load JavaScript; every state class reaches the one store through here.
import type { ReadingStore } from '../platform/reading-store';

let gate: Promise<unknown> = Promise.resolve();

/**
 * Holds the store's code back until `ready` settles (or `capMs` passed): on a first visit the
 * network is better spent on the page being opened. Whoever needs the store meanwhile waits.
 */
export function holdReadingStoreUntil(ready: Promise<unknown>, capMs = 3000): void {
	gate = Promise.race([
		ready.catch(() => {}),
		new Promise((resolve) => setTimeout(resolve, capMs))
	]);
}

export function loadReadingStore(): Promise<ReadingStore> {
	return gate
		.then(() => import('../platform/reading-store'))
		.then((platform) => platform.readingStore());
}
