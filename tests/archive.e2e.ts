// The reader in archive mode, on the small test archive (npm run build:test-archive, served by
// the `archive` project): the newest month listed from the manifest and its catalog shards only,
// older months fetched when the reader goes there, search over the sharded index (first hits,
// then the exact total), 「下载本月」 with its size first and a stop, and offline search of what
// is on the device.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { archiveTestPages } from './archive/make-pages';
import { parsePage } from '../src/lib/core/parse/index';
import { searchSegments } from '../src/lib/core/search/segments';
import { normalize } from '../src/lib/core/search/normalize';
import type { ArchiveManifest, CatalogShard } from '../src/lib/core/archive/catalog';

const ARCHIVE = 'build-archive-test/archive';

test.beforeAll(() => {
	if (!existsSync(join(ARCHIVE, 'manifest.json'))) {
		throw new Error(
			'build-archive-test/ lacks the test archive: run `npm run build:test-archive`.'
		);
	}
});

const readJson = <T>(name: string): T => JSON.parse(readFileSync(join(ARCHIVE, name), 'utf8')) as T;
const manifest = () => readJson<ArchiveManifest>('manifest.json');

/** The oracle: every article of the fixture pages whose searched text holds the term. */
function scan(
	term: string,
	pages = archiveTestPages()
): { key: string; paper: string; month: string }[] {
	const wanted = normalize(term);
	return pages.flatMap((page) => {
		const doc = parsePage(page.text, page.name, page.sidecar);
		return doc.articles
			.filter((article) => searchSegments(article).some((s) => normalize(s).includes(wanted)))
			.map((article) => ({
				key: `${doc.id}/${article.id}`,
				paper: page.sidecar.paper!,
				month: page.sidecar.date!.slice(0, 7)
			}));
	});
}

