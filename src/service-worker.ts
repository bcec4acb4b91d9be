/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// The offline service worker: one cache per version holding the whole app and every bundled
// page. A new version installs beside the old one and waits until the reader accepts it, so a
// page never runs on a mix of old and new files.
import { build, files, prerendered, version } from '$service-worker';
import { hashString } from '$lib/core/hash';
import type { CatalogShard } from '$lib/core/archive/catalog';
import {
	checkCatalogShard,
	checkManifest,
	issuesIn,
	newestIssueFiles
} from '$lib/core/archive/pages';
import {
	archiveBase,
	archiveBuild,
	archiveCacheName,
	isIndexShard,
	isMutableArchiveFile,
	MANIFEST_FILE
} from '$lib/platform/archive';

const sw = self as unknown as ServiceWorkerGlobalScope;

// Everything is resolved against the worker's own location and scope, never the site root, so
// the build works unchanged under any sub-path. Two deployments on one origin (say `/` and
// `/banmian/`) get separate caches because the scope is part of the name. So is the build's
// file list: a rebuild of the same version with other files installs beside the one in charge,
// never into its cache.
const scope = new URL(sw.registration?.scope ?? './', sw.location.href).href;
const PREFIX = `banmian:${scope}:`;
const CACHE = `${PREFIX}${version}:${hashString(JSON.stringify([build, files, prerendered]))}`;
const shell = new URL('./', scope).href;
const shellAliases = new Set([shell, new URL('index.html', scope).href]);
const immutable = new URL('_app/immutable/', scope).href;
// Archive mode: the archive's files live in a cache of their own, kept across app versions (they
// are named by content, so never stale); only the manifest and downloads.json are revalidated.
const archive = archiveBuild ? archiveBase(scope) : null;

/** The Kit manifest's lists: build output, static/ files and prerendered pages. */
function manifestUrls(): string[] {
	const urls = [shell, ...build, ...files, ...prerendered].map(
		(path) => new URL(path, sw.location.href).href
	);
	return [...new Set(urls)];
}

