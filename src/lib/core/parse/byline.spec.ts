import { describe, expect, it } from 'vitest';
import {
	creditTokens,
	findFirstDate,
	parseAuthorLine,
	parseDottedByline,
	parseBylineLine,
	parseClosingCredit,
	parseCredits,
	parseInlineByline
} from './byline';

describe('inline bylines', () => {
	it.each([
		['本报讯(记者 王丹 通讯员 王瑞峰)委员义诊……', '本报讯', ['王丹'], ['王瑞峰']],
		['本报讯（记者 程远航）4月11日上午', '本报讯', ['程远航'], []],
		['本报讯(山西日报记者 杨文)12月22日', '本报讯', ['杨文'], []],
		['本报讯(青川日报记者 苏晓梅 高原)“今年', '本报讯', ['苏晓梅', '高原'], []],
		['新华社北京4月11日电(记者 孟清 贺宁)国家气象中心', '新华社', ['孟清', '贺宁'], []],
		['本报太原3月7日讯（记者 李四 通讯员 赵五 钱六）', '本报讯', ['李四'], ['赵五', '钱六']],
		['据新华社电 近日，', '新华社', [], []]
	])('%s', (text, agency, reporters, correspondents) => {
		expect(parseInlineByline(text)).toMatchObject({ agency, reporters, correspondents });
	});

	it('takes the dispatch date of a wire story as its dateline', () => {
		expect(parseInlineByline('新华社北京3月7日电(记者 甲)8日，')?.dispatchDate).toBe('3月7日');
		expect(parseInlineByline('本报讯(记者 甲)8日，')?.dispatchDate).toBeNull();
	});

	it('points past the byline so the lead can be searched for its date', () => {
		const text = '本报讯(记者 甲 3月)22日，';
		const byline = parseInlineByline(text)!;
		expect(text.slice(byline.leadOffset)).toBe('22日，');
	});

	it('is absent from ordinary prose, even prose mentioning 社 and 电', () => {
		expect(parseInlineByline('合作社今年新增用电量……')).toBeNull();
		expect(parseInlineByline('候鸟一年比一年来得早。')).toBeNull();
	});
});

describe('byline lines', () => {
	it('reads the □ form with agency 本报', () => {
		expect(parseBylineLine('□ 本报记者 韩冰 通讯员 马骁')).toMatchObject({
			agency: '本报',
			reporters: ['韩冰'],
			correspondents: ['马骁']
		});
		expect(parseBylineLine('■本报记者 甲乙 丙丁')).toMatchObject({ reporters: ['甲乙', '丙丁'] });
	});

	it('rejects prose and captions that merely mention a reporter', () => {
		expect(parseBylineLine('记者走进石门县数字经济产业园，只见一排排服务器')).toBeNull();
		expect(parseBylineLine('本报记者从市林业局获悉')).toBeNull();
	});
});

describe('credits', () => {
	it('assigns names to the role written before them', () => {
		expect(parseCredits('记者 甲 乙 通讯员 丙')).toEqual({
			reporters: ['甲', '乙'],
			correspondents: ['丙'],
			ok: true
		});
		expect(parseCredits('记者王丹、通讯员王瑞峰')).toMatchObject({
			reporters: ['王丹'],
			correspondents: ['王瑞峰']
		});
	});
});

describe('datelines', () => {
	it.each([
		['3月7日上午10时，全市召开', '3月7日'],
		['记者7日从市林业局获悉', '7日'],
		['日前，记者走进园区', null],
		['近日，约300只白鹭飞抵', null],
		['2021年11月4A级景区品牌榜单22日发布', '22日'],
		['2022年3月8日，', '2022年3月8日'],
		['委员义诊……12月21日,小店区', '12月21日'],
		['全年监测到鸟类126种，其中19种', null],
		['13月40日不是日期，5日是', '5日'],
		['３月７日（全角）', '３月７日']
	])('%s → %s', (text, date) => {
		expect(findFirstDate(text)).toBe(date);
	});
});

