import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, expectedDocument, importBackup, seedId } from './fixtures';

const expected = expectedDocument();
const first = expected.articles[0];

async function openFirstArticle(page: Page) {
	await page.goto(`./#/doc/${seedId}`);
	// (within the page's own list: a library entry is named after its first article too)
	await page
		.getByRole('list', { name: '本版文章' })
		.getByRole('link', { name: first.title })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.title);
}

/** Selects `length` characters of paragraph `index`, starting at `start`, like a reader would. */
async function selectText(page: Page, index: number, start: number, length: number) {
	await page.evaluate(
		([index, start, length]) => {
			const p = document.querySelector(`[data-paragraph="${index}"]`)!;
			const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
			let node = walker.nextNode() as Text;
			while (node && node.length < start + length) node = walker.nextNode() as Text;
			const range = document.createRange();
			range.setStart(node, start);
			range.setEnd(node, start + length);
			const selection = document.getSelection()!;
			selection.removeAllRanges();
			selection.addRange(range);
		},
		[index, start, length]
	);
}

test('the reading position survives a reload and a font-size change', async ({ page }) => {
	await openFirstArticle(page);
	const target = page.locator('[data-paragraph="2"]');
	await target.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + scrollY - 70));
	const topBefore = await target.evaluate((el) => el.getBoundingClientRect().top);
	expect(Math.abs(topBefore - 70)).toBeLessThan(2);
	await page.waitForTimeout(1500); // longer than the debounce
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.title);
	await expect
		.poll(() => target.evaluate((el) => Math.abs(el.getBoundingClientRect().top - 70)))
		.toBeLessThan(30);

	// A bigger font moves everything; the same paragraph is still the one at the top.
	await page.getByRole('link', { name: '设置' }).click();
	await page.getByRole('button', { name: '放大字号' }).click();
	await page.getByRole('button', { name: '放大字号' }).click();
	await page.goBack();
	await expect
		.poll(() =>
			target.evaluate((el) => {
				const r = el.getBoundingClientRect();
				return r.top <= 90 && r.bottom >= 60;
			})
		)
		.toBe(true);
});

test('read marks, bookmarks and settings are kept after a reload', async ({ page }) => {
	await openFirstArticle(page);
	await page.getByRole('button', { name: '标为已读' }).click();
	await page.getByRole('button', { name: '加书签' }).click();
	await expect(page.getByRole('button', { name: '已加书签' })).toBeVisible();
	await page.getByRole('link', { name: '设置' }).click();
	await page.getByRole('button', { name: '米黄' }).click();

	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
	await page.getByRole('link', { name: '版面', exact: true }).click();
	await expect(page.getByText(`已读 1/${expected.articles.length}`)).toBeVisible();
	await page.getByRole('link', { name: '笔记' }).click();
	const list = page.getByRole('list', { name: '书签列表' });
	await expect(list.getByRole('button', { name: first.title })).toBeVisible();
	await list.getByRole('button', { name: first.title }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.title);
	await expect(page.getByRole('button', { name: '已读' })).toBeVisible();
});

test('a highlight with a note is kept, listed and exported as Markdown with a citation', async ({
	page
}) => {
	await openFirstArticle(page);
	const quote = first.paragraphs[1].slice(0, 12);
	await selectText(page, 1, 0, 12);
	await page.getByRole('button', { name: '划线并写笔记' }).click();
	await page.getByRole('dialog').getByLabel('笔记').fill('这是我的笔记');
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.locator('mark[data-highlight]')).toHaveText(quote);

	await page.reload();
	await expect(page.locator('mark[data-highlight]')).toHaveText(quote);

	await page.getByRole('link', { name: '笔记' }).click();
	const item = page.getByRole('list', { name: '划线列表' }).getByRole('listitem');
	await expect(item).toContainText(quote);
	await expect(item).toContainText('这是我的笔记');

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: '导出笔记(Markdown)' }).click();
	const markdown = readFileSync(await (await download).path(), 'utf8');
	expect(markdown).toContain(quote);
	expect(markdown).toContain('这是我的笔记');
	expect(markdown).toContain(first.title);
});

