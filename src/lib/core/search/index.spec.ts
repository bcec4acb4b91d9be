import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import type { Article, ParsedDocument } from '../parse/types';
import {
	SEARCH_VERSION,
	SearchIndex,
	articleHit,
	compileQuery,
	hashString,
	highlight,
	indexCacheKey,
	normalize,
	type SearchFilters,
	type SearchSnapshot
} from './index';
import { article, doc } from '../parse/article.spec-helpers';

type BuildMode = 'add' | 'addAll' | 'restored';

/** Builds an index page by page, in bulk, or in bulk and then through a snapshot round trip. */
function build(docs: ParsedDocument[], mode: BuildMode = 'add'): SearchIndex {
	const index = new SearchIndex();
	if (mode === 'add') for (const d of docs) index.add(d);
	else index.addAll(docs);
	return mode === 'restored' ? SearchIndex.import(structuredClone(index.export())) : index;
}

/** Every searchable field of an article, as the user sees it. */
function fields(a: Article): string[] {
	return [
		a.title ?? '',
		a.kicker ?? '',
		a.subtitle ?? '',
		a.agency ?? '',
		...a.reporters,
		...a.correspondents,
		...a.paragraphs,
		...a.captions
	];
}

/** The reference: a plain substring scan over the normalised fields, independent of the index. */
function scan(docs: ParsedDocument[], query: string, filters: SearchFilters = {}): string[] {
	const { include, exclude } = compileQuery(query);
	if (!include.length) return [];
	const out: string[] = [];
	for (const d of docs) {
		if (filters.paper && d.page.paper !== filters.paper) continue;
		if (filters.page !== undefined && d.page.pageNumber !== filters.page) continue;
		if (filters.dateFrom && !(d.page.date && d.page.date >= filters.dateFrom)) continue;
		if (filters.dateTo && !(d.page.date && d.page.date <= filters.dateTo)) continue;
		for (const a of d.articles) {
			if (filters.reporter && ![...a.reporters, ...a.correspondents].includes(filters.reporter)) {
				continue;
			}
			const norms = fields(a).map(normalize);
			const has = (t: string) => norms.some((n) => n.includes(t));
			if (include.every(has) && !exclude.some(has)) out.push(`${d.id}/${a.id}`);
		}
	}
	return out.sort();
}

function found(index: SearchIndex, query: string, filters?: SearchFilters): string[] {
	const result = index.search(query, { limit: Infinity, filters });
	expect(result.hits).toHaveLength(result.total);
	return result.hits.map((h) => `${h.docId}/${h.articleId}`).sort();
}

// The issue's own seed page (汾河, 人口普查, 环境保护): fixed, so the tests do not move when
// other seeds are added.
const seedText = readFileSync(
	new URL('../../../../seeds/000_8d483b34ee5996a6.txt', import.meta.url),
	'utf8'
);
const seedParagraphs = seedText
	.split(/\n+/)
	.map((s) => s.trim())
	.filter(Boolean);

/** Deterministic pages cut from the seed text: every article a different slice of paragraphs. */
function seedDocs(count: number): ParsedDocument[] {
	const docs: ParsedDocument[] = [];
	let k = 0;
	for (let d = 0; d < count; d++) {
		const articles: Article[] = [];
		for (let a = 0; a < 3; a++, k += 7) {
			const p = (i: number) => seedParagraphs[(k + i) % seedParagraphs.length];
			articles.push(
				article(`a${a}`, {
					title: p(0).slice(0, 24),
					kicker: a === 1 ? p(1).slice(0, 12) : null,
					reporters: a === 0 ? ['杨文'] : [],
					paragraphs: [p(2), p(3), p(4).slice(d % 10)],
					captions: a === 2 ? [p(5).slice(0, 30)] : []
				})
			);
		}
		docs.push(
			doc(`page${d}`, articles, {
				paper: d % 2 ? '山西日报' : '太行日报',
				date: `2022-12-${String(1 + (d % 28)).padStart(2, '0')}`,
				pageNumber: 1 + (d % 4)
			})
		);
	}
	return docs;
}

