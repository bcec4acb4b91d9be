import { describe, expect, it } from 'vitest';
import { attachCaptions, pageMetaFrom } from './captions';
import { DiagnosticLog } from './diagnostics';
import type { Draft } from './flow';
import type { Paragraph } from './paragraphs';

const draftOver = (first: number, last: number): Draft => ({
	titleBlock: null,
	paragraphs: [{ first, last } as Paragraph],
	markers: [],
	markerLines: [],
	captions: []
});

describe('attachCaptions', () => {
	it('gives a caption to the article it stands in, else to the nearer one', () => {
		const drafts = [draftOver(1, 5), draftOver(20, 30)];
		const furniture: string[] = [];
		attachCaptions(
			[
				{ text: '图一', line: 3 },
				{ text: '图二', line: 8 },
				{ text: '图三', line: 17 }
			],
			drafts,
			furniture,
			new DiagnosticLog()
		);
		expect(drafts.map((d) => d.captions)).toEqual([['图一', '图二'], ['图三']]);
		expect(furniture).toEqual([]);
	});

	it('keeps captions as furniture on a page without articles', () => {
		const furniture: string[] = [];
		const log = new DiagnosticLog();
		attachCaptions([{ text: '图一', line: 1 }], [], furniture, log);
		expect(furniture).toEqual(['图一']);
		expect(log.finish()).toHaveLength(1);
	});
});

describe('pageMetaFrom', () => {
	it('reads paper, date and page from the header and joins the footer lines', () => {
		expect(
			pageMetaFrom(['太行日报', '2022年3月8日 第1版'], ['责编：甲', '美编：乙'])
		).toMatchObject({
			paper: '太行日报',
			date: '2022-03-08',
			pageNumber: 1,
			footer: '责编：甲 美编：乙'
		});
	});
});

describe('attachCaptions ties', () => {
	it('gives a caption midway between two articles to the one below', () => {
		const drafts = [draftOver(1, 16), draftOver(20, 22)];
		attachCaptions([{ text: '![](a.jpg)', line: 18 }], drafts, [], new DiagnosticLog());
		expect(drafts.map((d) => d.captions)).toEqual([[], ['![](a.jpg)']]);
	});
});
