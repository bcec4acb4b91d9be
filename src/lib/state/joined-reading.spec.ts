import { describe, expect, it } from 'vitest';
import { parsePage } from '../core/parse/page';
import type { ParsedDocument } from '../core/parse/types';
import { loadJoinedReading, nextArticleOnPage } from './joined-reading';

const page = (text: string, pageNo: number) =>
	parsePage(text, `p${pageNo}.txt`, { paper: '青川日报', date: '2023-04-12', page: pageNo });

const p1 = page(
	'# 汾河春早\n\n春水初生。(下转第2版)\n\n# 古镇\n\n古镇新貌。\n\n# 桥\n\n桥通了。(下转第3版)',
	1
);
const p2 = page('（上接第1版）田里忙起来了。\n\n# 新闻\n\n另一条。', 2);
const docs = [p1, p2];

function loader(available: ParsedDocument[]) {
	const asked: string[] = [];
	const load = async (id: string) => {
		asked.push(id);
		return available.find((d) => d.id === id) ?? null;
	};
	return { load, asked };
}

describe('loadJoinedReading', () => {
	it('gives the article, then its continuation under the divider 接第2版', async () => {
		const { load } = loader(docs);
		const joined = await loadJoinedReading(docs, load, p1.id, p1.articles[0].id);
		expect(joined?.parts.map((p) => [p.documentId, p.label, p.article.paragraphs])).toEqual([
			[p1.id, null, ['春水初生。']],
			[p2.id, '接第2版', ['田里忙起来了。']]
		]);
		expect(joined?.head).toBeNull();
	});

	it('opened at the continuation, names the start for 从头读', async () => {
		const { load } = loader(docs);
		const joined = await loadJoinedReading(docs, load, p2.id, p2.articles[0].id);
		expect(joined?.parts).toHaveLength(1);
		expect(joined?.head).toEqual({ documentId: p1.id, articleId: p1.articles[0].id });
	});

	it('ends the story before a page that cannot be read, and is null without the article', async () => {
		const { load } = loader([p1]);
		const joined = await loadJoinedReading(docs, load, p1.id, p1.articles[0].id);
		expect(joined?.parts.map((p) => p.documentId)).toEqual([p1.id]);
		const failing = async () => {
			throw new Error('gone');
		};
		expect(await loadJoinedReading(docs, failing, p1.id, p1.articles[0].id)).toBeNull();
		expect(await loadJoinedReading(docs, load, p1.id, 'nope')).toBeNull();
	});
});

describe('nextArticleOnPage', () => {
	it('gives the next article of the page with its continuations, then null at the end', async () => {
		const { load } = loader(docs);
		const next = nextArticleOnPage(docs, load);
		const afterFirst = await next({ documentId: p1.id, articleId: p1.articles[0].id });
		expect(afterFirst?.parts.map((p) => p.article.title)).toEqual(['古镇']);
		// page 3 is not in the library: the article is read alone
		const last = await next({ documentId: p1.id, articleId: p1.articles[1].id });
		expect(last?.parts.map((p) => p.article.title)).toEqual(['桥']);
		expect(await next({ documentId: p1.id, articleId: p1.articles[2].id })).toBeNull();
		expect(await next({ documentId: p1.id, articleId: 'nope' })).toBeNull();
	});

	it('passes over a continuation of a story begun on another page', async () => {
		const start = page('# 汾河春早\n\n春水初生。(下转第2版)', 1);
		const later = page(
			'# 新闻\n\n另一条。\n\n# 汾河春早\n\n（上接第1版）田里忙起来了。\n\n# 尾声\n\n完。',
			2
		);
		const issue = [start, later];
		expect(later.articles.map((a) => a.title)).toEqual(['新闻', '汾河春早', '尾声']);
		const next = nextArticleOnPage(issue, loader(issue).load);
		const after = await next({ documentId: later.id, articleId: later.articles[0].id });
		expect(after?.parts.map((p) => p.article.title)).toEqual(['尾声']);
		// without its start in the library, the continuation is read like any article
		const alone = nextArticleOnPage([later], loader([later]).load);
		const read = await alone({ documentId: later.id, articleId: later.articles[0].id });
		expect(read?.parts.map((p) => p.article.title)).toEqual(['汾河春早']);
	});
});
