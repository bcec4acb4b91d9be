import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePage } from './index';
import { accountingErrors } from './testing.spec-helpers';

const RUNS = process.env.CI ? 10_000 : 400;

// Ordinary prose characters: none of them can start a dispatch, caption or enumerator.
const HAN =
	'汾河水清岸绿春风吹过古镇田野农民忙着播种湿地候鸟飞来城市街道社区居民服务企业园区发展生态保护治理工作推进会议强调要求落实建设项目';
const han = (min: number, max: number) =>
	fc.string({ unit: fc.constantFrom(...HAN), minLength: min, maxLength: max });
const latin = fc.constantFrom('PM2.5', 'GDP', '5G', '5.2%', 'A级', '12月3日', '7日', '3.5万吨');
const clause = fc
	.tuple(han(1, 8), fc.option(latin, { nil: '' }), han(0, 6))
	.map(([a, b, c]) => a + b + c);
const sentenceEnd = fc.constantFrom('。', '！', '？', '……', '。”', '！”', '：', '.', '?');
const sentence = fc
	.tuple(
		fc.array(clause, { minLength: 1, maxLength: 4 }),
		fc.constantFrom('，', ',', '、'),
		sentenceEnd
	)
	.map(([clauses, comma, end]) => clauses.join(comma) + end);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(''));

/** A paragraph's lines, perhaps cut by column breaks anywhere (mid-word, before quotes…). */
const brokenParagraph = fc
	.tuple(paragraph, fc.array(fc.nat(), { maxLength: 3 }), fc.constantFrom('', '“', '"'))
	.map(([text, cuts, quote]) => {
		const withQuote = quote && text.length > 4 ? text.slice(0, 3) + quote + text.slice(3) : text;
		const positions = [
			...new Set(cuts.map((c) => 1 + (c % Math.max(1, withQuote.length - 1))))
		].sort((a, b) => a - b);
		const lines: string[] = [];
		let last = 0;
		for (const p of positions) {
			lines.push(withQuote.slice(last, p));
			last = p;
		}
		lines.push(withQuote.slice(last));
		return lines.filter((l) => l.trim().length > 0);
	});

const name = han(2, 3);
const bylineLead = fc
	.tuple(
		fc.constantFrom(
			'本报讯（记者 ',
			'本报讯(记者 ',
			'新华社北京3月7日电(记者 ',
			'本报讯(太行日报记者 '
		),
		name,
		fc.option(name, { nil: undefined }),
		fc.option(name, { nil: undefined }),
		paragraph
	)
	.map(([opening, a, b, c, text]) => {
		const close = opening.includes('（') ? '）' : ')';
		return `${opening}${a}${b ? ' ' + b : ''}${c ? ' 通讯员 ' + c : ''}${close}${text}`;
	});

const furnitureLine = fc.oneof(
	fc.constant('太行日报 2022年3月8日 第1版'),
	fc.constant('2022年3月8日 星期二  要闻  2'),
	name.map((n) => `本版责编:${n} 美编:${n}`),
	fc.tuple(paragraph, name).map(([t, n]) => `图为${t} 本报记者 ${n} 摄`),
	name.map((n) => `□ 本报记者 ${n}`),
	fc.constantFrom('(下转第3版)', '（上接第1版）', '（下转第2版）'),
	fc.constantFrom(
		'一、坚持问题导向',
		'（二）强化系统治理',
		'1.加强监测；',
		'<script>alert(1)</script>'
	),
	fc.string({ unit: 'binary', maxLength: 20 }),
	fc.constantFrom('   ', '\t', '\u3000', '#', '## ', '### 标题 ###'),
	fc.constantFrom(
		'![图为汾河](photo.jpg)',
		'---',
		'* * *',
		'**坚持问题导向**',
		'### 一、坚持问题导向',
		'## ——记汾河岸边的护林员',
		'晋南日报',
		'图表：主要经济指标　制图：孙莉',
		'（记者 张三 通讯员 李四）',
		'（完）',
		'本报讯 记者张三报道：6月2日，荷花节开幕。',
		'本报北京3月7日电 （记者李四）全国',
		'一是延长开放时间；',
		'〔下转第三版〕'
	),
	paragraph.map((p) => '\u3000\u3000' + p),
	paragraph.map((p) => '  ' + p)
);

const heading = fc
	.tuple(fc.integer({ min: 1, max: 4 }), han(2, 14), fc.constantFrom(' ', '  ', '\t'))
	.map(([level, title, gap]) => '#'.repeat(level) + gap + title);

const block = fc.oneof(
	{ weight: 3, arbitrary: brokenParagraph },
	{ weight: 2, arbitrary: bylineLead.map((l) => [l]) },
	{ weight: 2, arbitrary: heading.map((h) => [h]) },
	{ weight: 1, arbitrary: han(4, 20).map((k) => [k]) }, // kicker/subtitle-like line
	{ weight: 2, arbitrary: furnitureLine.map((l) => [l]) },
	{
		weight: 1,
		arbitrary: fc
			.tuple(paragraph, fc.constantFrom('(下转第3版)', '（上接第1版）'), fc.boolean())
			.map(([p, m, before]) => [before ? m + p : p + m])
	}
);

