import { test, expect, expectedDocument, seedId } from './fixtures';
import type { Page } from '@playwright/test';

const article = expectedDocument().articles.find((a) => a.title === '杏花岭区三桥街道获此殊荣')!;
const quoted = article.paragraphs[0];

async function openArticle(page: Page) {
	await page.goto(`./#/doc/${seedId}`);
	await page
		.getByRole('list', { name: '本版文章' })
		.getByRole('link', { name: article.title })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title);
}

/** What a copy of the whole first paragraph puts on the clipboard. */
function copyFirstParagraph(page: Page): Promise<string> {
	return page.evaluate(() => {
		const paragraph = document.querySelector('[data-paragraph="0"]')!;
		const range = document.createRange();
		range.selectNodeContents(paragraph);
		document.getSelection()!.removeAllRanges();
		document.getSelection()!.addRange(range);
		const clipboardData = new DataTransfer();
		const event = new ClipboardEvent('copy', { clipboardData, bubbles: true, cancelable: true });
		// Unhandled, the browser would copy the shown text: stand in for it.
		if (paragraph.dispatchEvent(event)) return document.getSelection()!.toString();
		return clipboardData.getData('text/plain');
	});
}

test('vertical writing shows quotes as corner brackets, and a copy gives the page’s quotes', async ({
	page
}) => {
	await openArticle(page);
	const first = page.locator('[data-paragraph="0"]');
	await expect(first).toContainText('坚持“科学组织、广泛宣传、全民参与、依法依规”');

	await page.getByRole('link', { name: '设置' }).click();
	await page.getByRole('button', { name: '竖排' }).click();
	await page.goBack();
	await expect(page.locator('article.reader')).toHaveCSS('writing-mode', 'vertical-rl');
	await expect(first).toContainText('坚持「科学组织、广泛宣传、全民参与、依法依规」');
	await expect(first).toContainText('授予「第七次全国人口普查先进集体」称号');
	await expect(first).not.toContainText('“');

	expect(await copyFirstParagraph(page)).toBe(quoted);
});

test('a highlight made over corner brackets in vertical writing keeps the page’s quotes', async ({
	page
}, info) => {
	// On the phone project the vertical article covers the selection bar's buttons (a known,
	// separate fault); the offsets this checks are the same on both projects.
	test.skip(info.project.name === 'phone', 'the selection bar is covered in vertical writing');
	await page.goto('./#/settings');
	await page.getByRole('button', { name: '竖排' }).click();
	await openArticle(page);
	const first = page.locator('[data-paragraph="0"]');
	await expect(first).toContainText('「科学组织');

	const start = quoted.indexOf('“科学组织');
	const end = quoted.indexOf('”', start) + 1;
	await page.evaluate(
		([start, end]) => {
			// Selects [start, end) of the paragraph's shown text, across its text nodes.
			const paragraph = document.querySelector('[data-paragraph="0"]')!;
			const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
			const range = document.createRange();
			let at = 0;
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const length = node.textContent!.length;
				if (start >= at && start <= at + length) range.setStart(node, start - at);
				if (end >= at && end <= at + length) {
					range.setEnd(node, end - at);
					break;
				}
				at += length;
			}
			document.getSelection()!.removeAllRanges();
			document.getSelection()!.addRange(range);
		},
		[start, end]
	);
	await page.getByRole('button', { name: '用黄色划线' }).click();
	await expect(page.locator('mark[data-highlight]')).toHaveText(
		'「科学组织、广泛宣传、全民参与、依法依规」'
	);
	await expect(page.getByRole('region', { name: '本文划线' })).toContainText(
		'“科学组织、广泛宣传、全民参与、依法依规”'
	);
});
