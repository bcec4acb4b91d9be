import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, importFiles, go } from './fixtures';

// The fixtures come from scripts/make-import-fixtures.mjs.
const dir = 'tests/fixtures/import';
const files = {
	gb18030: {
		path: `${dir}/gb18030-page.txt`,
		name: 'gb18030-page.txt',
		title: '山村小学有了新图书角',
		paragraph: '校长说,图书角由村民和返乡青年一起筹建',
		term: '青杉图书角',
		encoding: 'gb18030'
	},
	utf16: {
		path: `${dir}/utf16-page.txt`,
		name: 'utf16-page.txt',
		title: '河畔湿地迎来越冬候鸟',
		paragraph: '公园管理处提醒游客保持距离',
		term: '白鹭湾',
		encoding: 'utf-16le'
	},
	crlf: {
		path: `${dir}/crlf-bom-page.md`,
		name: 'crlf-bom-page.md',
		title: '老街夜市重新开张',
		paragraph: '摊主们说,新铺的石板路',
		term: '榆钱巷夜市',
		encoding: 'utf-8'
	}
};
type Fixture = (typeof files)[keyof typeof files];

let temp = '';
test.beforeAll(() => {
	temp = mkdtempSync(join(tmpdir(), 'banmian-import-'));
});
test.afterAll(() => {
	if (temp) rmSync(temp, { recursive: true, force: true });
});

/** The 「导入」 tags that mark imported pages in the library list. */
const importedTags = (page: Page) =>
	page.getByRole('list', { name: '文档列表' }).getByText('导入', { exact: true });
/** A page in the library by its file name, which is listed without its extension. */
const entry = (page: Page, name: string) =>
	page
		.getByRole('list', { name: '文档列表' })
		.getByRole('listitem')
		.filter({ hasText: name.replace(/\.(txt|md)$/, '') });

/**
 * Changes the view without reloading, as the app's own links do. Set again until it holds: a
 * change made while the app is still starting can be replaced by its first navigation.
 */
async function expectReadable(page: Page, file: Fixture) {
	await go(page, '#/');
	await entry(page, file.name).getByRole('link').click();
	await page
		.getByRole('list', { name: '本版文章' })
		.getByRole('link', { name: file.title })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(file.title);
	await expect(page.getByText(file.paragraph)).toBeVisible();
}

async function searchTotal(page: Page, term: string, total: number) {
	await go(page, `#/search/${encodeURIComponent(term)}`);
	await expect(page.getByText(total ? `共 ${total} 篇` : `没有找到“${term}”`)).toBeVisible({
		timeout: 30_000
	});
}

test('GB18030, UTF-16 and CRLF+BOM files import, read correctly, are searchable and stay after a reload', async ({
	page,
	makeAxe
}) => {
	await page.goto('./#/');
	// the app's first navigation must be over, or it can take the page back to the library
	await expect(page.getByRole('heading', { name: '文档', level: 1 })).toBeVisible();
	// the index is built before the import: a new page must still get into it
	await searchTotal(page, files.crlf.term, 0);
	await go(page, '#/');
	await importFiles(page, [files.gb18030.path, files.utf16.path, files.crlf.path]);
	const done = page.getByRole('status').filter({ hasText: '已导入' });
	for (const file of Object.values(files))
		await expect(done).toContainText(`已导入「${file.name}」:编码 ${file.encoding}`);
	for (const file of Object.values(files)) {
		await expect(entry(page, file.name).getByText('导入', { exact: true })).toBeVisible();
		await expect(entry(page, file.name)).toContainText(`编码 ${file.encoding}`);
	}
	expect((await makeAxe().analyze()).violations).toEqual([]);

	for (const file of Object.values(files)) await expectReadable(page, file);
	await searchTotal(page, files.crlf.term, 1);
	await searchTotal(page, files.gb18030.term, 1);

	await page.reload();
	for (const file of Object.values(files)) await expectReadable(page, file);
	await searchTotal(page, files.utf16.term, 1);
});

test('a 60 MB file and a PNG renamed .txt are refused with their messages', async ({ page }) => {
	const big = join(temp, `big-${test.info().project.name}.txt`);
	writeFileSync(big, Buffer.alloc(60 * 1024 * 1024, 'a'));
	await page.goto('./#/');
	await importFiles(page, [big, `${dir}/picture.png.txt`]);
	const alert = page.getByRole('alert').filter({ hasText: '无法导入' });
	await expect(alert).toContainText('文件超过 50 MB,无法导入');
	await expect(alert).toContainText('picture.png.txt:不是文本文件');
	await expect(importedTags(page)).toHaveCount(0);
	await expect(entry(page, 'picture.png.txt')).toHaveCount(0);
	rmSync(big);
});

test('cancelling an import mid-way leaves no trace', async ({ page }) => {
	// a valid page text large enough that parsing takes a while
	const unit = `# 桐花渡口新修了码头\n\n本报讯 桐花渡口的新码头昨日启用,往来两岸的渡船不再停靠泥滩。\n\n`;
	const big = join(temp, `slow-${test.info().project.name}.txt`);
	writeFileSync(big, unit.repeat(Math.ceil((12 * 1024 * 1024) / Buffer.byteLength(unit))));
	await page.goto('./#/');
	await importFiles(page, big);
	await page.getByRole('button', { name: '取消导入' }).click();
	await expect(page.getByRole('alert')).toContainText('已取消');
	await expect(page.getByRole('button', { name: '取消导入' })).toHaveCount(0);
	await expect(importedTags(page)).toHaveCount(0);
	await searchTotal(page, '桐花渡口', 0);
	await page.reload();
	await go(page, '#/');
	await expect(page.getByRole('list', { name: '文档列表' }).first()).toBeVisible();
	await expect(entry(page, 'slow-')).toHaveCount(0);
	await searchTotal(page, '桐花渡口', 0);
	rmSync(big);
});

