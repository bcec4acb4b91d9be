// The offline PWA, end to end on the production build. Each test serves the build ONLY under a
// sub-path, on its own port (so its own origin: no service worker or cache left over from
// another test), and counts the requests that reach that server.
import { execFileSync } from 'node:child_process';
import {
	appendFileSync,
	cpSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	symlinkSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { TEST_SEEDS } from '../scripts/seeds.mjs';
import { startServer } from '../scripts/pwa-server.mjs';
import { test, expect, expectedDocument, seedId } from './fixtures';

const expected = expectedDocument();

const builtVersion = (dir = 'build'): string =>
	JSON.parse(readFileSync(join(dir, '_app/version.json'), 'utf8')).version;

function runningVersion(page: Page): Promise<string | null> {
	return page.locator('meta[name="banmian-version"]').getAttribute('content');
}

async function waitUntilControlled(page: Page): Promise<void> {
	await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20_000 });
}

function failedRequests(context: BrowserContext): string[] {
	const failed: string[] = [];
	context.on('requestfailed', (request) => failed.push(request.url()));
	return failed;
}

/** Asks the browser for the deployed worker and waits for the new one to install or fail. */
function updateOutcome(page: Page): Promise<string> {
	return page.evaluate(async () => {
		const registration = (await navigator.serviceWorker.getRegistration())!;
		await registration.update();
		const worker = registration.installing ?? registration.waiting;
		if (!worker) return 'no new worker';
		if (worker.state === 'installed' || worker.state === 'redundant') return worker.state;
		return new Promise<string>((done) =>
			worker.addEventListener('statechange', () => {
				if (worker.state === 'installed' || worker.state === 'redundant') done(worker.state);
			})
		);
	});
}

test('after one visit, with no network: a deep link reloads, a new tab opens, search finds 汾河, and no request reaches the server', async ({
	page,
	context
}) => {
	const server = await startServer({ root: 'build', prefix: 'banmian' });
	try {
		await page.goto(server.url);
		await expect(page.locator('[aria-label="文档列表"] > li').first()).toBeVisible();
		await waitUntilControlled(page);
		// Online and up to date, the chrome says nothing and takes no room.
		await expect(page.locator('.pwa-chrome')).toBeEmpty();

		await context.setOffline(true);
		const failed = failedRequests(context);
		const served = server.requests.length;
		await expect(page.getByRole('status').filter({ hasText: '离线' })).toHaveText(
			/离线 · 已保存的版面照常可读/
		);

		// A deep link to a page, opened in a new tab, and on to an article, reloaded.
		const tab = await context.newPage();
		await tab.goto(`${server.url}#/doc/${seedId}`);
		await expect(tab.getByRole('list', { name: '本版文章' }).getByRole('article')).toHaveCount(
			expected.articles.length
		);
		await tab.getByRole('link', { name: expected.articles[1].title }).click();
		await expect(tab.getByRole('heading', { level: 1 })).toHaveText(expected.articles[1].title);
		expect(tab.url()).toContain(`#/doc/${seedId}/`);
		await tab.reload();
		await expect(tab.getByRole('heading', { level: 1 })).toHaveText(expected.articles[1].title);

		// Search, from a cold start in another tab.
		const searchTab = await context.newPage();
		await searchTab.goto(`${server.url}#/search/${encodeURIComponent('汾河')}`);
		await expect(searchTab.getByLabel('搜索', { exact: true })).toBeVisible();
		const results = searchTab.getByRole('list', { name: '搜索结果' }).getByRole('listitem');
		await expect(results.first()).toBeVisible();
		await results.first().getByRole('link').click();
		await expect(searchTab.getByRole('heading', { level: 1 })).toBeVisible();

		expect(failed).toEqual([]);
		// The browser's own check for a newer service worker script is not subject to offline
		// emulation; offline for real it simply fails. Nothing the app needs may get through.
		const reached = server.requests.slice(served);
		expect(reached.filter((path) => !path.endsWith('/service-worker.js'))).toEqual([]);

		await context.setOffline(false);
		await expect(page.locator('.pwa-chrome')).toBeEmpty();
	} finally {
		await server.close();
	}
});

test('Chromium finds the app installable: manifest parsed cleanly, no installability errors', async ({
	playwright,
	launchOptions
}) => {
	const server = await startServer({ root: 'build', prefix: 'banmian' });
	// Installability is never offered in incognito, which every test context is.
	const profile = mkdtempSync(join(tmpdir(), 'banmian-profile-'));
	const context = await playwright.chromium.launchPersistentContext(profile, launchOptions);
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(server.url);
		await waitUntilControlled(page);
		const cdp = await context.newCDPSession(page);
		const manifest = await cdp.send('Page.getAppManifest');
		expect(manifest.url).toBe(`${server.url}manifest.webmanifest`);
		expect(manifest.errors).toEqual([]);
		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		expect(installabilityErrors).toEqual([]);
	} finally {
		await context.close();
		await server.close();
		rmSync(profile, { recursive: true, force: true });
	}
});

