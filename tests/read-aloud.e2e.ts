import type { Page } from '@playwright/test';
import { test, expect, expectedDocument, seedId } from './fixtures';

// An invented page: a lead with 引题, 主题 and 副题, a story under a reporter's byline line, and
// a 短评 after it.
const docId = '004_jinnan_2024-01-05_p4';
const [lead, story, comment] = expectedDocument(docId).articles;

interface Said {
	text: string;
	rate: number;
	lang: string;
}

/**
 * A stand-in for the browser's speech synthesis: it records each utterance, speaks until the
 * test ends it (`finishUtterance()`), and lists `voices`; with `voices` null there is none at all.
 */
async function fakeSpeech(page: Page, voices: { name: string; lang: string }[] | null) {
	await page.addInitScript((voices) => {
		const w = window as unknown as Record<string, unknown>;
		if (!voices) {
			delete w.speechSynthesis;
			delete w.SpeechSynthesisUtterance;
			Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: undefined });
			return;
		}
		type Utterance = {
			text: string;
			rate: number;
			lang: string;
			onend: (() => void) | null;
			onerror: ((event: { error: string }) => void) | null;
		};
		const said: { text: string; rate: number; lang: string }[] = [];
		let speaking: Utterance | null = null;
		class FakeUtterance {
			rate = 1;
			lang = '';
			voice = null;
			onend = null;
			onerror = null;
			constructor(public text: string) {}
		}
		const synth = Object.assign(new EventTarget(), {
			paused: false,
			getVoices: () => voices,
			speak(utterance: Utterance) {
				speaking = utterance;
				said.push({ text: utterance.text, rate: utterance.rate, lang: utterance.lang });
			},
			cancel() {
				const stopped = speaking;
				speaking = null;
				stopped?.onerror?.({ error: 'interrupted' });
			},
			pause() {},
			resume() {}
		});
		Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: synth });
		Object.defineProperty(window, 'SpeechSynthesisUtterance', {
			configurable: true,
			value: FakeUtterance
		});
		w.said = said;
		w.finishUtterance = () => {
			const done = speaking;
			speaking = null;
			done?.onend?.();
		};
	}, voices);
}

const chineseVoice = [{ name: 'Tingting', lang: 'zh-CN' }];

const said = (page: Page) => page.evaluate(() => (window as unknown as { said: Said[] }).said);
const saidTexts = async (page: Page) => (await said(page)).map((u) => u.text);
const lastSaid = async (page: Page) => (await said(page)).at(-1);
const finishUtterance = (page: Page) =>
	page.evaluate(() => (window as unknown as { finishUtterance: () => void }).finishUtterance());

