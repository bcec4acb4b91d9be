/** Page-level behaviour on small hand-made pages, one issue case at a time. */
import { describe, expect, it } from 'vitest';
import { parsePage } from './index';
import { accountingErrors } from './testing.spec-helpers';

const parse = (text: string) => {
	const doc = parsePage(text, 'page.txt');
	expect(accountingErrors(text, doc)).toEqual({});
	return doc;
};

describe('titles, kickers and subtitles', () => {
	it('takes a title-like line above as kicker and below as subtitle', () => {
		const [a] = parse(
			'汾河两岸春意浓\n\n# 守护一河清水\n\n蓝某主持 李某出席\n\n本报讯(记者 甲)正文。'
		).articles;
		expect([a.kicker, a.title, a.subtitle]).toEqual([
			'汾河两岸春意浓',
			'守护一河清水',
			'蓝某主持 李某出席'
		]);
	});

	it('does not take the tail of an unfinished sentence as a kicker', () => {
		const doc = parse('# 甲文\n\n正文写到一半，王家\n\n大院\n\n# 乙文\n\n乙的正文。');
		expect(doc.articles[0].paragraphs).toEqual(['正文写到一半，王家大院']);
		expect(doc.articles[1].kicker).toBeNull();
	});

	it('does not take a short lead line as subtitle when nothing follows it', () => {
		const [a] = parse('# 标题\n\n短短一行').articles;
		expect(a.subtitle).toBeNull();
		expect(a.paragraphs).toEqual(['短短一行']);
	});

	it('gives a line between stacked titles to the lower title as kicker, unless it opens with a dash', () => {
		const kicker = parse(
			'## 甲\n\n乙的引题\n\n## 乙\n\n本报讯(记者 子)甲。\n\n本报讯(记者 丑)乙。'
		);
		expect(kicker.articles.find((a) => a.title === '乙')?.kicker).toBe('乙的引题');
		const dashed = parse(
			'## 甲\n\n——甲的副题\n\n## 乙\n\n本报讯(记者 子)甲。\n\n本报讯(记者 丑)乙。'
		);
		expect(dashed.articles.find((a) => a.title === '甲')?.subtitle).toBe('——甲的副题');
	});

	it('treats a column label heading above a title as its kicker', () => {
		const [a] = parse('## 短评\n\n### 让候鸟安心\n\n候鸟来得早。').articles;
		expect([a.kicker, a.title]).toEqual(['短评', '让候鸟安心']);
	});
});

describe('stacked titles', () => {
	it('pairs bodies to titles by content when bodies come in another order', () => {
		const doc = parse(
			[
				'## 古镇清明客流创新高',
				'## 高铁站开通直达上海列车',
				'本报讯（记者 甲）高铁站首趟直达上海的列车驶出站台。',
				'本报讯（记者 乙）清明假期，古镇接待游客23.6万人次，客流创新高。'
			].join('\n\n')
		);
		expect(doc.articles.map((a) => [a.title, a.reporters[0]])).toEqual([
			['高铁站开通直达上海列车', '甲'],
			['古镇清明客流创新高', '乙']
		]);
	});

	it('finds the boundary by content when a body has no byline', () => {
		const doc = parse(
			[
				'## 时评：好客之道在细节',
				'## 高铁站开通直达上海列车',
				'本报讯（记者 甲）高铁站首趟直达上海的列车驶出站台。',
				'列车每日开行一对，直达上海。',
				'好客不只是挂横幅。好客之道在细节。',
				'细节做好了，回头客自然多。'
			].join('\n\n')
		);
		expect(doc.articles.map((a) => [a.title, a.paragraphs.length])).toEqual([
			['高铁站开通直达上海列车', 2],
			['时评：好客之道在细节', 2]
		]);
	});
});

