import type { Page } from '@playwright/test';
import { test, expect, seedId } from './fixtures';

// The bundled real page (not a test fixture): its first article is long enough to scroll.

async function openFirstArticle(page: Page): Promise<string> {
	await page.goto(`./#/doc/${seedId}`);
	const link = page.getByRole('list', { name: '本版文章' }).getByRole('link').first();
	const title = (await link.innerText()).trim();
	await link.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	return title;
}

const mastheadBottom = (page: Page) =>
	page.locator('.masthead').evaluate((el) => el.getBoundingClientRect().bottom);

/** Visible on screen: inside the viewport and below the sticky masthead, not under it. */
async function expectInView(page: Page, selector: string) {
	const masthead = await mastheadBottom(page);
	const box = await page.locator(selector).first().boundingBox();
	expect(box).not.toBeNull();
	expect(box!.y).toBeGreaterThanOrEqual(masthead - 1);
	expect(box!.y + box!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
}

test('reopening an article nobody scrolled shows it from the very top', async ({ page }) => {
	await openFirstArticle(page);
	expect(await page.evaluate(() => scrollY)).toBe(0);
	await page.waitForTimeout(1500); // longer than the position's debounce
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	// what restoring would have moved is settled once the position has been applied
	await page.waitForTimeout(1000);
	expect(await page.evaluate(() => scrollY)).toBe(0);
	await expectInView(page, 'h1#article-title');
	await expectInView(page, '.byline');
	await expectInView(page, 'button:has-text("加书签")');
	await expectInView(page, 'button:has-text("标为已读")');
});

test('a restored paragraph sits at the top just below the masthead, not under it', async ({
	page
}) => {
	await openFirstArticle(page);
	const target = page.locator('[data-paragraph="2"]');
	// the reader scrolls until paragraph 2 starts just below the masthead
	await target.evaluate((el) => {
		const masthead = document.querySelector('.masthead')!.getBoundingClientRect().bottom;
		window.scrollTo(0, el.getBoundingClientRect().top + scrollY - masthead - 4);
	});
	await page.waitForTimeout(1500); // longer than the position's debounce
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toBeAttached();
	await expect
		.poll(async () => (await target.boundingBox())!.y - (await mastheadBottom(page)), {
			message: 'paragraph 2 starts below the masthead, within a line of it'
		})
		.toBeGreaterThanOrEqual(0);
	expect((await target.boundingBox())!.y - (await mastheadBottom(page))).toBeLessThan(30);
});

test('what the browser scrolls into view is not left under the sticky masthead', async ({
	page
}) => {
	await openFirstArticle(page);
	const height = await page.locator('.masthead').evaluate((el: HTMLElement) => el.offsetHeight);
	const padding = await page.evaluate(() =>
		parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop)
	);
	expect(padding).toBeCloseTo(height, 0);
	await page.locator('[data-paragraph="3"]').evaluate((el) => el.scrollIntoView());
	const top = await page
		.locator('[data-paragraph="3"]')
		.evaluate((el) => el.getBoundingClientRect().top);
	expect(top).toBeGreaterThanOrEqual((await mastheadBottom(page)) - 1);

	// the masthead's own links are always in view: reaching them scrolls nothing
	const before = await page.evaluate(() => scrollY);
	await page.getByRole('link', { name: '设置' }).focus();
	await page.getByRole('link', { name: '笔记' }).hover();
	expect(await page.evaluate(() => scrollY)).toBe(before);
});