test('export, then import into a fresh browser, restores everything; a bad file changes nothing', async ({
	page,
	browser
}) => {
	await openFirstArticle(page);
	await page.getByRole('button', { name: '加书签' }).click();
	await selectText(page, 0, 0, 6);
	await page.getByRole('button', { name: '用黄色划线' }).click();
	await expect(page.locator('mark[data-highlight]')).toHaveCount(1);
	await page.getByRole('link', { name: '笔记' }).click();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: '导出全部(JSON)' }).click();
	const backup = await (await download).path();

	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await other.goto(page.url());
	await expect(other.getByText('书签(0)')).toBeVisible();
	await importBackup(other, {
		name: 'foreign.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"format":"something-else","version":1}')
	});
	await expect(other.getByRole('alert')).toBeVisible();
	await expect(other.getByText('书签(0)')).toBeVisible();

	await importBackup(other, backup);
	await expect(other.getByRole('status').filter({ hasText: /书签|划线/ })).toBeVisible();
	await expect(other.getByText('书签(1)')).toBeVisible();
	await expect(other.getByText('划线与笔记(1)')).toBeVisible();
	await fresh.close();
});

test('a backup cannot put its own text under a bundled page: refused with the reason, nothing changed', async ({
	page
}) => {
	await openFirstArticle(page);
	await page.getByRole('button', { name: '加书签' }).click();
	await page.getByRole('link', { name: '笔记' }).click();
	await expect(page.getByText('书签(1)')).toBeVisible();
	const forged = {
		format: 'banmian-export',
		version: 1,
		importedDocs: [
			{
				id: seedId,
				name: 'forged.txt',
				text: '# 冒名顶替的标题\n\n冒名的正文。',
				encoding: 'utf-8',
				meta: {},
				importedAt: 1,
				updatedAt: 1,
				size: 40
			}
		]
	};
	await importBackup(page, {
		name: 'forged.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(forged))
	});
	await expect(page.getByRole('alert')).toContainText('importedDocs[0].id');
	await expect(page.getByRole('alert')).toContainText('不是导入版面的标识');

	await page.reload();
	await expect(page.getByText('书签(1)')).toBeVisible();
	await page.getByRole('link', { name: '版面', exact: true }).first().click();
	await expect(page.getByText('冒名顶替的标题')).toHaveCount(0);
	await openFirstArticle(page);
	await expect(page.locator('.body p').first()).toHaveText(first.paragraphs[0]);
});

test('two tabs agree: a bookmark added in one shows in the other', async ({ page, context }) => {
	await page.goto('./#/notes');
	await expect(page.getByText('书签(0)')).toBeVisible();
	const second = await context.newPage();
	await openFirstArticle(second);
	await second.getByRole('button', { name: '加书签' }).click();
	await expect(page.getByText('书签(1)')).toBeVisible({ timeout: 2000 });
});

test('storage full (quota forced low): a clear message, nothing lost, saved once space is back', async ({
	page,
	context
}) => {
	await page.goto('./#/');
	const cdp = await context.newCDPSession(page);
	const origin = new URL(page.url()).origin;
	// Chromium lets a live database keep writing into room it checked earlier (for up to 30 s):
	// start from an emptied origin so the low limit is asked for on the first write.
	await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' });
	await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
	await page.goto('about:blank');
	await openFirstArticle(page);

	const quote = first.paragraphs[1].slice(0, 12);
	await selectText(page, 1, 0, 12);
	await page.getByRole('button', { name: '划线并写笔记' }).click();
	await page.getByRole('dialog').getByLabel('笔记').fill('存不下的笔记');
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('status').filter({ hasText: '存储空间已满' })).toBeVisible();
	await expect(page.locator('mark[data-highlight]')).toHaveText(quote);
	await page.getByRole('button', { name: '加书签' }).click();
	await expect(page.getByRole('button', { name: '已加书签' })).toBeVisible();

	// The notice offers a backup, and the backup has the unsaved note.
	await page.getByRole('link', { name: '导出备份' }).click();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: '导出全部(JSON)' }).click();
	const backup = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
		highlights: { note: string }[];
	};
	expect(backup.highlights.map((h) => h.note)).toContain('存不下的笔记');

	// Space is back: trying again saves it for good.
	await cdp.send('Storage.overrideQuotaForOrigin', { origin });
	await page.getByRole('button', { name: '再试一次' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: '之前没有保存的更改现在已经保存' })
	).toBeVisible();
	await page.reload();
	const item = page.getByRole('list', { name: '划线列表' }).getByRole('listitem');
	await expect(item).toContainText('存不下的笔记');
	await expect(page.getByText('书签(1)')).toBeVisible();
});
