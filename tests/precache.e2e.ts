// Build-time check of the service worker's precache: runs the built worker's install step in a
// sandbox whose network is the build/ folder, so a URL the worker would cache but the build
// lacks (or a built file it would leave out) fails here, not on a reader's device.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { runInNewContext } from 'node:vm';
import { test, expect } from './fixtures';

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

interface Install {
	/** Every URL the worker asked for, in order. */
	requested: string[];
	/** Cache name to cached URLs, after the install settled. */
	caches: Map<string, Set<string>>;
	outcome: Promise<unknown>;
}

/** Runs build/service-worker.js's install handler with `files` as the whole network. */
function install(files: Set<string>): Install {
	const requested: string[] = [];
	const stores = new Map<string, Map<string, Response>>();

	async function network(input: RequestInfo | URL): Promise<Response> {
		const url = new URL(input instanceof Request ? input.url : String(input)).href;
		requested.push(url);
		const file = fileFor(url);
		if (!file || !files.has(file)) return new Response('not found', { status: 404 });
		return new Response(readFileSync(join(out, file)), { status: 200 });
	}

	const key = (input: RequestInfo | URL) =>
		new URL(input instanceof Request ? input.url : String(input)).href;

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
				if (!stores.has(name)) stores.set(name, new Map());
				return cacheFor(stores.get(name)!);
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
	runInNewContext(readFileSync(join(out, 'service-worker.js'), 'utf8'), sandbox);

	let outcome: Promise<unknown> | null = null;
	listeners.get('install')?.({
		waitUntil(promise: Promise<unknown>) {
			outcome = promise;
		}
	});
	if (!outcome) throw new Error('the worker did not start an install');
	const caches = new Map<string, Set<string>>();
	return {
		requested,
		caches,
		outcome: (outcome as Promise<unknown>).finally(() => {
			for (const [name, entries] of stores) caches.set(name, new Set(entries.keys()));
		})
	};
}

test.describe('the service worker precache', () => {
	test.beforeEach(() => {
		test.skip(test.info().project.name !== 'desktop', 'a build check: one project is enough');
	});

	test('caches every built file, and every URL it caches exists in the build', async () => {
		const files = new Set(builtFiles());
		const result = install(files);
		await result.outcome;

		const missing = result.requested.filter((url) => !files.has(fileFor(url) ?? ''));
		expect(missing, 'URLs the worker caches that the build lacks').toEqual([]);

		expect(result.caches.size).toBe(1);
		const [[name, cached]] = [...result.caches];
		const version = JSON.parse(readFileSync(join(out, '_app/version.json'), 'utf8')).version;
		expect(name).toContain(version);
		expect(name).toContain(scope);

		const cachedFiles = new Set([...cached].map((url) => fileFor(url)));
		// Only the worker itself and Kit's version probe (unused: no polling) may stay out.
		const uncached = [...files].filter(
			(file) => !cachedFiles.has(file) && !['service-worker.js', '_app/version.json'].includes(file)
		);
		expect(uncached, 'built files missing from the precache').toEqual([]);
		// The app shell is cached under the scope itself, which navigations ask for.
		expect(cached).toContain(scope);
		// Every bundled page is there, so it opens with no network.
		const seeds = readdirSync('seeds').filter((f) => /\.(txt|md)$/i.test(f));
		for (const seed of seeds) {
			const stem = seed.replace(/\.(txt|md)$/i, '');
			expect([...cachedFiles].some((file) => file?.includes(`/${stem}.`))).toBe(true);
		}
	});

	test('a file missing from the build fails the install and leaves no cache behind', async () => {
		const files = new Set(builtFiles());
		const seed = [...files].find((file) => file.endsWith('.txt'));
		expect(seed).toBeTruthy();
		files.delete(seed!);
		const result = install(files);
		// The worker runs in another realm, so its error is compared as text.
		const failure = await result.outcome.then(
			() => 'installed',
			(error: unknown) => String(error)
		);
		expect(failure).toContain(`${seed} answered 404`);
		expect(result.caches.size).toBe(0);
	});
});