const page = fc
	.record({
		bom: fc.boolean(),
		eol: fc.constantFrom('\n', '\r\n', '\r'),
		blocks: fc.array(block, { maxLength: 14 }),
		gaps: fc.array(fc.constantFrom('', '\n', '  \n', '\n\n'), { minLength: 40, maxLength: 40 }),
		finalNewline: fc.boolean()
	})
	.map(({ bom, eol, blocks, gaps, finalNewline }) => {
		const lines: string[] = [];
		blocks.flat().forEach((line, i) => {
			lines.push(line);
			const gap = gaps[i % gaps.length];
			if (gap) lines.push(...gap.split('\n').slice(0, -1));
		});
		const text = lines.join('\n').replace(/\n/g, eol) + (finalNewline ? eol : '');
		return (bom ? '\ufeff' : '') + text;
	});

describe('parsePage guarantees over generated pages', () => {
	it('accounts for every non-whitespace character exactly once (lossless)', () => {
		fc.assert(
			fc.property(page, (text) => {
				const doc = parsePage(text, 'generated.txt');
				expect(accountingErrors(text, doc)).toEqual({});
			}),
			{ numRuns: RUNS }
		);
	});

	it('gives distinct URL-safe article ids, trimmed non-empty paragraphs and sane line spans', () => {
		fc.assert(
			fc.property(page, (text) => {
				const doc = parsePage(text, 'generated.txt');
				const ids = doc.articles.map((a) => a.id);
				expect(new Set(ids).size).toBe(ids.length);
				for (const a of doc.articles) {
					expect(a.id).toMatch(/^[A-Za-z0-9_-]+$/);
					for (const p of a.paragraphs) {
						expect(p.length).toBeGreaterThan(0);
						expect(p).toBe(p.trim());
					}
					expect(a.lines[0]).toBeLessThanOrEqual(a.lines[1]);
					if (a.continuedTo !== null) expect(a.continued).toBe(true);
				}
			}),
			{ numRuns: Math.ceil(RUNS / 4) }
		);
	});

	it('rejoins a paragraph cut by a column break anywhere but between sentences', () => {
		const cutParagraph = fc
			.tuple(han(1, 12), han(1, 12), fc.constantFrom('', '，', '“', '、'), han(1, 12))
			.map(([a, b, mark, c]) => {
				const text = `${a}${b}${mark}${c}。`;
				return { text, cut: a.length + (mark === '“' ? b.length : 0) };
			});
		fc.assert(
			fc.property(
				paragraph,
				cutParagraph,
				fc.constantFrom('\n\n', '\n', '\n \n'),
				(lead, p, gap) => {
					const source = `# 标题\n\n${lead}\n\n${p.text.slice(0, p.cut)}${gap}${p.text.slice(p.cut)}`;
					const [article] = parsePage(source, 't.txt').articles;
					expect(article.paragraphs).toEqual([lead, p.text]);
				}
			),
			{ numRuns: Math.ceil(RUNS / 4) }
		);
	});

	it('pairs stacked titles with their bodies by content, whatever order the bodies take', () => {
		// Two topics with no character in common (HAN has 民 twice), so content alone decides.
		const distinct = [...new Set(HAN)].join('');
		const halves = [distinct.slice(0, 30), distinct.slice(30)];
		const topic = (pool: string) => {
			const chars = fc.constantFrom(...pool);
			const word = fc.string({ unit: chars, minLength: 2, maxLength: 3 });
			return fc
				.tuple(fc.array(word, { minLength: 2, maxLength: 3 }), fc.integer({ min: 1, max: 3 }))
				.chain(([words, count]) =>
					fc
						.array(
							fc
								.tuple(fc.constantFrom(...words), fc.string({ unit: chars, maxLength: 10 }))
								.map(([w, filler]) => `${filler}${w}${filler.slice(0, 3)}。`),
							{ minLength: count, maxLength: count }
						)
						.map((paragraphs) => ({ title: words.join(''), paragraphs }))
				);
		};
		fc.assert(
			fc.property(
				topic(halves[0]),
				topic(halves[1]),
				fc.boolean(),
				fc.boolean(),
				(a, b, swap, bylines) => {
					const body = (t: { paragraphs: string[] }, n: string) =>
						(bylines
							? [`本报讯(记者 ${n})${t.paragraphs[0]}`, ...t.paragraphs.slice(1)]
							: t.paragraphs
						).join('\n\n');
					const bodies = swap ? [body(b, '乙'), body(a, '甲')] : [body(a, '甲'), body(b, '乙')];
					const source = `## ${a.title}\n\n## ${b.title}\n\n${bodies.join('\n\n')}\n`;
					const doc = parsePage(source, 't.txt');
					expect(doc.articles.map((x) => x.title)).toEqual(
						swap ? [b.title, a.title] : [a.title, b.title]
					);
					const byTitle = new Map(doc.articles.map((x) => [x.title, x.paragraphs.join('')]));
					expect(byTitle.get(a.title)).toContain(a.paragraphs[a.paragraphs.length - 1]);
					expect(byTitle.get(b.title)).toContain(b.paragraphs[b.paragraphs.length - 1]);
				}
			),
			{ numRuns: Math.ceil(RUNS / 4) }
		);
	});
});