async function openArticle(page: Page, doc: string, title: string) {
	await page.goto(`./#/doc/${doc}`);
	await page.getByRole('list', { name: '本版文章' }).getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

const bar = (page: Page) => page.getByRole('toolbar', { name: '朗读' });

test('朗读 reads 引题, 主题 and 副题, then the body, marking what it reads', async ({
	page,
	makeAxe
}) => {
	await fakeSpeech(page, chineseVoice);
	await openArticle(page, docId, lead.title);
	await page.getByRole('button', { name: '朗读' }).click();
	await expect(bar(page)).toBeVisible();

	const header = page.getByRole('article').locator('header');
	await expect.poll(() => saidTexts(page)).toEqual([lead.kicker]);
	await expect(header).toHaveAttribute('data-speaking', 'kicker');
	expect((await lastSaid(page))?.lang).toBe('zh-CN');
	await finishUtterance(page);
	await expect(header).toHaveAttribute('data-speaking', 'title');
	await finishUtterance(page);
	await expect(header).toHaveAttribute('data-speaking', 'subtitle');
	await finishUtterance(page);
	const firstSentence = '本报河东1月4日电 （记者李明远 王思琪）记者4日从河东县统计局获悉，';
	await expect
		.poll(() => saidTexts(page))
		.toEqual([lead.kicker, lead.title, lead.subtitle, firstSentence]);
	const mark = page.locator('mark[data-speech]');
	await expect(mark).toHaveText(firstSentence);
	await expect(header).not.toHaveAttribute('data-speaking');
	expect((await makeAxe().analyze()).violations).toEqual([]);

	// The controls are buttons in Tab order: 上一句, then 暂停.
	await bar(page).getByRole('button', { name: '上一句' }).focus();
	await page.keyboard.press('Tab');
	await expect(bar(page).getByRole('button', { name: '暂停' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(bar(page).getByRole('button', { name: '继续' })).toBeVisible();
	await expect(mark).toHaveText(firstSentence);
	const beforeResume = (await said(page)).length;
	// Resuming says the paused sentence again from its start.
	await bar(page).getByRole('button', { name: '继续' }).click();
	await expect.poll(async () => (await said(page)).length).toBe(beforeResume + 1);
	expect((await lastSaid(page))?.text).toBe(firstSentence);

	await bar(page).getByRole('button', { name: '下一句' }).click();
	const second = '2023年全县地区生产总值（GDP）完成286.4亿元，同比增长6.1%。';
	await expect.poll(async () => (await lastSaid(page))?.text).toBe(second);
	await expect(mark).toHaveText(second);
	await bar(page).getByRole('button', { name: '上一句' }).click();
	await expect.poll(async () => (await lastSaid(page))?.text).toBe(firstSentence);

	await bar(page).getByLabel('语速').selectOption('1.5');
	await expect.poll(async () => (await lastSaid(page))?.rate).toBe(1.5);
	expect((await lastSaid(page))?.text).toBe(firstSentence);

	await bar(page).getByRole('button', { name: '停止' }).click();
	await expect(bar(page)).toBeHidden();
	await expect(mark).toHaveCount(0);
	await expect(page.getByRole('button', { name: '朗读' })).toBeVisible();
});

test('「R」 starts and pauses 朗读 and Esc stops it; typed in a field R stays text', async ({
	page
}) => {
	await fakeSpeech(page, chineseVoice);
	await openArticle(page, docId, lead.title);
	await page.keyboard.press('r');
	await expect(bar(page)).toBeVisible();
	await expect.poll(() => saidTexts(page)).toEqual([lead.kicker]);
	await page.keyboard.press('r');
	await expect(bar(page).getByRole('button', { name: '继续' })).toBeVisible();
	await page.keyboard.press('r');
	await expect(bar(page).getByRole('button', { name: '暂停' })).toBeVisible();
	await expect.poll(() => saidTexts(page)).toEqual([lead.kicker, lead.kicker]);

	await page.keyboard.press('Escape');
	await expect(bar(page)).toBeHidden();
	await expect(page.getByRole('button', { name: '朗读' })).toBeVisible();

	const field = page.getByLabel('搜索', { exact: true });
	await field.focus();
	await page.keyboard.type('r');
	await expect(field).toHaveValue('r');
	await expect(bar(page)).toBeHidden();
	expect(await saidTexts(page)).toEqual([lead.kicker, lead.kicker]);
});

test('朗读 leaves out the byline and reads on into the next article when asked', async ({
	page
}) => {
	await fakeSpeech(page, chineseVoice);
	await openArticle(page, docId, story.title);
	await page.getByRole('button', { name: '朗读' }).click();
	await bar(page).getByLabel('读完接着读下一篇').check();
	await expect.poll(() => saidTexts(page)).toEqual([story.title]);
	await finishUtterance(page);
	// The reporter's line under the title is not read: the body starts with its first sentence.
	await expect
		.poll(() => saidTexts(page))
		.toEqual([story.title, '寒冬时节，走进河东县柳湾村，一排排蔬菜大棚整齐排列。']);
	for (let i = 0; i < 10 && !(await saidTexts(page)).includes(comment.title); i++)
		await finishUtterance(page);
	expect((await saidTexts(page)).join('')).not.toContain('周文');

	// The next article on the page opens, and reading goes on there from its 引题.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(comment.title);
	const texts = await saidTexts(page);
	expect(texts.slice(-2)).toEqual([comment.kicker, comment.title]);
	await expect(bar(page)).toBeVisible();
	await expect(page.getByRole('article').locator('header')).toHaveAttribute(
		'data-speaking',
		'title'
	);
});

test('朗读 stops at the end of the article unless asked to read on', async ({ page }) => {
	await fakeSpeech(page, chineseVoice);
	await openArticle(page, docId, comment.title);
	await page.getByRole('button', { name: '朗读' }).click();
	await expect.poll(() => saidTexts(page)).toEqual([comment.kicker]);
	for (let i = 0; i < 5; i++) await finishUtterance(page);
	await expect(bar(page)).toBeHidden();
	await expect(page.getByRole('button', { name: '朗读' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(comment.title);
	expect(await saidTexts(page)).toEqual([
		comment.kicker,
		comment.title,
		'经济数据不只是冷冰冰的数字，它连着千家万户的饭碗。',
		'增长6.1%，意味着更多就业岗位、更厚实的钱袋子……',
		'稳经济，归根到底是为了惠民生。'
	]);
});

test('the reading position follows what was read aloud', async ({ page }) => {
	await fakeSpeech(page, chineseVoice);
	// The real page's lead article is long: its last paragraph is far below the first.
	const article = expectedDocument(seedId).articles[0];
	await openArticle(page, seedId, article.title);
	await page.getByRole('button', { name: '朗读' }).click();
	const last = page.locator(`[data-paragraph="${article.paragraphs.length - 1}"]`);
	// 下一句, pressed until the last paragraph is being read (in the page: many presses).
	await bar(page).getByRole('button', { name: '下一句' }).waitFor();
	await page.evaluate(async (lastIndex) => {
		const next = [...document.querySelectorAll('button')].find((b) => b.textContent === '下一句')!;
		for (let i = 0; i < 300; i++) {
			if (document.querySelector(`[data-paragraph="${lastIndex}"] mark[data-speech]`)) return;
			next.click();
			await new Promise((resolve) => requestAnimationFrame(resolve));
		}
	}, article.paragraphs.length - 1);
	await expect(last.locator('mark[data-speech]')).toBeInViewport();
	await expect(page.locator('[data-paragraph="0"]')).not.toBeInViewport();

	await page.waitForTimeout(1500); // longer than the position's debounce and its write
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title);
	await expect(last).toBeInViewport();
	await expect(page.locator('[data-paragraph="0"]')).not.toBeInViewport();
});

test('without a Chinese voice the button says so', async ({ page }) => {
	await fakeSpeech(page, [{ name: 'Alex', lang: 'en-US' }]);
	await openArticle(page, docId, lead.title);
	await expect(page.getByRole('button', { name: '此设备没有中文语音' })).toBeDisabled();
	await expect(page.getByRole('button', { name: '朗读', exact: true })).toHaveCount(0);
});

test('where the browser cannot speak there is no 朗读 button', async ({ page }) => {
	await fakeSpeech(page, null);
	await openArticle(page, docId, lead.title);
	await expect(page.getByRole('button', { name: '加书签' })).toBeVisible();
	await expect(page.getByRole('button', { name: /朗读|中文语音/ })).toHaveCount(0);
});
