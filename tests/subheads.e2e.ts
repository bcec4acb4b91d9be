import { test, expect, importFiles, go } from './fixtures';

// A layout tool's page whose article has `#` subheads (invented content).
const file = 'tests/fixtures/parse/dialect-subheads.md';
const title = '县里推动茶园提质增效';
const subheads = ['改良品种，夯实产业基础', '拓宽销路，带动农户增收'];

test('subheads marked # inside an article read as its h3 subheads, not as articles, and are searchable', async ({
	page,
	makeAxe
}) => {
	await page.goto('./#/');
	await importFiles(page, file);
	await expect(page.getByRole('status').filter({ hasText: '已导入' })).toContainText(
		'已导入「dialect-subheads.md」'
	);
	await page
		.getByRole('list', { name: '文档列表' })
		.getByRole('listitem')
		.filter({ hasText: '县里推动茶园提质增效' })
		.getByRole('link')
		.click();
	const list = page.getByRole('list', { name: '本版文章' });
	await expect(list.getByRole('link')).toHaveText([title, '东河村新修一座便民桥']);

	await list.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByRole('heading', { level: 3 })).toHaveText(subheads);
	await expect(page.getByText('合作社还和城里的茶馆签了订单')).toBeVisible();
	expect((await makeAxe().analyze()).violations).toEqual([]);

	await go(page, `#/search/${encodeURIComponent('夯实产业基础')}`);
	await expect(page.getByText('共 1 篇')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByRole('link', { name: title })).toBeVisible();
});
