import { readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { LIBRARY_PREFIX } from '../src/lib/platform/caches';
import {
	test,
	expect,
	deleteStored,
	importFiles,
	expectedDocument,
	storedKeys,
	type ExpectedArticle
} from './fixtures';

// The oracle: a plain substring scan over the hand-written expected structure of every seed.
const expectedArticles: ExpectedArticle[] = readdirSync('tests/fixtures/expected').flatMap(
	(file) => expectedDocument(file.replace(/\.expected\.json$/, '')).articles
);
function articlesContaining(term: string): number {
	return expectedArticles.filter((a) =>
		[a.title, a.kicker ?? '', a.subtitle ?? '', ...a.paragraphs, ...a.captions]
			.join('\n')
			.includes(term)
	).length;
}

test('search finds every article containing 汾河, with the exact total and marked snippets', async ({
	page,
	makeAxe
}) => {
	await page.goto('./');
	await expect(page.locator('[aria-label="文档列表"] > li').first()).toBeVisible();
	await page.keyboard.press('/');
	await expect(page.getByLabel('搜索', { exact: true })).toBeFocused();
	await page.keyboard.type('汾河');
	const total = articlesContaining('汾河');
	expect(total).toBeGreaterThan(1);
	await expect(page.getByText(`共 ${total} 篇`)).toBeVisible();
	const results = page.getByRole('list', { name: '搜索结果' }).getByRole('listitem');
	await expect(results).toHaveCount(total);
	await expect(results.first().locator('mark').first()).toHaveText('汾河');
	expect((await makeAxe().analyze()).violations).toEqual([]);

	await results.first().getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	// Opening a result marks every hit in the article and steps through them.
	const hits = page.locator('mark[data-hit]');
	await expect(hits.first()).toBeVisible();
	const count = await hits.count();
	expect(count).toBeGreaterThan(0);
	for (let i = 0; i < count; i++) await expect(hits.nth(i)).toHaveText('汾河');
	await expect(page.getByText(`第 1/${count} 处`)).toBeVisible();
	if (count > 1) {
		await page.keyboard.press('Enter');
		await expect(page.getByText(`第 2/${count} 处`)).toBeVisible();
		await page.keyboard.press('Shift+Enter');
		await expect(page.getByText(`第 1/${count} 处`)).toBeVisible();
	}
});

test('人口普查 finds the census article; 環境保護 (traditional) finds the first article', async ({
	page
}) => {
	await page.goto('./#/search/' + encodeURIComponent('人口普查'));
	const results = page.getByRole('list', { name: '搜索结果' });
	await expect(results.getByRole('heading', { name: '杏花岭区三桥街道获此殊荣' })).toBeVisible();
	await page.goto('./#/search/' + encodeURIComponent('環境保護'));
	await expect(
		results.getByRole('heading', { name: '交出整改工作合格答卷 把发展和生态两条底线守得更牢更好' })
	).toBeVisible();
});

test('a traditional-script query finds simplified text', async ({ page }) => {
	await page.goto('./#/search/' + encodeURIComponent('汾河 環境'));
	const total = expectedArticles.filter((a) => {
		const text = [a.title, ...a.paragraphs].join('\n');
		return text.includes('汾河') && text.includes('环境');
	}).length;
	expect(total).toBeGreaterThan(0);
	await expect(page.getByText(`共 ${total} 篇`)).toBeVisible();
});

test('a query with no match says so, and excluding a term narrows the results', async ({
	page
}) => {
	await page.goto('./#/search/' + encodeURIComponent('这串字不会出现在任何版面里'));
	await expect(page.getByText('没有找到')).toBeVisible();
	const withAll = articlesContaining('汾河');
	const withoutFirst = expectedArticles.filter((a) => {
		const text = [a.title, a.kicker ?? '', a.subtitle ?? '', ...a.paragraphs, ...a.captions].join(
			'\n'
		);
		return text.includes('汾河') && !text.includes('督察');
	}).length;
	expect(withoutFirst).toBeLessThan(withAll);
	await page.goto('./#/search/' + encodeURIComponent('汾河 -督察'));
	await expect(page.getByText(`共 ${withoutFirst} 篇`)).toBeVisible();
});

test('a second visit lists the library from its cache; pages whose parse was lost still open and are found', async ({
	page
}) => {
	const pages = readdirSync('tests/fixtures/expected').length;
	const list = page.locator('[aria-label="文档列表"] > li');
	const total = articlesContaining('汾河');
	await page.goto('./');
	await expect(list).toHaveCount(pages);
	await page.getByLabel('搜索', { exact: true }).fill('汾河');
	await expect(page.getByText(`共 ${total} 篇`)).toBeVisible();
	// Once the library is kept, drop every cached parse but the listing itself (the search
	// index snapshot stays, so search needs no page read back).
	const keys = () => storedKeys(page, 'parseCache');
	const isListing = (key: string) => key.startsWith(LIBRARY_PREFIX);
	await expect.poll(async () => (await keys()).some(isListing)).toBe(true);
	await deleteStored(
		page,
		'parseCache',
		(await keys()).filter((key) => !isListing(key))
	);
	expect((await keys()).every(isListing)).toBe(true);

	await page.goto('./#/');
	await expect(list).toHaveCount(pages);
	await page.reload();
	await expect(list).toHaveCount(pages);
	await page.getByLabel('搜索', { exact: true }).fill('汾河');
	await expect(page.getByText(`共 ${total} 篇`)).toBeVisible();
	const results = page.getByRole('list', { name: '搜索结果' }).getByRole('listitem');
	await results.last().getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.locator('mark[data-hit]').first()).toHaveText('汾河');
});

