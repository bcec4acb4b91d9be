/**
 * The parser promises time linear in the input. Each family below is an input shape that once
 * was (or could be) superlinear; it is parsed at two sizes 10× apart and the larger may take at
 * most 20× the CPU time of the smaller. Quadratic code shows 50–100× here; linear families
 * measure 5–14× alone and up to 16× on a machine busy with other work (garbage collection over a
 * larger heap costs a little more than 10×), so the limit sits above that noise, far below ×50.
 */
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, highlightsToMarkdown } from '../state/exchange';
import type { Highlight } from '../state/types';
import { parsePage } from './page';

const SCALE = 10;
const MAX_GROWTH = 20;
/** Each timed sample repeats the work until it has taken this long, so noise does not dominate. */
const MIN_SAMPLE_MS = 20;

/**
 * Collects the garbage earlier families left (vitest starts workers with --expose-gc), so a
 * large sample does not pay for a heap it did not make: that alone pushed a linear family past
 * the limit on a loaded machine.
 */
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => {});

function cpuMs(): number {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
}

/** CPU milliseconds of one `work()`, averaged over a sample of at least MIN_SAMPLE_MS. */
function sampleMs(work: () => void): number {
	const start = cpuMs();
	let runs = 0;
	let elapsed = 0;
	do {
		work();
		runs++;
		elapsed = cpuMs() - start;
	} while (elapsed < MIN_SAMPLE_MS);
	return elapsed / runs;
}

/**
 * How much longer the work takes on the large input than on the small one: best of three
 * samples for the small size; for the large one, further samples only while the ratio is over
 * the limit but near it (a far-over ratio is not noise, and is slow to repeat).
 */
function growth(work: (input: string) => void, small: string, large: string): number {
	collectGarbage();
	work(small); // warm the JIT up
	let smallMs = Infinity;
	for (let i = 0; i < 3; i++)
		smallMs = Math.min(
			smallMs,
			sampleMs(() => work(small))
		);
	let ratio = Infinity;
	// Up to five: on a machine busy with other work one sample of a linear family can land
	// just over the limit, while quadratic code stays far over it on every sample.
	for (let i = 0; i < 5; i++) {
		collectGarbage();
		ratio = Math.min(ratio, sampleMs(() => work(large)) / smallMs);
		if (ratio <= MAX_GROWTH || ratio > 3 * MAX_GROWTH) break;
	}
	return ratio;
}

const parse = (text: string) => void parsePage(text, 'linearity.txt');