describe('furniture', () => {
	it('separates header, footer and captions from the text; a caption joins the nearest article', () => {
		const doc = parse(
			[
				'太行日报 2022年3月8日 第1版',
				'# 标题',
				'本报讯(记者 甲)正文前半，',
				'图为汾河一景。 本报记者 乙 摄',
				'正文后半。',
				'本版责编:张某 美编:李某'
			].join('\n')
		);
		expect(doc.page).toEqual({
			header: '太行日报 2022年3月8日 第1版',
			footer: '本版责编:张某 美编:李某',
			paper: '太行日报',
			date: '2022-03-08',
			pageNumber: 1,
			pageName: null
		});
		const [a] = doc.articles;
		expect(a.paragraphs).toEqual(['本报讯(记者 甲)正文前半，正文后半。']);
		expect(a.captions).toEqual(['图为汾河一景。 本报记者 乙 摄']);
		expect(a.reporters).toEqual(['甲']);
	});

	it('uses the sidecar for page metadata', () => {
		const doc = parsePage('# 标题\n\n正文。', 'p.txt', {
			paper: '青川日报',
			date: '2023-04-12',
			page: 2,
			pageName: '综合'
		});
		expect(doc.page).toMatchObject({
			paper: '青川日报',
			date: '2023-04-12',
			pageNumber: 2,
			pageName: '综合'
		});
	});
});

describe('continuations', () => {
	it('removes (下转…) and (上接…) inline or on their own line and records them', () => {
		const doc = parse(
			[
				'# 甲',
				'(上接第1版)',
				'甲的续文。',
				'# 乙',
				'（上接第1版）乙的续文，',
				'还没完(下转第3版)'
			].join('\n\n')
		);
		expect(
			doc.articles.map((a) => [
				a.paragraphs,
				a.continuedFrom,
				a.continuedTo,
				a.continued,
				a.markers
			])
		).toEqual([
			[['甲的续文。'], '第1版', null, false, ['(上接第1版)']],
			[['乙的续文，还没完'], '第1版', '第3版', true, ['（上接第1版）', '(下转第3版)']]
		]);
		expect(doc.articles.map((a) => a.dateline)).toEqual([null, null]);
	});

	it('marks an article that breaks off mid-sentence as continued to an unknown page', () => {
		const [a] = parse('# 甲\n\n本报讯(记者 子)正文写到一半').articles;
		expect([a.continued, a.continuedTo]).toEqual([true, null]);
	});
});

describe('line endings and odd whitespace', () => {
	it('gives the same articles for LF, CRLF and CR, with or without BOM and final newline', () => {
		const lf = '# 标题\n\n本报讯(记者 甲)3月7日，正文\n \t\n继续。\n\n## 二\n\n二的正文！';
		const expected = parse(lf).articles.map(({ lines: _lines, ...rest }) => rest);
		for (const variant of [
			lf.replace(/\n/g, '\r\n'),
			lf.replace(/\n/g, '\r'),
			'\ufeff' + lf + '\n'
		]) {
			expect(parse(variant).articles.map(({ lines: _lines, ...rest }) => rest)).toEqual(expected);
		}
		expect(expected[0].paragraphs).toEqual(['本报讯(记者 甲)3月7日，正文继续。']);
		expect(expected[0].dateline).toBe('3月7日');
	});

	it('counts lines the same way for every line ending', () => {
		const lf = '# 标题\n\n正文。\n\n## 二\n\n二。';
		const spans = (t: string) => parse(t).articles.map((a) => a.lines);
		expect(spans(lf)).toEqual([
			[1, 3],
			[5, 7]
		]);
		expect(spans(lf.replace(/\n/g, '\r\n'))).toEqual(spans(lf));
		expect(spans(lf.replace(/\n/g, '\r'))).toEqual(spans(lf));
	});
});

