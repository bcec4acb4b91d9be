import { describe, expect, it } from 'vitest';
import { blockKindOf, isNumericRow } from './blocks';
import { parsePage } from './page';
import { accountingErrors } from './testing.spec-helpers';

const parse = (text: string) => parsePage(text, 'blocks.md');
const titles = (text: string) => parse(text).articles.map((a) => a.title);
const kinds = (text: string) => (parse(text).blocks ?? []).map((b) => b.kind);

describe('blockKindOf', () => {
	it('knows each kind by its shape', () => {
		expect(
			blockKindOf(['光华影院', 'Summer Rain', '每日四场  二时半  五时半  七时半'], '光华影院')
		).toBe('listing');
		expect(blockKindOf(['19:00  新闻', '19:30  电视剧', '21:15  体育'], null)).toBe('listing');
		expect(blockKindOf(['明德诊所', '地址：北街三号  电话：六七八九'], '明德诊所')).toBe('ad');
		expect(blockKindOf(['遗失声明', '某某不慎遗失工作证一本，声明作废。'], '遗失声明')).toBe(
			'notice'
		);
		expect(blockKindOf(['趣味字谜', '㊀  ㊁  ㊂  各打一字', '（答案下期见报）'], '趣味字谜')).toBe(
			'puzzle'
		);
		expect(
			blockKindOf(
				['外汇牌价', '美元  718.20  721.10', '欧元  780.05  785.60', '日元  4.81  4.85'],
				'外汇牌价'
			)
		).toBe('table');
		expect(blockKindOf(['天气预报', '今天  晴  15℃～24℃', '明天  阴  13℃～20℃'], '天气预报')).toBe(
			'other'
		);
	});

	it('reads traditional characters too', () => {
		expect(blockKindOf(['大光明戲院', '每日四場  票價一元'], '大光明戲院')).toBe('listing');
		expect(blockKindOf(['遺失聲明', '本人不慎遺失身份證一張。'], '遺失聲明')).toBe('notice');
		expect(blockKindOf(['仁和藥行', '地址：某道十號  電話：二三四五'], '仁和藥行')).toBe('ad');
	});

	it('leaves prose alone even when it names a phone, an address or a price', () => {
		expect(
			blockKindOf(
				[
					'社区食堂开业',
					'一份套餐售价十二元，老人享受八折优惠。',
					'订餐电话贴在门口，地址就在社区中心一楼。'
				],
				'社区食堂开业'
			)
		).toBeNull();
		expect(blockKindOf(['春耕备耕忙', '农民抢抓农时，田间一片繁忙。'], '春耕备耕忙')).toBeNull();
	});

	it('tells a row of figures from a line that only mentions numbers', () => {
		expect(isNumericRow('江川电子  12.35  +0.21  1.73%')).toBe(true);
		expect(isNumericRow('全市3月共新增就业岗位1200个')).toBe(false);
		expect(isNumericRow('第1版')).toBe(false);
	});
});

describe('blocks on a page', () => {
	it('keeps a real news article that mentions a phone number and a price as an article', () => {
		const withByline =
			'# 公园推出夜游线路\n\n本报讯（记者 王五）市公园推出夜游线路，票价二十元，咨询电话：12345678。地址：湖滨路一号。\n';
		expect(titles(withByline)).toEqual(['公园推出夜游线路']);
		expect(kinds(withByline)).toEqual([]);
		const withoutByline =
			'# 社区食堂受欢迎\n\n社区食堂开业一个月，每天接待老人三百多人次。一份套餐售价十二元，老人享受八折优惠。\n\n订餐电话贴在食堂门口，欢迎居民就餐。\n';
		expect(titles(withoutByline)).toEqual(['社区食堂受欢迎']);
		expect(kinds(withoutByline)).toEqual([]);
	});

	it('keeps a body of sentences an article even under a display line that reads as a listing', () => {
		const page =
			'# 光明影院\n\n# 山城故事\n\n每日三场  三时  六时  九时\n\n# 市民踊跃献血\n\n昨日全市有三百余名市民参加无偿献血。血站工作人员说，献血者中一半是青年人。\n';
		const doc = parse(page);
		expect(doc.articles.map((a) => a.title)).toContain('市民踊跃献血');
		expect(doc.articles.flatMap((a) => a.paragraphs).join('')).toContain('无偿献血');
		expect(accountingErrors(page, doc)).toEqual({});
	});

	it('keeps a lone title without a body an article', () => {
		const page = '# 大桥通车\n\n本报讯 大桥今日通车。\n\n# 图片新闻\n';
		expect(titles(page)).toEqual(['大桥通车', '图片新闻']);
		expect(kinds(page)).toEqual([]);
	});

	it('takes a cinema listing out of the articles, its lines as written, and splits it from an ad', () => {
		const page = [
			'# 公园推出夜游线路',
			'本报讯（记者 王五）市公园推出夜游线路。',
			'# 群星戏院',
			'# 晨光',
			'# Morning Light',
			'每日三场  二时半  五时半  八时半',
			'# 华安诊所',
			'地址：西街五号  电话：四五六七'
		].join('\n');
		const doc = parse(page);
		expect(doc.articles.map((a) => a.title)).toEqual(['公园推出夜游线路']);
		expect(doc.blocks).toEqual([
			{
				kind: 'listing',
				lines: [3, 6],
				text: '群星戏院\n晨光\nMorning Light\n每日三场  二时半  五时半  八时半'
			},
			{ kind: 'ad', lines: [7, 8], text: '华安诊所\n地址：西街五号  电话：四五六七' }
		]);
		expect(accountingErrors(page, doc)).toEqual({});
	});

	it('takes a run of short headings with data lines and no sentences as a block', () => {
		const page = [
			'# 大桥通车',
			'本报讯 大桥今日通车。',
			'# 甲区',
			'一二  三四',
			'# 乙区',
			'五六  七八',
			'# 丙区',
			'九十  十一'
		].join('\n');
		const doc = parse(page);
		expect(doc.articles.map((a) => a.title)).toEqual(['大桥通车']);
		expect(doc.blocks?.map((b) => [b.kind, b.lines])).toEqual([['other', [3, 8]]]);
	});

	it('never takes a listing line above the next title as its kicker', () => {
		const page = [
			'# 大华戏院',
			'每日四场  二时半  五时半',
			'# 大桥通车',
			'本报讯 大桥今日通车。'
		].join('\n');
		const doc = parse(page);
		expect(doc.articles.map((a) => [a.kicker, a.title, a.paragraphs])).toEqual([
			[null, '大桥通车', ['本报讯 大桥今日通车。']]
		]);
		expect(doc.blocks?.map((b) => b.text)).toEqual(['大华戏院\n每日四场  二时半  五时半']);
	});

	it('makes a notice with a sentence a notice block', () => {
		const page =
			'# 遗失声明\n\n某某公司不慎遗失公章一枚，声明作废。\n\n# 大桥通车\n\n本报讯 大桥今日通车。\n';
		const doc = parse(page);
		expect(doc.articles.map((a) => a.title)).toEqual(['大桥通车']);
		expect(doc.blocks?.map((b) => b.kind)).toEqual(['notice']);
		expect(doc.blocks?.[0].text).toBe('遗失声明\n某某公司不慎遗失公章一枚，声明作废。');
	});

	it('returns an empty block list on pages without blocks', () => {
		expect(parse('# 大桥通车\n\n本报讯 大桥今日通车。\n').blocks).toEqual([]);
		expect(parse('').blocks).toEqual([]);
	});
});