/** Archive files the browser asked for (page, worker and service worker alike). */
function logArchiveRequests(context: BrowserContext): string[] {
	const names: string[] = [];
	context.on('request', (request) => {
		const match = /\/archive\/([^/?#]+)$/.exec(request.url());
		if (match) names.push(match[1]);
	});
	return names;
}

async function searchFor(page: Page, query: string) {
	await page.goto(`./#/search/${encodeURIComponent(query)}`);
}

/** Every hit of the search on show, once `total` have loaded (more load as the list ends). */
async function allHits(page: Page, total: number): Promise<string[]> {
	const links = page.getByRole('list', { name: '搜索结果' }).locator('a.result-link');
	const more = page.getByRole('button', { name: '更多结果' });
	await expect(async () => {
		if (await more.isVisible()) await more.click({ timeout: 1000 }).catch(() => {});
		expect(await links.count()).toBe(total);
	}).toPass();
	const hrefs = await links.evaluateAll((found) => found.map((a) => a.getAttribute('href') ?? ''));
	return hrefs.map((href) => {
		const [, doc, article] = /#\/doc\/([^/]+)\/([^/]+)/.exec(href) ?? [];
		return `${decodeURIComponent(doc)}/${decodeURIComponent(article)}`;
	});
}

test.describe('without a service worker', () => {
	test.use({ serviceWorkers: 'block' });

	test('the newest issue is listed from the manifest and the newest month alone', async ({
		page,
		context,
		makeAxe
	}) => {
		const fetched = logArchiveRequests(context);
		const m = manifest();
		const newest = m.catalog.filter((e) => e.month === m.catalog[0].month);
		const newestPages = newest.reduce((sum, e) => sum + e.pages, 0);
		await page.goto('./');
		await expect(page.locator(`[data-library-count="${newestPages}"]`)).toBeAttached();
		await expect(page.getByRole('heading', { name: /2026年3月25日/ }).first()).toBeVisible();
		expect(fetched.filter((n) => n.startsWith('catalog-')).sort()).toEqual(
			newest.map((e) => e.name).sort()
		);
		expect(fetched.filter((n) => /^(index-|page-|locator-)/.test(n))).toEqual([]);
		expect(fetched).toContain('manifest.json');

		// An older month loads when the reader goes there.
		const january = m.catalog.find((e) => e.paper === '北岭晚报' && e.month === '2026-01')!;
		await page.goto('./#/issues/' + encodeURIComponent('北岭晚报') + '/2026-01-15');
		await expect(page.getByRole('heading', { name: /2026年1月15日/ })).toBeVisible();
		await expect(page.getByRole('list', { name: '本期版面' }).getByRole('listitem')).toHaveCount(2);
		expect(fetched).toContain(january.name);
		await expect(page.getByRole('button', { name: '下载本月' })).toBeVisible();
		expect((await makeAxe().analyze()).violations).toEqual([]);

		// Opening one of its pages fetches that page's file and shows its articles.
		await page.getByRole('list', { name: '本期版面' }).getByRole('link').first().click();
		await expect(
			page.getByRole('list', { name: '本文章' }).or(page.locator('.articles'))
		).toBeVisible();
		expect(fetched.filter((n) => n.startsWith('page-'))).toHaveLength(1);
	});

	test('a search across months has the exact total and exactly the hits a scan finds', async ({
		page,
		context
	}) => {
		const fetched = logArchiveRequests(context);
		const expected = scan('汾河');
		expect(new Set(expected.map((hit) => hit.month)).size).toBeGreaterThan(1);
		await searchFor(page, '汾河');
		await expect(page.getByText(`共 ${expected.length} 篇`)).toBeVisible();
		expect((await allHits(page, expected.length)).sort()).toEqual(
			expected.map((hit) => hit.key).sort()
		);
		// Marked snippets come from the hit pages' own files.
		await expect(
			page.getByRole('list', { name: '搜索结果' }).locator('mark', { hasText: '汾河' }).first()
		).toBeVisible();
		// Hits of older months are placed by those months' locators, each fetched once, not by
		// their catalog shards (the library holds the newest month's, which place its hits);
		// their pages' files make them.
		const m = manifest();
		const newest = m.catalog[0].month;
		const hitShards = m.catalog.filter((e) =>
			expected.some((hit) => hit.paper === e.paper && hit.month === e.month)
		);
		const older = hitShards.filter((e) => e.month !== newest);
		expect(older.length).toBeGreaterThan(0);
		const catalogs = fetched.filter((n) => n.startsWith('catalog-'));
		expect(catalogs.filter((n) => m.catalog.find((e) => e.name === n)!.month !== newest)).toEqual(
			[]
		);
		const locators = fetched.filter((n) => n.startsWith('locator-'));
		expect(new Set(locators).size).toBe(locators.length);
		for (const name of older.map((e) => e.locator)) expect(locators).toContain(name);
		expect(locators.every((n) => hitShards.some((e) => e.locator === n))).toBe(true);
		expect(new Set(fetched.filter((n) => n.startsWith('page-'))).size).toBe(
			new Set(expected.map((hit) => hit.key.split('/')[0])).size
		);
		// A hit in an older month opens its article, the hit marked.
		const january = expected.find((hit) => hit.month === '2026-01')!;
		const [doc, article] = january.key.split('/');
		await page.locator(`a.result-link[href*="/doc/${doc}/${article}/"]`).click();
		await expect(page.locator('article mark', { hasText: '汾河' }).first()).toBeVisible();
		// and again after a reload: the page remembers its month, not listed on a first visit
		await page.reload();
		await expect(page.locator('article mark', { hasText: '汾河' }).first()).toBeVisible();
		// The paper filter lists the archive's papers; choosing one narrows exactly.
		await page.goBack();
		await page.getByText('筛选').click();
		await page.getByLabel('报纸').selectOption('晨江日报');
		const inPaper = archiveTestPages().filter((p) => p.sidecar.paper === '晨江日报');
		await expect(page.getByText(`共 ${scan('汾河', inPaper).length} 篇`)).toBeVisible();
		// Only this build's index files, and of its shards only those of the query's own tokens.
		const { index } = m;
		const indexFiles = fetched.filter((n) => n.startsWith('index-'));
		expect(indexFiles.every((n) => n.startsWith(`index-${index.id}-`))).toBe(true);
		const shards = new Set(indexFiles.filter((n) => /^index-[0-9a-f]+-\d+\.bin$/.test(n)));
		expect(shards.size).toBeGreaterThan(0);
		expect(shards.size).toBeLessThan(index.shards);
		// The test archive cuts frequent tokens' postings into chunk files, as a large one does,
		// and the exact total of 汾河 reads its later chunks.
		expect(index.chunkFiles).toBeGreaterThan(0);
		expect(indexFiles.filter((n) => !shards.has(n)).length).toBeGreaterThan(0);

		// A phrase, an exclusion and a term no page holds: totals exact each time.
		for (const [query, count] of [
			['汾河 -保护', scan('汾河').filter((h) => !scan('保护').some((x) => x.key === h.key)).length],
			['没有这样的词语', 0]
		] as const) {
			await searchFor(page, query);
			await expect(page.getByText(count ? `共 ${count} 篇` : `没有找到“${query}”`)).toBeVisible();
		}
	});

	test('a search shows its first hits with a count still being made, then the exact total', async ({
		page,
		context
	}) => {
		// 本报记者 is two tokens whose first hits lie in the first window of articles: the count
		// needs more of the index, fetched after the hits are shown.
		const expected = scan('本报记者');
		expect(expected.length).toBeGreaterThan(10);
		// Index files asked for once the hits' page files have been are the count's: held.
		let release!: () => void;
		const released = new Promise<void>((resolve) => (release = resolve));
		let hitsFetched = false;
		const held: string[] = [];
		await context.route('**/archive/page-*.txt', (route) => {
			hitsFetched = true;
			return route.continue();
		});
		await context.route('**/archive/index-*.bin', async (route) => {
			if (hitsFetched) {
				held.push(route.request().url());
				await released;
			}
			await route.continue();
		});
		await searchFor(page, '本报记者');
		const count = page.locator('p.count[data-total]');
		const links = page.getByRole('list', { name: '搜索结果' }).locator('a.result-link');
		await expect(links).toHaveCount(10);
		await expect(count).toHaveAttribute('data-total-exact', 'false');
		const shown = Number(await count.getAttribute('data-total'));
		expect(shown).toBeGreaterThanOrEqual(10);
		expect(shown).toBeLessThan(expected.length);
		await expect(count).toHaveText(`“本报记者” 已找到 ${shown} 篇以上，正在统计总数…`);
		await expect(page.getByRole('button', { name: '更多结果' })).toBeVisible();
		await expect.poll(() => held.length).toBeGreaterThan(0);

		release();
		await expect(count).toHaveText(`“本报记者” 共 ${expected.length} 篇`);
		await expect(count).not.toHaveAttribute('data-total-exact');
		await expect(count).toHaveAttribute('data-total', String(expected.length));
		expect((await allHits(page, expected.length)).sort()).toEqual(
			expected.map((hit) => hit.key).sort()
		);
		await expect(page.getByRole('button', { name: '更多结果' })).toBeHidden();
	});

	test('「下载本月」 shows the size first, and stopping keeps what was fetched', async ({
		page,
		makeAxe
	}) => {
		const m = manifest();
		const entry = m.catalog.find((e) => e.paper === '晨江日报' && e.month === '2026-02')!;
		const sizes = readJson<Record<string, number>>('downloads.json');
		const kb = Math.max(1, Math.round((entry.bytes + sizes[entry.name]) / 1024));
		await page.goto('./#/issues/' + encodeURIComponent('晨江日报') + '/2026-02-15');
		// 「下载全年」: every month of the paper's year, its size first; 取消 fetches nothing.
		const year = m.catalog.filter((e) => e.paper === '晨江日报' && e.month?.startsWith('2026'));
		const yearKb = Math.round(year.reduce((sum, e) => sum + e.bytes + sizes[e.name], 0) / 1024);
		await page.getByRole('button', { name: '下载全年' }).click();
		const yearPages = year.reduce((sum, e) => sum + e.pages, 0);
		await expect(page.getByText(`下载2026年的 ${yearPages} 版,约 ${yearKb} KB。`)).toBeVisible();
		await page.getByRole('button', { name: '取消' }).click();
		await page.getByRole('button', { name: '下载本月' }).click();
		await expect(page.getByText(`下载2026年2月的 ${entry.pages} 版,约 ${kb} KB。`)).toBeVisible();
		expect((await makeAxe().analyze()).violations).toEqual([]);

		// Page files arrive slowly, so the reader can stop midway.
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		let served = 0;
		await page.route('**/archive/page-*.txt', async (route) => {
			if (++served > 2) await held;
			await route.continue();
		});
		await page.getByRole('button', { name: '开始下载' }).click();
		// The catalog shard, its locator and two pages.
		await expect(page.getByText(/正在下载2026年2月:4\/8 个文件/)).toBeVisible();
		await page.getByRole('button', { name: '停止下载' }).click();
		await expect(page.getByText('已停止:已下载的 4 个文件留在本机,可以离线使用。')).toBeVisible();
		release();
		const cachedPages = () =>
			page.evaluate(async () => {
				const names: string[] = [];
				for (const key of await caches.keys()) {
					if (!key.startsWith('banmian-archive:')) continue;
					for (const request of await (await caches.open(key)).keys()) names.push(request.url);
				}
				return names.filter((url) => /\/page-[0-9a-f]+\.txt$/.test(url)).length;
			});
		expect(await cachedPages()).toBe(2);

		await page.unroute('**/archive/page-*.txt');
		await page.getByRole('button', { name: '下载本月' }).click();
		await page.getByRole('button', { name: '开始下载' }).click();
		await expect(page.getByText('2026年2月已下载(8 个文件),离线也能阅读和搜索。')).toBeVisible();
		expect(await cachedPages()).toBe(entry.pages);
	});
});

test('offline, search covers the issues on the device and says so', async ({
	page,
	context,
	makeAxe
}) => {
	await page.goto('./');
	await expect(page.getByRole('heading', { name: /2026年3月25日/ }).first()).toBeVisible();
	// The service worker precaches the app and the newest issues.
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
		.toBe(true);
	// And 「下载本月」 adds a month.
	await page.goto('./#/issues/' + encodeURIComponent('北岭晚报') + '/2026-01-15');
	await page.getByRole('button', { name: '下载本月' }).click();
	await page.getByRole('button', { name: '开始下载' }).click();
	await expect(page.getByText(/2026年1月已下载/)).toBeVisible();

	const onDevice = await page.evaluate(async () => {
		const names: string[] = [];
		for (const key of await caches.keys()) {
			if (!key.startsWith('banmian-archive:')) continue;
			for (const request of await (await caches.open(key)).keys()) {
				names.push(request.url.slice(request.url.lastIndexOf('/') + 1));
			}
		}
		return names;
	});
	// The pages on the device: those of cached catalog shards whose files are cached.
	const m = manifest();
	const ids = new Set<string>();
	for (const entry of m.catalog.filter((e) => onDevice.includes(e.name))) {
		for (const p of readJson<CatalogShard>(entry.name).pages) {
			if (onDevice.includes(`page-${p.hash}.txt`)) ids.add(p.id);
		}
	}
	// the newest 3 issues (two pages each) and January's six pages of 北岭晚报
	expect(ids.size).toBe(12);
	const pages = archiveTestPages().filter((p) => ids.has(p.name.replace(/\.txt$/, '')));
	const expected = scan('汾河', pages);

	await context.setOffline(true);
	await page.goto('./#/search/' + encodeURIComponent('汾河'));
	await expect(page.getByText(`离线：只搜索已下载的 ${ids.size} 版`)).toBeVisible();
	await expect(page.getByText(`共 ${expected.length} 篇`)).toBeVisible();
	expect((await allHits(page, expected.length)).sort()).toEqual(
		expected.map((hit) => hit.key).sort()
	);
	expect((await makeAxe().analyze()).violations).toEqual([]);
});