test('安装应用 appears only when the browser offers installation, and hands the offer back', async ({
	page
}) => {
	await page.goto('./');
	const firstEntry = page.locator('[aria-label="文档列表"] > li').first();
	await expect(firstEntry).toBeVisible();
	const install = page.getByRole('button', { name: '安装应用' });
	await expect(install).toHaveCount(0);
	const entryBefore = await firstEntry.boundingBox();

	// Chromium only fires this after its own engagement heuristics; stand in for it.
	await page.evaluate(() => {
		const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
			prompt: async () => {
				(window as unknown as { prompted: boolean }).prompted = true;
			},
			userChoice: Promise.resolve({ outcome: 'dismissed', platform: 'web' })
		});
		window.dispatchEvent(offer);
	});
	await expect(install).toBeVisible();
	const box = await install.boundingBox();
	expect(box!.height).toBeGreaterThanOrEqual(44);
	// The offer arrives whenever the browser likes: it floats over the page, moving nothing.
	expect((await firstEntry.boundingBox())!.y).toBe(entryBefore!.y);
	await install.focus();
	await page.keyboard.press('Enter');
	await expect.poll(() => page.evaluate(() => 'prompted' in window)).toBe(true);
	// An offer can be used once.
	await expect(install).toHaveCount(0);
});

test('a redeploy of the same build that cannot install leaves the version in charge and its cache intact', async ({
	page,
	context
}) => {
	// The same build deployed again with one page missing; its worker differs only in bytes,
	// so the browser installs it, under the very cache name the version in charge uses.
	const work = mkdtempSync(join(tmpdir(), 'banmian-redeploy-'));
	const server = await startServer({ root: 'build', prefix: 'banmian' });
	try {
		const redeployed = join(work, 'build');
		cpSync('build', redeployed, { recursive: true });
		appendFileSync(join(redeployed, 'service-worker.js'), '\n// redeployed\n');
		const assets = join(redeployed, '_app/immutable/assets');
		rmSync(
			join(
				assets,
				readdirSync(assets).find((file) => file.startsWith(`${seedId}.`))!
			)
		);

		await page.goto(server.url);
		await waitUntilControlled(page);
		const before = await page.evaluate(() => globalThis.caches.keys());
		expect(before).toHaveLength(1);

		server.setRoot(redeployed);
		const outcome = await updateOutcome(page);
		expect(outcome).toBe('redundant');
		expect(await page.evaluate(() => globalThis.caches.keys())).toEqual(before);

		// Offline, the version in charge still has every page, the one the redeploy lacks too.
		await context.setOffline(true);
		const tab = await context.newPage();
		await tab.goto(`${server.url}#/doc/${seedId}`);
		await expect(tab.getByRole('list', { name: '本版文章' }).getByRole('article')).toHaveCount(
			expected.articles.length
		);
	} finally {
		await server.close();
		rmSync(work, { recursive: true, force: true });
	}
});

test('a full disk does not fail a file the worker fetches late: the page gets it from the network', async ({
	page,
	context
}) => {
	const server = await startServer({ root: 'build', prefix: 'banmian' });
	try {
		await page.goto(server.url);
		await waitUntilControlled(page);
		// A hashed build file the cache has lost, and no room left to store it again.
		const file = readdirSync('build/_app/immutable/chunks').find((name) => name.endsWith('.js'))!;
		const url = `${server.url}_app/immutable/chunks/${file}`;
		expect(
			await page.evaluate(async (url) => {
				const [name] = await caches.keys();
				return (await caches.open(name)).delete(url);
			}, url)
		).toBe(true);
		const cdp = await context.newCDPSession(page);
		await cdp.send('Storage.overrideQuotaForOrigin', {
			origin: new URL(server.url).origin,
			quotaSize: 1
		});

		const fetched = await page.evaluate(async (url) => {
			try {
				const response = await fetch(url);
				return { status: response.status, text: await response.text() };
			} catch (error) {
				return { status: 0, text: String(error) };
			}
		}, url);
		expect(fetched.status).toBe(200);
		expect(fetched.text).toBe(readFileSync(`build/_app/immutable/chunks/${file}`, 'utf8'));
		// The disk really was full: the copy could not be kept.
		expect(await page.evaluate(async (url) => !!(await caches.match(url)), url)).toBe(false);
	} finally {
		await server.close();
	}
});