describe('SearchIndex: exactness', () => {
	it('returns exactly the articles a substring scan finds, on random documents and queries', () => {
		// A small alphabet with folding pairs (繁/简, width, case, combining marks) so that
		// random queries hit often and normalisation matters.
		const alphabet = [
			'环',
			'境',
			'環',
			'保',
			'护',
			'護',
			'发',
			'發',
			'髮',
			'p',
			'P',
			'Ｐ',
			'm',
			'2',
			'.',
			'5',
			'g',
			'G',
			' ',
			'\n',
			'的',
			'𠀀',
			'e',
			'\u0301',
			'é',
			'ß',
			's',
			'-',
			'"'
		];
		const str = (max: number) =>
			fc.array(fc.constantFrom(...alphabet), { maxLength: max }).map((a) => a.join(''));
		const arb = fc.record({
			title: str(8),
			kicker: fc.option(str(5)),
			subtitle: fc.option(str(5)),
			reporters: fc.array(str(3), { maxLength: 2 }),
			paragraphs: fc.array(str(30), { maxLength: 4 }),
			captions: fc.array(str(10), { maxLength: 2 })
		});
		const docsArb = fc.array(fc.array(arb, { minLength: 1, maxLength: 4 }), {
			minLength: 1,
			maxLength: 8
		});
		fc.assert(
			fc.property(
				docsArb,
				fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), str(6), fc.constantFrom('', '-', '"')), {
					minLength: 1,
					maxLength: 3
				}),
				fc.constantFrom<BuildMode>('add', 'addAll', 'restored'),
				(raw, picks, mode) => {
					const docs = raw.map((articles, d) =>
						doc(
							`d${d}`,
							articles.map((f, a) => article(`a${a}`, f))
						)
					);
					const texts = docs.flatMap((d) => d.articles.flatMap(fields)).filter(Boolean);
					// Terms: slices of indexed source text (found) or random strings (often not).
					const query = picks
						.map(([i, s, l, random, prefix]) => {
							const t = texts.length && i % 3 ? texts[i % texts.length] : random;
							const start = s % (t.length + 1);
							const term = t.slice(start, start + 1 + (l % 8)).replace(/[\s"]/g, '');
							return prefix === '"' ? `"${term}"` : prefix + term;
						})
						.join(' ');
					const index = build(docs, mode);
					expect(found(index, query)).toEqual(scan(docs, query));
				}
			),
			{ numRuns: 300 }
		);
	});

	it('returns exactly the articles a substring scan finds, for substrings of real text', () => {
		const docs = seedDocs(40);
		const index = build(docs, 'addAll');
		const corpus = docs.flatMap((d) => d.articles.flatMap(fields)).filter(Boolean);
		const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
		fc.assert(
			fc.property(
				fc.nat(),
				fc.nat(),
				fc.integer({ min: 1, max: 12 }),
				fc.boolean(),
				(i, s, length, traditional) => {
					const text = corpus[i % corpus.length];
					const start = s % text.length;
					let query = text.slice(start, start + length).replace(/\s/g, '');
					fc.pre(query.length > 0);
					if (traditional) query = toTraditional(query);
					const expected = scan(docs, query);
					expect(found(index, query)).toEqual(expected);
					// A substring of indexed text is found, unless it is query syntax (a lone `-` or quote).
					if (!traditional && !/["“”＂\-－]/.test(query)) {
						expect(expected.length).toBeGreaterThan(0);
					}
				}
			),
			{ numRuns: 400 }
		);
	});

	it('finds single characters, Latin and digits, and queries longer than any word', () => {
		const docs = [
			doc('p', [
				article('a', { title: '空气质量', paragraphs: ['PM2.5浓度下降，5G基站建成。'] }),
				article('b', { title: '其他', paragraphs: ['ＰＭ２．５ 与 ５Ｇ'] }),
				article('c', { title: '无关', paragraphs: ['pm25 与 G5'] })
			])
		];
		const index = build(docs);
		expect(found(index, 'PM2.5')).toEqual(['p/a', 'p/b']);
		expect(found(index, 'm2.')).toEqual(['p/a', 'p/b']);
		expect(found(index, '5g')).toEqual(['p/a', 'p/b']);
		expect(found(index, '5')).toEqual(['p/a', 'p/b', 'p/c']);
		expect(found(index, '与')).toEqual(['p/b', 'p/c']);
		expect(found(index, 'PM2.5浓度下降，5G基站建成。')).toEqual(['p/a']);
		expect(found(index, 'PM2.5浓度下降，5G基站建成。！')).toEqual([]);
	});

	it('never truncates: FlexSearch returns at most 100 unless told, 480 hits on 160 pages all count', () => {
		// FlexSearch holds one document per page, so more than 100 matching pages are needed.
		const docs = Array.from({ length: 160 }, (_, d) =>
			doc(
				`d${d}`,
				Array.from({ length: 3 }, (_, a) =>
					article(`a${a}`, { title: `第${d}版`, paragraphs: [`汾河治理第${d * 3 + a}段`] })
				)
			)
		);
		for (const mode of ['add', 'addAll', 'restored'] as const) {
			const index = build(docs, mode);
			const all = index.search('汾河', { limit: Infinity });
			expect(all.total).toBe(480);
			expect(all.hits).toHaveLength(480);
			expect(new Set(all.hits.map((h) => `${h.docId}/${h.articleId}`)).size).toBe(480);
			expect(index.search('汾', { limit: Infinity }).total).toBe(480);
			expect(index.search('汾河治理 第', { limit: Infinity }).total).toBe(480);
			const page = index.search('汾河治理');
			expect(page.total).toBe(480);
			expect(page.hits).toHaveLength(50);
		}
	});
});

