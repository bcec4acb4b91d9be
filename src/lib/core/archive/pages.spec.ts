import { describe, expect, it } from 'vitest';
import type {
	ArchiveManifest,
	CatalogLocator,
	CatalogPage,
	CatalogShard,
	ManifestCatalogEntry
} from './catalog';
import {
	archivePageFile,
	catalogSummary,
	checkCatalogShard,
	checkDownloadSizes,
	checkLocator,
	checkManifest,
	archivePapers,
	newestIssueFiles,
	newestMonthEntries,
	offlineFiles,
	pageSidecar
} from './pages';
import { ARCHIVE_FORMAT } from './version';
import { article, buildArchiveInMemory, doc } from './testing.spec-helpers';

function page(id: string, paper: string | null, date: string | null, hash: string): CatalogPage {
	return {
		id,
		source: `${id}.txt`,
		paper,
		date,
		page: 1,
		pageName: null,
		titleLine: '',
		hash,
		articles: [[`${id}-a`, '标题']]
	};
}

const entry = (
	paper: string | null,
	month: string | null,
	name: string,
	firstArticle = 0,
	articles = 1
): ManifestCatalogEntry => ({
	paper,
	month,
	name,
	locator: name.replace('catalog-', 'locator-'),
	bytes: 10,
	pages: 1,
	firstArticle,
	articles
});

const manifest: ArchiveManifest = {
	format: ARCHIVE_FORMAT,
	bucketBits: 12,
	pages: 3,
	articles: 3,
	catalog: [
		entry('甲报', '2026-03', 'catalog-aa.json', 0),
		entry('乙报', '2026-03', 'catalog-bb.json', 1),
		entry('甲报', '2026-02', 'catalog-cc.json', 2)
	],
	index: { id: 'dd', shards: 4096, shardBytes: 5, chunkFiles: 0, chunkBytes: 0 }
};

