import { describe, expect, it } from 'vitest';
import { parsePage } from '../parse/page';
import {
	MAX_UTTERANCE,
	readingPlan,
	sentenceAt,
	subheadTextStart,
	type ReadablePart
} from './plan';

const part = (fields: Partial<ReadablePart>): ReadablePart => ({
	kicker: null,
	title: null,
	subtitle: null,
	paragraphs: [],
	subheads: [],
	...fields
});

const said = (parts: ReadablePart[]) => readingPlan(parts).map((s) => s.text);

describe('readingPlan', () => {
	it('reads kicker, title and subtitle, then the body sentence by sentence', () => {
		const article = part({
			kicker: '春耕时节',
			title: '汾河春早',
			subtitle: '——记太原春耕一线',
			paragraphs: ['春水初生。燕子回来了！', '田里忙起来了。']
		});
		expect(said([article])).toEqual([
			'春耕时节',
			'汾河春早',
			'——记太原春耕一线',
			'春水初生。',
			'燕子回来了！',
			'田里忙起来了。'
		]);
		expect(readingPlan([article]).slice(3)).toEqual([
			{ part: 0, block: 'body', paragraph: 0, start: 0, end: 5, text: '春水初生。' },
			{ part: 0, block: 'body', paragraph: 0, start: 5, end: 11, text: '燕子回来了！' },
			{ part: 0, block: 'body', paragraph: 1, start: 0, end: 7, text: '田里忙起来了。' }
		]);
	});

	it('reads subheads without their numbering, marking only their words', () => {
		const article = part({
			paragraphs: ['一、坚持问题导向', '正文。', '（二）狠抓落实', '3. 久久为功', '2.5亿元投入。'],
			subheads: [0, 2, 3]
		});
		const plan = readingPlan([article]);
		expect(plan.map((s) => s.text)).toEqual([
			'坚持问题导向',
			'正文。',
			'狠抓落实',
			'久久为功',
			'2.5亿元投入。'
		]);
		expect(plan[0]).toMatchObject({ paragraph: 0, start: 2, end: 8 });
		expect(plan[3]).toMatchObject({ paragraph: 3, start: 3 });
	});

	it('leaves out bylines and continuation markers', () => {
		const article = part({
			title: '汾河春早',
			paragraphs: ['春水初生。(下转第2版)', '（记者 张三 通讯员 李四）', '本报记者沈某任某黄某']
		});
		expect(said([article])).toEqual(['汾河春早', '春水初生。']);
	});

	it('does not say the closing （完） or （待续） that ends an article', () => {
		const article = part({
			title: '汾河春早',
			paragraphs: ['春水初生，候鸟归来。（完）', '下期再叙。(待续)', '（完）']
		});
		expect(said([article])).toEqual(['汾河春早', '春水初生，候鸟归来。', '下期再叙。']);
	});

	it('reads a parsed page without its byline, caption or marker', () => {
		const doc = parsePage(
			'# 汾河春早\n\n本报记者 张三\n\n春水初生，燕子回来了。\n\n图为春耕现场。(新华社发)\n\n田里忙起来了。(下转第2版)',
			'page.txt',
			{ paper: '青川日报', date: '2023-04-12', page: 1 }
		);
		const spoken = said([doc.articles[0]]).join('');
		expect(spoken).toContain('汾河春早');
		expect(spoken).toContain('田里忙起来了。');
		expect(spoken).not.toMatch(/张三|下转|图为/);
	});

	it('reads only the body of a continuation, each sentence tagged with its part', () => {
		const start = part({ title: '汾河春早', paragraphs: ['春水初生。'] });
		const continuation = part({ title: '汾河春早', paragraphs: ['田里忙起来了。'] });
		const plan = readingPlan([start, continuation]);
		expect(plan.map((s) => [s.part, s.text])).toEqual([
			[0, '汾河春早'],
			[0, '春水初生。'],
			[1, '田里忙起来了。']
		]);
	});

	it('says a long sentence in pieces broken after its clauses', () => {
		const clause = '这是一个很长的分句用来试一试';
		const long = Array.from({ length: 10 }, () => clause).join('，') + '。';
		const unbroken = '长'.repeat(MAX_UTTERANCE * 2 + 5) + '。';
		const plan = readingPlan([part({ paragraphs: [long, unbroken] })]);
		const first = plan.filter((s) => s.paragraph === 0);
		expect(first.length).toBeGreaterThan(1);
		expect(first.map((s) => s.text).join('')).toBe(long);
		for (const piece of first.slice(0, -1)) expect(piece.text.endsWith('，')).toBe(true);
		for (const piece of plan) expect(piece.end - piece.start).toBeLessThanOrEqual(MAX_UTTERANCE);
		expect(plan.filter((s) => s.paragraph === 1).map((s) => s.end - s.start)).toEqual([
			MAX_UTTERANCE,
			MAX_UTTERANCE,
			6
		]);
	});

	it('says nothing for an article with nothing to say', () => {
		expect(readingPlan([part({ paragraphs: ['', '……'] })])).toEqual([]);
	});
});

describe('subheadTextStart', () => {
	it('skips the numbering only when words follow it', () => {
		expect(subheadTextStart('一、坚持')).toBe(2);
		expect(subheadTextStart('(4) 坚持')).toBe(4);
		expect(subheadTextStart('十一．坚持')).toBe(3);
		expect(subheadTextStart('一、')).toBe(0);
		expect(subheadTextStart('一带一路')).toBe(0);
		expect(subheadTextStart('2.5亿元')).toBe(0);
	});
});

describe('sentenceAt', () => {
	const plan = readingPlan([
		part({ title: '汾河春早', paragraphs: ['春水初生。燕子回来了！', '田里忙起来了。'] }),
		part({ paragraphs: ['续完。'] })
	]);

	it('starts at the sentence holding the reading position', () => {
		expect(plan[sentenceAt(plan, { part: 0, paragraph: 0, offset: 6 })].text).toBe('燕子回来了！');
		expect(plan[sentenceAt(plan, { part: 0, paragraph: 0, offset: 5 })].text).toBe('燕子回来了！');
		expect(plan[sentenceAt(plan, { part: 0, paragraph: 1, offset: 0 })].text).toBe(
			'田里忙起来了。'
		);
		expect(plan[sentenceAt(plan, { part: 1, paragraph: 0, offset: 1 })].text).toBe('续完。');
	});

	it('starts from the top, title included, at the top or past the end', () => {
		expect(sentenceAt(plan, { part: 0, paragraph: 0, offset: 0 })).toBe(0);
		expect(sentenceAt(plan, { part: 5, paragraph: 0, offset: 0 })).toBe(0);
	});
});
