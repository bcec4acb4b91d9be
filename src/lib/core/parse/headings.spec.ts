import { describe, expect, it } from 'vitest';
import { isTitleLike, parseHeading } from './headings';

describe('headings', () => {
	it('reads any level and strips only the marker', () => {
		expect(parseHeading('# 交出整改工作合格答卷 把发展和生态两条底线守得更牢更好')).toEqual({
			level: 1,
			title: '交出整改工作合格答卷 把发展和生态两条底线守得更牢更好'
		});
		expect(parseHeading('### 标题 ###')).toEqual({ level: 3, title: '标题' });
		expect(parseHeading('##\t标题#1')).toEqual({ level: 2, title: '标题#1' });
		expect(parseHeading('#标题')).toEqual({ level: 1, title: '标题' });
	});

	it('is not a heading without a space before ASCII text, or without #', () => {
		expect(parseHeading('#hashtag')).toBeNull();
		expect(parseHeading('标题 #')).toBeNull();
	});

	it('handles a long line of hashes and spaces without backtracking', () => {
		const line = '#' + ' #'.repeat(500_000) + ' x';
		expect(parseHeading(line)?.title.endsWith('x')).toBe(true);
	});
});

describe('title-like lines (kicker/subtitle candidates)', () => {
	it.each([
		['林武在中央生态环境保护督察整改工作推进会上强调', true],
		['蓝佛安主持 李佳商黎光出席', true],
		['会上,吕梁市、晋中市、运城市作了表态发言。', false],
		['11月,我省的壶口瀑布、鹳雀楼、王家', true],
		['对照中央生态环保督察整改要求，', false],
		['一、坚持问题导向', false],
		['本报讯(记者 甲)正文', false]
	])('%s → %s', (line, expected) => {
		expect(isTitleLike(line)).toBe(expected);
	});
});
