import type { Page } from '@playwright/test';
import { test, expect, go, storedKeys } from './fixtures';

// A story continued on another page of the library reads as one in the article view. The test
// pages: 石门县数字经济跑出加速度 breaks off on page 2 of 青川日报 2023-04-12 (下转第3版) and
// ends on page 3 (上接第2版) in one paragraph.
const title = '石门县数字经济跑出加速度';
const pageTwo = '002_qingchuan_2023-04-12_p2';
const pageThree = '003_qingchuan_2023-04-12_p3';
const articleId = 'a6udq1ne9ij8';
const ending =
	'区域算力中心。园区还与省内三所高校共建人才实训基地，今年计划培训数字技能人才2000人次。';

/** Opens the story from its page's list of articles, as a reader would. */
async function openFrom(page: Page, docId: string) {
	await page.goto(`./#/doc/${docId}`);
	await page.getByRole('list', { name: '本版文章' }).getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

/** The text of part `part` of the story shown (0 the opened article, 1 its continuation). */
const partText = (page: Page, part: number) => page.locator(`[data-part="${part}"]`);

/** Selects `length` characters of one paragraph of one part, like a reader would. */
async function selectText(page: Page, part: number, paragraph: number, length: number) {
	await page.evaluate(
		([part, paragraph, length]) => {
			const p = document.querySelector(`[data-part="${part}"] [data-paragraph="${paragraph}"]`)!;
			const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
			const range = document.createRange();
			range.setStart(node, 0);
			range.setEnd(node, length);
			const selection = document.getSelection()!;
			selection.removeAllRanges();
			selection.addRange(range);
		},
		[part, paragraph, length]
	);
}

/** Whether the page view lists the story's article on page `docId` as read. */
async function listedAsRead(page: Page, docId: string) {
	await go(page, `#/doc/${docId}`);
	const item = page
		.getByRole('list', { name: '本版文章' })
		.getByRole('listitem')
		.filter({ has: page.getByRole('link', { name: title }) });
	await expect(item).toBeVisible();
	return item.getByText('已读', { exact: true }).isVisible();
}

test('the continuation follows the last paragraph under 「接第3版」, which links to page 3', async ({
	page,
	makeAxe
}) => {
	await openFrom(page, pageTwo);
	const divider = page.getByRole('heading', { name: '接第3版' });
	await expect(divider).toBeVisible();
	await expect(partText(page, 1)).toHaveText(ending);

	const lastParagraph = partText(page, 0).locator('[data-paragraph]').last();
	await expect(lastParagraph).toHaveText('园区负责人表示，下一步将围绕算力服务补链强链，打造');
	const [last, rule, rest] = await Promise.all(
		[lastParagraph, divider, partText(page, 1)].map((l) => l.boundingBox())
	);
	expect(last!.y + last!.height, 'the divider comes after the last paragraph').toBeLessThan(
		rule!.y
	);
	expect(rule!.y + rule!.height, 'the continuation comes after the divider').toBeLessThan(rest!.y);
	expect((await makeAxe().analyze()).violations).toEqual([]);

	await divider.getByRole('link').click();
	await expect(page).toHaveURL(new RegExp(`#/doc/${pageThree}$`));
	await expect(page.getByRole('link', { name: title })).toBeVisible();
});

test('opened on its own page, the continuation offers 「从头读」, back to the story’s start', async ({
	page,
	makeAxe
}) => {
	await openFrom(page, pageThree);
	await expect(partText(page, 0)).toHaveText(ending);
	await expect(page.getByRole('heading', { name: /^接第/ })).toHaveCount(0);
	expect((await makeAxe().analyze()).violations).toEqual([]);

	await page.getByRole('link', { name: '从头读' }).click();
	await expect(page).toHaveURL(new RegExp(`#/doc/${pageTwo}/`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByRole('link', { name: '从头读' })).toHaveCount(0);
	await expect(partText(page, 1)).toHaveText(ending);
});

test('a highlight made in the continuation is that article’s, kept after a reload', async ({
	page
}) => {
	await openFrom(page, pageTwo);
	const quote = ending.slice(0, 6);
	await selectText(page, 1, 0, 6);
	await page.getByRole('button', { name: '用黄色划线' }).click();
	await expect(partText(page, 1).locator('mark[data-highlight]')).toHaveText(quote);
	await expect(partText(page, 0).locator('mark[data-highlight]')).toHaveCount(0);

	await page.reload();
	await expect(partText(page, 1).locator('mark[data-highlight]')).toHaveText(quote);

	// on its own page the continuation is the article opened, with the highlight in it
	await openFrom(page, pageThree);
	await expect(partText(page, 0).locator('mark[data-highlight]')).toHaveText(quote);
});

/** Scrolls as `scroll` does until the article of page `docId` is stored as read. */
async function readUntilMarked(page: Page, docId: string, scroll: () => Promise<unknown>) {
	// again if the view was still being put in its place when the reader scrolled; a short
	// page may not move at all, but the reader's scroll is still the moment the place is read
	await expect(async () => {
		await scroll();
		await page.evaluate(() => window.dispatchEvent(new Event('scroll')));
		expect(await storedKeys(page, 'reads')).toContain(`${docId},${articleId}`);
	}).toPass();
}

test('each part is marked read once it has been read', async ({ page }) => {
	await openFrom(page, pageTwo);
	await expect(partText(page, 1)).toHaveText(ending);
	// Read as far as the first part's end: the continuation starts just below the view.
	await readUntilMarked(page, pageTwo, () =>
		page
			.locator('[data-part-start]')
			.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + scrollY - innerHeight))
	);
	expect(await listedAsRead(page, pageTwo)).toBe(true);
	expect(await listedAsRead(page, pageThree)).toBe(false);

	await openFrom(page, pageTwo);
	await expect(partText(page, 1)).toHaveText(ending);
	await readUntilMarked(page, pageThree, () =>
		page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
	);
	expect(await listedAsRead(page, pageThree)).toBe(true);
});