describe('byline variants', () => {
	it('reads credits without parentheses up to the first stop', () => {
		expect(parseInlineByline('本报讯 记者 张三 通讯员 李四 报道：3月7日，')).toMatchObject({
			agency: '本报讯',
			reporters: ['张三'],
			correspondents: ['李四']
		});
	});

	it('does not take the start of the lead for a bare credit', () => {
		expect(parseInlineByline('新华社北京6月2日电 记者从国铁集团获悉，今年')).toMatchObject({
			agency: '新华社',
			reporters: [],
			dispatchDate: '6月2日'
		});
	});

	it("reads the paper's own dated dispatch (本报北京3月7日电)", () => {
		expect(parseInlineByline('本报北京3月7日电 （记者 张三）全国')).toMatchObject({
			agency: '本报讯',
			reporters: ['张三'],
			dispatchDate: '3月7日'
		});
		expect(parseInlineByline('本报记者昨天从市电力公司获悉')).toBeNull();
	});

	it('reads a credit that closes an article', () => {
		expect(parseClosingCredit('（记者 张三 通讯员 李四）')).toMatchObject({
			reporters: ['张三'],
			correspondents: ['李四']
		});
		expect(parseClosingCredit('（完）')).toBeNull();
		expect(parseClosingCredit('（图片由记者提供，详见第3版）')).toBeNull();
	});
});

describe('bylines in other shapes', () => {
	it('reads a blockquoted byline and rejoins names padded to three columns', () => {
		expect(parseBylineLine('> 本报记者  张  三')).toMatchObject({
			agency: '本报',
			reporters: ['张三']
		});
		expect(parseBylineLine('> 本报记者  张  三  李  四  王小明')).toMatchObject({
			reporters: ['张三', '李四', '王小明']
		});
	});

	it('keeps single characters apart when only an ordinary space or a comma separates them', () => {
		expect(creditTokens('记者 甲 乙')).toEqual(['记者', '甲', '乙']);
		expect(creditTokens('记者  欧  阳  明')).toEqual(['记者', '欧阳明']);
		expect(creditTokens('记者　张　三、李四')).toEqual(['记者', '张三', '李四']);
	});

	it("reads the paper's dated dispatch with the reporter after it", () => {
		expect(parseInlineByline('本报北京6月9日电  （记者某某）6月8日，')).toMatchObject({
			agency: '本报讯',
			reporters: ['某某'],
			dispatchDate: '6月9日'
		});
	});

	it('reads 笔者 and 作者 as a byline line', () => {
		expect(parseBylineLine('笔者  陈  默')).toMatchObject({ reporters: ['陈默'] });
		expect(parseBylineLine('作者：林小溪')).toMatchObject({ reporters: ['林小溪'] });
		expect(parseBylineLine('笔者近日走访了三个村子，看到')).toBeNull();
	});

	it('reads names between middle dots, but not a label set the same way', () => {
		expect(parseDottedByline('· 许清 ·')).toMatchObject({ reporters: ['许清'] });
		expect(parseBylineLine('·许清 周航·')).toMatchObject({ reporters: ['许清', '周航'] });
		expect(parseDottedByline('· 人民时评 ·')).toBeNull();
		expect(parseDottedByline('·编者按·')).toBeNull();
		expect(parseDottedByline('· 广告 ·')).toBeNull();
		expect(parseDottedByline('·遗失声明·')).toBeNull();
		expect(parseDottedByline('· 一 ·')).toBeNull();
	});

	it('reads authors on the last line of a short item, two names or more', () => {
		expect(parseAuthorLine('张某  李某  王某')).toEqual(['张某', '李某', '王某']);
		expect(parseAuthorLine('春风十里')).toBeNull();
		expect(parseAuthorLine('今年  产量  翻番了。')).toBeNull();
	});
});

describe('traditional characters', () => {
	it('reads 本報訊 with 記者 and 通訊員, names as written', () => {
		expect(parseInlineByline('本報訊（記者 陳小龍 通訊員 黃大衛）昨日')).toMatchObject({
			agency: '本報訊',
			reporters: ['陳小龍'],
			correspondents: ['黃大衛']
		});
	});

	it('reads a traditional byline line and a dated wire dispatch', () => {
		expect(parseBylineLine('本報記者 何文輝')).toMatchObject({
			agency: '本報',
			reporters: ['何文輝']
		});
		expect(parseInlineByline('新華社北京十一月十九日電 近日')).toMatchObject({ agency: '新華社' });
	});
});
