/**
 * The static archive as the browser reaches it (archive mode, see scripts/archive-settings.mjs):
 * whether this build has one, where it lives, and its files over HTTP with a Cache Storage copy.
 * The page, the worker and the service worker use it alike. Every file but `manifest.json` and
 * `downloads.json` is named by its content, so a copy once fetched is good forever (cache-first);
 * those two are asked from the server every time and read from the copy only offline.
 */

import { checkDownloadSizes, DOWNLOADS_FILE } from '../core/archive/pages';

declare const __BANMIAN_ARCHIVE__: { precacheIssues: number } | null | undefined;

/** This build's archive settings; null for a build that bundles its pages. */
export const archiveBuild: { precacheIssues: number } | null =
	typeof __BANMIAN_ARCHIVE__ === 'undefined' ? null : __BANMIAN_ARCHIVE__;

export const MANIFEST_FILE = 'manifest.json';

/** The archive's folder URL, from the app's root URL (the page's, or the worker's scope). */
export function archiveBase(appRoot: string): string {
	return new URL('archive/', appRoot).href;
}

/** The one Cache Storage cache of archive files: outside the versioned app caches, so an app
 * update keeps every page the reader downloaded. */
export function archiveCacheName(base: string): string {
	return `banmian-archive:${base}`;
}

/** Index files (shards and postings chunks) are kept in IndexedDB by the worker (caches.ts), not in Cache Storage too. */
export function isIndexShard(name: string): boolean {
	return name.startsWith('index-');
}

/** Files whose content changes under one name: always asked from the server when online. */
export function isMutableArchiveFile(name: string): boolean {
	return name === MANIFEST_FILE || name === DOWNLOADS_FILE;
}

/** An archive file could not be had: offline, or the server said no. */
export class ArchiveUnavailable extends Error {
	override name = 'ArchiveUnavailable';
}

async function openArchiveCache(base: string): Promise<Cache | null> {
	try {
		return (await globalThis.caches?.open(archiveCacheName(base))) ?? null;
	} catch {
		return null;
	}
}

/**
 * An archive file's bytes: a content-named file from the cache when there, else from the
 * server (then kept); manifest and downloads list from the server, the cache only when that
 * fails. Throws ArchiveUnavailable when neither has it.
 */
export async function fetchArchiveFile(
	base: string,
	name: string,
	options: { signal?: AbortSignal; keep?: boolean } = {}
): Promise<Uint8Array> {
	const { signal, keep = true } = options;
	const url = new URL(name, base).href;
	const cache = await openArchiveCache(base);
	const fromCache = async () => {
		try {
			const hit = await cache?.match(url);
			return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
		} catch {
			return null;
		}
	};
	const mutable = isMutableArchiveFile(name);
	if (!mutable) {
		const hit = await fromCache();
		if (hit) return hit;
	}
	let response: Response;
	try {
		response = await fetch(url, { cache: mutable ? 'no-cache' : 'default', signal });
	} catch (error) {
		if ((error as Error).name === 'AbortError') throw error;
		const hit = mutable ? await fromCache() : null;
		if (hit) return hit;
		throw new ArchiveUnavailable(`离线,${name} 不在本机`);
	}
	if (!response.ok) {
		const hit = mutable ? await fromCache() : null;
		if (hit) return hit;
		throw new ArchiveUnavailable(`无法载入 ${name}(HTTP ${response.status})`);
	}
	const bytes = new Uint8Array(await response.arrayBuffer());
	if (!keep) return bytes;
	try {
		await cache?.put(url, new Response(bytes.slice(), { headers: response.headers }));
	} catch {
		// a full disk: the file is fetched again next time
	}
	return bytes;
}

/** The names of every archive file in the cache. */
export async function cachedArchiveFiles(base: string): Promise<Set<string>> {
	const names = new Set<string>();
	try {
		const cache = await openArchiveCache(base);
		for (const request of (await cache?.keys()) ?? []) {
			if (request.url.startsWith(base)) names.add(request.url.slice(base.length));
		}
	} catch {
		// no cache: nothing is on the device
	}
	return names;
}

/** Per catalog shard, the bytes of its pages' files and locator (downloads.json); empty when unavailable. */
export async function downloadSizes(base: string): Promise<Map<string, number>> {
	try {
		const bytes = await fetchArchiveFile(base, DOWNLOADS_FILE);
		return checkDownloadSizes(JSON.parse(new TextDecoder().decode(bytes)));
	} catch {
		return new Map();
	}
}
