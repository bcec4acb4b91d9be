import { describe, expect, it, vi } from 'vitest';
import { parsePage } from '../core/parse/page';
import { createAnchor } from '../core/state/anchor';
import type { MarkSpan } from '../core/display/marks';
import type { Highlight } from '../core/state/types';

const page = (text: string, pageNo: number) =>
	parsePage(text, `p${pageNo}.txt`, { paper: '青川日报', date: '2023-04-12', page: pageNo });
const p1 = page('# 汾河春早\n\n春水初生，候鸟归来。(下转第2版)\n\n# 古镇\n\n古镇新貌。', 1);
const p2 = page('（上接第1版）田里忙起来了，春耕正当时。\n\n# 新闻\n\n另一条。', 2);

const held = vi.hoisted(() => ({ highlights: [] as unknown[], added: [] as unknown[] }));
vi.mock('./library.svelte', () => ({
	library: {
		documents: [p1, p2],
		document: async (id: string) => [p1, p2].find((d) => d.id === id) ?? null
	}
}));
vi.mock('./reading.svelte', () => ({
	reading: {
		highlights: (docId: string, articleId: string) =>
			(held.highlights as Highlight[]).filter(
				(h) => h.docId === docId && h.articleId === articleId
			),
		addHighlight: async (input: unknown) => {
			held.added.push(input);
			return null;
		}
	}
}));

const { StoryView } = await import('./story-view.svelte');

const [start, rest] = [p1.articles[0], p2.articles[0]];
const opened = () => ({ documentId: p1.id, articleId: start.id, article: start });
const hitIn = (part: number): MarkSpan[] => [
	{ id: `hit-${part}`, kind: 'hit', color: '', paragraph: 0, start: 0, endParagraph: 0, end: 1 }
];

describe('StoryView', () => {
	it('shows the opened article alone until the story is loaded, then every part', async () => {
		const view = new StoryView(opened, () => []);
		expect(view.parts.map((p) => p.articleId)).toEqual([start.id]);
		expect(view.shown).toEqual([]);
		await view.load();
		expect(view.parts.map((p) => p.documentId)).toEqual([p1.id, p2.id]);
		expect(view.shown.map((p) => p.articleId)).toEqual([start.id, rest.id]);
		expect(view.continued.map((p) => p.label)).toEqual(['接第2版']);
	});

	it('draws the other layers over each part’s own highlights', async () => {
		const text = rest.paragraphs[0];
		const at = text.indexOf('春耕');
		held.highlights = [
			{
				id: 'h',
				docId: p2.id,
				articleId: rest.id,
				anchor: createAnchor([text], 0, at, at + 2)!,
				color: 'yellow',
				note: '',
				createdAt: 1,
				updatedAt: 1
			} satisfies Highlight
		];
		const view = new StoryView(opened, hitIn);
		await view.load();
		expect(view.spansIn(0).map((s) => s.id)).toEqual(['hit-0']);
		expect(view.continued[0].spans.map((s) => s.id)).toEqual(['h', 'hit-1']);
		expect(view.highlights.map((h) => h.id)).toEqual(['h']);
	});

	it('highlights a passage of a continuation in its own article, on its own page', async () => {
		const view = new StoryView(opened, () => []);
		await view.load();
		await view.highlight({ part: 1, paragraph: 0, start: 2, end: 4 }, 'blue');
		expect(held.added).toEqual([
			expect.objectContaining({ docId: p2.id, articleId: rest.id, start: 2, end: 4, color: 'blue' })
		]);
		expect(await view.highlight({ part: 5, paragraph: 0, start: 0, end: 1 }, 'blue')).toBeNull();
		expect(held.added).toHaveLength(1);
	});
});