test('a search hit in the continuation is stepped to like any other', async ({ page }) => {
	await page.goto(`./#/doc/${pageTwo}`);
	const href = await page
		.getByRole('list', { name: '本版文章' })
		.getByRole('link', { name: title })
		.getAttribute('href');
	// 园区 occurs twice on page 2 and once in the continuation on page 3
	await page.goto(`./${href}/${encodeURIComponent('园区')}`);
	const hits = page.locator('mark[data-hit]');
	await expect(hits).toHaveCount(3);
	await expect(page.getByText('第 1/3 处')).toBeVisible();

	// back from the first hit is the last, in the continuation
	await page.keyboard.press('Shift+Enter');
	await expect(page.getByText('第 3/3 处')).toBeVisible();
	const current = partText(page, 1).locator('mark.hl-hit-current');
	await expect(current).toHaveText('园区');
	await expect(current).toBeInViewport();
});

// A continuation long enough to read in: the story of page 1 goes on for fourteen paragraphs.
const rest = [
	'开放第一周，书房每天接待读者两百多人次，其中不少是放学后来写作业的孩子。',
	'街道工作人员介绍，书房由社区志愿者轮流值守，每天早上八点开门，晚上九点闭馆。',
	'附近的退休教师王老师每周三下午在这里给孩子们讲故事，已经坚持了一个多月。',
	'书房的图书一部分来自区图书馆的流动书库，一部分是街坊们自发捐赠的旧书。',
	'为了方便老人阅读，书房专门准备了老花镜和大字版图书，还开设了读报角。',
	'不少年轻人也被这里安静的环境吸引，周末常常一座难求，需要提前预约座位。',
	'社区还计划在书房开设手工课和摄影讲座，让老街的老手艺和老故事有人传承。',
	'改造中拆下的旧秤和粮票被摆进了书房一角的展柜，成了孩子们最爱看的展品。',
	'街坊李阿姨说，以前这里大门紧锁，如今每天路过都能看见灯光和读书的人。',
	'区文旅部门表示，将总结这间书房的经验，在更多闲置的老建筑里建设社区书房。',
	'据统计，全区今年已建成社区书房十二间，累计接待读者超过五万人次。',
	'下一步，书房还将与附近的学校合作，开设周末阅读课和假期读书营。',
	'书房门口的留言板上贴满了便签，有人写道：谢谢你们，让老街有了书香。',
	'夜幕降临，老粮站的窗户里透出暖黄的灯光，街坊们说，这是老街最好看的风景。'
];
const longStory = {
	title: '老街巷里的新书房',
	one: `松溪晚报 2024年9月3日 第1版

# 老街巷里的新书房

本报讯（记者 林岚）城东老街的一间旧粮站，经过半年改造，日前变成了向街坊开放的社区书房。

书房保留了粮站的木梁和青砖墙，新添了三千多册图书和四十个座位。（下转第2版）
`,
	two: `松溪晚报 2024年9月3日 第2版

# 老街巷里的新书房

（上接第1版）

${rest.join('\n\n')}
`
};

async function paste(page: Page, name: string, text: string) {
	await page.getByRole('button', { name: '导入', exact: true }).click();
	if (!(await page.getByLabel('版面文本').isVisible()))
		await page.getByText('粘贴文本导入').click();
	await page.getByLabel('名称').fill(name);
	await page.getByLabel('版面文本').fill(text);
	await page.getByRole('button', { name: '导入粘贴的文本' }).click();
	await expect(page.getByRole('status').filter({ hasText: `已导入「${name}」` })).toBeVisible();
}

test('the place read to inside the continuation is where the story opens again', async ({
	page
}) => {
	await page.goto('./#/');
	await paste(page, '书房一版', longStory.one);
	await paste(page, '书房二版', longStory.two);
	await page
		.getByRole('region', { name: '松溪晚报 · 2024年9月3日' })
		.getByRole('link', { name: /第1版/ })
		.click();
	await page
		.getByRole('list', { name: '本版文章' })
		.getByRole('link', { name: longStory.title })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(longStory.title);

	const target = partText(page, 1).locator('[data-paragraph="2"]');
	await expect(target).toHaveText(rest[2]);
	const top = () => target.evaluate((el) => el.getBoundingClientRect().top);
	// saved under the continuation's own article, on page 2
	const continuation = (await page
		.getByRole('heading', { name: '接第2版' })
		.getByRole('link')
		.getAttribute('href'))!.replace(/^#\/doc\//, '');
	// (again if the view was still being put in its place when the reader scrolled)
	await expect(async () => {
		await target.evaluate((el) =>
			window.scrollTo(0, el.getBoundingClientRect().top + scrollY - 70)
		);
		expect(Math.abs((await top()) - 70)).toBeLessThan(2);
		const saved = await storedKeys(page, 'positions');
		expect(saved.some((key) => key.startsWith(`${continuation},`))).toBe(true);
	}).toPass();

	await page.reload();
	await expect(target).toHaveText(rest[2]);
	await expect.poll(async () => Math.abs((await top()) - 70)).toBeLessThan(30);
});