// Vite leaves Web Worker bundles (and anything they import) out of the manifest Kit builds its
// list from, yet the reader cannot parse or search without them. They are referenced from the
// code exactly as Vite emits them, so they are found there: `new URL("…", import.meta.url)`
// in any script, and import specifiers inside the modules found that way.
const urlRefs = /new URL\(\s*(["'`])(\.{1,2}\/[^"'`\s]+)\1\s*,\s*import\.meta\.url/g;
const importRefs =
	/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s*)(["'`])(\.{1,2}\/[^"'`\s]+?\.m?js)\1/g;

function references(source: string, base: string, patterns: RegExp[]): string[] {
	const found: string[] = [];
	for (const pattern of patterns) {
		for (const match of source.matchAll(pattern)) {
			const url = new URL(match[2], base).href;
			// Only hashed build output is followed; anything else is not ours to cache.
			if (url.startsWith(immutable)) found.push(url);
		}
	}
	return found;
}

/** Precache everything; rejects (failing the install) if any file cannot be fetched. */
async function precache(cache: Cache): Promise<string[]> {
	const listed = manifestUrls();
	await cache.addAll(listed.map((url) => new Request(url, { cache: 'no-cache' })));

	const known = new Set(listed);
	let pending = listed.filter((url) => /\.m?js$/.test(url));
	while (pending.length) {
		const found: string[] = [];
		for (const url of pending) {
			const response = await cache.match(url);
			if (!response) throw new Error(`precache: ${url} vanished`);
			// Imports are followed everywhere: a worker listed in the manifest may still load
			// chunks of its own (the search engine) that the manifest does not list.
			for (const ref of references(await response.text(), url, [urlRefs, importRefs])) {
				if (!known.has(ref)) {
					known.add(ref);
					found.push(ref);
				}
			}
		}
		if (found.length) await cache.addAll(found);
		pending = found.filter((url) => /\.m?js$/.test(url));
	}

	// A host that redirects `./` to `./index.html` would leave a redirected response, which
	// browsers refuse to use for a navigation; store a plain copy instead.
	const cachedShell = await cache.match(shell);
	if (cachedShell?.redirected) {
		const { status, statusText, headers } = cachedShell;
		await cache.put(shell, new Response(await cachedShell.blob(), { status, statusText, headers }));
	}
	return [...known];
}

/** A content-named archive file from the archive cache, else fetched and kept. */
async function archiveFile(cache: Cache, base: string, name: string): Promise<Response> {
	const url = new URL(name, base).href;
	const hit = await cache.match(url);
	if (hit) return hit;
	const response = await fetch(url);
	if (!response.ok) throw new Error(`precache: ${url} answered ${response.status}`);
	await cache.put(url, response.clone());
	return response;
}

/**
 * Archive mode: the manifest, the newest month's catalog shards and their locators (older
 * months' too while the newest N issues reach into them) and those issues' page files, so the
 * newest issues read offline from the first visit. N is the build's BANMIAN_ARCHIVE_ISSUES.
 */
async function precacheArchive(): Promise<void> {
	if (!archive || !archiveBuild) return;
	const cache = await caches.open(archiveCacheName(archive));
	const manifestUrl = new URL(MANIFEST_FILE, archive).href;
	const response = await fetch(manifestUrl, { cache: 'no-cache' });
	if (!response.ok) throw new Error(`precache: ${manifestUrl} answered ${response.status}`);
	const manifest = checkManifest(await response.clone().json());
	if (typeof manifest === 'string') throw new Error(`precache: archive manifest: ${manifest}`);
	await cache.put(manifestUrl, response);
	const wanted = archiveBuild.precacheIssues;
	const shards: CatalogShard[] = [];
	for (let at = 0; at < manifest.catalog.length;) {
		// one month (every paper) at a time, newest first
		const month = manifest.catalog[at].month;
		for (; at < manifest.catalog.length && manifest.catalog[at].month === month; at++) {
			const entry = manifest.catalog[at];
			const shard = checkCatalogShard(
				await (await archiveFile(cache, archive, entry.name)).json(),
				entry
			);
			if (!shard) throw new Error(`precache: ${entry.name} does not fit the manifest`);
			shards.push(shard);
			await archiveFile(cache, archive, entry.locator);
		}
		if (issuesIn(shards).length >= wanted) break;
	}
	for (const name of newestIssueFiles(shards, wanted)) await archiveFile(cache, archive, name);
}

/** Archive files: content-named ones cache-first, the manifest and downloads list network-first. */
async function respondArchive(request: Request, base: string): Promise<Response> {
	const name = new URL(request.url).pathname.slice(new URL(base).pathname.length);
	let cache: Cache | null = null;
	try {
		cache = await caches.open(archiveCacheName(base));
	} catch {
		// no cache: the network answers
	}
	if (isMutableArchiveFile(name)) {
		try {
			const response = await fetch(request);
			if (response.ok) await cache?.put(request.url, response.clone()).catch(() => undefined);
			return response;
		} catch (error) {
			const hit = await cached(cache, request.url);
			if (hit) return hit;
			throw error;
		}
	}
	const hit = await cached(cache, request.url);
	if (hit) return hit;
	const response = await fetch(request);
	// Index shards are kept by the worker in IndexedDB; everything else here.
	if (response.ok && !isIndexShard(name)) {
		await cache?.put(request.url, response.clone()).catch(() => undefined);
	}
	return response;
}

sw.addEventListener('install', (event) => {
	// No skipWaiting here: a new version waits until the reader presses 更新.
	event.waitUntil(
		(async () => {
			// A cache of this name that is already there belongs to the same build, maybe the
			// one in charge (this worker differs from it only in code): it is never deleted here.
			const existed = await caches.has(CACHE);
			const cache = await caches.open(CACHE);
			try {
				await precache(cache);
				await precacheArchive();
			} catch (error) {
				// An incomplete cache must not linger: the install fails and the old version
				// stays in charge; the browser retries on a later visit.
				if (!existed) await caches.delete(CACHE);
				throw error;
			}
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			const older = (await caches.keys()).filter((key) => key.startsWith(PREFIX) && key !== CACHE);
			await Promise.all(older.map((key) => caches.delete(key)));
			// Take over open pages only on a first install, so the very first visit already works
			// offline. After an update the pages that accepted it reload themselves; claiming
			// others would serve them new files under old code.
			if (older.length === 0) await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	const data: unknown = event.data;
	if (data && typeof data === 'object' && (data as { type?: unknown }).type === 'SKIP_WAITING') {
		void sw.skipWaiting();
	}
});

// Caching while serving is best effort: a cache that cannot be opened, read or written (a full
// disk, a storage error) leaves the network to answer, and never fails a good response.
async function openCache(): Promise<Cache | null> {
	try {
		return await caches.open(CACHE);
	} catch {
		return null;
	}
}

async function cached(cache: Cache | null, key: RequestInfo): Promise<Response | undefined> {
	try {
		return (await cache?.match(key)) ?? undefined;
	} catch {
		return undefined;
	}
}

async function fromNetwork(event: FetchEvent, cache: Cache | null): Promise<Response> {
	const { request } = event;
	const response = await fetch(request);
	// Hashed build files never change, so one fetched late is as good as a precached one. It is
	// stored beside the response, not before it.
	if (cache && response.ok && request.url.startsWith(immutable)) {
		event.waitUntil(cache.put(request, response.clone()).catch(() => undefined));
	}
	return response;
}

async function respond(event: FetchEvent): Promise<Response> {
	const { request } = event;
	const cache = await openCache();
	const url = new URL(request.url);
	url.hash = '';

	if (request.mode === 'navigate') {
		url.search = '';
		// The app is one page; every view lives in the hash. Serving the shell of the version
		// in charge keeps page and files from the same build.
		const hit = await cached(cache, shellAliases.has(url.href) ? shell : url.href);
		if (hit) return hit;
		try {
			return await fetch(request);
		} catch (error) {
			// A page's or an article's static file (doc/ID/…/) is not precached: offline, its
			// hash link opens the same view from the shell.
			const path = url.href.startsWith(shell) ? url.href.slice(shell.length) : '';
			if (/^doc\/[^/]+(\/[^/]+)?\/?$/.test(path)) {
				return Response.redirect(`${shell}#/${path.replace(/\/$/, '')}`, 302);
			}
			const fallback = await cached(cache, shell);
			if (fallback) return fallback;
			throw error;
		}
	}

	return (await cached(cache, request)) ?? fromNetwork(event, cache);
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
	if (archive && request.url.startsWith(archive)) {
		event.respondWith(respondArchive(request, archive));
		return;
	}
	event.respondWith(respond(event));
});
