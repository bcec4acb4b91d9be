import { describe, expect, it } from 'vitest';
import { ArticleHits, type ArticleHit } from './article-hits.svelte';

const found: ArticleHit[] = [
	{ paragraph: 0, start: 2, end: 4 },
	{ paragraph: 3, start: 0, end: 2 },
	{ paragraph: 5, start: 7, end: 9 }
];

describe('ArticleHits', () => {
	it('marks every hit, the current one in its own colour', async () => {
		const hits = new ArticleHits(async () => found);
		expect(await hits.find([{ documentId: 'doc', articleId: 'a1' }], '汾河')).toBe(true);
		expect(hits.spans.map((span) => [span.kind, span.color, span.paragraph])).toEqual([
			['hit', 'hit-current', 0],
			['hit', 'hit', 3],
			['hit', 'hit', 5]
		]);
		hits.select(2);
		expect(hits.spans.map((span) => span.color)).toEqual(['hit', 'hit', 'hit-current']);
	});

	it('steps round from the last hit to the first and back', async () => {
		const hits = new ArticleHits(async () => found);
		await hits.find([{ documentId: 'doc', articleId: 'a1' }], '汾河');
		expect(hits.select(hits.current - 1)).toEqual({ ...found[2], part: 0 });
		expect(hits.select(hits.current + 1)).toEqual({ ...found[0], part: 0 });
		expect(hits.current).toBe(0);
	});

	it('has nothing to step to without hits', async () => {
		const hits = new ArticleHits(async () => []);
		expect(await hits.find([{ documentId: 'doc', articleId: 'a1' }], '没有')).toBe(false);
		expect(hits.select(1)).toBeNull();
		expect(hits.spans).toEqual([]);
	});

	it('keeps only the answer to the last question asked', async () => {
		const answers = new Map<string, (hits: ArticleHit[]) => void>();
		const hits = new ArticleHits(
			(_doc, article, _query, signal) =>
				new Promise((resolve, reject) => {
					answers.set(article, resolve);
					signal.addEventListener('abort', () => reject(new DOMException('', 'AbortError')));
				})
		);
		const first = hits.find([{ documentId: 'doc', articleId: 'a1' }], '汾河');
		const second = hits.find([{ documentId: 'doc', articleId: 'a2' }], '汾河');
		answers.get('a2')!([found[1]]);
		expect(await first).toBe(false);
		expect(await second).toBe(true);
		expect(hits.hits).toEqual([{ ...found[1], part: 0 }]);
	});

	it('asks nothing for an empty query and clears what was there', async () => {
		let asked = 0;
		const hits = new ArticleHits(async () => (asked++, found));
		await hits.find([{ documentId: 'doc', articleId: 'a1' }], '汾河');
		expect(await hits.find([{ documentId: 'doc', articleId: 'a1' }], '')).toBe(false);
		expect(hits.hits).toEqual([]);
		expect(asked).toBe(1);
	});

	it('steps from the opened article into its continuation, each hit marked in its own part', async () => {
		const byArticle: Record<string, ArticleHit[]> = {
			'p1/start': [found[0]],
			'p2/rest': [found[1], found[2]]
		};
		const hits = new ArticleHits(async (doc, article) => byArticle[`${doc}/${article}`] ?? []);
		const story = [
			{ documentId: 'p1', articleId: 'start' },
			{ documentId: 'p2', articleId: 'rest' }
		];
		expect(await hits.find(story, '汾河')).toBe(true);
		expect(hits.select(hits.current + 1)).toEqual({ ...found[1], part: 1 });
		expect(hits.spansIn(0).map((span) => [span.color, span.paragraph])).toEqual([['hit', 0]]);
		expect(hits.spansIn(1).map((span) => [span.color, span.paragraph])).toEqual([
			['hit-current', 3],
			['hit', 5]
		]);
	});
});