test('removing an import after a confirmation removes its reading state too', async ({ page }) => {
	await page.goto('./#/');
	await importFiles(page, files.crlf.path);
	await expectReadable(page, files.crlf);
	await page.getByRole('button', { name: '加书签' }).click();
	await expect(page.getByRole('button', { name: '已加书签' })).toBeVisible();
	await go(page, '#/notes');
	await expect(page.getByText('书签(1)')).toBeVisible();
	// the backup carries the imported page itself
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: '导出全部(JSON)' }).click();
	const backup = readFileSync(await (await download).path(), 'utf8');
	expect(backup).toContain(files.crlf.name);
	expect(backup).toContain(files.crlf.term);

	await go(page, '#/');
	const item = entry(page, files.crlf.name);
	await item.getByRole('button', { name: /删除/ }).click();
	await item.getByRole('button', { name: '确认删除' }).click();
	await expect(item).toHaveCount(0);
	await go(page, '#/notes');
	await expect(page.getByText('书签(0)')).toBeVisible();
	await searchTotal(page, files.crlf.term, 0);
	await page.reload();
	await go(page, '#/notes');
	await expect(page.getByText('书签(0)')).toBeVisible();
	await go(page, '#/');
	await expect(page.getByRole('list', { name: '文档列表' }).first()).toBeVisible();
	await expect(entry(page, files.crlf.name)).toHaveCount(0);
});

test('page details set by hand, another encoding, pasted and dropped text', async ({ page }) => {
	await page.goto('./#/');
	await importFiles(page, files.gb18030.path);
	const item = entry(page, files.gb18030.name);
	await item.getByText('版面信息与编码').click();
	await item.getByLabel('报纸').fill('青杉日报');
	await item.getByLabel('日期').fill('2024-03-05');
	await item.getByLabel('版次').fill('2');
	await item.getByRole('button', { name: '保存版面信息' }).click();
	const dated = page.getByRole('region', { name: '青杉日报 · 2024年3月5日' }).getByRole('listitem');
	await expect(dated).toContainText('第2版');
	await expect(dated).toContainText(files.gb18030.title);

	// decoded the wrong way, the title is gone; the right way, it is back with its details
	await dated.getByText('版面信息与编码').click();
	await dated.getByLabel('文字乱码时换一种编码').selectOption('utf-8');
	await dated.getByRole('button', { name: '重新解码' }).click();
	await expect(dated).toContainText('编码 utf-8');
	await expect(dated).not.toContainText(files.gb18030.title);
	await dated.getByLabel('文字乱码时换一种编码').selectOption('gb18030');
	await dated.getByRole('button', { name: '重新解码' }).click();
	await expect(dated).toContainText('编码 gb18030');
	await expect(dated).toContainText(files.gb18030.title);

	await page.getByRole('button', { name: '导入', exact: true }).click();
	await page.getByText('粘贴文本导入').click();
	await page.getByLabel('名称').fill('剪报');
	await page
		.getByLabel('版面文本')
		.fill(readFileSync(files.crlf.path, 'utf8').replace(/^\ufeff/, ''));
	await page.getByRole('button', { name: '导入粘贴的文本' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已导入「剪报」' })).toBeVisible();

	// dropped anywhere on the library
	const dropped = await page.evaluateHandle(
		(text) => {
			const data = new DataTransfer();
			data.items.add(new File([text], 'dropped.txt', { type: 'text/plain' }));
			return data;
		},
		readFileSync(files.utf16.path, 'utf16le').replace(/^\ufeff/, '')
	);
	await page.dispatchEvent('h1', 'dragover', { dataTransfer: dropped });
	await page.dispatchEvent('h1', 'drop', { dataTransfer: dropped });
	await expect(entry(page, 'dropped.txt')).toContainText(files.utf16.title);

	await page.reload();
	await expect(dated).toContainText(files.gb18030.title);
	await expect(entry(page, '剪报')).toContainText(files.crlf.title);
});

test('a page imported in another tab is found here, and its paper is offered as a filter', async ({
	context
}) => {
	const here = await context.newPage();
	await here.goto(`./#/search/${encodeURIComponent(files.gb18030.term)}`);
	await expect(here.getByText(`没有找到“${files.gb18030.term}”`)).toBeVisible();

	const there = await context.newPage();
	await there.goto('./#/');
	await importFiles(there, files.gb18030.path);
	const item = entry(there, files.gb18030.name);
	await item.getByText('版面信息与编码').click();
	await item.getByLabel('报纸').fill('青杉日报');
	await item.getByLabel('日期').fill('2024-03-05');
	await item.getByRole('button', { name: '保存版面信息' }).click();
	await expect(there.getByRole('region', { name: '青杉日报 · 2024年3月5日' })).toBeVisible();

	await here.getByText('筛选').click();
	const papers = here.getByLabel('报纸');
	await expect(papers.locator('option', { hasText: '青杉日报' })).toBeAttached();
	await papers.selectOption('青杉日报');
	await expect(here.getByText('共 1 篇')).toBeVisible();
});
