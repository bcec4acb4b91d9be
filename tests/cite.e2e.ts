import type { Page } from '@playwright/test';
import { test, expect, expectedDocument, seedId } from './fixtures';

// An invented page whose header names paper, date and page, so every field of a citation is known.
const docId = '001_qingchuan_2023-04-12_p1';
const lead = expectedDocument(docId).articles[0];
const citationLine = `——《${lead.title}》，青川日报，2023年4月12日，第1版`;

/**
 * What the page wrote to the clipboard and handed to the share sheet, recorded in the page.
 * `share` decides whether the browser has a share sheet at all.
 */
async function recordSharing(page: Page, { share }: { share: boolean }) {
	await page.addInitScript((share) => {
		const w = window as unknown as { copied: string[]; shared: ShareData[] };
		w.copied = [];
		w.shared = [];
		Object.defineProperty(navigator, 'clipboard', {
			configurable: true,
			value: { writeText: async (text: string) => void w.copied.push(text) }
		});
		if (share)
			Object.defineProperty(navigator, 'share', {
				configurable: true,
				value: async (data: ShareData) => void w.shared.push(data)
			});
		else delete (Navigator.prototype as { share?: unknown }).share;
	}, share);
}

const copied = (page: Page) =>
	page.evaluate(() => (window as unknown as { copied: string[] }).copied);
const shared = (page: Page) =>
	page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared);

/** The article's link (`#/doc/<doc>/<article>`), as the page's list of articles gives it. */
async function articleHref(page: Page, doc: string, title: string): Promise<string> {
	await page.goto(`./#/doc/${doc}`);
	const link = page.getByRole('list', { name: '本版文章' }).getByRole('link', { name: title });
	return (await link.getAttribute('href'))!;
}

async function openLead(page: Page): Promise<string> {
	const href = await articleHref(page, docId, lead.title);
	await page.goto(`./${href}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(lead.title);
	return href;
}

/** Selects `length` characters at the start of paragraph `index`, as a reader's drag would. */
async function selectStart(page: Page, index: number, length: number) {
	await page.evaluate(
		([index, length]) => {
			const p = document.querySelector(`[data-paragraph="${index}"]`)!;
			const text = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
			const range = document.createRange();
			range.setStart(text, 0);
			range.setEnd(text, length);
			document.getSelection()!.removeAllRanges();
			document.getSelection()!.addRange(range);
		},
		[index, length] as const
	);
}

test('「复制引用」 copies the selected words with their citation line', async ({
	page,
	makeAxe
}) => {
	await recordSharing(page, { share: false });
	await openLead(page);
	await selectStart(page, 1, 5);
	const toolbar = page.getByRole('toolbar', { name: '划线' });
	await expect(toolbar.getByRole('button', { name: '复制引用' })).toBeVisible();
	expect((await makeAxe().analyze()).violations).toEqual([]);

	await toolbar.getByRole('button', { name: '复制引用' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已复制引用' })).toBeVisible();
	expect(await copied(page)).toEqual([`${lead.paragraphs[1].slice(0, 5)}\n${citationLine}`]);
});

test('「C」 copies the selection with its citation, and nothing without one', async ({ page }) => {
	await recordSharing(page, { share: false });
	await openLead(page);
	await page.keyboard.press('c');
	await expect(page.getByRole('toolbar', { name: '划线' })).toBeHidden();

	await selectStart(page, 1, 5);
	await expect(page.getByRole('toolbar', { name: '划线' })).toBeVisible();
	await page.keyboard.press('c');
	await expect(page.getByRole('status').filter({ hasText: '已复制引用' })).toBeVisible();
	expect(await copied(page)).toEqual([`${lead.paragraphs[1].slice(0, 5)}\n${citationLine}`]);
});

test('「分享」 hands the quote and a link to its paragraph to the share sheet', async ({
	page
}) => {
	await recordSharing(page, { share: true });
	const href = await openLead(page);
	await selectStart(page, 1, 5);
	await page.getByRole('toolbar', { name: '划线' }).getByRole('button', { name: '分享' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已分享' })).toBeVisible();
	const [data] = await shared(page);
	expect(data.text).toBe(`${lead.paragraphs[1].slice(0, 5)}\n${citationLine}`);
	expect(data.url!.endsWith(`${href}#p2`)).toBe(true);
	expect(await copied(page)).toEqual([]);

	// The shared link opens the article at that paragraph.
	await page.goto(data.url!);
	await expect(page.locator('[data-paragraph="1"]')).toHaveAttribute('data-flash');
});

test('without a share sheet, 「分享」 copies the quote, its citation and the link', async ({
	page
}) => {
	await recordSharing(page, { share: false });
	const href = await openLead(page);
	await selectStart(page, 1, 5);
	await page.getByRole('toolbar', { name: '划线' }).getByRole('button', { name: '分享' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已复制引用和链接' })).toBeVisible();
	const [text] = await copied(page);
	const [quote, line, url] = text.split('\n');
	expect([quote, line]).toEqual([lead.paragraphs[1].slice(0, 5), citationLine]);
	expect(url).toBe(new URL(`${href}#p2`, page.url()).href);
});

test('a long press on a paragraph offers citing the whole paragraph', async ({ page, makeAxe }) => {
	test.skip(!test.info().project.use.hasTouch, 'a long press is a touch screen’s gesture');
	await recordSharing(page, { share: false });
	await openLead(page);
	const paragraph = page.locator('[data-paragraph="2"]');
	await paragraph.scrollIntoViewIfNeeded();
	const box = (await paragraph.boundingBox())!;
	const touch = await page.context().newCDPSession(page);
	const point = { x: box.x + 40, y: box.y + 10 };
	await touch.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
	const menu = page.getByRole('toolbar', { name: '引用这一段' });
	await expect(menu).toBeVisible();
	await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
	await expect(menu).toBeVisible();
	expect((await makeAxe().analyze()).violations).toEqual([]);

	await menu.getByRole('button', { name: '复制引用' }).click();
	await expect(menu).toBeHidden();
	expect(await copied(page)).toEqual([`${lead.paragraphs[2]}\n${citationLine}`]);
});

test('a link to a paragraph opens the article scrolled to it and marks it for a moment', async ({
	page
}) => {
	// The real page's lead article is long: its seventh paragraph is far below the first.
	const article = expectedDocument().articles[0];
	const href = await articleHref(page, seedId, article.title);
	await page.goto('about:blank');
	await page.goto(`./${href}#p7`);
	const seventh = page.locator('[data-paragraph="6"]');
	await expect(seventh).toHaveAttribute('data-flash');
	await expect(seventh).toBeInViewport();
	await expect(page.locator('[data-paragraph="0"]')).not.toBeInViewport();
	await expect(seventh).not.toHaveAttribute('data-flash');
});

for (const junk of ['#p0', '#pabc', '#p99']) {
	test(`a paragraph link ${junk} that names no paragraph opens the article as usual`, async ({
		page
	}) => {
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		const article = expectedDocument().articles[0];
		const href = await articleHref(page, seedId, article.title);
		await page.goto('about:blank');
		await page.goto(`./${href}${junk}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title);
		await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
		await expect(page.locator('[data-flash]')).toHaveCount(0);
		expect(errors).toEqual([]);
	});
}
