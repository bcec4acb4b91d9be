/**
 * What the first 10 hits of a search cost to show, beyond the index: placing them (the catalog
 * shards of their months, or their locators) and making them (their pages' files, parsed, and a
 * heading and snippet per hit). Runs the fixed query set (bench/search.ts buildQueries, drawn from
 * the library's first pages as bench/archive.ts draws it) against built archives on disk, cold
 * per query, and counts bytes gzipped (as a host compressing JSON and text sends them; index
 * shards as they are): cold, and as the app searches, the newest month's catalog shards held
 * (the library lists them first; they place that month's hits). Hit making is timed both ways
 * on the same pages, and the two must agree.
 *   npx tsx bench/archive-hits.ts LIBRARY ARCHIVE   (an archive with locators: both ways)
 *   npx tsx bench/archive-hits.ts LIBRARY ARCHIVE OLD_ARCHIVE   (placing by OLD's catalog too)
 * LIBRARY holds the page files (`<source>` and its `.json` sidecar), as the build read them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
	articleInLocator,
	articleInShard,
	locateArticle,
	type ArchiveManifest,
	type CatalogLocator,
	type CatalogShard
} from '../src/lib/core/archive/catalog';
import { pageSidecar } from '../src/lib/core/archive/pages';
import { ArchiveSearch } from '../src/lib/core/archive/search';
import { parsePage } from '../src/lib/core/parse/index';
import { SearchIndex, articleHit } from '../src/lib/core/search/index';
import type { ParsedDocument } from '../src/lib/core/parse/types';
import { readPages } from '../scripts/read-pages';
import { SLOW_4G } from './archive';
import { buildQueries } from './search';
import { percentile } from './stats';

const [library, archive, oldArchive] = process.argv.slice(2);
if (!library || !archive) {
	process.stderr.write('usage: npx tsx bench/archive-hits.ts LIBRARY ARCHIVE [OLD_ARCHIVE]\n');
	process.exit(2);
}

const readJson = <T>(dir: string, name: string) =>
	JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
const gzipped = new Map<string, number>();
const gzipBytes = (path: string) => {
	let n = gzipped.get(path);
	if (n === undefined) gzipped.set(path, (n = gzipSync(readFileSync(path)).length));
	return n;
};

const manifest = readJson<ArchiveManifest>(archive, 'manifest.json');
const old = oldArchive ? readJson<ArchiveManifest>(oldArchive, 'manifest.json') : null;
const sample = readPages(
	'bench',
	Array.from({ length: 300 }, (_, k) => join(library, `p${String(k).padStart(4, '0')}.txt`))
).docs;
const queries = buildQueries(sample);

const rows: Record<string, number>[] = [];
let differing = 0;
for (const query of queries) {
	const search = new ArchiveSearch(
		manifest,
		async (name) => new Uint8Array(readFileSync(join(archive, name)))
	);
	const found = await search.search(query, { limit: 10, exactTotal: false });
	const entries = found.hits.map((h) => locateArticle(manifest, h.article)!);
	const distinct = <T>(list: T[]) => [...new Set(list)];
	const catalogs = distinct(entries.map((e) => e.name));
	const locators = distinct(entries.map((e) => e.locator));
	const older = entries.filter((e) => e.month !== manifest.catalog[0].month);
	const locatorOf = new Map(
		locators.map((name) => [name, readJson<CatalogLocator>(archive, name)] as const)
	);
	const placed = found.hits.map((h, i) =>
		articleInLocator(locatorOf.get(entries[i].locator)!, h.article)!
	);
	const sources = distinct(placed.map((p) => p.page.source));
	const row: Record<string, number> = {
		hits: found.hits.length,
		indexKB: found.fetched.bytes / 1000,
		indexRounds: found.fetched.rounds,
		locatorKB: locators.reduce((sum, n) => sum + gzipBytes(join(archive, n)), 0) / 1000,
		catalogKB: catalogs.reduce((sum, n) => sum + gzipBytes(join(archive, n)), 0) / 1000,
		heldLocatorKB:
			distinct(older.map((e) => e.locator)).reduce((s, n) => s + gzipBytes(join(archive, n)), 0) /
			1000,
		heldCatalogKB:
			distinct(older.map((e) => e.name)).reduce((s, n) => s + gzipBytes(join(archive, n)), 0) /
			1000,
		heldPlacingRounds: older.length ? 1 : 0,
		pageKB: sources.reduce((sum, s) => sum + gzipBytes(join(library, s)), 0) / 1000
	};
	if (old) {
		// The same pages in the same archive order: the old build places the same hits.
		const oldEntries = found.hits.map((h) => locateArticle(old, h.article)!);
		const names = distinct(oldEntries.map((e) => e.name));
		row.oldCatalogKB = names.reduce((sum, n) => sum + gzipBytes(join(oldArchive, n)), 0) / 1000;
	}

	// Making the hits from the parsed pages: a one-page SearchIndex each (before), articleHit (now).
	const docs = new Map<string, ParsedDocument>();
	for (const { page } of placed) {
		if (docs.has(page.id)) continue;
		const text = readFileSync(join(library, page.source), 'utf8');
		docs.set(page.id, parsePage(text, page.source, pageSidecar(page)));
	}
	const shards = new Map(
		catalogs.map((name) => [name, readJson<CatalogShard>(archive, name)] as const)
	);
	let t = performance.now();
	const indexes = new Map<string, SearchIndex>();
	const before = found.hits.map((h, i) => {
		const { page, articleId } = articleInShard(shards.get(entries[i].name)!, h.article)!;
		let index = indexes.get(page.id);
		if (!index) {
			indexes.set(page.id, (index = new SearchIndex()));
			index.add(docs.get(page.id)!);
		}
		return index
			.search(query, { limit: Infinity })
			.hits.find((x) => x.articleId === articleId && x.block === null);
	});
	row.indexHitMs = performance.now() - t;
	t = performance.now();
	const now = placed.map((p) => articleHit(docs.get(p.page.id)!, p.index, query));
	row.articleHitMs = performance.now() - t;
	if (JSON.stringify(before) !== JSON.stringify(now)) differing++;
	rows.push(row);
}

const slowMs = (kb: number, rounds: number) =>
	rounds * SLOW_4G.rttMs + (kb * 1000) / SLOW_4G.bytesPerMs;
const withHits = rows.filter((r) => r.hits > 0);
const stat = (values: number[]) => ({
	p50: Math.round(percentile(values, 50) * 10) / 10,
	p95: Math.round(percentile(values, 95) * 10) / 10,
	max: Math.round(Math.max(...values) * 10) / 10
});
const report: Record<string, unknown> = {
	queries: rows.length,
	queriesWithHits: withHits.length,
	hitsDifferingBetweenWays: differing,
	placingKB: {
		locators: stat(withHits.map((r) => r.locatorKB)),
		catalogShards: stat(withHits.map((r) => r.catalogKB)),
		...(old ? { oldCatalogShards: stat(withHits.map((r) => r.oldCatalogKB)) } : {})
	},
	placingKBNewestMonthHeld: {
		locators: stat(withHits.map((r) => r.heldLocatorKB)),
		catalogShards: stat(withHits.map((r) => r.heldCatalogKB)),
		queriesFetchingAny: withHits.filter((r) => r.heldPlacingRounds).length
	},
	pageFilesKB: stat(withHits.map((r) => r.pageKB)),
	// Index, then placing, then page files: the rounds one after another.
	firstTenKB: {
		byLocators: stat(rows.map((r) => r.indexKB + r.locatorKB + r.pageKB)),
		byCatalogShards: stat(rows.map((r) => r.indexKB + r.catalogKB + r.pageKB))
	},
	firstTenKBNewestMonthHeld: {
		byLocators: stat(rows.map((r) => r.indexKB + r.heldLocatorKB + r.pageKB)),
		byCatalogShards: stat(rows.map((r) => r.indexKB + r.heldCatalogKB + r.pageKB))
	},
	firstTenSlow4gMsNewestMonthHeld: {
		byLocators: stat(
			rows.map((r) =>
				slowMs(
					r.indexKB + r.heldLocatorKB + r.pageKB,
					r.indexRounds + r.heldPlacingRounds + (r.hits ? 1 : 0)
				)
			)
		),
		byCatalogShards: stat(
			rows.map((r) =>
				slowMs(
					r.indexKB + r.heldCatalogKB + r.pageKB,
					r.indexRounds + r.heldPlacingRounds + (r.hits ? 1 : 0)
				)
			)
		)
	},
	firstTenSlow4gMs: {
		byLocators: stat(
			rows.map((r) => slowMs(r.indexKB + r.locatorKB + r.pageKB, r.indexRounds + (r.hits ? 2 : 0)))
		),
		byCatalogShards: stat(
			rows.map((r) => slowMs(r.indexKB + r.catalogKB + r.pageKB, r.indexRounds + (r.hits ? 2 : 0)))
		)
	},
	hitMakingMs: {
		onePageIndexes: stat(withHits.map((r) => r.indexHitMs)),
		articleHit: stat(withHits.map((r) => r.articleHitMs))
	}
};
process.stdout.write(`${JSON.stringify(report, null, '\t')}\n`);
