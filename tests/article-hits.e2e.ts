import type { Page } from '@playwright/test';
import { test, expect, seedId } from './fixtures';

// An article opened from a search result (`…/<query>`): its hits, stepped through with the
// hit bar's buttons or Enter/Shift+Enter, each brought to where the reader can see it.
// 督察 occurs in the first and the last paragraph of the bundled page's long first article.
const query = '督察';

async function openWithQuery(page: Page) {
	await page.goto(`./#/doc/${seedId}`);
	const link = page.getByRole('list', { name: '本版文章' }).getByRole('link').first();
	const href = (await link.getAttribute('href'))!;
	await page.goto(`./${href}/${encodeURIComponent(query)}`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** The current hit's top edge and the bottom of what stays stuck above it. */
function layout(page: Page) {
	return page.evaluate(() => {
		const current = document.querySelector('mark.hl-hit-current')!.getBoundingClientRect();
		const masthead = document.querySelector('.masthead')!.getBoundingClientRect();
		const bar = document.querySelector('[aria-label="搜索命中"]')!.getBoundingClientRect();
		return { hitTop: current.top, hitBottom: current.bottom, masthead, bar };
	});
}

test('the hit bar stays just below the masthead, and each hit stepped to is in view', async ({
	page
}) => {
	await openWithQuery(page);
	const hits = page.locator('mark[data-hit]');
	await expect(hits.first()).toHaveText(query);
	const count = await hits.count();
	expect(count).toBeGreaterThan(2);
	await expect(page.getByText(`第 1/${count} 处`)).toBeVisible();

	// Back from the first hit is the last one, at the far end of the article.
	await page.keyboard.press('Shift+Enter');
	await expect(page.getByText(`第 ${count}/${count} 处`)).toBeVisible();
	await expect(hits.last()).toHaveClass(/hl-hit-current/);
	await expect
		.poll(async () => (await layout(page)).hitBottom, { message: 'the last hit is on screen' })
		.toBeLessThanOrEqual(page.viewportSize()!.height);
	const { masthead, bar, hitTop } = await layout(page);
	expect(Math.abs(bar.top - masthead.bottom), 'the hit bar sits on the masthead').toBeLessThan(2);
	expect(hitTop, 'the hit is not hidden under the hit bar').toBeGreaterThanOrEqual(bar.bottom);

	await page.getByRole('button', { name: '下一处' }).click();
	await expect(page.getByText(`第 1/${count} 处`)).toBeVisible();
	await expect(hits.first()).toHaveClass(/hl-hit-current/);
	await expect
		.poll(async () => (await layout(page)).hitTop, { message: 'the first hit is below the bar' })
		.toBeGreaterThanOrEqual(bar.bottom);

	// A hit in the middle of the article goes to the top of the view, just below the bar.
	await page.keyboard.press('Enter');
	await expect(page.getByText(`第 2/${count} 处`)).toBeVisible();
	await expect
		.poll(async () => (await layout(page)).hitTop - bar.bottom, {
			message: 'the second hit sits just below the hit bar, not under it'
		})
		.toBeGreaterThanOrEqual(0);
	expect((await layout(page)).hitTop - bar.bottom).toBeLessThan(30);
});

test('clicking a hit opens no editor: hits are not the reader’s highlights', async ({ page }) => {
	await openWithQuery(page);
	await page.locator('mark[data-hit]').first().click();
	await expect(page.getByRole('dialog', { name: '划线与笔记' })).toHaveCount(0);
});
