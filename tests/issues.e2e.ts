import type { Page } from '@playwright/test';
import { test, expect, go } from './fixtures';

// The test build's 青川日报 has issues on 2023-03-29, 04-10, 04-12 (three pages) and 04-13 (two),
// and one page dated only 4月9日, with no year.
const PAPER = '青川日报';
const issueHash = (date?: string) =>
	`#/issues/${encodeURIComponent(PAPER)}${date ? `/${date}` : ''}`;

function issuePages(page: Page) {
	return page.getByRole('list', { name: '本期版面' }).getByRole('link');
}

test.describe('on a wide screen', () => {
	test.skip(({ isMobile }) => isMobile, 'the month calendar is for wide screens');

	test('the library’s paper group opens 往期: a month calendar where only days with pages can be picked', async ({
		page,
		makeAxe
	}) => {
		await page.goto('./');
		const group = page.getByRole('region', { name: `${PAPER} · 2023年4月12日` });
		await group.getByRole('link', { name: `${PAPER}往期` }).click();
		await expect(page).toHaveURL(new RegExp(`${issueHash('2023-04-12').replace(/[/#]/g, '.')}$`));
		await expect(page.getByRole('heading', { name: `${PAPER} · 往期`, level: 1 })).toBeVisible();

		const grid = page.getByRole('grid', { name: '2023年4月' });
		await expect(grid).toBeVisible();
		// April has pages on the 10th, 12th and 13th: three links, the rest plain numbers
		await expect(grid.getByRole('link')).toHaveText(['10', '12', '13']);
		await expect(grid.getByRole('gridcell', { name: '11', exact: true })).toBeVisible();
		await expect(grid.locator('[tabindex="0"]')).toHaveCount(1);
		await expect(grid.getByRole('link', { name: /4月12日/ })).toHaveAttribute(
			'aria-current',
			'page'
		);
		await expect(issuePages(page)).toHaveText(['第1版', '第2版 · 综合', '第3版 · 文旅']);
		expect((await makeAxe().analyze()).violations).toEqual([]);
	});

	test('arrow keys move among the dates with pages, across months, and Enter opens the issue', async ({
		page
	}) => {
		await page.goto(`./${issueHash('2023-04-12')}`);
		const grid = page.getByRole('grid');
		const selected = grid.getByRole('link', { name: /4月12日/ });
		await selected.focus();
		await page.keyboard.press('ArrowRight');
		await expect(grid.getByRole('link', { name: /4月13日/ })).toBeFocused();
		await page.keyboard.press('Home');
		await expect(grid.getByRole('link', { name: /4月10日/ })).toBeFocused();
		await page.keyboard.press('ArrowLeft');
		// March is shown now, with its one issue focused
		await expect(page.getByRole('grid', { name: '2023年3月' })).toBeVisible();
		await expect(grid.getByRole('link', { name: /3月29日/ })).toBeFocused();
		await page.keyboard.press('ArrowLeft');
		await expect(grid.getByRole('link', { name: /3月29日/ })).toBeFocused();

		await page.keyboard.press('Enter');
		const heading = page.getByRole('heading', { name: /^2023年3月29日/, level: 2 });
		await expect(heading).toBeFocused();
		await expect(issuePages(page)).toHaveText(['第1版 · 要闻']);
		// the oldest issue: nothing before it
		const nav = page.getByRole('navigation', { name: '翻期' });
		await expect(nav.getByRole('link', { name: /上一期/ })).toHaveCount(0);
		await nav.getByRole('link', { name: '下一期 · 2023年4月10日' }).click();
		await expect(issuePages(page)).toHaveText(['第1版 · 要闻']);
		await expect(page.getByRole('grid', { name: '2023年4月' })).toBeVisible();
	});

	test('the month buttons show the months with pages only', async ({ page }) => {
		await page.goto(`./${issueHash()}`);
		// no date picked: the newest month, and a word on what to do
		await expect(page.getByRole('grid', { name: '2023年4月' })).toBeVisible();
		await expect(page.getByText('选一个日期,打开那一期的版面。')).toBeVisible();
		await expect(page.getByRole('button', { name: /没有更晚的月份/ })).toBeDisabled();
		await page.getByRole('button', { name: '上个有版面的月份:2023年3月' }).click();
		await expect(page.getByRole('grid', { name: '2023年3月' })).toBeVisible();
		await expect(page.getByRole('button', { name: /没有更早的月份/ })).toBeDisabled();
		// Tab reaches the month's one date with pages
		await page.getByRole('grid').getByRole('link').focus();
		await expect(page.getByRole('grid').getByRole('link')).toHaveText('29');
	});
});