describe('SearchIndex: semantics', () => {
	const docs = [
		doc('p1', [
			article('a', {
				title: '林武在中央生态环境保护督察整改工作推进会上强调',
				paragraphs: ['深入实施汾河全流域系统治理，\n推动汾河水量丰起来。']
			}),
			article('b', {
				title: '杏花岭区三桥街道获此殊荣',
				paragraphs: ['第七次全国人口普查工作中表现突出。'],
				reporters: ['杨文']
			})
		])
	];
	const index = build(docs);

	it('finds traditional queries in simplified text and back', () => {
		expect(found(index, '環境保護')).toEqual(['p1/a']);
		expect(found(index, '人口普查')).toEqual(['p1/b']);
		expect(found(index, '人口普通')).toEqual([]);
		const traditional = build([
			doc('t', [article('x', { title: '臺灣', paragraphs: ['環境保護與發展'] })])
		]);
		expect(found(traditional, '环境保护与发展')).toEqual(['t/x']);
		expect(found(traditional, '台湾')).toEqual(['t/x']);
	});

	it('ignores line breaks and spaces inside the source text', () => {
		expect(found(index, '治理，推动')).toEqual(['p1/a']);
	});

	it('never matches across two fields', () => {
		// title ends with 强调, the paragraph starts with 深入
		expect(found(index, '强调深入')).toEqual([]);
	});

	it('requires every term and honours exclusions and phrases', () => {
		expect(found(index, '汾河 人口')).toEqual([]);
		expect(found(index, '工作')).toEqual(['p1/a', 'p1/b']);
		expect(found(index, '工作 -普查')).toEqual(['p1/a']);
		expect(found(index, '工作 -"人口 普查"')).toEqual(['p1/a']);
		expect(found(index, '"汾河 水量"')).toEqual(['p1/a']);
		expect(found(index, '-普查')).toEqual([]);
		expect(found(index, '')).toEqual([]);
		expect(found(index, '   ')).toEqual([]);
	});

	it('searches bylines and reports the query in heading and snippet marks', () => {
		expect(found(index, '杨文')).toEqual(['p1/b']);
		const [hit] = index.search('汾河').hits;
		expect(hit.inTitle).toBe(false);
		expect(hit.count).toBe(2);
		const { text, ranges } = hit.snippet;
		expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['汾河', '汾河']);
		const [titleHit] = index.search('環境 督察').hits;
		expect(titleHit.inTitle).toBe(true);
		const t = titleHit.heading.title;
		expect(t.ranges.map(([s, e]) => t.text.slice(s, e))).toEqual(['环境', '督察']);
	});

	it('cuts long snippets around the first hit and marks it', () => {
		const long = '前'.repeat(200) + '汾河' + '后'.repeat(200);
		const i = build([doc('x', [article('y', { title: 't', paragraphs: [long] })])]);
		const { snippet } = i.search('汾河').hits[0];
		expect(snippet.text.startsWith('…')).toBe(true);
		expect(snippet.text.endsWith('…')).toBe(true);
		expect(snippet.text.length).toBeLessThan(120);
		expect(snippet.ranges).toHaveLength(1);
		const [s, e] = snippet.ranges[0];
		expect(snippet.text.slice(s, e)).toBe('汾河');
	});

	it('marks hits in source offsets, through folding and line breaks', () => {
		const text = '推進生態\n環境 保護工作，ＰＭ２．５';
		const ranges = highlight(text, '环境保护 pm2.5 -工作');
		expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['環境 保護', 'ＰＭ２．５']);
		expect(highlight(text, '')).toEqual([]);
	});
});

