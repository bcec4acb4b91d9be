import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, importFiles, seedCount, go } from './fixtures';

// A page that hangs the parser used to hang the worker on every visit: the library never became
// ready and the page could not even be removed. No text hangs the (linear) parser on demand, so
// the stuck parse is made by lowering the parse budget (`banmianParseBudgetMs`, read by the
// worker client) after a real, ordinary import: on the reload, that page's parse outlasts 1 ms
// while every bundled page comes from the cache without a parse.

let temp = '';
test.beforeAll(() => {
	temp = mkdtempSync(join(tmpdir(), 'banmian-bad-page-'));
});
test.afterAll(() => {
	if (temp) rmSync(temp, { recursive: true, force: true });
});

const entries = (page: Page) => page.locator('[aria-label="文档列表"] > li');
const entry = (page: Page, name: string) => entries(page).filter({ hasText: name });

test('a page the parser gets stuck on is skipped: listed as unparsable and removable, the rest works', async ({
	page,
	makeAxe
}) => {
	// Large enough that its parse takes far longer than the 1 ms budget set below.
	const unit = `# 柳溪村的夜校开课了\n\n本报讯 柳溪村的夜校昨晚开课,三十多位村民来学种植和记账。\n\n`;
	const name = `stuck-${test.info().project.name}.txt`;
	// the library names a page without header or details by its file name, without extension
	const shown = name.replace(/\.txt$/, '');
	const file = join(temp, name);
	writeFileSync(file, unit.repeat(Math.ceil((3 * 1024 * 1024) / Buffer.byteLength(unit))));

	await page.goto('./#/');
	await expect(entries(page)).toHaveCount(seedCount);
	await importFiles(page, file);
	await expect(page.getByRole('status').filter({ hasText: '已导入' })).toContainText(name);

	await page.addInitScript(() => {
		(globalThis as { banmianParseBudgetMs?: number }).banmianParseBudgetMs = 1;
	});
	await page.reload();
	const stuck = entry(page, shown);
	await expect(stuck).toContainText('这一版无法解析:解析超时', { timeout: 30_000 });
	await expect(entries(page)).toHaveCount(seedCount + 1);
	await expect(page.getByText('正在载入')).toHaveCount(0);
	expect((await makeAxe().analyze()).violations).toEqual([]);

	// The rest of the library opens and searches.
	await entries(page).filter({ hasText: '守护一河清水' }).getByRole('link').click();
	await page
		.getByRole('list', { name: '本版文章' })
		.getByRole('link', { name: /守护一河清水/ })
		.click();
	await expect(page.getByText('市委书记郑立群出席并讲话')).toBeVisible();
	await go(page, `#/search/${encodeURIComponent('河东县统计局')}`);
	await expect(page.getByText('共 1 篇')).toBeVisible({ timeout: 30_000 });
	await go(page, `#/search/${encodeURIComponent('柳溪村')}`);
	await expect(page.getByText('没有找到“柳溪村”')).toBeVisible({ timeout: 30_000 });

	// It is remembered: the next visit lists it as unparsable straight away, and it can go.
	await page.reload();
	await go(page, '#/');
	await expect(entry(page, shown)).toContainText('这一版无法解析:解析超时');
	await entry(page, shown).getByRole('button', { name: /删除/ }).click();
	await entry(page, shown).getByRole('button', { name: '确认删除' }).click();
	await expect(entry(page, shown)).toHaveCount(0);
	await page.reload();
	await expect(entries(page)).toHaveCount(seedCount);
	await expect(entry(page, shown)).toHaveCount(0);
});