test.describe('updates', () => {
	// Both tests use one second build; made once per worker.
	test.describe.configure({ mode: 'serial' });

	let work = '';
	let next = '';
	let broken = '';
	const oldVersion = builtVersion();
	const newVersion = `${oldVersion}-next`;

	test.beforeAll(async () => {
		test.setTimeout(180_000);
		work = mkdtempSync(join(tmpdir(), 'banmian-pwa-'));
		// A real second build of the same sources with another version, made in a copy of the
		// project so that build/, which other tests are serving, is left alone.
		const project = join(work, 'project');
		mkdirSync(project);
		const skip = new Set([
			'node_modules',
			'build',
			'.svelte-kit',
			'.git',
			'test-results',
			'reports'
		]);
		for (const entry of readdirSync('.')) {
			if (!skip.has(entry)) cpSync(entry, join(project, entry), { recursive: true });
		}
		symlinkSync(resolve('node_modules'), join(project, 'node_modules'), 'dir');
		execFileSync(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build'], {
			cwd: project,
			env: { ...process.env, BANMIAN_VERSION: newVersion, BANMIAN_SEEDS: TEST_SEEDS },
			stdio: 'pipe'
		});
		next = join(project, 'build');
		expect(builtVersion(next)).toBe(newVersion);

		// The same build with one bundled page missing: its precache cannot complete.
		broken = join(work, 'broken');
		cpSync(next, broken, { recursive: true });
		const assets = join(broken, '_app/immutable/assets');
		const seed = readdirSync(assets).find((file) => file.startsWith(`${seedId}.`));
		expect(seed).toBeTruthy();
		rmSync(join(assets, seed!));
	});

	test.afterAll(() => {
		if (work) rmSync(work, { recursive: true, force: true });
	});

	test('a new version waits for 更新, then runs after one reload with reading state intact', async ({
		page,
		makeAxe
	}) => {
		const server = await startServer({ root: 'build', prefix: 'banmian' });
		try {
			await page.goto(`${server.url}#/doc/${seedId}`);
			await waitUntilControlled(page);
			expect(await runningVersion(page)).toBe(oldVersion);
			// Reading state lives in IndexedDB, which an update must not touch.
			await page.evaluate(
				() =>
					new Promise<void>((done, fail) => {
						const open = indexedDB.open('banmian-test', 1);
						open.onupgradeneeded = () => open.result.createObjectStore('state');
						open.onerror = () => fail(open.error);
						open.onsuccess = () => {
							const tx = open.result.transaction('state', 'readwrite');
							tx.objectStore('state').put({ article: 'a1', progress: 0.42 }, 'reading');
							tx.oncomplete = () => {
								open.result.close();
								done();
							};
							tx.onerror = () => fail(tx.error);
						};
					})
			);

			server.setRoot(next);
			// Coming back to the app is when the browser looks for a new version.
			await page.reload();
			const prompt = page.getByRole('status').filter({ hasText: '新版本可用' });
			await expect(prompt).toBeVisible({ timeout: 20_000 });
			// It waits: the page still runs the old version, from the old cache.
			expect(await runningVersion(page)).toBe(oldVersion);
			await expect(page.getByRole('list', { name: '本版文章' })).toBeVisible();
			expect((await makeAxe().include('.pwa-chrome').analyze()).violations).toEqual([]);

			let loads = 0;
			page.on('load', () => loads++);
			const update = prompt.getByRole('button', { name: '更新' });
			expect((await update.boundingBox())!.height).toBeGreaterThanOrEqual(44);
			await update.click();
			await expect.poll(() => runningVersion(page).catch(() => null)).toBe(newVersion);
			await expect(page.getByRole('list', { name: '本版文章' })).toBeVisible();
			await expect(page.locator('.pwa-chrome')).toBeEmpty();
			await page.waitForTimeout(500);
			expect(loads).toBe(1);

			const record = await page.evaluate(
				() =>
					new Promise<unknown>((done, fail) => {
						const open = indexedDB.open('banmian-test', 1);
						open.onerror = () => fail(open.error);
						open.onsuccess = () => {
							const get = open.result.transaction('state').objectStore('state').get('reading');
							get.onsuccess = () => done(get.result);
							get.onerror = () => fail(get.error);
						};
					})
			);
			expect(record).toEqual({ article: 'a1', progress: 0.42 });
			// Only the new version's cache is left.
			const caches = await page.evaluate(() => globalThis.caches.keys());
			expect(caches).toHaveLength(1);
			expect(caches[0]).toContain(newVersion);
		} finally {
			await server.close();
		}
	});

	test('a new version whose precache cannot complete leaves the old one in control', async ({
		page,
		context
	}) => {
		const server = await startServer({ root: 'build', prefix: 'banmian' });
		try {
			await page.goto(server.url);
			await waitUntilControlled(page);

			server.setRoot(broken);
			const outcome = await updateOutcome(page);
			expect(outcome).toBe('redundant');
			// The failed install took its partial cache with it; the old one is untouched.
			const caches = await page.evaluate(() => globalThis.caches.keys());
			expect(caches).toHaveLength(1);
			expect(caches[0]).toContain(oldVersion);

			// (The browser may retry the install on this navigation; it fails the same way.)
			await page.reload();
			await expect(page.locator('[aria-label="文档列表"] > li').first()).toBeVisible();
			expect(await runningVersion(page)).toBe(oldVersion);
			await expect(page.getByText('新版本可用')).toHaveCount(0);

			// The old version still has everything, the page the broken build lacks included.
			await context.setOffline(true);
			const tab = await context.newPage();
			await tab.goto(`${server.url}#/doc/${seedId}`);
			await expect(tab.getByRole('list', { name: '本版文章' }).getByRole('article')).toHaveCount(
				expected.articles.length
			);
		} finally {
			await server.close();
		}
	});
});
