// The reading store (idb, validation, export/import) is loaded on first use, so it stays out of
// the first-load JavaScript; every state class reaches the one store through here.
import type { ReadingStore } from '../platform/reading-store';

export function loadReadingStore(): Promise<ReadingStore> {
	return import('../platform/reading-store').then((platform) => platform.readingStore());
}
