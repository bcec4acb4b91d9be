import type { Page } from '@playwright/test';
import { test, expect, seedId, expectedDocument } from './fixtures';

// The real seed page has no header line and no sidecar: its paper comes from its reporters'
// bylines (`本报讯(山西日报记者 杨文)`), its month and day from the lead's dateline, its name
// from the lead article's title. No year is printed on it, so none is shown.
const paperAndDay = '山西日报 · 12月22日';
const leadTitle = expectedDocument().articles[0].title;
const fileName = `${seedId}.txt`;

const port = Number(process.env.BANMIAN_TEST_PORT ?? 4174);

async function expectNoFileName(page: Page) {
	await expect(page.locator('body')).not.toContainText(fileName);
	await expect(page.locator('body')).not.toContainText(seedId);
}

test('the seed page is named by what its text says wherever it is shown', async ({ page }) => {
	await page.goto('./#/');
	const entry = page
		.getByRole('list', { name: '文档列表' })
		.getByRole('listitem')
		.filter({ has: page.locator(`a[href$="/doc/${seedId}"]`) });
	await expect(entry).toContainText(paperAndDay);
	await expect(entry).toContainText(leadTitle);
	await expectNoFileName(page);

	await entry.getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${paperAndDay} · ${leadTitle}`);
	await expect(page).toHaveTitle(`${paperAndDay} · ${leadTitle} · 版面`);
	await expectNoFileName(page);

	await page.getByRole('list', { name: '本版文章' }).getByRole('link', { name: leadTitle }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(leadTitle);
	await expect(
		page.getByRole('navigation', { name: '位置' }).getByRole('link', { name: paperAndDay })
	).toHaveAttribute('href', new RegExp(`/doc/${seedId}$`));
	await page.getByRole('button', { name: '加书签' }).click();
	await expect(page.getByRole('button', { name: '已加书签' })).toBeVisible();
	await expectNoFileName(page);

	await page.goto('./#/notes');
	const bookmark = page.getByRole('listitem').filter({ hasText: leadTitle });
	await expect(bookmark).toContainText(paperAndDay);
	await expectNoFileName(page);

	await page.goto(`./#/search/${encodeURIComponent('督察整改')}`);
	const hit = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: leadTitle }) });
	await expect(hit).toContainText(paperAndDay, { timeout: 30_000 });
	await expectNoFileName(page);
});

test('the embed’s ready list names the seed page the same way', async ({ page }) => {
	const reader = `http://localhost:${port}/`;
	await page.goto(`http://127.0.0.1:${port}/embed-demo.html?src=${encodeURIComponent(reader)}`);
	const ready = (await page.evaluate(
		() => (window as unknown as { banmianReader: { ready: Promise<unknown> } }).banmianReader.ready
	)) as { documents: { id: string; title: string }[] };
	const seed = ready.documents.find((d) => d.id === seedId);
	expect(seed?.title).toBe(`${paperAndDay} · ${leadTitle}`);
	for (const doc of ready.documents) expect(doc.title).not.toMatch(/\.(txt|md)$/);
});
