import type { Page } from '@playwright/test';
import { test, expect, expectedDocument, seedId } from './fixtures';

// What a reader sees first, on a 390 px phone in each theme: one screenshot per view into
// test-results/screenshots/ for people to look at, and in each view what the reader relies on
// (its heading in sight, the theme's colours, nothing wider than the screen).

test.use({ viewport: { width: 390, height: 844 } });

const expected = expectedDocument();
const themes = [
	{ value: 'light', label: '明亮' },
	{ value: 'sepia', label: '米黄' },
	{ value: 'dark', label: '夜间' }
] as const;

/** Relative luminance (WCAG) of a computed `rgb(…)` colour. */
function luminance(color: string): number {
	const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
		const c = Number(part) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

async function go(page: Page, hash: string) {
	await page.evaluate((h) => (location.hash = h), hash);
	await expect(page).toHaveURL(new RegExp(`${hash.replace(/[/]/g, '\\/')}$`));
}

/** The screenshot, after checking the view fits the screen and reads in the theme's colours. */
async function shoot(page: Page, theme: string, view: string) {
	const sizes = await page.evaluate(() => {
		const style = getComputedStyle(document.body);
		return {
			scrollWidth: document.scrollingElement!.scrollWidth,
			background: style.backgroundColor,
			text: style.color
		};
	});
	// Against the screen, not innerWidth: a phone widens its layout viewport to content that
	// overflows, and innerWidth grows with it.
	expect(sizes.scrollWidth, `${view} scrolls sideways`).toBeLessThanOrEqual(
		page.viewportSize()!.width
	);
	const paper = luminance(sizes.background);
	const ink = luminance(sizes.text);
	// Text stands out from the paper (WCAG AA for body text: 4.5:1).
	expect((Math.max(paper, ink) + 0.05) / (Math.min(paper, ink) + 0.05)).toBeGreaterThan(4.5);
	if (theme === 'dark') expect(paper).toBeLessThan(ink);
	else expect(paper).toBeGreaterThan(ink);
	await page.screenshot({
		path: `test-results/screenshots/${theme}-${view}.png`,
		fullPage: true,
		scale: 'css'
	});
}

for (const theme of themes) {
	test(`${theme.label}: library, page, article, search, notes and settings at 390 px`, async ({
		page
	}) => {
		test.skip(test.info().project.name !== 'phone', 'a phone view: the phone project is enough');

		await page.goto('./#/settings');
		await expect(page.getByRole('heading', { level: 1, name: '阅读设置' })).toBeVisible();
		await page.getByRole('button', { name: theme.label, exact: true }).click();
		await expect(page.locator('html')).toHaveAttribute('data-theme', theme.value);
		await shoot(page, theme.value, 'settings');

		await go(page, '#/');
		const entries = page.locator('[aria-label="文档列表"] > li');
		await expect(entries.first()).toBeInViewport();
		await expect(page.getByRole('heading', { level: 1, name: '文档' })).toBeInViewport();
		await shoot(page, theme.value, 'library');

		await go(page, `#/doc/${seedId}`);
		const articles = page.getByRole('list', { name: '本版文章' }).getByRole('article');
		await expect(articles).toHaveCount(expected.articles.length);
		await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
		await shoot(page, theme.value, 'page');

		await articles.first().getByRole('link', { name: expected.articles[0].title }).click();
		const title = page.getByRole('article').getByRole('heading', { level: 1 });
		await expect(title).toHaveText(expected.articles[0].title);
		await expect(title).toBeInViewport();
		await expect(page.getByRole('button', { name: '加书签' })).toBeInViewport();
		await shoot(page, theme.value, 'article');

		await go(page, `#/search/${encodeURIComponent('汾河')}`);
		const results = page.getByRole('list', { name: '搜索结果' }).getByRole('listitem');
		await expect(page.getByText(/共 \d+ 篇/)).toBeInViewport();
		await expect(results.first().locator('mark').first()).toHaveText('汾河');
		await shoot(page, theme.value, 'search');

		await go(page, '#/notes');
		await expect(page.getByRole('heading', { level: 1, name: '书签与笔记' })).toBeInViewport();
		await expect(page.getByRole('heading', { name: /^书签\(\d+\)$/ })).toBeVisible();
		await shoot(page, theme.value, 'notes');
	});
}
