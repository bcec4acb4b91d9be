import { readFileSync } from 'node:fs';
import { test, expect, seedId } from './fixtures';
import { parseBytes } from '../src/lib/core/parse/index';
import { articleHeading } from '../src/lib/core/parse/title';

// Every bundled article is a real file, doc/ID/ARTICLE/index.html, holding its text.
const doc = parseBytes(new Uint8Array(readFileSync(`seeds/${seedId}.txt`)), `${seedId}.txt`, null);
const article = doc.articles[1];
const heading = articleHeading(article);
const lastParagraph = article.paragraphs[article.paragraphs.length - 1];
const staticPath = `doc/${seedId}/${article.id}/`;

test('an article deep link is readable with no JavaScript at all', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
	const page = await context.newPage();
	const response = await page.goto(staticPath);
	expect(response?.status()).toBe(200);
	await expect(page).toHaveTitle(`${heading} · 版面`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
	await expect(page.locator('p[data-paragraph]').last()).toHaveText(lastParagraph);
	// The crumbs lead to the page's own static file.
	await page.getByRole('navigation', { name: '位置' }).getByRole('link').last().click();
	await expect(page).toHaveURL(new RegExp(`/doc/${seedId}/$`));
	await expect(page.getByRole('link', { name: heading })).toBeVisible();
	await context.close();
});

test('the static article HTML holds the text before any script runs', async ({ request }) => {
	const html = await (await request.get(staticPath)).text();
	const beforeScripts = html.slice(0, html.indexOf('<script', html.indexOf('<body')));
	expect(beforeScripts).toContain(`<h1 id="article-title">${heading}</h1>`);
	expect(beforeScripts).toContain(lastParagraph.slice(0, 20));
});

test('with JavaScript the static article becomes the app on the same hash link', async ({
	page
}) => {
	await page.goto(staticPath);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
	// The app has taken over: its own tools are there, the address is the hash link.
	await expect(page.getByRole('button', { name: '加书签' })).toBeVisible();
	await expect(page).toHaveURL(new RegExp(`/#/doc/${seedId}/${article.id}$`));
	await expect(page.locator('#prerendered')).toHaveCount(0);
	await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
	await expect(page.locator('p[data-paragraph]').last()).toHaveText(lastParagraph);
	// Navigation inside the app works as from any hash link.
	await page.getByRole('navigation', { name: '位置' }).getByRole('link', { name: '文档' }).click();
	await expect(page.getByRole('heading', { level: 1, name: '文档' })).toBeVisible();
});

test('static articles work under a sub-path and without the trailing slash', async ({ page }) => {
	await page.goto(`banmian/${staticPath.slice(0, -1)}`);
	await expect(page.getByRole('button', { name: '加书签' })).toBeVisible();
	await expect(page).toHaveURL(new RegExp(`/banmian/#/doc/${seedId}/${article.id}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
});

test('a page deep link is a static file too, and the hash link still works', async ({ page }) => {
	await page.goto(`doc/${seedId}/`);
	await expect(page).toHaveURL(new RegExp(`/#/doc/${seedId}$`));
	await expect(page.getByRole('link', { name: heading })).toBeVisible();
	// The app has taken the static view's place (a hash changed while the app is still starting
	// is SvelteKit's to follow, as on index.html).
	await expect(page.locator('#prerendered')).toHaveCount(0);
	await page.goto(`./#/doc/${seedId}/${article.id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
});

test('offline, a static article link opens the same article from the saved app', async ({
	page,
	context
}) => {
	await page.goto('./#/');
	await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20_000 });
	await context.setOffline(true);
	try {
		await page.goto(staticPath);
		await expect(page).toHaveURL(new RegExp(`/#/doc/${seedId}/${article.id}$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expect(page.locator('p[data-paragraph]').last()).toHaveText(lastParagraph);
	} finally {
		await context.setOffline(false);
	}
});

test('the static article lies where the app draws it, so the swap moves nothing', async ({
	browser,
	baseURL,
	page
}) => {
	// Kept in step by hand: src/lib/core/prerender/static-page.ts mirrors the layout's masthead
	// and the article view's markup and styles.
	const boxes = () =>
		[
			...document.querySelectorAll(
				'header.masthead, nav.crumbs, article h1, article .byline, article [data-paragraph]'
			)
		]
			.slice(0, 8)
			.map((e) => {
				const r = e.getBoundingClientRect();
				return `${e.tagName} ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
			});
	const context = await browser.newContext({
		javaScriptEnabled: false,
		baseURL,
		viewport: page.viewportSize()
	});
	const staticPage = await context.newPage();
	await staticPage.goto(staticPath);
	const drawnStatic = await staticPage.evaluate(boxes);
	await context.close();
	await page.goto(`./#/doc/${seedId}/${article.id}`);
	await expect(page.getByRole('button', { name: '加书签' })).toBeVisible();
	expect(await page.evaluate(boxes)).toEqual(drawnStatic);
});
