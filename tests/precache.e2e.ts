// Build-time check of the service worker's precache: runs the built worker's install step in a
// sandbox whose network is the build/ folder, so a URL the worker would cache but the build
// lacks (or a built file it would leave out) fails here, not on a reader's device.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { runInNewContext } from 'node:vm';
import { test, expect, testSeeds } from './fixtures';

const out = 'build';
const scope = 'https://reader.example/some/sub/path/';

function builtFiles(dir = out): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory()
			? builtFiles(path)
			: [relative(out, path).split(sep).join('/')];
	});
}

/** The build/ file a URL under the scope names, or null. */
function fileFor(url: string): string | null {
	if (!url.startsWith(scope)) return null;
	const path = decodeURIComponent(new URL(url).pathname.slice(new URL(scope).pathname.length));
	return path === '' ? 'index.html' : path;
}

/** What a test can break in the sandbox's Cache API, at any time. */
interface Faults {
	/** caches.open rejects. */
	open?: boolean;
	/** Cache.put rejects as a full disk does. */
	put?: boolean;
}

interface Worker {
	/** Every URL the worker asked the network for, in order. */
	requested: string[];
	/** Cache name to its entries: the sandbox's whole Cache Storage, shared across workers. */
	stores: Map<string, Map<string, Response>>;
	faults: Faults;
	listeners: Map<string, (event: unknown) => void>;
}

const key = (input: RequestInfo | URL) =>
	new URL(input instanceof Request ? input.url : String(input)).href;

/**
 * Runs build/service-worker.js (its source passed through `edit`, to stand in for another
 * build) with `files` as the whole network and `stores` as its Cache Storage.
 */
function loadWorker(
	files: Set<string>,
	stores = new Map<string, Map<string, Response>>(),
	edit = (source: string) => source
): Worker {
	const requested: string[] = [];
	const faults: Faults = {};

	async function network(input: RequestInfo | URL): Promise<Response> {
		const url = key(input);
		requested.push(url);
		const file = fileFor(url);
		if (!file || !files.has(file)) return new Response('not found', { status: 404 });
		return new Response(readFileSync(join(out, file)), { status: 200 });
	}

	function cacheFor(entries: Map<string, Response>) {
		return {
			async addAll(inputs: RequestInfo[]) {
				// All or nothing, like the real Cache.addAll.
				const responses = await Promise.all(inputs.map((input) => network(input)));
				const bad = responses.findIndex((response) => !response.ok);
				if (bad >= 0)
					throw new TypeError(`addAll: ${key(inputs[bad])} answered ${responses[bad].status}`);
				inputs.forEach((input, i) => entries.set(key(input), responses[i]));
			},
			async match(input: RequestInfo) {
				return entries.get(key(input))?.clone();
			},
			async put(input: RequestInfo, response: Response) {
				if (faults.put)
					throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				entries.set(key(input), response);
			}
		};
	}

	const listeners = new Map<string, (event: unknown) => void>();
	const sandbox: Record<string, unknown> = {
		location: new URL('service-worker.js', scope),
		registration: { scope },
		addEventListener: (type: string, listener: (event: unknown) => void) =>
			listeners.set(type, listener),
		caches: {
			async open(name: string) {
				if (faults.open) throw new DOMException('Unexpected internal error.', 'UnknownError');
				if (!stores.has(name)) stores.set(name, new Map());
				return cacheFor(stores.get(name)!);
			},
			async has(name: string) {
				return stores.has(name);
			},
			async delete(name: string) {
				return stores.delete(name);
			},
			async keys() {
				return [...stores.keys()];
			},
			async match() {
				return undefined;
			}
		},
		clients: { claim: async () => undefined },
		fetch: network,
		Request,
		Response,
		URL,
		console
	};
	sandbox.self = sandbox;
	runInNewContext(edit(readFileSync(join(out, 'service-worker.js'), 'utf8')), sandbox);
	return { requested, stores, faults, listeners };
}

/** The worker's install step: settles as the browser's install would. */
function install(worker: Worker): Promise<unknown> {
	let outcome: Promise<unknown> | null = null;
	worker.listeners.get('install')?.({
		waitUntil(promise: Promise<unknown>) {
			outcome = promise;
		}
	});
	if (!outcome) throw new Error('the worker did not start an install');
	return outcome;
}

/** The install's failure as text ('installed' when it succeeds); the worker runs in another realm. */
function installFailure(worker: Worker): Promise<string> {
	return install(worker).then(
		() => 'installed',
		(error: unknown) => String(error)
	);
}

/** What a page gets for `url` through the worker's fetch handler, once its side work settles. */
async function fetchThrough(worker: Worker, url: string): Promise<Response> {
	let answer: Promise<Response> | null = null;
	const sideWork: Promise<unknown>[] = [];
	worker.listeners.get('fetch')?.({
		request: new Request(url),
		respondWith(response: Promise<Response>) {
			answer = response;
		},
		waitUntil(promise: Promise<unknown>) {
			sideWork.push(promise);
		}
	});
	if (!answer) throw new Error(`the worker left ${url} to the browser`);
	const response = await (answer as Promise<Response>);
	await Promise.all(sideWork);
	return response;
}

/** Cache name to cached URLs. */
function cacheContents(worker: Worker): Map<string, Set<string>> {
	return new Map([...worker.stores].map(([name, entries]) => [name, new Set(entries.keys())]));
}

/** The built asset of one bundled page. */
function firstSeed(files: Set<string>): string {
	const seed = [...files].find((file) => file.endsWith('.txt'));
	expect(seed).toBeTruthy();
	return seed!;
}

