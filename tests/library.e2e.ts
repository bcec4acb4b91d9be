import { test, expect, seedCount } from './fixtures';

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
