import { describe, expect, it } from 'vitest';
import { parsePage } from './page';
import { accountingErrors } from './testing.spec-helpers';

const parse = (text: string) => {
	const doc = parsePage(text, 'subheads.md');
	expect(accountingErrors(text, doc)).toEqual({});
	return doc;
};
const titles = (text: string) => parse(text).articles.map((a) => a.title);

describe('subheads marked as headings', () => {
	it('keeps a heading inside a bylined article as a subhead paragraph, in place', () => {
		const [a, ...rest] = parse(
			'# 茶园提质增效\n本报记者  甲乙\n第一段正文。\n# 改良品种，夯实基础\n第二部分正文写得比较长，有十几个字。'
		).articles;
		expect(rest).toEqual([]);
		expect(a.paragraphs).toEqual([
			'本报记者  甲乙',
			'第一段正文。',
			'改良品种，夯实基础',
			'第二部分正文写得比较长，有十几个字。'
		]);
		expect(a.subheads).toEqual([2]);
	});

	it('starts a new article at a heading followed by a byline or dispatch line', () => {
		expect(
			titles(
				'# 甲文\n本报记者  甲乙\n正文。\n# 乙文\n本报讯（记者 丙丁）乙的正文。\n# 丙文\n本报记者  戊己\n丙的正文。'
			)
		).toEqual(['甲文', '乙文', '丙文']);
	});

	it('does not take a run of short headings without body sentences as subheads', () => {
		const doc = parse('# 甲文\n本报记者  甲乙\n正文。\n# 东方影院\n# 红星影院\n# 工人俱乐部');
		expect(doc.articles[0].subheads).toEqual([]);
		// nor as articles: with no prose between them they are a block of their own
		expect(doc.articles.map((a) => a.title)).toEqual(['甲文']);
		expect(doc.blocks?.map((b) => b.text)).toEqual(['东方影院\n红星影院\n工人俱乐部']);
	});

	it('does not take a heading over a box or an ad as a subhead', () => {
		const doc = parse(
			'# 甲文\n本报记者  甲乙\n正文。\n# 天气预报\n今天  多云转晴  东北风3级  12℃～21℃\n明天  晴  北风2级  10℃～20℃\n后天  晴转多云  微风  11℃～22℃'
		);
		expect(doc.articles.map((a) => a.title)).toEqual(['甲文']);
		expect(doc.articles[0].subheads).toEqual([]);
		expect(doc.blocks?.map((b) => b.kind)).toEqual(['other']);
	});

	it('starts a new item at a heading whose lead opens with its own first words', () => {
		const doc = parse(
			'# 甲文\n本报记者  甲乙\n正文。\n# 社区食堂受欢迎\n社区食堂开业一个月，每天接待老人三百多人次。'
		);
		expect(doc.articles.map((a) => a.title)).toEqual(['甲文', '社区食堂受欢迎']);
	});

	it('starts a new item at a heading over a box label or over text closed by its authors', () => {
		expect(
			titles(
				'# 甲文\n本报记者  甲乙\n正文。\n# 菜市场里的公平秤\n【编辑点评】\n一杆公平秤，称的是分量，更是人心。'
			)
		).toEqual(['甲文', '菜市场里的公平秤']);
		const doc = parse(
			'# 甲文\n本报记者  甲乙\n正文。\n# 街角花园添新绿\n居民在街角空地上种下了三百多株花苗。\n张晓  李明远  王芳\n# 丙文\n本报记者  戊己\n丙的正文。'
		);
		expect(doc.articles.map((a) => [a.title, a.reporters])).toEqual([
			['甲文', ['甲乙']],
			['街角花园添新绿', ['张晓', '李明远', '王芳']],
			['丙文', ['戊己']]
		]);
	});

	it('keeps headings as titles on a page whose articles open without bylines', () => {
		expect(
			titles('# 甲地植树\n近日，甲地植树万株。\n# 乙地修路\n日前，乙地新修公路十里。')
		).toEqual(['甲地植树', '乙地修路']);
	});

	it('takes a less prominent heading of parallel shape as a subhead even without a byline', () => {
		const [a] = parse(
			'# 甲地植树\n近日，甲地植树万株。\n## 选好树种，种好树苗\n今年选的是本地树种，栽下去成活率高。'
		).articles;
		expect(a.subheads).toEqual([1]);
		expect(
			titles(
				'# 甲地植树\n近日，甲地植树万株。\n## 乙地修路\n日前，乙地新修公路十里，方便群众出行。'
			)
		).toEqual(['甲地植树', '乙地修路']);
	});

	it('does not take a heading over a short item as a subhead', () => {
		expect(titles('# 甲文\n本报记者  甲乙\n正文。\n# 乙文\n乙文很短。')).toEqual(['甲文', '乙文']);
	});

	it('lists a numbered heading inside a body as a subhead', () => {
		const [a] = parse('# 甲文\n正文。\n### 一、坚持问题导向\n后文。').articles;
		expect(a.subheads).toEqual([1]);
	});

	it('starts a new article after a (下转…) marker or under a column label', () => {
		expect(
			titles('# 甲文\n本报记者  甲乙\n正文（下转第2版）\n# 乙文\n乙的正文写得比较长，有十几个字。')
		).toEqual(['甲文', '乙文']);
		expect(
			titles(
				'# 甲文\n本报记者  甲乙\n正文。\n## 短评：字符就是字符\n评论的正文写得比较长，有十几个字。'
			)
		).toEqual(['甲文', '短评：字符就是字符']);
	});
});