describe('other layouts seen in extracted pages', () => {
	it('infers titles on a page without markdown headings from the line before a dispatch', () => {
		const doc = parse(
			[
				'汾河春早',
				'本报讯(记者 甲)3月7日，汾河两岸春意浓。',
				'古镇迎客',
				'□ 本报记者 乙',
				'日前，古镇迎来游客。'
			].join('\n\n')
		);
		expect(doc.articles.map((a) => [a.title, a.reporters])).toEqual([
			['汾河春早', ['甲']],
			['古镇迎客', ['乙']]
		]);
	});

	it('uses indents when lines are hard-wrapped: an indent opens a paragraph, a wrap continues it', () => {
		const text = [
			'# 标题',
			'　　本报讯(记者 甲)第一段第一句。第一段',
			'第二句。第一段第三句。',
			'继续第一段。',
			'　　第二段。',
			'　　第三段开头',
			'第三段结尾。'
		].join('\n');
		expect(parse(text).articles[0].paragraphs).toEqual([
			'本报讯(记者 甲)第一段第一句。第一段第二句。第一段第三句。继续第一段。',
			'第二段。',
			'第三段开头第三段结尾。'
		]);
	});

	it('ends a paragraph at a closing aside or (完), and keeps bold subheads apart', () => {
		const doc = parse(
			[
				'# 标题',
				'**坚持问题导向**',
				'要坚持问题导向。（作者系某大学教授）',
				'最后一段。（完）'
			].join('\n')
		);
		expect(doc.articles[0].paragraphs).toEqual([
			'**坚持问题导向**',
			'要坚持问题导向。（作者系某大学教授）',
			'最后一段。（完）'
		]);
		expect(doc.articles[0].continued).toBe(false);
	});

	it('treats markdown images as captions, rules as furniture, and a header marked as heading as header', () => {
		const doc = parse(
			[
				'# 太行日报 2022年3月8日 第1版',
				'# 标题',
				'![图为汾河](photo.jpg)',
				'正文前半，',
				'---',
				'正文后半。'
			].join('\n')
		);
		expect(doc.page.header).toBe('太行日报 2022年3月8日 第1版');
		expect(doc.articles.map((a) => [a.title, a.paragraphs, a.captions])).toEqual([
			['标题', ['正文前半，正文后半。'], ['![图为汾河](photo.jpg)']]
		]);
		expect(doc.furniture).toEqual(['---']);
	});

	it('reads continuation markers in other brackets and numerals', () => {
		const [a] = parse('# 标题\n\n正文未完〔下转第三版〕').articles;
		expect([a.continuedTo, a.markers]).toEqual(['第3版', ['〔下转第三版〕']]);
	});

	it('takes reporters from a credit closing an article without an opening byline', () => {
		const [a] = parse('# 标题\n\n正文。\n\n（记者 张三 通讯员 李四）').articles;
		expect([a.agency, a.reporters, a.correspondents]).toEqual([null, ['张三'], ['李四']]);
	});
});

describe('headings that are not titles', () => {
	it('keeps a numbered heading inside a body as a subhead paragraph of that article', () => {
		const doc = parse(
			'# 报告\n\n本报讯(记者 甲)开头。\n\n### 一、坚持问题导向\n\n要坚持。\n\n### （二）强化治理\n\n要强化。'
		);
		expect(doc.articles.map((a) => [a.title, a.paragraphs])).toEqual([
			[
				'报告',
				['本报讯(记者 甲)开头。', '一、坚持问题导向', '要坚持。', '（二）强化治理', '要强化。']
			]
		]);
	});

	it('reads a byline marked as a heading as a byline line', () => {
		const [a] = parse('# 标题\n\n### □ 本报记者 张三\n\n日前，正文。').articles;
		expect([a.agency, a.reporters, a.paragraphs]).toEqual([
			'本报',
			['张三'],
			['□ 本报记者 张三', '日前，正文。']
		]);
	});
});

describe('subtitle and kicker caution', () => {
	it('does not take the first words of an unbylined lead as a subtitle', () => {
		const [a] = parse('# 让候鸟安心\n\n候鸟一年比一年\n\n来得早，这是汾河变清的证明。').articles;
		expect(a.subtitle).toBeNull();
		expect(a.paragraphs).toEqual(['候鸟一年比一年来得早，这是汾河变清的证明。']);
	});

	it('does not take a closing aside as the next title’s kicker', () => {
		const doc = parse('# 甲\n\n正文。\n\n（完）\n\n# 乙\n\n乙文。');
		expect(doc.articles[1].kicker).toBeNull();
		expect(doc.articles[0].paragraphs).toEqual(['正文。', '（完）']);
	});
});