describe('archive pages', () => {
	it('names page files by the content hash and refuses a hash no build writes', () => {
		expect(archivePageFile({ hash: '0123abcd' })).toBe('page-0123abcd.txt');
		expect(archivePageFile({ hash: '../../x' })).toBeNull();
	});

	it('gives the parser the catalog details as a sidecar, nothing for unknown ones', () => {
		expect(pageSidecar(page('p', '甲报', '2026-03-05', 'aa'))).toEqual({
			paper: '甲报',
			date: '2026-03-05',
			page: 1
		});
		expect(pageSidecar({ ...page('p', null, null, 'aa'), page: null })).toBeNull();
	});

	it('lists a catalog page with its headings until it is opened', () => {
		const summary = catalogSummary(page('p', '甲报', '2026-03-05', 'aa'));
		expect(summary.page).toMatchObject({ paper: '甲报', date: '2026-03-05', pageNumber: 1 });
		expect(summary.articles.map((a) => [a.id, a.title])).toEqual([['p-a', '标题']]);
		expect(summary.error).toBeNull();
	});

	it('takes a manifest as a build writes it and refuses anything else, saying why', () => {
		expect(checkManifest(structuredClone(manifest))).toEqual(manifest);
		const built = buildArchiveInMemory(
			[
				{
					doc: doc('p', [article('a', { paragraphs: ['环境保护环境保护'] })], {
						paper: '甲报',
						date: '2026-03-05'
					}),
					hash: 'aa'
				}
			],
			{ chunkBytes: 8 }
		).manifest;
		expect(checkManifest(JSON.parse(JSON.stringify(built)))).toEqual(built);

		const refused = (change: (m: Record<string, unknown>) => void) => {
			const copy = structuredClone(manifest) as unknown as Record<string, unknown>;
			change(copy);
			return checkManifest(copy);
		};
		expect(refused((m) => (m.format = 'banmian-archive-1'))).toMatch(/banmian-archive-1/);
		// Format 2 had no locators: its hits could not be placed.
		expect(refused((m) => (m.format = 'banmian-archive-2'))).toBe(
			`档案格式 banmian-archive-2,本阅读器读 ${ARCHIVE_FORMAT}`
		);
		expect(refused((m) => delete (m.catalog as { locator?: string }[])[0].locator)).toMatch(
			/分目录/
		);
		expect(
			refused((m) => ((m.catalog as { locator: string }[])[0].locator = '../index.html'))
		).toMatch(/分目录/);
		// Format 1's index was a list of shards.
		expect(
			refused((m) => (m.index = [{ firstBucket: 0, name: 'index-dd.bin', bytes: 5 }]))
		).toMatch(/索引/);
		// The id goes into every index file's URL.
		expect(refused((m) => ((m.index as { id: string }).id = '../../x'))).toMatch(/索引/);
		expect(refused((m) => ((m.index as { shards: number }).shards = 3))).toMatch(/索引/);
		expect(refused((m) => ((m.index as { chunkBytes: unknown }).chunkBytes = -1))).toMatch(/索引/);
		expect(refused((m) => (m.bucketBits = 40))).toMatch(/分片/);
		expect(
			refused((m) => ((m.catalog as { name: string }[])[0].name = '../../secret.json'))
		).toMatch(/分目录/);
		// A gap in the article numbers would place hits in the wrong month.
		expect(refused((m) => ((m.catalog as { firstArticle: number }[])[1].firstArticle = 5))).toMatch(
			/分目录/
		);
		expect(refused((m) => (m.articles = 4))).toMatch(/文章数/);
		expect(checkManifest('{}')).toMatch(/不是档案目录/);
		expect(checkManifest(null)).toMatch(/不是档案目录/);
	});

	it('takes a catalog shard only when it fits its manifest entry', () => {
		const shard: CatalogShard = {
			paper: '甲报',
			month: '2026-03',
			firstArticle: 0,
			pages: [page('p', '甲报', '2026-03-05', 'aa')]
		};
		expect(checkCatalogShard(structuredClone(shard), manifest.catalog[0])).not.toBeNull();
		expect(checkCatalogShard(shard, manifest.catalog[1])).toBeNull();
		expect(
			checkCatalogShard(
				{ ...shard, pages: [{ ...shard.pages[0], hash: 'x/y' }] },
				manifest.catalog[0]
			)
		).toBeNull();
		expect(checkCatalogShard({ ...shard, pages: [] }, manifest.catalog[0])).toBeNull();
	});

	it('takes a locator only when it fits its manifest entry, and refuses a bad one', () => {
		const entry = { ...manifest.catalog[0], pages: 2, articles: 3 };
		const locator: CatalogLocator = {
			paper: '甲报',
			month: '2026-03',
			firstArticle: 0,
			pages: [
				['p1', 'p1.txt', 'aa', '2026-03-05', 1, null, 2],
				['p2', 'p2.txt', 'bb', null, null, '要闻', 1]
			]
		};
		expect(checkLocator(structuredClone(locator), entry)).toEqual(locator);
		const refused = (change: (l: CatalogLocator & Record<string, unknown>) => void) => {
			const copy = structuredClone(locator) as CatalogLocator & Record<string, unknown>;
			change(copy);
			return checkLocator(copy, entry);
		};
		// Another shard's locator, or one whose numbers would place hits on the wrong page.
		expect(refused((l) => (l.paper = '乙报'))).toBeNull();
		expect(refused((l) => (l.month = '2026-02'))).toBeNull();
		expect(refused((l) => (l.firstArticle = 1))).toBeNull();
		expect(refused((l) => (l.pages[0][6] = 3))).toBeNull();
		expect(refused((l) => (l.pages[1][6] = -1))).toBeNull();
		expect(refused((l) => l.pages.pop())).toBeNull();
		// What goes into a URL or the parser: a hash, a date, a page number.
		expect(refused((l) => (l.pages[0][2] = '../../x'))).toBeNull();
		expect(refused((l) => (l.pages[0][3] = '2026-3-5'))).toBeNull();
		expect(refused((l) => (l.pages[0][4] = 1.5))).toBeNull();
		expect(refused((l) => (l.pages[0][0] = 'x'.repeat(301)))).toBeNull();
		expect(refused((l) => (l.pages[0] as unknown[]).push('extra'))).toBeNull();
		expect(refused((l) => ((l as { pages: unknown }).pages = {}))).toBeNull();
		expect(checkLocator(null, entry)).toBeNull();
		expect(checkLocator([], entry)).toBeNull();
	});

	it('loads the newest month of every paper first', () => {
		expect(newestMonthEntries(manifest).map((e) => e.name)).toEqual([
			'catalog-aa.json',
			'catalog-bb.json'
		]);
	});

	it('keeps the newest issues offline, across papers, each file once', () => {
		const shards: CatalogShard[] = [
			{
				paper: '甲报',
				month: '2026-03',
				firstArticle: 0,
				pages: [
					page('a2', '甲报', '2026-03-25', '02'),
					page('a1', '甲报', '2026-03-05', '01'),
					page('a0', '甲报', null, '00')
				]
			},
			{
				paper: '乙报',
				month: '2026-03',
				firstArticle: 3,
				pages: [page('b2', '乙报', '2026-03-25', '02'), page('b1', '乙报', '2026-03-15', '11')]
			}
		];
		// 03-25 of both papers (one file: the same bytes), then 乙报 03-15.
		expect(newestIssueFiles(shards, 3)).toEqual(['page-02.txt', 'page-11.txt']);
		expect(newestIssueFiles(shards, 0)).toEqual([]);
		expect(offlineFiles([manifest.catalog[0]], shards.slice(0, 1))).toEqual([
			'catalog-aa.json',
			'locator-aa.json',
			'page-02.txt',
			'page-01.txt',
			'page-00.txt'
		]);
	});

	it('reads download sizes, dropping what is not a shard and a byte count', () => {
		const sizes = checkDownloadSizes({ 'catalog-aa.json': 100, '../x': 5, 'catalog-bb.json': -1 });
		expect([...sizes]).toEqual([['catalog-aa.json', 100]]);
		expect(checkDownloadSizes(null).size).toBe(0);
	});
});

describe('archivePapers', () => {
	it('lists each paper once with its months newest first and its pages', () => {
		expect(
			archivePapers([
				{ paper: '乙报', month: '2026-02', pages: 2 },
				{ paper: '甲报', month: '2026-01', pages: 3 },
				{ paper: '甲报', month: '2026-03', pages: 1 },
				{ paper: '甲报', month: null, pages: 4 },
				{ paper: null, month: '2026-03', pages: 9 }
			])
		).toEqual([
			{ paper: '乙报', months: ['2026-02'], pages: 2 },
			{ paper: '甲报', months: ['2026-03', '2026-01'], pages: 8 }
		]);
	});
});
