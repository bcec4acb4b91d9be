import { test, expect, importFiles, seedCount } from './fixtures';

test('the library lists every bundled document', async ({ page, makeAxe }) => {
	await page.goto('./');
	await expect(page.getByRole('heading', { name: '文档', level: 1 })).toBeVisible();
	await expect(page.locator('[aria-label="文档列表"] > li')).toHaveCount(seedCount);
	expect((await makeAxe().analyze()).violations).toEqual([]);
});

test('the app works under a sub-path on a plain static server, deep links included', async ({
	page
}) => {
	await page.goto('/banmian/');
	await expect(page.locator('[aria-label="文档列表"] > li')).toHaveCount(seedCount);
	await page.locator('[aria-label="文档列表"] a').first().click();
	await expect(page.getByRole('list', { name: '本版文章' })).toBeVisible();
	const deepLink = page.url();
	expect(deepLink).toMatch(/\/banmian\/#\/doc\//);
	await page.goto('about:blank');
	await page.goto(deepLink);
	await expect(page.getByRole('list', { name: '本版文章' })).toBeVisible();
});

test('上一版 and 下一版 step through the pages of one paper and date in page order', async ({
	page
}) => {
	const previous = page.getByRole('link', { name: '上一版', exact: true });
	const next = page.getByRole('link', { name: '下一版', exact: true });
	await page.goto('./#/doc/001_qingchuan_2023-04-12_p1');
	await expect(page.getByRole('list', { name: '本版文章' })).toBeVisible();
	await expect(next).toBeVisible();
	await expect(previous).toHaveCount(0);
	await next.click();
	await expect(page).toHaveURL(/#\/doc\/002_qingchuan_2023-04-12_p2$/);
	await expect(previous).toHaveAttribute('href', /001_qingchuan_2023-04-12_p1$/);
	await next.click();
	await expect(page).toHaveURL(/#\/doc\/003_qingchuan_2023-04-12_p3$/);
	await expect(previous).toBeVisible();
	await expect(next).toHaveCount(0);
});

test('a long library lists every page in order, 40 at first and the rest on 显示更多', async ({
	page
}) => {
	// Pages without paper or date are listed last, by file name; the list renders a screenful
	// first and the entries below it a few at a time, and must end up whole and in order.
	const pages = 70;
	const name = (n: number) => `长卷${String(n).padStart(3, '0')}`;
	const files = Array.from({ length: pages }, (_, i) => ({
		name: `${name(i + 1)}.txt`,
		mimeType: 'text/plain',
		buffer: Buffer.from(`# ${name(i + 1)}的标题\n\n这是${name(i + 1)}的正文,只有一段。\n`)
	}));
	await page.goto('./#/');
	await expect(page.getByRole('heading', { name: '文档', level: 1 })).toBeVisible();
	await importFiles(page, files);
	await expect(
		page.getByRole('status').filter({ hasText: `已导入「${name(pages)}.txt」` })
	).toBeVisible({ timeout: 60_000 });
	// A fresh visit lists them as a reader coming back finds them.
	await page.reload();
	const entries = page.locator('[aria-label="文档列表"] > li');
	await expect(entries).toHaveCount(40);
	const more = page.getByRole('button', { name: `显示更多(还有 ${seedCount + pages - 40} 版)` });
	await more.focus();
	await page.keyboard.press('Enter');
	await expect(entries).toHaveCount(seedCount + pages);
	await expect(page.getByRole('button', { name: /显示更多/ })).toHaveCount(0);
	const listed = (await entries.allTextContents()).flatMap((text) => /长卷\d{3}/.exec(text) ?? []);
	expect(listed).toEqual(Array.from({ length: pages }, (_, i) => name(i + 1)));
});
