// 「下载本月」/「下载全年」: one paper's month or year of the archive kept on the device for offline
// reading and search. The size is shown before anything is fetched; files are fetched one by one
// into the archive's cache, so stopping midway keeps every file fetched so far, usable.
import { archiveBase, downloadSizes, fetchArchiveFile } from '../platform/archive';
import { workerClient } from '../worker/client';
import { library } from './library.svelte';

export type DownloadScope = 'month' | 'year';

export class ArchiveDownload {
	status = $state<'idle' | 'sizing' | 'confirming' | 'downloading' | 'done' | 'stopped' | 'error'>(
		'idle'
	);
	scope = $state<DownloadScope>('month');
	/** What is being downloaded, for the reader: 「2026年3月」 or 「2026年」. */
	label = $state('');
	pages = $state(0);
	bytes = $state(0);
	done = $state(0);
	total = $state(0);
	message = $state<string | null>(null);
	#shards: string[] = [];
	#controller: AbortController | null = null;

	/** Works out what a month's or a year's download is and what it weighs, fetching nothing. */
	async prepare(paper: string, month: string, scope: DownloadScope): Promise<void> {
		const months = library.archive?.months ?? [];
		const period = scope === 'month' ? month : month.slice(0, 4);
		const entries = months.filter((m) => m.paper === paper && m.month?.startsWith(period));
		this.scope = scope;
		const [year, number] = month.split('-').map(Number);
		this.label = scope === 'month' ? `${year}年${number}月` : `${year}年`;
		this.status = 'sizing';
		const sizes = await downloadSizes(archiveBase(location.href));
		this.#shards = entries.map((m) => m.name);
		this.pages = entries.reduce((sum, m) => sum + m.pages, 0);
		this.bytes = entries.reduce((sum, m) => sum + m.bytes + (sizes.get(m.name) ?? 0), 0);
		this.done = 0;
		this.total = 0;
		this.message = null;
		this.status = 'confirming';
	}

	async start(): Promise<void> {
		const controller = new AbortController();
		this.#controller = controller;
		this.status = 'downloading';
		const base = archiveBase(location.href);
		try {
			const files = await workerClient.archiveFiles(this.#shards);
			this.total = files.length;
			for (const name of files) {
				if (controller.signal.aborted) return;
				await fetchArchiveFile(base, name, { signal: controller.signal });
				this.done++;
			}
			this.status = 'done';
		} catch (error) {
			if (controller.signal.aborted) return;
			this.status = 'error';
			this.message = `下载中断:${(error as Error).message}`;
		}
	}

	/** Stops a download; what it fetched so far stays on the device. */
	stop(): void {
		this.#controller?.abort();
		this.status = 'stopped';
	}

	dismiss(): void {
		this.status = 'idle';
	}
}
