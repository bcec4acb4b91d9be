import type { Page } from '@playwright/test';
import { test, expect, expectedDocument, seedCount, seedId } from './fixtures';

const port = Number(process.env.BANMIAN_TEST_PORT ?? 4174);
// localhost and 127.0.0.1 on one server are a cross-site pair.
const readerOrigin = `http://localhost:${port}`;
const hostOrigin = `http://127.0.0.1:${port}`;
const expected = expectedDocument();

type Message = { origin: string; data: { type?: string; [key: string]: unknown } };

/** Opens the demo host page on 127.0.0.1 with the reader from localhost; records messages. */
async function openHost(page: Page) {
	await page.addInitScript((host) => {
		if (location.origin !== host) return;
		const messages: unknown[] = [];
		(window as unknown as { __messages: unknown[] }).__messages = messages;
		addEventListener('message', (e) => messages.push({ origin: e.origin, data: e.data }));
	}, hostOrigin);
	await page.goto(`${hostOrigin}/embed-demo.html?src=${encodeURIComponent(readerOrigin + '/')}`);
	const ready = await page.evaluate(
		() =>
			(window as unknown as { banmianReader: { ready: Promise<{ documents: unknown[] }> } })
				.banmianReader.ready
	);
	return ready;
}

const messages = (page: Page) =>
	page.evaluate(() => (window as unknown as { __messages: Message[] }).__messages);

function call<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
	return page.evaluate(
		([method, args]) => {
			const reader = (
				window as unknown as {
					banmianReader: Record<string, (...a: unknown[]) => Promise<unknown>>;
				}
			).banmianReader;
			return reader[method as string](...(args as unknown[]));
		},
		[method, args] as const
	) as Promise<T>;
}

export function embedSuite(label: string) {
	test(`${label}: ready, open, navigated, resize, search, settings and state`, async ({ page }) => {
		const ready = await openHost(page);
		expect(ready.documents).toHaveLength(seedCount);

		const firstTitle = expected.articles[0].title;
		const doc = (
			ready.documents as { id: string; articles: { id: string; title: string }[] }[]
		).find((d) => d.id === seedId)!;
		const article = doc.articles.find((a) => a.title === firstTitle)!;
		const opened = await call<{ doc: string; article: string; title: string }>(
			page,
			'open',
			seedId,
			article.id
		);
		expect(opened).toEqual({ doc: seedId, article: article.id, title: firstTitle });

		const frame = page.frameLocator('iframe');
		await expect(frame.getByRole('heading', { level: 1 })).toHaveText(firstTitle);
		await expect
			.poll(async () =>
				(await messages(page)).some(
					(m) => m.data.type === 'banmian:navigated' && m.data.article === article.id
				)
			)
			.toBe(true);
		expect((await messages(page)).every((m) => m.origin === readerOrigin)).toBe(true);

		// The iframe is as tall as the reader's content says.
		await expect
			.poll(async () => {
				const resizes = (await messages(page)).filter((m) => m.data.type === 'banmian:resize');
				const last = resizes.at(-1)?.data.height as number | undefined;
				const box = await page.locator('iframe').boundingBox();
				return last !== undefined && box !== null && Math.abs(box.height - last) <= 1;
			})
			.toBe(true);

		const found = await call<{ total: number; hits: { doc: string; snippet: string }[] }>(
			page,
			'search',
			'汾河'
		);
		expect(found.total).toBeGreaterThan(1);
		expect(found.hits.length).toBe(found.total);
		expect(found.hits.some((h) => h.doc === seedId)).toBe(true);

		const settings = await call<{ theme: string }>(page, 'settings', { theme: 'dark' });
		expect(settings.theme).toBe('dark');
		await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');

		const state = await call<{ doc: string; article: string }>(page, 'state');
		expect(state).toMatchObject({ doc: seedId, article: article.id });

		await expect(call(page, 'open', 'no-such-doc')).rejects.toThrow();
		const failure = await page.evaluate(() =>
			(
				window as unknown as { banmianReader: { open: (d: string) => Promise<unknown> } }
			).banmianReader
				.open('no-such-doc')
				.catch((e: { code: string }) => e.code)
		);
		expect(failure).toBe('unknown-doc');
	});

	test(`${label}: malformed messages and foreign parents get no reply and no effect`, async ({
		page
	}) => {
		await openHost(page);
		const frame = page.frameLocator('iframe').first();
		await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
		const before = (await messages(page)).length;
		await page.evaluate((doc) => {
			const target = document.querySelector('iframe')!.contentWindow!;
			const origin = new URL(document.querySelector('iframe')!.src).origin;
			target.postMessage({ type: 'banmian:open', doc }, origin); // no id
			target.postMessage({ type: 'banmian:open', id: 7, doc: 'x' }, origin);
			target.postMessage('banmian:open', origin);
			target.postMessage(
				{ type: 'banmian:settings', id: 'a', settings: { theme: 'neon' } },
				origin
			);
		}, seedId);
		// A reader that lists only another origin as its parent ignores this host completely.
		await page.evaluate((reader) => {
			const frame = document.createElement('iframe');
			frame.title = 'foreign';
			frame.src = `${reader}/?embed=1&parent=${encodeURIComponent('https://elsewhere.example')}`;
			document.body.append(frame);
		}, readerOrigin);
		const foreign = page.frameLocator('iframe[title="foreign"]');
		await expect(foreign.getByRole('heading', { level: 1 })).toBeVisible();
		await page.evaluate((doc) => {
			const frame = document.querySelector<HTMLIFrameElement>('iframe[title="foreign"]')!;
			frame.contentWindow!.postMessage(
				{ type: 'banmian:open', id: 'x1', doc },
				new URL(frame.src).origin
			);
		}, seedId);
		await page.waitForTimeout(1000);
		const after = await messages(page);
		const replies = after.slice(before).filter((m) => m.data.type === 'banmian:response');
		expect(replies).toEqual([]);
		await expect(foreign.getByRole('list', { name: '本版文章' })).toHaveCount(0);
		await expect(frame.locator('html')).toHaveAttribute('data-theme', 'system');
	});

	test(`${label}: keyboard use and accessibility inside the frame`, async ({ page, makeAxe }) => {
		await openHost(page);
		const frame = page.frameLocator('iframe');
		await call(page, 'open', seedId);
		await expect(frame.getByRole('list', { name: '本版文章' })).toBeVisible();
		await frame.getByRole('link', { name: expected.articles[0].title }).focus();
		await page.keyboard.press('Enter');
		await expect(frame.getByRole('heading', { level: 1 })).toHaveText(expected.articles[0].title);
		await page.keyboard.press('ArrowRight');
		await expect(frame.getByRole('heading', { level: 1 })).toHaveText(expected.articles[1].title);
		await expect(frame.getByRole('link', { name: '在新窗口打开' })).toHaveAttribute(
			'href',
			new RegExp(`^${readerOrigin}/#/doc/`)
		);
		const results = await makeAxe().include('iframe').analyze();
		expect(results.violations).toEqual([]);
	});
}