describe('markdown variants', () => {
	it('reads a setext heading and keeps its underline as furniture', () => {
		const doc = parse('汾河春早\n====\n\n本报讯(记者 甲)正文。\n\n古镇迎客\n----\n\n乙文。');
		expect(doc.articles.map((a) => a.title)).toEqual(['汾河春早', '古镇迎客']);
		expect(doc.furniture).toEqual(['====', '----']);
	});

	it('takes contact lines of the editors as footer', () => {
		const doc = parse('# 标题\n\n正文。\n\n本版编辑：刘某\n本版邮箱：news@example.com');
		expect(doc.page.footer).toBe('本版编辑：刘某 本版邮箱：news@example.com');
	});
});

describe('continuation markers inside a body', () => {
	it('starts an untitled article at (上接…) when the continued title is not repeated', () => {
		const doc = parse('# 甲\n\n甲的正文。\n\n（上接第1版）\n\n乙的续文。');
		expect(doc.articles.map((a) => [a.title, a.paragraphs, a.continuedFrom])).toEqual([
			['甲', ['甲的正文。'], null],
			[null, ['乙的续文。'], '第1版']
		]);
	});

	it('ends the article at (下转…) and keeps what follows apart', () => {
		const doc = parse('# 甲\n\n甲的正文未完(下转第3版)\n\n一则没有标题的启事。');
		expect(doc.articles.map((a) => [a.title, a.paragraphs, a.continuedTo])).toEqual([
			['甲', ['甲的正文未完'], '第3版'],
			[null, ['一则没有标题的启事。'], null]
		]);
	});
});

describe('a title wrapped onto two heading lines', () => {
	it('is one title when its one body names both halves', () => {
		const doc = parse(
			'# 交出整改工作合格答卷\n# 把发展和生态两条底线守得更牢更好\n\n本报讯(记者 甲)会议强调，要把发展和生态两条底线守牢，交出整改工作合格答卷。\n\n第二段。'
		);
		expect(doc.articles.map((a) => [a.title, a.paragraphs.length])).toEqual([
			['交出整改工作合格答卷 把发展和生态两条底线守得更牢更好', 2]
		]);
	});
});

describe('pairing with long kickers', () => {
	it('still pairs by title when kickers hold more characters than the pairing table', () => {
		const pool =
			'天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜金生丽水玉出昆冈剑号巨阙珠称夜光果珍李柰菜重芥姜海咸河淡鳞潜羽翔龙师火帝鸟官人皇始制文字乃服衣裳推位让国有虞陶唐吊民伐罪周发殷汤坐朝问道垂拱平章爱育黎首臣伏戎羌遐迩壹体率宾归王鸣凤在竹白驹食场化被草木赖及万方';
		const kickers = [pool.slice(0, 45), pool.slice(45, 90), pool.slice(90, 135)];
		const doc = parse(
			[
				kickers[0],
				'## 古镇清明客流创新高',
				kickers[1],
				'## 高铁站开通直达上海列车',
				kickers[2],
				'## 湿地迎来首批候鸟',
				'本报讯（记者 丙）湿地迎来今春首批候鸟。',
				'本报讯（记者 甲）高铁站首趟直达上海的列车驶出站台。',
				'本报讯（记者 乙）清明假期，古镇接待游客23.6万人次，客流创新高。'
			].join('\n\n')
		);
		expect(doc.articles.map((a) => [a.title, a.reporters[0]])).toEqual([
			['湿地迎来首批候鸟', '丙'],
			['高铁站开通直达上海列车', '甲'],
			['古镇清明客流创新高', '乙']
		]);
		expect(doc.articles.map((a) => a.kicker)).toEqual([kickers[2], kickers[1], kickers[0]]);
	});
});
