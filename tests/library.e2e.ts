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
