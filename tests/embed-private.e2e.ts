import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from '@playwright/test';
import { chromiumArgs, executablePath } from '../playwright.config';
import { test, expect, importFiles, seedCount, seedId, storedKeys } from './fixtures';

// What an embedding site may learn and change when the embed shares the reader's own storage:
// same-site embedding, or browsers that neither partition nor block third-party storage.

const port = Number(process.env.BANMIAN_TEST_PORT ?? 4174);
// localhost and 127.0.0.1 on one server are a cross-site pair.
const readerOrigin = `http://localhost:${port}`;
const hostOrigin = `http://127.0.0.1:${port}`;
const imported = {
	path: 'tests/fixtures/import/gb18030-page.txt',
	/** How the library lists it: the file name without extension. */
	listed: 'gb18030-page',
	title: '山村小学有了新图书角',
	term: '青杉图书角'
};

const profiles: string[] = [];
test.afterAll(() => {
	for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

/**
 * A browser whose third-party frames get the same, unpartitioned storage as the top level:
 * Playwright already turns partitioning off, and a profile allowing third-party cookies stops
 * Chromium from blocking the frame's storage instead.
 */
async function unpartitionedBrowser(): Promise<BrowserContext> {
	const profile = mkdtempSync(join(tmpdir(), 'banmian-unpartitioned-'));
	profiles.push(profile);
	mkdirSync(join(profile, 'Default'));
	writeFileSync(
		join(profile, 'Default', 'Preferences'),
		JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } })
	);
	const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = test.info().project.use;
	return chromium.launchPersistentContext(profile, {
		executablePath,
		args: chromiumArgs,
		locale: 'zh-CN',
		...{ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch }
	});
}

type Reader = Record<string, (...args: unknown[]) => Promise<unknown>>;

/** The demo host page on 127.0.0.1 with the reader from localhost; resolves with `ready`. */
async function openHost(page: Page) {
	await page.goto(`${hostOrigin}/embed-demo.html?src=${encodeURIComponent(readerOrigin + '/')}`);
	return (await page.evaluate(
		() => (window as unknown as { banmianReader: { ready: Promise<unknown> } }).banmianReader.ready
	)) as { documents: { id: string; title: string; articles: { title: string }[] }[] };
}

function call<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
	return page.evaluate(
		([method, args]) =>
			(window as unknown as { banmianReader: Reader }).banmianReader[method as string](
				...(args as unknown[])
			),
		[method, args] as const
	) as Promise<T>;
}

function readerFrame(page: Page): Frame {
	const frame = page.frames().find((f) => f.url().startsWith(readerOrigin));
	if (!frame) throw new Error('no reader frame');
	return frame;
}

/** The stored imported page ids, as a frame of the reader sees them in its IndexedDB. */
function storedImports(frame: Frame): Promise<string[]> {
	return storedKeys(frame, 'importedDocs');
}

