import type { Page } from '@playwright/test';
import { test, expect, importFiles } from './fixtures';

const importFile = 'tests/fixtures/import/crlf-bom-page.md';

/** Every file input on the page is out of sight and out of the tab order: the app's buttons stand in. */
async function expectNoBrowserPicker(page: Page) {
	const inputs = page.locator('input[type=file]');
	expect(await inputs.count()).toBeGreaterThan(0);
	for (const input of await inputs.all()) {
		const box = await input.boundingBox();
		expect(box === null || (box.width <= 1 && box.height <= 1)).toBe(true);
		await expect(input).toHaveAttribute('tabindex', '-1');
	}
}

test('the library shows its pages first; import is one 「导入」 button opening a sheet', async ({
	page,
	makeAxe
}) => {
	await page.goto('./#/');
	const firstEntry = page.getByRole('list', { name: '文档列表' }).first().getByRole('link').first();
	await expect(firstEntry).toBeInViewport();
	// nothing of the import is in the way until asked for
	await expect(page.getByRole('button', { name: '选择文件' })).toBeHidden();
	await expect(page.getByText('粘贴文本导入')).toBeHidden();

	const button = page.getByRole('button', { name: '导入', exact: true });
	await button.click();
	const sheet = page.getByRole('dialog', { name: '导入自己的版面' });
	await expect(sheet).toBeVisible();
	await expect(sheet.getByRole('button', { name: '选择文件' })).toBeFocused();
	await expectNoBrowserPicker(page);
	expect((await makeAxe().include('dialog').analyze()).violations).toEqual([]);
	await page.keyboard.press('Escape');
	await expect(sheet).toBeHidden();
	await expect(button).toBeFocused();

	await importFiles(page, importFile);
	// the name of the chosen file is shown by the app itself
	await expect(page.getByRole('status').filter({ hasText: '已导入' })).toContainText(
		'「crlf-bom-page.md」'
	);
	await expect(button).toBeFocused();
});

test('the notes view restores a backup through its own button and names the chosen file', async ({
	page
}) => {
	await page.goto('./#/notes');
	await expect(page.getByRole('button', { name: '导入备份' })).toBeVisible();
	await expectNoBrowserPicker(page);
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: '导入备份' }).click();
	await (
		await chooser
	).setFiles({
		name: 'not-a-backup.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"format":"something-else","version":1}')
	});
	await expect(page.getByText('已选择「not-a-backup.json」')).toBeVisible();
	await expect(page.getByRole('alert')).toBeVisible();
});

test('with nothing saved, the notes view says what it is for and where to start', async ({
	page
}) => {
	await page.goto('./#/notes');
	await expect(page.getByText('书签把想回头再读的文章留在这里')).toBeVisible();
	await expect(page.getByText('划线和笔记收在这里')).toBeVisible();
	const start = page.getByRole('link', { name: /^从「.+」读起$/ }).first();
	const title = /^从「(.+)」读起$/.exec(await start.innerText())![1];
	await start.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await page.getByRole('button', { name: '标为已读' }).click();
	// once it is read, the next unread article is offered instead
	await page.getByRole('link', { name: '笔记' }).click();
	await expect(page.getByRole('link', { name: /^从「.+」读起$/ }).first()).not.toHaveText(
		`从「${title}」读起`
	);
});

test('with no search yet, the search view says in one sentence how to search', async ({ page }) => {
	await page.goto('./#/search');
	const hint = page.getByText('在上方的搜索框里输入词语');
	await expect(hint).toBeVisible();
	await page.keyboard.press('/');
	await page.keyboard.type('汾河');
	await expect(page.getByText(/共 \d+ 篇/)).toBeVisible();
	await expect(hint).toBeHidden();
});

test('the notes view never shows a wrong count or a missing article before the store has answered', async ({
	page
}) => {
	await page.goto('./#/');
	const first = page.getByRole('list', { name: '文档列表' }).first().getByRole('link').first();
	await first.click();
	await page.getByRole('list', { name: '本版文章' }).getByRole('link').first().click();
	await page.getByRole('button', { name: '加书签' }).click();
	await expect(page.getByRole('button', { name: '已加书签' })).toBeVisible();

	// Every text the notes view ever shows, from its first frame on.
	await page.addInitScript(() => {
		const seen: string[] = [];
		(globalThis as { seenTexts?: string[] }).seenTexts = seen;
		new MutationObserver(() => {
			const main = document.querySelector('main');
			if (main?.textContent) seen.push(main.textContent);
		}).observe(document, { childList: true, subtree: true, characterData: true });
	});
	// a fresh load of the notes view (a hash change alone would not start the app again)
	await page.goto('about:blank');
	await page.goto('./#/notes');
	await expect(page.getByText('书签(1)')).toBeVisible();
	const seen = await page.evaluate(() => (globalThis as { seenTexts?: string[] }).seenTexts ?? []);
	expect(seen.length).toBeGreaterThan(0);
	expect(seen.filter((text) => text.includes('书签(0)'))).toEqual([]);
	expect(seen.filter((text) => text.includes('文章已不在文档库中'))).toEqual([]);
});