test.describe('the service worker precache', () => {
	test.beforeEach(() => {
		test.skip(test.info().project.name !== 'desktop', 'a build check: one project is enough');
	});

	test('caches every built file, and every URL it caches exists in the build', async () => {
		const files = new Set(builtFiles());
		const worker = loadWorker(files);
		await install(worker);

		const missing = worker.requested.filter((url) => !files.has(fileFor(url) ?? ''));
		expect(missing, 'URLs the worker caches that the build lacks').toEqual([]);

		const caches = cacheContents(worker);
		expect(caches.size).toBe(1);
		const [[name, cached]] = [...caches];
		const version = JSON.parse(readFileSync(join(out, '_app/version.json'), 'utf8')).version;
		expect(name).toContain(version);
		expect(name).toContain(scope);

		const cachedFiles = new Set([...cached].map((url) => fileFor(url)));
		// Only the worker itself, Kit's version probe (unused: no polling) and the static page and
		// article views may stay out: offline, the worker sends a view's address to its hash link.
		const uncached = [...files].filter(
			(file) =>
				!cachedFiles.has(file) &&
				!['service-worker.js', '_app/version.json'].includes(file) &&
				!/^doc\/[^/]+\/([^/]+\/)?index\.html$/.test(file)
		);
		expect(uncached, 'built files missing from the precache').toEqual([]);
		// The app shell is cached under the scope itself, which navigations ask for.
		expect(cached).toContain(scope);
		// Every bundled page is there, so it opens with no network.
		for (const seed of testSeeds) {
			const stem = seed.name.replace(/\.(txt|md)$/i, '');
			expect([...cachedFiles].some((file) => file?.includes(`/${stem}.`))).toBe(true);
		}
	});

	test('a file missing from the build fails the install and leaves no cache behind', async () => {
		const files = new Set(builtFiles());
		const seed = firstSeed(files);
		files.delete(seed);
		const worker = loadWorker(files);
		expect(await installFailure(worker)).toContain(`${seed} answered 404`);
		expect(worker.stores.size).toBe(0);
	});

	test('the same build failing to install again leaves the cache in charge as it was', async () => {
		const files = new Set(builtFiles());
		const inCharge = loadWorker(files);
		await install(inCharge);
		const before = cacheContents(inCharge);
		expect(before.size).toBe(1);

		// Deployed again (say with only the worker's code changed) with a page missing.
		const broken = new Set(files);
		const seed = firstSeed(broken);
		broken.delete(seed);
		const again = loadWorker(broken, inCharge.stores);
		expect(await installFailure(again)).toContain(`${seed} answered 404`);
		expect(cacheContents(again)).toEqual(before);
	});

	test('a rebuild of the same version with other files installs into a cache of its own', async () => {
		const files = new Set(builtFiles());
		const inCharge = loadWorker(files);
		await install(inCharge);
		const [[activeName, activeUrls]] = [...cacheContents(inCharge)];

		// The same version built again with one page changed: its worker lists another URL.
		const changed = firstSeed(files);
		const rebuild = (source: string) => {
			const listed = `\`/${changed}\``;
			expect(source).toContain(listed);
			return source.replace(listed, `\`/${changed}?rebuilt\``);
		};
		// Deployed with another page missing, so its install fails.
		const without = new Set(files);
		const missing = [...without].find((file) => file.endsWith('.txt') && file !== changed)!;
		without.delete(missing);
		const next = loadWorker(without, inCharge.stores, rebuild);
		expect(await installFailure(next)).toContain(`${missing} answered 404`);
		expect(cacheContents(next)).toEqual(new Map([[activeName, activeUrls]]));

		// Deployed whole, it installs beside the one in charge, under the same version.
		without.add(missing);
		const fixed = loadWorker(without, inCharge.stores, rebuild);
		await install(fixed);
		const names = [...fixed.stores.keys()];
		expect(names).toHaveLength(2);
		const version = JSON.parse(readFileSync(join(out, '_app/version.json'), 'utf8')).version;
		for (const name of names) expect(name).toContain(version);
		expect(cacheContents(fixed).get(activeName)).toEqual(activeUrls);
	});
});

test.describe('the service worker serving', () => {
	test.beforeEach(() => {
		test.skip(test.info().project.name !== 'desktop', 'a build check: one project is enough');
	});

	/** An installed worker, and a hashed build file it has no copy of (a runtime fetch). */
	async function installedWithout(): Promise<{ worker: Worker; url: string; file: string }> {
		const files = new Set(builtFiles());
		const worker = loadWorker(files);
		await install(worker);
		const [entries] = [...worker.stores.values()];
		const file = [...files].find((f) => f.startsWith('_app/immutable/') && f.endsWith('.js'))!;
		const url = new URL(file, scope).href;
		expect(entries.delete(url)).toBe(true);
		return { worker, url, file };
	}

	test('a full disk does not fail a response: the network copy is served, uncached', async () => {
		const { worker, url, file } = await installedWithout();
		worker.faults.put = true;
		const response = await fetchThrough(worker, url);
		expect(response.status).toBe(200);
		expect(await response.text()).toBe(readFileSync(join(out, file), 'utf8'));
		const [entries] = [...worker.stores.values()];
		expect(entries.has(url)).toBe(false);

		// With room again, a file fetched late is kept for offline use.
		worker.faults.put = false;
		await fetchThrough(worker, url);
		expect(entries.has(url)).toBe(true);
	});

	test('a cache that cannot be opened leaves the network to answer', async () => {
		const { worker, url, file } = await installedWithout();
		worker.faults.open = true;
		const response = await fetchThrough(worker, url);
		expect(await response.text()).toBe(readFileSync(join(out, file), 'utf8'));
	});
});
