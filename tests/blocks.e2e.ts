import type { Page } from '@playwright/test';
import { test, expect, importFiles, go } from './fixtures';

// An invented evening-paper page: three articles, then a weather box, a stock table, a
// crossword, a lost-licence notice and a shop's ad (the parser's fixture page).
const file = {
	path: 'tests/fixtures/parse/blocks-weekend.md',
	name: 'blocks-weekend.md',
	lead: '湖畔步道全线贯通'
};

const entry = (page: Page) =>
	page.getByRole('list', { name: '文档列表' }).getByRole('listitem').filter({ hasText: file.lead });

async function importPage(page: Page) {
	await page.goto('./#/');
	await importFiles(page, file.path);
	await expect(page.getByRole('status').filter({ hasText: '已导入' })).toContainText(
		`已导入「${file.name}」`
	);
	// the library counts articles only: the five blocks are not among them
	await expect(entry(page)).toContainText('3 篇 · 已读 0/3');
}

test('the page view lists the articles, then ads and notices collapsed in 「广告与公告」', async ({
	page,
	makeAxe
}) => {
	await importPage(page);
	await entry(page).getByRole('link').first().click();

	const articles = page.getByRole('list', { name: '本版文章' }).getByRole('listitem');
	await expect(articles).toHaveCount(3);
	await expect(articles.getByRole('heading')).toHaveText([
		'湖畔步道全线贯通',
		'老城区加装电梯进展过半',
		'社区食堂受欢迎'
	]);
	await expect(page.getByText('已读 0/3')).toBeVisible();

	const section = page.locator('details', { hasText: '广告与公告(5)' });
	await expect(section).not.toHaveAttribute('open');
	await expect(page.getByText('遗失营业执照副本')).toBeHidden();
	expect((await makeAxe().analyze()).violations).toEqual([]);

	await section.getByText('广告与公告(5)').click();
	const blocks = page.getByRole('list', { name: '广告与公告' }).getByRole('listitem');
	await expect(blocks).toHaveCount(5);
	await expect(blocks.nth(0)).toContainText('天气预报');
	await expect(blocks.nth(1)).toContainText('江川电子  12.35  +0.21  1.73%');
	await expect(blocks.nth(2)).toContainText('（答案下期见报）');
	await expect(blocks.nth(3)).toContainText('遗失营业执照副本');
	await expect(blocks.nth(4)).toContainText('欢迎惠顾');
	// the page's own text, line by line and never as markup
	await expect(blocks.nth(1).locator('p').last()).toHaveText(
		'本周股市行情\n名称  收盘  涨跌  涨幅\n江川电子  12.35  +0.21  1.73%\n湖光药业  8.62  -0.14  -1.60%\n南港物流  21.08  +0.56  2.73%'
	);
	expect((await makeAxe().analyze()).violations).toEqual([]);
	// the article above keeps the page's first place: articles come first
	const articlesFirst = await page.evaluate(() => {
		const list = document.querySelector('[aria-label="本版文章"]');
		const section = document.querySelector('details.blocks');
		if (!list || !section) return false;
		return (list.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
	});
	expect(articlesFirst).toBe(true);
});

test('search leaves ads and notices out unless asked; a hit in one opens them on its page', async ({
	page
}) => {
	await importPage(page);
	await go(page, `#/search/${encodeURIComponent('八折')}`);
	await expect(page.getByText('共 1 篇')).toBeVisible({ timeout: 30_000 });
	const results = page.getByRole('list', { name: '搜索结果' }).getByRole('listitem');
	await expect(results).toHaveCount(1);
	await expect(results.first().getByRole('heading')).toHaveText('社区食堂受欢迎');

	await page.getByText('筛选').click();
	await page.getByLabel('包括广告与公告').check();
	await expect(page.getByText('共 2 篇')).toBeVisible();
	await expect(results).toHaveCount(2);
	const adHit = results.filter({ hasText: '秋装上市' });
	await expect(adHit).toContainText('广告与公告');
	await expect(adHit.locator('mark').first()).toHaveText('八折');

	await page.getByLabel('包括广告与公告').uncheck();
	await expect(page.getByText('共 1 篇')).toBeVisible();
	await page.getByLabel('包括广告与公告').check();
	await expect(results).toHaveCount(2);

	await adHit.getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('第8版');
	await expect(page.locator('details.blocks')).toHaveAttribute('open');
	const ad = page.getByRole('list', { name: '广告与公告' }).getByRole('listitem').nth(4);
	await expect(ad.locator('mark')).toHaveText('八折');
	await expect(ad.locator('mark')).toBeInViewport();
});
