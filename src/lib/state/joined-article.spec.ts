import { describe, expect, it, vi } from 'vitest';
import { parsePage } from '../core/parse/page';
import { createAnchor } from '../core/state/anchor';
import type { Highlight } from '../core/state/types';

const page = (text: string, pageNo: number) =>
	parsePage(text, `p${pageNo}.txt`, { paper: '青川日报', date: '2023-04-12', page: pageNo });
const p1 = page('# 汾河春早\n\n春水初生，候鸟归来。(下转第2版)\n\n# 古镇\n\n古镇新貌。', 1);
const p2 = page('（上接第1版）田里忙起来了，春耕正当时。\n\n# 新闻\n\n另一条。', 2);

// The library lists both pages; page 2's text comes only when `release` lets it.
const held = vi.hoisted(() => ({ release: () => {}, hold: false, highlights: [] as unknown[] }));
vi.mock('./library.svelte', () => ({
	library: {
		documents: [p1, p2],
		document: (id: string) =>
			new Promise((resolve) => {
				const doc = [p1, p2].find((d) => d.id === id) ?? null;
				if (held.hold && id === p2.id) held.release = () => resolve(doc);
				else resolve(doc);
			})
	}
}));
vi.mock('./reading.svelte', () => ({
	reading: {
		highlights: (docId: string, articleId: string) =>
			(held.highlights as Highlight[]).filter((h) => h.docId === docId && h.articleId === articleId)
	}
}));

const { JoinedArticle } = await import('./joined-article.svelte');

function highlight(docId: string, articleId: string, text: string, quote: string): Highlight {
	const start = text.indexOf(quote);
	return {
		id: `h-${docId}-${quote}`,
		docId,
		articleId,
		anchor: createAnchor([text], 0, start, start + quote.length)!,
		color: 'yellow',
		note: '',
		createdAt: 1,
		updatedAt: 1
	};
}

describe('JoinedArticle', () => {
	it('has the story of the article asked for only, once loaded', async () => {
		const joined = new JoinedArticle();
		const [start, rest] = [p1.articles[0], p2.articles[0]];
		expect(joined.answered(p1.id, start.id)).toBe(false);
		await joined.load(p1.id, start.id);
		expect(joined.of(p1.id, start.id)?.parts.map((p) => [p.documentId, p.label])).toEqual([
			[p1.id, null],
			[p2.id, '接第2版']
		]);
		expect(joined.of(p2.id, rest.id)).toBeNull();
	});

	it('keeps the story asked for last when an earlier answer comes after it', async () => {
		const joined = new JoinedArticle();
		held.hold = true;
		const slow = joined.load(p1.id, p1.articles[0].id);
		held.hold = false;
		await joined.load(p1.id, p1.articles[1].id);
		held.release();
		await slow;
		expect(joined.answered(p1.id, p1.articles[1].id)).toBe(true);
		expect(joined.of(p1.id, p1.articles[0].id)).toBeNull();
	});

	it('gives each part its own article’s highlights as marks, and counts those lost', async () => {
		const rest = p2.articles[0];
		const text = rest.paragraphs[0];
		held.highlights = [
			highlight(p2.id, rest.id, text, '春耕'),
			{ ...highlight(p2.id, rest.id, '早已改写的一句话', '改写'), id: 'gone' },
			highlight(p1.id, p1.articles[0].id, p1.articles[0].paragraphs[0], '候鸟')
		];
		const joined = new JoinedArticle();
		const marks = joined.highlightsIn({ documentId: p2.id, articleId: rest.id, article: rest });
		expect(marks.highlights).toHaveLength(2);
		expect(marks.lost).toBe(1);
		expect(marks.spans.map((s) => [s.paragraph, text.slice(s.start, s.end)])).toEqual([
			[0, '春耕']
		]);
	});
});
