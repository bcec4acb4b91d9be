import { describe, expect, it } from 'vitest';
import { classifyLines } from './classify';
import { DiagnosticLog } from './diagnostics';
import { splitNonBlankLines } from './text';

const classify = (text: string) => classifyLines(splitNonBlankLines(text), new DiagnosticLog());

describe('classifyLines', () => {
	it('tells headings, bylines, text and markers apart, in page order', () => {
		const { flow } = classify('# 标题\n本报记者  张三\n正文第一句。（下转第2版）');
		expect(flow.map((item) => item.kind)).toEqual(['heading', 'byline', 'text', 'marker']);
		expect(flow[0]).toMatchObject({ title: '标题', level: 1, line: 1 });
	});

	it('takes header, footer, rules and captions out of the flow', () => {
		const out = classify(
			'太行日报\n2022年3月8日 星期二 第1版 要闻\n# 标题\n正文。\n---\n图为新修的桥。 张三 摄\n本版责编：李四'
		);
		expect(out.flow.map((item) => item.line)).toEqual([3, 4]);
		expect(out.headerParts).toEqual(['太行日报', '2022年3月8日 星期二 第1版 要闻']);
		expect(out.footers).toEqual(['本版责编：李四']);
		expect(out.furniture).toEqual(['---']);
		expect(out.captions).toEqual([{ text: '图为新修的桥。 张三 摄', line: 6 }]);
	});

	it('turns a setext underline into a heading of the line above', () => {
		const { flow, furniture } = classify('汾河春早\n===\n正文。');
		expect(flow[0]).toMatchObject({ kind: 'heading', level: 1, title: '汾河春早' });
		expect(furniture).toEqual(['===']);
	});

	it('keeps a numbered heading inside a body as text', () => {
		const { flow } = classify('# 标题\n正文。\n### 一、坚持问题导向\n正文。');
		expect(flow[2]).toMatchObject({ kind: 'text', text: '一、坚持问题导向' });
	});
});

describe('photos', () => {
	it('takes the display line under an image, # or not, as a caption', () => {
		for (const page of [
			'![](a.jpg)\n# 春到茶山\n正文。',
			'![](a.jpg)\n春到茶山\n本报讯（记者 甲）正文。'
		]) {
			const out = classify(page);
			expect(out.captions.map((c) => c.text)).toEqual(['![](a.jpg)', '春到茶山']);
		}
	});

	it('keeps a heading under an image as a title when a byline or dispatch follows it', () => {
		const out = classify('![](a.jpg)\n# 河岸公园开放\n本报讯（记者 甲）正文。');
		expect(out.flow[0]).toMatchObject({ kind: 'heading', title: '河岸公园开放' });
	});

	it('keeps a sentence under an image as text', () => {
		const out = classify('![](a.jpg)\n会议以视频形式召开。');
		expect(out.flow.map((item) => item.kind)).toEqual(['text']);
	});
});