/** name → (size → page text) and the small size (the large one is SCALE times it). */
const families: [string, (n: number) => string, number][] = [
	[
		'a stack of identical # titles over one body',
		(n) => '# 标题甲乙\n'.repeat(n) + '正文甲乙丙丁。\n',
		2_000
	],
	[
		'a stack of titles, kickers (##) and dashed subtitles over one body',
		(n) => '## 引题丙丁\n# 主题甲乙\n# ——副题戊己\n'.repeat(n) + '正文甲乙丙丁。\n',
		1_000
	],
	[
		'titles wrapped onto two heading lines, each with its own body',
		(n) => '# 汾河两岸\n# 春意正浓\n本报讯（记者 张三）汾河两岸春意正浓。\n'.repeat(n),
		2_000
	],
	[
		'an article with a long run of # subheads, each over a section of body',
		(n) =>
			'# 茶园提质增效\n本报记者  甲乙\n正文。\n' +
			'# 改良品种，夯实基础\n这一部分的正文写得比较长，有十几个字。\n'.repeat(n),
		1_000
	],
	[
		'a long run of short # lines with no body between them',
		(n) => '# 标题\n本报记者  甲乙\n正文。\n' + '# 东方影院\n'.repeat(n),
		1_000
	],
	[
		'a hard-wrapped body: every printed line its own line, some ending a sentence at the margin',
		(n) =>
			'# 标题\n本报记者  甲乙\n' +
			'入夏以来，青石县老街夜市重\n了水电和垃圾清运，管理规范。\n民游客二十多万人次。\n'.repeat(n),
		2_000
	],
	[
		'citations glued to bylines, padded names and names between middle dots',
		(n) =>
			'《青禾日报》（2025年03月01日第 04 版）本报记者  林  溪\n· 顾远 ·\n正文甲乙。\n'.repeat(n),
		1_000
	],
	[
		'markers that lost a bracket at the edges of long lines',
		(n) => '上接第一版）' + '正文甲乙，'.repeat(n) + '（下转第　　二版',
		20_000
	],
	[
		'one long line of unclosed citations and 民國 years',
		(n) => '《青禾日报》（2025年03月01日 民國四十五年十一月'.repeat(n),
		2_000
	],
	['ASCII spaces inside a marker: (转     x版', (n) => '(转' + ' '.repeat(n) + 'x版', 5_000],
	[
		'full-width spaces around 第 inside a marker: （下转　　第　　版',
		(n) => '正文（下转' + '\u3000'.repeat(n) + '第' + '\u3000'.repeat(n) + '版）',
		5_000
	],
	[
		'a line of many markers',
		(n) => '# 标题\n' + '汾河（下转 第 3 版）两岸（上接第A2版）'.repeat(n),
		1_000
	],
	[
		'bylines in parentheses opening every paragraph',
		(n) => '# 标题\n' + '本报讯（记者 张三 通讯员 李四）3月7日，全市召开会议。\n'.repeat(n),
		2_000
	],
	[
		'byline lines before every paragraph',
		(n) => '# 标题\n' + '本报记者 张三 通讯员 李四\n汾河两岸春意浓。\n'.repeat(n),
		2_000
	],
	[
		'photo captions',
		(n) => '# 标题\n正文。\n' + '图为汾河岸边的护林员在巡山。 本报记者 张三 摄\n'.repeat(n),
		2_000
	],
	[
		'kickers and subtitles around every title',
		(n) => '汾河两岸\n# 春意正浓\n——记护林员\n本报讯（记者 张三）正文。\n'.repeat(n),
		1_000
	],
	[
		'page-header lines one after another',
		(n) => '太行日报 2022年3月8日 星期二 第1版\n'.repeat(n) + '# 标题\n正文。',
		2_000
	],
	[
		'one long run of cinema listings and ads (one block run)',
		(n) =>
			'# 标题\n本报讯 正文。\n' +
			'# 大华戏院\n# 片名\n每日四场  二时半  五时半\n# 诊所\n地址：北街  电话：一二三\n'.repeat(n),
		1_000
	],
	[
		'articles and listings alternating (a block run after every article)',
		(n) => '# 标题\n本报讯 正文。\n# 大华戏院\n每日四场  二时半  五时半\n'.repeat(n),
		// 1,000 repeats fit in the CPU's caches (15 µs each against 22–28 µs from 4,000 on,
		// flat to 32,000): start where the cost per repeat has settled
		4_000
	],
	[
		'heading stacks whose body went to their top title (one enclosing run)',
		(n) => '# 大华戏院\n# 今日献映\n# 启事\n敝号迁址营业，特此敬告。\n'.repeat(n),
		1_000
	],
	['one line (1 MB, then 10 MB)', (n) => '汾河水清，（转 第 版）图 摄 '.repeat(n), 1_000_000 / 16],
	['short lines (100 K, then a million)', (n) => '# 标题\n' + '汾河，\n'.repeat(n), 100_000]
];

describe('the parser takes time linear in its input', () => {
	for (const [name, page, size] of families) {
		it(name, () => {
			expect(growth(parse, page(size), page(size * SCALE))).toBeLessThan(MAX_GROWTH);
		});
	}

	it('16,000 stacked titles (once out of memory) still read as the one wrapped title', () => {
		const doc = parsePage('# 标题甲乙\n'.repeat(16_000) + '正文甲乙丙丁。\n', 'stack.txt');
		expect(doc.articles).toHaveLength(1);
		expect(doc.articles[0].title).toBe(Array(16_000).fill('标题甲乙').join(' '));
		expect(doc.articles[0].lines).toEqual([1, 16_001]);
		expect(doc.articles[0].paragraphs).toEqual(['正文甲乙丙丁。']);
	});

	it('a file name that is a long run of dashes', () => {
		const name = (n: number) => 'a' + '-'.repeat(n) + 'b.txt';
		const parseNamed = (source: string) => void parsePage('# 标题\n正文。', source);
		expect(growth(parseNamed, name(5_000), name(5_000 * SCALE))).toBeLessThan(MAX_GROWTH);
	});
});

describe('Markdown export takes time linear in the notes', () => {
	it('a line of line separators before a list mark', () => {
		const line = (n: number) => '\u2028'.repeat(n) + 'x';
		const escape = (text: string) => void escapeMarkdown(text);
		expect(growth(escape, line(5_000), line(5_000 * SCALE))).toBeLessThan(MAX_GROWTH);
	});

	it('a citation with a long run of line breaks inside', () => {
		const highlight: Highlight = {
			id: 'h1',
			docId: 'd',
			articleId: 'a',
			color: 'yellow',
			note: '',
			anchor: { paragraph: 0, start: 0, end: 2, quote: '汾河', prefix: '', suffix: '' },
			createdAt: 1,
			updatedAt: 1
		};
		// the paper's name comes from an imported page: untrusted
		const paper = (n: number) => 'x' + '\n'.repeat(n) + 'y';
		const exportWith = (name: string) =>
			void highlightsToMarkdown([highlight], () => ({
				page: {
					source: 'p.txt',
					page: { paper: name, date: null, pageNumber: null, pageName: null }
				}
			}));
		expect(growth(exportWith, paper(5_000), paper(5_000 * SCALE))).toBeLessThan(MAX_GROWTH);
	});
});
