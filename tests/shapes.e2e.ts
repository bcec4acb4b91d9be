import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// Two pages of one invented issue: page 1 breaks an article off, page 2 opens with its
// continuation under no title of its own.
const pageOne = `青禾日报 2025年4月2日 第1版

# 旧厂房变身创客空间

本报讯（记者 周木）城北的旧纺织厂房经过一年改造，日前向创业者开放。（下转第二版）

# 让老手艺在新时代发光（人民论坛）

一门老手艺能不能传下去，关键在于有没有年轻人愿意学。
`;
const pageTwo = `青禾日报 2025年4月2日 第2版

（上接第一版】

改造后的厂房保留了红砖外墙，新设了二十间工作室。

# 城西公园新添健身步道

本报讯（记者 吴溪）城西公园新修的健身步道日前开放。
`;

async function paste(page: Page, name: string, text: string) {
	await page.getByRole('button', { name: '导入', exact: true }).click();
	// the paste form is a disclosure in the sheet: open it unless an earlier paste left it open
	if (!(await page.getByLabel('版面文本').isVisible()))
		await page.getByText('粘贴文本导入').click();
	await page.getByLabel('名称').fill(name);
	await page.getByLabel('版面文本').fill(text);
	await page.getByRole('button', { name: '导入粘贴的文本' }).click();
	await expect(page.getByRole('status').filter({ hasText: `已导入「${name}」` })).toBeVisible();
}

test('a continuation without a title is shown as （上接第1版） and linked to its start both ways', async ({
	page,
	makeAxe
}) => {
	await page.goto('./#/');
	await paste(page, '创客空间一版', pageOne);
	await paste(page, '创客空间二版', pageTwo);

	const issue = page.getByRole('region', { name: '青禾日报 · 2025年4月2日' });
	await issue.getByRole('link', { name: /第2版/ }).click();
	const listed = page.getByRole('list', { name: '本版文章' }).getByRole('heading');
	await expect(listed).toHaveText(['（上接第1版）', '城西公园新添健身步道']);

	await page.getByRole('link', { name: '（上接第1版）' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('（上接第1版）');
	await expect(page).toHaveTitle('（上接第1版） · 版面');
	await expect(page.getByText('改造后的厂房保留了红砖外墙')).toBeVisible();
	expect((await makeAxe().analyze()).violations).toEqual([]);

	await page.getByRole('link', { name: '(上接第1版)' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('旧厂房变身创客空间');
	await page.getByRole('link', { name: '(下转第2版)' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('（上接第1版）');

	// search names the hit as the reader shows it
	await page.goto(`./#/search/${encodeURIComponent('红砖外墙')}`);
	await expect(page.getByText('共 1 篇')).toBeVisible({ timeout: 30_000 });
	await expect(page.locator('.result-title')).toHaveText('（上接第1版）');
});

test('a column named after the title is shown above it in the article', async ({ page }) => {
	await page.goto('./#/');
	await paste(page, '人民论坛一版', pageOne);
	await page
		.getByRole('region', { name: '青禾日报 · 2025年4月2日' })
		.getByRole('link', { name: /第1版/ })
		.click();
	await page
		.getByRole('list', { name: '本版文章' })
		.getByRole('link', { name: '让老手艺在新时代发光（人民论坛）' })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'让老手艺在新时代发光（人民论坛）'
	);
	await expect(page.locator('hgroup').getByText('栏目:人民论坛')).toBeVisible();
});