test('an embedding site never lists, searches or opens the reader’s imported pages', async () => {
	const browser = await unpartitionedBrowser();
	const page = await browser.newPage();
	await page.goto(`${readerOrigin}/#/`);
	await importFiles(page, imported.path);
	const entry = page
		.getByRole('list', { name: '文档列表' })
		.getByRole('listitem')
		.filter({ hasText: imported.listed });
	await expect(entry.getByText('导入', { exact: true })).toBeVisible();
	const href = await entry.getByRole('link').first().getAttribute('href');
	const importedId = decodeURIComponent(/#\/doc\/([^/]+)/.exec(href ?? '')![1]);

	const ready = await openHost(page);
	const frame = readerFrame(page);
	// The frame really shares the reader's storage: the import is there for it to leak.
	expect(await storedImports(frame)).toContain(importedId);

	expect(ready.documents).toHaveLength(seedCount);
	expect(ready.documents.map((d) => d.id)).not.toContain(importedId);
	expect(JSON.stringify(ready.documents)).not.toContain(imported.title);

	const found = await call<{ total: number; hits: unknown[] }>(page, 'search', imported.term);
	expect(found).toEqual({ total: 0, hits: [] });
	const seedHits = await call<{ total: number }>(page, 'search', '汾河');
	expect(seedHits.total).toBeGreaterThan(0);

	const failure = await page.evaluate(
		(id) =>
			(window as unknown as { banmianReader: Reader }).banmianReader.open(id).then(
				() => 'opened',
				(e: { code: string }) => e.code
			),
		importedId
	);
	expect(failure).toBe('unknown-doc');

	// Nor does the embed's own UI show it: not in its library, its search or at its address.
	const view = page.frameLocator('iframe');
	await frame.evaluate(() => (location.hash = '#/'));
	await expect(view.getByRole('list', { name: '文档列表' }).first()).toBeVisible();
	await expect(view.getByText(imported.listed)).toHaveCount(0);
	await expect(view.getByRole('button', { name: '导入', exact: true })).toHaveCount(0);
	await frame.evaluate((term) => (location.hash = `#/search/${term}`), imported.term);
	await expect(view.getByText(`没有找到“${imported.term}”`)).toBeVisible({ timeout: 30_000 });
	await frame.evaluate((id) => (location.hash = `#/doc/${id}`), importedId);
	await expect(view.getByRole('heading', { name: '找不到这个版面' })).toBeVisible();
	await expect(view.getByText(imported.title)).toHaveCount(0);

	// The full reader still has it.
	await page.goto(`${readerOrigin}/#/search/${imported.term}`);
	await expect(page.getByText('共 1 篇')).toBeVisible({ timeout: 30_000 });
	await browser.close();
});

const pressed = (page: Page | ReturnType<Page['frameLocator']>, name: string) =>
	expect(page.getByRole('button', { name, exact: true })).toHaveAttribute('aria-pressed', 'true');

test('embed settings from the URL apply to that page only, never to the reader’s own', async ({
	page,
	context
}) => {
	await page.goto('./#/settings');
	await page.getByRole('button', { name: '米黄' }).click();
	await page.getByRole('button', { name: '全角中文标点' }).click();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
	const own = await context.newPage();
	await own.goto('./#/settings');
	await pressed(own, '米黄');

	// A plain link, no parent, no frame.
	await page.goto('./?embed=1&theme=dark&writing=vertical#/settings');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await pressed(page, '竖排');
	await pressed(page, '全角中文标点'); // the reader's own settings have been read
	// A choice the reader makes there is theirs: saved and sent to their other tabs, alone.
	await page.getByRole('button', { name: '黑体(无衬线)' }).click();
	await pressed(own, '黑体(无衬线)');
	await pressed(own, '米黄');
	await pressed(own, '横排');

	await own.reload();
	await pressed(own, '黑体(无衬线)');
	await pressed(own, '米黄');
	await pressed(own, '横排');
	await expect(own.locator('html')).toHaveAttribute('data-theme', 'sepia');
});

test('banmian:settings from an embedding site changes that frame only', async () => {
	const browser = await unpartitionedBrowser();
	const page = await browser.newPage();
	await page.goto(`${readerOrigin}/#/settings`);
	await page.getByRole('button', { name: '米黄' }).click();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
	const own = await browser.newPage();
	await own.goto(`${readerOrigin}/#/settings`);
	await pressed(own, '米黄');

	await openHost(page);
	const view = page.frameLocator('iframe');
	// The frame shares the reader's storage here: it starts from the reader's own settings.
	await expect(view.locator('html')).toHaveAttribute('data-theme', 'sepia');
	const applied = await call(page, 'settings', { theme: 'dark', writing: 'vertical' });
	expect(applied).toMatchObject({ theme: 'dark', writing: 'vertical' });
	await expect(view.locator('html')).toHaveAttribute('data-theme', 'dark');
	// They hold while the reader moves around inside the frame.
	await call(page, 'open', seedId);
	await view.getByRole('list', { name: '本版文章' }).getByRole('link').first().click();
	await expect(view.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(view.locator('html')).toHaveAttribute('data-theme', 'dark');

	// Nothing was stored for the reader: their next change keeps their own theme and layout.
	await own.getByRole('button', { name: '黑体(无衬线)' }).click();
	await own.reload();
	await pressed(own, '黑体(无衬线)');
	await pressed(own, '米黄');
	await pressed(own, '横排');
	await expect(own.locator('html')).toHaveAttribute('data-theme', 'sepia');
	await browser.close();
});