test.describe('on a phone', () => {
	test.skip(({ isMobile }) => !isMobile, 'the date strip is for phones');

	test('at 390 px a strip lists the dates newest first; a date opens its issue, with nothing scrolling sideways', async ({
		page,
		makeAxe
	}) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(`./${issueHash()}`);
		const strip = page.getByRole('navigation', { name: `${PAPER}的日期` });
		await expect(strip.getByRole('link')).toHaveText([
			/^4月13日\s*2023 · 2 版$/,
			/^4月12日\s*2023 · 3 版$/,
			/^4月10日\s*2023 · 1 版$/,
			/^3月29日\s*2023 · 1 版$/
		]);
		await expect(page.getByRole('grid')).toBeHidden();
		expect((await makeAxe().analyze()).violations).toEqual([]);

		await strip.getByRole('link', { name: /^4月13日/ }).click();
		await expect(strip.getByRole('link', { name: /^4月13日/ })).toHaveAttribute(
			'aria-current',
			'page'
		);
		await expect(issuePages(page)).toHaveText(['第1版 · 要闻', '第2版 · 体育']);
		const sideways = await page.evaluate(
			() => document.documentElement.scrollWidth > document.documentElement.clientWidth
		);
		expect(sideways).toBe(false);
		expect((await makeAxe().analyze()).violations).toEqual([]);
	});
});

test('a page of an issue links to its 往期 and to the issues before and after it', async ({
	page
}) => {
	await page.goto('./#/doc/002_qingchuan_2023-04-12_p2');
	await expect(page.getByRole('list', { name: '本版文章' })).toBeVisible();
	const nav = page.getByRole('navigation', { name: '翻期' });
	await expect(nav.getByRole('link', { name: '上一期 · 2023年4月10日' })).toBeVisible();
	await nav.getByRole('link', { name: '下一期 · 2023年4月13日' }).click();
	await expect(issuePages(page)).toHaveText(['第1版 · 要闻', '第2版 · 体育']);
	await issuePages(page).first().click();
	await expect(page.getByRole('heading', { name: /图书馆/ })).toBeVisible();

	await page
		.getByRole('navigation', { name: '位置' })
		.getByRole('link', { name: `${PAPER}往期` })
		.click();
	await expect(page.getByRole('heading', { name: /^2023年4月13日/, level: 2 })).toBeVisible();
});

test('pages without a full date are listed apart under 日期不详, never on a date', async ({
	page
}) => {
	await page.goto(`./${issueHash('2023-04-09')}`);
	await expect(page.getByText(`这一天没有${PAPER}的版面。`)).toBeVisible();
	const undated = page.getByRole('list', { name: '日期不详的版面' });
	await expect(undated.getByRole('link')).toHaveText(['4月9日 · 北山林场护林员巡山一线见闻']);
	// the days around a date without pages still lead to the nearest issues
	const nav = page.getByRole('navigation', { name: '翻期' });
	await expect(nav.getByRole('link')).toHaveText([
		/^上一期 · 2023年3月29日/,
		/^下一期 · 2023年4月10日/
	]);
	await undated.getByRole('link').click();
	await expect(page.getByRole('heading', { name: /北山林场/, level: 1 })).toBeVisible();
});

test('往期 lists every paper; a link to a paper or date that is not there says so', async ({
	page
}) => {
	await page.goto('./#/issues');
	await expect(page.getByRole('list', { name: '报纸' }).getByRole('link')).toContainText([
		'晋南日报',
		PAPER
	]);
	await page.getByRole('link', { name: PAPER, exact: true }).click();
	await expect(page.getByRole('heading', { name: `${PAPER} · 往期` })).toBeVisible();

	await go(page, `#/issues/${encodeURIComponent('没有这份报纸')}`);
	await expect(page.getByRole('heading', { name: '找不到这份报纸' })).toBeVisible();
	await go(page, `${issueHash('2023-02-30')}`);
	await expect(page.getByRole('alert')).toContainText('不是有效的日期');
});

test('「?」 opens the one list of keyboard shortcuts; typed in a field it stays text', async ({
	page,
	makeAxe
}) => {
	await page.goto('./');
	await expect(page.locator('[aria-label="文档列表"] > li').first()).toBeVisible();
	await page.keyboard.press('?');
	const sheet = page.getByRole('dialog', { name: '键盘快捷键' });
	await expect(sheet).toBeVisible();
	await expect(sheet.getByRole('button', { name: '关闭' })).toBeFocused();
	for (const view of ['任何页面', '文章', '往期日历'])
		await expect(sheet.getByRole('heading', { name: view })).toBeVisible();
	const anywhere = sheet.getByRole('region', { name: '任何页面' });
	await expect(anywhere.getByRole('term')).toHaveText(['?', '/']);
	await expect(anywhere.getByRole('definition')).toHaveText(['显示键盘快捷键', '跳到搜索框']);
	const article = sheet.getByRole('region', { name: '文章' });
	await expect(article).toContainText('Shift+Enter');
	// the article view's 朗读 and 复制引用 keys, each beside what it does
	const terms = (await article.getByRole('term').allTextContents()).map((t) => t.trim());
	const definitions = await article.getByRole('definition').allTextContents();
	for (const [key, description] of [
		['R', '开始或暂停朗读'],
		['Esc', '停止朗读'],
		['C', '复制选中的文字及引用']
	])
		expect(definitions[terms.indexOf(key)]).toBe(description);
	expect((await makeAxe().include('dialog').analyze()).violations).toEqual([]);
	await page.keyboard.press('Escape');
	await expect(sheet).toBeHidden();

	// the search shortcut the sheet lists works, and 「?」 typed into the field is a question mark
	await page.keyboard.press('/');
	const field = page.getByLabel('搜索', { exact: true });
	await expect(field).toBeFocused();
	await page.keyboard.type('?');
	await expect(field).toHaveValue('?');
	await expect(sheet).toBeHidden();
});
