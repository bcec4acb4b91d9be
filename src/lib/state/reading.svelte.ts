import { emptyState } from '../core/state/merge';
import { readCount, isRead, getPosition, hasBookmark } from '../core/state/reducers';
import { bookmarkId } from '../core/state/keys';
import type { CitationInfo } from '../core/state/exchange';
import type { Highlight, HighlightColor, ReadingState, Settings } from '../core/state/types';
import type { ReadingSession } from '../core/state/read-rule';
// The store (idb, validation, export/import) loads after first paint, not with the app shell.
import type { ImportResult, ReadingStore, StoreNotice } from '../platform/reading-store';
import { readerSettings } from './settings.svelte';
import { loadReadingStore } from './store-loader';
import { requestPersistence } from './app-shell.svelte';

function describeNotice(notice: StoreNotice): string | null {
	switch (notice.kind) {
		case 'memory-only':
			return '此处无法使用本地存储:阅读记录只在本次打开期间有效,不会保存。';
		case 'blocked':
			return '另一个标签页正在使用旧版本,请关闭它以保存阅读记录。';
		case 'reload-needed':
			return '阅读器已在另一个标签页更新,请重新载入本页。';
		case 'skipped-records':
			return `有 ${notice.count} 条损坏的本地记录被跳过。`;
		case 'write-failed':
			return notice.quota
				? '存储空间已满,更改暂未保存(仍在本页中):请导出备份,或删除一些导入的版面后再试。'
				: `没有保存:${notice.reason}`;
		case 'saved-again':
			return '之前没有保存的更改现在已经保存。';
		default:
			return null;
	}
}

/**
 * The reader's own data as app state: positions, read marks, bookmarks, highlights, settings
 * and recent searches, kept by the platform's ReadingStore (IndexedDB, or memory when none).
 */
export class Reading {
	state = $state.raw<ReadingState>(emptyState());
	persistent = $state(true);
	ready = $state(false);
	notice = $state<string | null>(null);
	/** Changes kept in memory after a failed write, waiting to be saved again. */
	unsaved = $state(0);
	#store: Promise<ReadingStore> | null = null;
	#askedPersistence = false;

	/** Once the reader has saved something of their own, ask the browser to keep it. */
	#saved(): void {
		if (this.#askedPersistence || !this.persistent) return;
		this.#askedPersistence = true;
		void requestPersistence().catch(() => {});
	}

	/** Opens the store once; settings follow the stored ones and are saved when changed. */
	init(): Promise<ReadingStore> {
		this.#store ??= loadReadingStore().then(async (store) => {
			const { flushOnHide } = await import('../platform/reading-store');
			this.persistent = store.persistent;
			store.onNotice((notice) => {
				this.notice = describeNotice(notice);
				this.unsaved = store.unsavedCount;
			});
			if (!store.persistent) this.notice = describeNotice({ kind: 'memory-only', reason: '' });
			// Settings the reader changed while the store was opening are newer than the stored
			// ones: they are saved, not overwritten.
			const chosenMeanwhile = readerSettings.changedByReader ? readerSettings.own : null;
			let keepLocal = chosenMeanwhile !== null;
			store.subscribe((state) => {
				this.state = state;
				if (!keepLocal) readerSettings.replace(state.settings);
			});
			if (chosenMeanwhile) {
				await store.setSettings(chosenMeanwhile);
				keepLocal = false;
			}
			readerSettings.onChange((settings: Settings) => void store.setSettings(settings));
			flushOnHide(store);
			this.ready = true;
			return store;
		});
		return this.#store;
	}

	readCount(docId: string, articleIds: string[]): { read: number; total: number } {
		return readCount(this.state, docId, articleIds);
	}

	isRead(docId: string, articleId: string): boolean {
		return isRead(this.state, docId, articleId);
	}

	position(docId: string, articleId: string) {
		return getPosition(this.state, docId, articleId);
	}

	hasBookmark(docId: string, articleId: string, paragraph: number | null): boolean {
		return hasBookmark(this.state, docId, articleId, paragraph);
	}

	bookmarks() {
		return Object.values(this.state.bookmarks)
			.filter((b) => !b.deleted)
			.sort((a, b) => b.createdAt - a.createdAt);
	}

	highlights(docId?: string, articleId?: string): Highlight[] {
		return Object.values(this.state.highlights)
			.filter(
				(h) =>
					!h.deleted &&
					(docId === undefined || h.docId === docId) &&
					(articleId === undefined || h.articleId === articleId)
			)
			.sort((a, b) => b.createdAt - a.createdAt);
	}

	async savePosition(
		docId: string,
		articleId: string,
		paragraph: number,
		offset: number,
		fraction: number
	): Promise<void> {
		(await this.init()).savePosition({ docId, articleId, paragraph, offset, fraction });
	}

	async flush(): Promise<void> {
		await (await this.init()).flush();
	}

	async applyReadRule(docId: string, articleId: string, session: ReadingSession): Promise<void> {
		await (await this.init()).applyReadRule(docId, articleId, session);
	}

	async markRead(docId: string, articleId: string, read: boolean): Promise<void> {
		await (await this.init()).markRead(docId, articleId, read, true);
	}

	async toggleBookmark(docId: string, articleId: string, paragraph: number | null): Promise<void> {
		const store = await this.init();
		if (this.hasBookmark(docId, articleId, paragraph)) {
			await store.removeBookmark(bookmarkId(docId, articleId, paragraph));
		} else {
			await store.addBookmark(docId, articleId, paragraph);
			this.#saved();
		}
	}

	async removeBookmark(id: string): Promise<void> {
		await (await this.init()).removeBookmark(id);
	}

	async addHighlight(input: {
		docId: string;
		articleId: string;
		paragraphs: string[];
		paragraph: number;
		start: number;
		end: number;
		color: HighlightColor;
		note?: string;
	}): Promise<Highlight | null> {
		const highlight = await (await this.init()).addHighlight(input);
		this.#saved();
		return highlight;
	}

	async updateHighlight(id: string, patch: { color?: HighlightColor; note?: string }) {
		await (await this.init()).updateHighlight(id, patch);
	}

	async removeHighlight(id: string): Promise<void> {
		await (await this.init()).removeHighlight(id);
	}

	async addRecentSearch(query: string): Promise<void> {
		if (query.trim()) await (await this.init()).addRecentSearch(query.trim());
	}

	async clearRecentSearches(): Promise<void> {
		await (await this.init()).clearRecentSearches();
	}

	/** Tries the changes that failed to save again (say after the reader freed some space). */
	async retryUnsaved(): Promise<void> {
		const store = await this.init();
		await store.retryUnsaved();
		this.unsaved = store.unsavedCount;
	}

	async exportAll(): Promise<string> {
		return (await this.init()).exportAll();
	}

	async importAll(json: string): Promise<ImportResult> {
		return (await this.init()).importAll(json);
	}

	async highlightsMarkdown(
		cite: (docId: string, articleId: string) => CitationInfo | undefined
	): Promise<string> {
		const { highlightsToMarkdown } = await import('../core/state/exchange');
		return highlightsToMarkdown(this.highlights(), cite);
	}
}

export const reading = new Reading();
