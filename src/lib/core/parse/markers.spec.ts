import { describe, expect, it } from 'vitest';
import { splitMarkers } from './markers';

function markersOf(line: string) {
	return splitMarkers(line).flatMap((piece) => (piece.kind === 'marker' ? [piece.marker] : []));
}

describe('continuation markers', () => {
	it.each([
		['（上接第一版】', 'from', '第1版'],
		['[上接第一版）', 'from', '第1版'],
		['(上接第1版)', 'from', '第1版'],
		['【下转第十二版〕', 'to', '第12版'],
		['（转第A2版）', 'to', '第A2版'],
		['（紧接第 3 版）', 'from', '第3版'],
		['（下轉第二頁）', 'to', '第2版'],
		['（上接第一頁）', 'from', '第1版'],
		['（轉第4版）', 'to', '第4版'],
		['（續第一版）', 'from', '第1版'],
		['（下转第二页）', 'to', '第2版']
	])('reads %s as a jump %s %s, kept exactly as printed', (line, direction, page) => {
		expect(markersOf(line)).toEqual([{ direction, page, raw: line }]);
	});

	it('keeps the text around a marker, uncorrected', () => {
		expect(splitMarkers('村民收人翻了一番（下轉第二頁）')).toEqual([
			{ kind: 'text', text: '村民收人翻了一番' },
			{ kind: 'marker', marker: { direction: 'to', page: '第2版', raw: '（下轉第二頁）' } }
		]);
	});

	it('reads a marker that lost one bracket at the edge of its line', () => {
		expect(splitMarkers('上接第一版）改造后的厂房')).toEqual([
			{ kind: 'marker', marker: { direction: 'from', page: '第1版', raw: '上接第一版）' } },
			{ kind: 'text', text: '改造后的厂房' }
		]);
		expect(splitMarkers('今年的收成不错（下转第二版')).toEqual([
			{ kind: 'text', text: '今年的收成不错' },
			{ kind: 'marker', marker: { direction: 'to', page: '第2版', raw: '（下转第二版' } }
		]);
		expect(markersOf('（上接第3版')).toEqual([
			{ direction: 'from', page: '第3版', raw: '（上接第3版' }
		]);
	});

	it('takes a half-bracketed marker nowhere but at the edge of a line', () => {
		expect(markersOf('他说上接第一版）的内容')).toEqual([]);
		expect(markersOf('（下转第二版 之后再说')).toEqual([]);
	});

	it('leaves prose that mentions a page alone', () => {
		expect(markersOf('本报第一版刊发了评论员文章。')).toEqual([]);
		expect(markersOf('画册第二页印着全家福（上）')).toEqual([]);
		expect(markersOf('（接第版）')).toEqual([]);
	});
});
