/**
 * Tells the reader's other tabs about every change, and hears theirs, over one
 * BroadcastChannel. What arrives is another tab's word: core's `mergeTabChanges` checks it.
 */
import type { StateChanges } from '../core/state/index';

export const CHANNEL_NAME = 'banmian-state';

interface SyncMessage extends StateChanges {
	v: 1;
	from: string;
}

export class TabSync {
	#channel: BroadcastChannel | null = null;
	readonly #tab: string;

	/** `receive` gets another tab's changes, unchecked; never this tab's own. */
	constructor(name: string, tab: string, receive: (changes: unknown) => void) {
		this.#tab = tab;
		if (typeof BroadcastChannel !== 'function') return;
		try {
			this.#channel = new BroadcastChannel(name);
			this.#channel.onmessage = (e: MessageEvent) => {
				const data: unknown = e.data;
				if (typeof data !== 'object' || data === null) return;
				const message = data as Partial<SyncMessage>;
				if (message.v === 1 && message.from !== this.#tab) receive(data);
			};
		} catch {
			this.#channel = null; // some sandboxed frames refuse; the store still works alone
		}
	}

	send(changes: StateChanges): void {
		if (!this.#channel) return;
		const message: SyncMessage = { v: 1, from: this.#tab, ...changes };
		try {
			this.#channel.postMessage(message);
		} catch (e) {
			console.warn('banmian: could not tell other tabs', e);
		}
	}

	close(): void {
		this.#channel?.close();
		this.#channel = null;
	}
}