/** Leftmost non-overlapping occurrences of a term in a text, as a reader would count them. */
function countIn(text: string, term: string): number {
	let n = 0;
	for (let p = text.indexOf(term); p >= 0; p = text.indexOf(term, p + term.length)) n++;
	return n;
}

describe('SearchIndex: counts, order and snippets', () => {
	for (const size of [1_000, 50_000]) {
		it(`counts hits exactly in a run of one character ${size} long`, () => {
			const run = '汾'.repeat(size);
			const docs = [
				doc('p', [
					article('a', { title: '汾汾', paragraphs: [run, `${run}河`] }),
					article('b', { title: '河', paragraphs: ['汾河'.repeat(size / 2)] })
				])
			];
			for (const mode of ['add', 'addAll', 'restored'] as const) {
				const index = build(docs, mode);
				for (const q of ['汾', '汾汾汾', '汾'.repeat(7), '汾河', '汾汾河', '汾汾 河', '汾汾 -河']) {
					const { include } = compileQuery(q);
					const hits = index.search(q, { limit: Infinity }).hits;
					expect(hits.map((h) => h.articleId).sort()).toEqual(
						scan(docs, q).map((key) => key.split('/')[1])
					);
					for (const hit of hits) {
						const a = docs[0].articles.find((x) => x.id === hit.articleId) as Article;
						// The fields in the index's order, an absent agency left out.
						const norm = fields(a)
							.filter((f, i) => i !== 3 || a.agency)
							.map(normalize)
							.join('\n');
						expect(hit.count).toBe(include.reduce((n, t) => n + countIn(norm, t), 0));
						expect(hit.firstOffset).toBe(Math.min(...include.map((t) => norm.indexOf(t))));
					}
				}
			}
		});
	}

	it('gives the first pages of hits in the order of the full ranking', () => {
		// Many matches with ties in every ranking key but the last.
		const docs = Array.from({ length: 60 }, (_, d) =>
			doc(
				`d${String(d).padStart(2, '0')}`,
				Array.from({ length: 8 }, (_, a) =>
					article(`a${a}`, {
						title: a % 3 ? '标题' : '汾河标题',
						paragraphs: ['汾河'.repeat(1 + ((a * d) % 4)), a % 2 ? '汾' : '河']
					})
				),
				{ date: `2022-0${1 + (d % 5)}-01` }
			)
		);
		for (const q of ['汾河', '汾', '河 -标题汾']) {
			const all = build(docs, 'addAll').search(q, { limit: Infinity });
			for (const [offset, limit] of [
				[0, 10],
				[0, 1],
				[10, 10],
				[5, 100],
				[0, 300]
			]) {
				const fresh = build(docs, 'addAll');
				const page = fresh.search(q, { offset, limit });
				expect(page.total).toBe(all.total);
				expect(page.hits).toEqual(all.hits.slice(offset, offset + limit));
				// then a later page of the same (cached) query
				expect(fresh.search(q, { offset: offset + limit, limit: 20 }).hits).toEqual(
					all.hits.slice(offset + limit, offset + limit + 20)
				);
			}
		}
	});

	it('marks in a snippet exactly the occurrences highlight finds in its window', () => {
		const alphabet = ['汾', '河', '環', '环', ' ', 'Ａ', 'a', '\u0301', '𠀀'];
		const str = (min: number, max: number) =>
			fc
				.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max, size: 'max' })
				.map((a) => a.join(''));
		fc.assert(
			fc.property(
				// Long enough for hits beyond the window, the first hit early or late.
				str(0, 400),
				fc.array(str(1, 3), { minLength: 1, maxLength: 2 }),
				fc.nat(2000),
				(body, terms, late) => {
					const paragraph = '文'.repeat(late) + body;
					const query = terms.map((t) => t.replace(/\s/g, '')).join(' ');
					const { include } = compileQuery(query);
					fc.pre(include.length > 0);
					const index = build([doc('p', [article('a', { title: '题', paragraphs: [paragraph] })])]);
					const hit = index.search(query, { limit: 1 }).hits[0];
					if (!hit) return;
					const { text, ranges } = hit.snippet;
					const before = text.startsWith('…') ? 1 : 0;
					const core = text.slice(before, text.endsWith('…') ? -1 : undefined);
					const all = highlight(paragraph, query);
					// The window starts at most 24 characters before the first mark.
					const start = paragraph.indexOf(core, Math.max(0, all[0][0] - 25 - 96));
					expect(start).toBeGreaterThanOrEqual(0);
					const end = start + core.length;
					const expected = all
						.filter(([s, e]) => e > start && s < end)
						.map(([s, e]) => [
							Math.max(s, start) - start + before,
							Math.min(e, end) - start + before
						]);
					expect(ranges).toEqual(expected);
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('articleHit', () => {
	it('makes the hit an index of the page makes for that article, and none for an article that does not match', () => {
		const docs = seedDocs(12);
		const corpus = docs.flatMap((d) => d.articles.flatMap(fields)).filter(Boolean);
		const indexes = docs.map((d) => build([d]));
		fc.assert(
			fc.property(
				fc.nat(),
				fc.nat(),
				fc.integer({ min: 1, max: 8 }),
				fc.constantFrom('', ' -的', ' 杨文', ' "发展 建设"'),
				fc.nat(),
				(i, s, length, more, d) => {
					const text = corpus[i % corpus.length];
					const start = s % text.length;
					const term = text.slice(start, start + length).replace(/[\s"“”＂\-－]/g, '');
					fc.pre(term.length > 0);
					const query = term + more;
					const page = docs[d % docs.length];
					const hits = indexes[d % docs.length].search(query, { limit: Infinity }).hits;
					page.articles.forEach((a, n) => {
						const expected = hits.find((h) => h.articleId === a.id && h.block === null) ?? null;
						expect(articleHit(page, n, query)).toEqual(expected);
					});
				}
			),
			{ numRuns: 300 }
		);
	});

	it('is null past the page’s articles and for a query without terms', () => {
		const page = doc('p', [article('a1', { title: '汾河', paragraphs: ['汾河两岸'] })]);
		expect(articleHit(page, 0, '汾河')?.snippet.ranges).toEqual([[0, 2]]);
		expect(articleHit(page, 1, '汾河')).toBeNull();
		expect(articleHit(page, 0, '-汾河')).toBeNull();
	});
});

describe('SearchIndex: ranking, filters, paging', () => {
	it('ranks heading hits first, then more hits, then earlier hits, then newer pages', () => {
		const docs = [
			doc('old', [article('body3', { title: 'x', paragraphs: ['汾河汾河汾河'] })], {
				date: '2020-01-01'
			}),
			doc(
				'new',
				[
					article('body1late', { title: 'x', paragraphs: ['一二三四五汾河'] }),
					article('body1', { title: 'x', paragraphs: ['汾河'] }),
					article('title', { title: '汾河', paragraphs: ['无'] }),
					article('kicker', { title: 'x', kicker: '说汾河', paragraphs: [] })
				],
				{ date: '2022-01-01' }
			),
			doc('older', [article('body1', { title: 'x', paragraphs: ['汾河'] })], {
				date: '2021-01-01'
			})
		];
		const order = build(docs)
			.search('汾河', { limit: Infinity })
			.hits.map((h) => `${h.docId}/${h.articleId}`);
		expect(order).toEqual([
			'new/title',
			'new/kicker',
			'old/body3',
			'new/body1',
			'older/body1',
			'new/body1late'
		]);
	});

	it('filters by paper, date range, page and reporter', () => {
		const docs = seedDocs(24);
		const index = build(docs);
		const filters: SearchFilters[] = [
			{ paper: '山西日报' },
			{ paper: '无此报' },
			{ dateFrom: '2022-12-05', dateTo: '2022-12-12' },
			{ dateFrom: '2022-12-20' },
			{ dateTo: '2022-12-03' },
			{ page: 2 },
			{ reporter: '杨文' },
			{ paper: '太行日报', page: 3, reporter: '杨文' }
		];
		for (const f of filters) {
			for (const q of ['生态', '发展', '的', '整改工作']) {
				expect(found(index, q, f)).toEqual(scan(docs, q, f));
			}
		}
		expect(found(index, '生态', { paper: '山西日报' }).length).toBeGreaterThan(0);
		// empty fields are no filter, as an unset form field sends them
		expect(found(index, '生态', { paper: '', reporter: '', dateFrom: '', dateTo: '' })).toEqual(
			found(index, '生态')
		);
		expect(found(index, '生态', { paper: '无此报' })).toEqual([]);
	});

	it('pages through the ranked hits without gaps or repeats', () => {
		const index = build(seedDocs(30));
		const all = index.search('生态', { limit: Infinity });
		expect(all.total).toBeGreaterThan(20);
		const paged = [];
		for (let offset = 0; offset < all.total; offset += 5) {
			const page = index.search('生态', { offset, limit: 5 });
			expect(page.total).toBe(all.total);
			paged.push(...page.hits);
		}
		expect(paged.map((h) => `${h.docId}/${h.articleId}`)).toEqual(
			all.hits.map((h) => `${h.docId}/${h.articleId}`)
		);
		expect(index.search('生态', { offset: all.total, limit: 7 }).hits).toEqual([]);
	});

	it('lists facets with article counts', () => {
		const index = build([
			doc('a', [article('1', { reporters: ['杨文'], correspondents: ['李明'] }), article('2')], {
				paper: '山西日报',
				date: '2022-12-23',
				pageNumber: 2
			}),
			doc('b', [article('1', { reporters: ['杨文'] })], {
				paper: '太行日报',
				date: '2022-12-24',
				pageNumber: 1
			})
		]);
		expect(index.facets()).toEqual({
			papers: [
				{ value: '山西日报', count: 2 },
				{ value: '太行日报', count: 1 }
			],
			pages: [
				{ value: 1, count: 1 },
				{ value: 2, count: 2 }
			],
			reporters: [
				{ value: '杨文', count: 2 },
				{ value: '李明', count: 1 }
			],
			dates: [
				{ value: '2022-12-24', count: 1 },
				{ value: '2022-12-23', count: 2 }
			]
		});
	});
});

describe('SearchIndex: updates and snapshots', () => {
	it('builds the same index in bulk as page by page, later pages replacing earlier ones', () => {
		const docs = seedDocs(12);
		const replaced = doc('page4', [article('only', { title: '替换后的版面' })]);
		const one = build([...docs, replaced]);
		const bulk = new SearchIndex();
		bulk.addAll([...docs, replaced]);
		for (const q of ['生态', '替换', '的', '整改 -督察', '发展和生态']) {
			expect(bulk.search(q, { limit: Infinity })).toEqual(one.search(q, { limit: Infinity }));
		}
		expect(found(bulk, '替换')).toEqual(['page4/only']);
		// into a non-empty index: a few pages one by one, many pages by rebuilding
		bulk.addAll([doc('more', [article('1', { title: '独有词语' })])]);
		expect(found(bulk, '独有词语')).toEqual(['more/1']);
		const extra = seedDocs(60).slice(12);
		const moved = doc('page2', [article('x', { title: '独有词语' })]);
		bulk.addAll([...extra, moved]);
		one.add(doc('more', [article('1', { title: '独有词语' })]));
		for (const d of [...extra, moved]) one.add(d);
		expect(bulk.docIds()).toEqual(one.docIds());
		for (const q of ['生态', '独有词语', '的', '发展和生态']) {
			expect(bulk.search(q, { limit: Infinity })).toEqual(one.search(q, { limit: Infinity }));
		}
	});

	it('stays exact through any sequence of adds, removals, bulk adds and restores', () => {
		const pool = seedDocs(24);
		// Pages of very different sizes, so segments of every size merge and compact.
		const variant = (d: number, v: number) =>
			v % 3 === 0
				? doc(pool[d].id, [article('v', { title: `第${v}稿`, paragraphs: ['生态'.repeat(v % 7)] })])
				: v % 3 === 1
					? doc(pool[d].id, [])
					: pool[d];
		const op = fc.tuple(
			fc.constantFrom('add', 'remove', 'addAll', 'restore'),
			fc.nat(23),
			fc.nat(20)
		);
		fc.assert(
			fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
				let index = new SearchIndex();
				const live = new Map<string, ParsedDocument>();
				for (const [kind, d, v] of ops) {
					if (kind === 'add') {
						index.add(variant(d, v));
						live.delete(pool[d].id);
						live.set(pool[d].id, variant(d, v));
					} else if (kind === 'remove') {
						index.remove(pool[d].id);
						live.delete(pool[d].id);
					} else if (kind === 'addAll') {
						const batch = pool.slice(d, d + v + 1);
						index.addAll(batch);
						for (const page of batch) {
							live.delete(page.id);
							live.set(page.id, page);
						}
					} else {
						index = SearchIndex.import(structuredClone(index.export()));
					}
				}
				expect(index.docIds()).toEqual([...live.keys()]);
				for (const q of ['生态', '的', '稿', '整改 -督察']) {
					expect(found(index, q)).toEqual(scan([...live.values()], q));
				}
			}),
			{ numRuns: 150 }
		);
	});

	it('removes and replaces documents', () => {
		const index = build([
			doc('a', [article('1', { title: '汾河' })]),
			doc('b', [article('1', { title: '汾河' })])
		]);
		expect(index.search('汾河').total).toBe(2);
		index.remove('a');
		expect(found(index, '汾河')).toEqual(['b/1']);
		index.add(doc('b', [article('2', { title: '黄河' })]));
		expect(found(index, '汾河')).toEqual([]);
		expect(found(index, '黄河')).toEqual(['b/2']);
		expect(index.docIds()).toEqual(['b']);
		index.remove('missing');
		expect(index.articleCount).toBe(1);
	});

	it('restores from a structured clone of its snapshot with identical results', () => {
		const docs = seedDocs(21);
		const index = build(docs.slice(0, 20));
		index.remove('page3');
		index.add(docs[20]);
		const snapshot: SearchSnapshot = structuredClone(index.export());
		expect(snapshot.docs.map((d) => d.id)).toEqual(index.docIds());
		const restored = SearchIndex.import(snapshot);
		for (const q of ['生态', '環境保護', '的', '整改 -督察', '"中央 生态"', '不存在的词', '杨文']) {
			for (const filters of [{}, { page: 2 }]) {
				expect(restored.search(q, { limit: Infinity, filters })).toEqual(
					index.search(q, { limit: Infinity, filters })
				);
			}
		}
		expect(restored.facets()).toEqual(index.facets());
		// the restored index keeps working
		restored.add(doc('new', [article('1', { title: '汾河新闻' })]));
		expect(found(restored, '汾河新闻')).toEqual(['new/1']);
		restored.remove('page5');
		expect(found(restored, '生态')).toEqual(
			scan(
				docs.filter((d) => d.id !== 'page3' && d.id !== 'page5'),
				'生态'
			)
		);
	});

	it('refuses a snapshot from another version', () => {
		const snapshot = { ...build([]).export(), version: 'other' };
		expect(() => SearchIndex.import(snapshot)).toThrow(/version/);
		expect(build([]).export().version).toBe(SEARCH_VERSION);
	});

	it('derives cache keys from document hashes, parser version and search version', () => {
		const key = indexCacheKey(['h1', 'h2'], 'parser-1');
		expect(indexCacheKey(['h2', 'h1'], 'parser-1')).toBe(key);
		expect(indexCacheKey(['h1', 'h3'], 'parser-1')).not.toBe(key);
		expect(indexCacheKey(['h1', 'h2'], 'parser-2')).not.toBe(key);
		expect(indexCacheKey(['h1'], 'parser-1')).not.toBe(key);
		expect(key).toContain(SEARCH_VERSION);
		expect(hashString('汾河')).toMatch(/^[0-9a-f]{14}$/);
		expect(hashString('汾河')).not.toBe(hashString('汾川'));
	});
});
