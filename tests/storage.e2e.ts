import type { Page } from '@playwright/test';
import { test, expect, expectedDocument, seedId } from './fixtures';

const expected = expectedDocument();
const first = expected.articles[0].title;

async function openFirstArticle(page: Page) {
	await page.goto(`./#/doc/${seedId}`);
	// (within the page's own list: a library entry is named after its first article too)
	await page.getByRole('list', { name: '本版文章' }).getByRole('link', { name: first }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(first);
}

test('read half an article, close the tab, reopen: the same paragraph', async ({ context }) => {
	const page = await context.newPage();
	await openFirstArticle(page);
	const target = page.locator('[data-paragraph="2"]');
	await target.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + scrollY - 70));
	await page.waitForTimeout(400); // a scroll is noted, its write still pending
	await page.close({ runBeforeUnload: true }); // pagehide flushes the pending write

	const again = await context.newPage();
	await openFirstArticle(again);
	await expect
		.poll(() =>
			again.locator('[data-paragraph="2"]').evaluate((el) => {
				const r = el.getBoundingClientRect();
				return r.top <= 100 && r.bottom >= 60;
			})
		)
		.toBe(true);
});

test('with IndexedDB failing to open, the reader works in memory and says so', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(IDBFactory.prototype, 'open', {
			value: () => {
				throw new DOMException('blocked by test', 'SecurityError');
			}
		});
	});
	await openFirstArticle(page);
	await expect(page.getByText('阅读记录只在本次打开期间有效,不会保存')).toBeVisible();
	await page.getByRole('button', { name: '加书签' }).click();
	await expect(page.getByRole('button', { name: '已加书签' })).toBeVisible();
	await page.getByRole('link', { name: '笔记' }).click();
	await expect(page.getByText('书签(1)')).toBeVisible();
});

test('site data cleared while open: the reader recovers and keeps working', async ({
	page,
	context
}) => {
	await openFirstArticle(page);
	const cdp = await context.newCDPSession(page);
	const origin = new URL(page.url()).origin;
	await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' });
	await page.getByRole('button', { name: '加书签' }).click();
	await expect(page.getByRole('button', { name: '已加书签' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(first);
	await expect(page.getByRole('button', { name: '已加书签' })).toBeVisible();
});
