import { readdirSync } from 'node:fs';
import { test, expect } from './fixtures';

const seedFiles = readdirSync('seeds').filter((f) => /\.(txt|md)$/i.test(f));

test('the library lists every bundled document', async ({ page }) => {
	await page.goto('./');
	const list = page.getByRole('list', { name: '文档列表' });
	await expect(list).toBeVisible();
	await expect(list.getByRole('listitem')).toHaveCount(seedFiles.length);
});

test('the app works under a sub-path on a plain static server', async ({ page }) => {
	await page.goto('/banmian/');
	await expect(page.getByRole('list', { name: '文档列表' }).getByRole('listitem')).toHaveCount(
		seedFiles.length
	);
});