test('typing with an input method searches for the chosen characters, not the pinyin', async ({
	page,
	context
}) => {
	await page.goto('./#/search');
	const field = page.getByLabel('搜索', { exact: true });
	await field.focus();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Input.imeSetComposition', { text: 'fenhe', selectionStart: 5, selectionEnd: 5 });
	await expect(field).toHaveValue('fenhe');
	// A search names its query in the title at once, before the worker answers; two frames
	// later every task the composing input queued has run, so the title shows whether one did.
	await page.evaluate(
		() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
	);
	await expect(page).toHaveTitle('搜索 · 版面');
	await cdp.send('Input.insertText', { text: '汾河' });
	await expect(field).toHaveValue('汾河');
	await expect(page.getByText(`共 ${articlesContaining('汾河')} 篇`)).toBeVisible();
});

/** Every result shown, as links: each article at most once, and as many as the total says. */
async function expectEachResultOnce(page: Page, total: number) {
	const results = page.getByRole('list', { name: '搜索结果' }).getByRole('listitem');
	await expect(page.getByText(`共 ${total} 篇`)).toBeVisible();
	await expect(results).toHaveCount(total);
	const hrefs = await results
		.getByRole('link')
		.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
	expect(new Set(hrefs).size).toBe(total);
}

test('results loaded after a page was imported in another tab list every article once', async ({
	page,
	context
}) => {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	const term = '的';
	const before = articlesContaining(term);
	// More than one page of results (ten), so the rest loads as the list is scrolled.
	expect(before).toBeGreaterThan(10);
	await page.goto('./#/search/' + encodeURIComponent(term));
	const results = page.getByRole('list', { name: '搜索结果' }).getByRole('listitem');
	await expect(page.getByText(`共 ${before} 篇`)).toBeVisible();
	await expect(results).toHaveCount(10);

	// Another tab imports a page whose article ranks first: every later offset shifts by one.
	const other = await context.newPage();
	await other.goto('./');
	await importFiles(other, {
		name: 'shifted.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from(
			'测试晚报 2026年1月1日 第1版\n\n# 我的的确确的标题\n\n本报讯 我的的确确是新的一篇,目的是排在最前面的。\n'
		)
	});
	await expect(other.getByRole('status').filter({ hasText: '已导入' })).toContainText(
		'shifted.txt'
	);
	// This tab has taken the new page in once its paper is among the filters (whose choices are
	// made when 筛选 is opened).
	await page.getByText('筛选').click();
	await expect(page.getByLabel('报纸').locator('option', { hasText: '测试晚报' })).toHaveCount(1);

	await page.getByRole('button', { name: '更多结果' }).scrollIntoViewIfNeeded();
	await expectEachResultOnce(page, before + 1);
	await expect(results.getByRole('heading', { name: '我的的确确的标题' })).toHaveCount(1);
	expect(errors).toEqual([]);
});

test('asking for more results twice at once lists every article once', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	const term = '的';
	await page.goto('./#/search/' + encodeURIComponent(term));
	await expect(page.getByRole('list', { name: '搜索结果' }).getByRole('listitem')).toHaveCount(10);
	await page.getByRole('button', { name: '更多结果' }).evaluate((button: HTMLElement) => {
		button.click();
		button.click();
	});
	await expectEachResultOnce(page, articlesContaining(term));
	expect(errors).toEqual([]);
});

test('筛选 offers the library’s reporters once opened, filters by one, and keeps it when closed', async ({
	page
}) => {
	await page.goto('./#/search/' + encodeURIComponent('记者'));
	await expect(page.getByText(/共 \d+ 篇/)).toBeVisible();
	await page.getByText('筛选').click();
	const reporters = page.getByLabel('记者');
	await expect(reporters.locator('option', { hasText: '杨文' })).toHaveCount(1);
	await reporters.selectOption('杨文');
	await expect(page.getByText('共 1 篇')).toBeVisible();
	// closed and opened again, the choice is still there
	await page.getByText('筛选').click();
	await page.getByText('筛选').click();
	await expect(reporters).toHaveValue('杨文');
});
