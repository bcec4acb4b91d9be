/**
 * Archive benchmark: writes a deterministic synthetic archive (bench/corpus.ts writeLibrary, 8
 * pages a day, about 11 KB a page), builds it with scripts/build-archive.ts in a child process
 * (its own time and peak RSS), then runs the fixed query set (bench/search.ts buildQueries)
 * against it from disk: per query what a cold search fetches for its first 10 hits and for its
 * exact total (bytes, files, rounds of fetches), the modelled time of that on slow 4G, the time
 * with those files in memory, and every hit and total against a substring scan of the pages.
 *   npx tsx bench/archive.ts              (3,000 and 30,000 pages; prints JSON)
 *   npx tsx bench/archive.ts 3000 10000   (other sizes)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { ArchiveManifest, CatalogShard } from '../src/lib/core/archive/catalog';
import { articleSearchText } from '../src/lib/core/archive/format';
import { ArchiveSearch, type ArchiveResult } from '../src/lib/core/archive/search';
import type { ParsedDocument } from '../src/lib/core/parse/types';
import { compileQuery } from '../src/lib/core/search/query';
import type { ArchiveBuildFigures } from '../scripts/build-archive';
import { readPages } from '../scripts/read-pages';
import { SEED_FOLDERS, writeLibrary } from './corpus';
import { buildQueries } from './search';
import { percentile } from './stats';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE_BYTES = 11_000;

/**
 * Lighthouse's mobile throttling ("slow 4G"): 150 ms round trip, 1.6 Mbps down. A search's
 * modelled cold time is one round trip per round of fetches (the files of a round go out
 * together, as HTTP/2 sends them) plus its bytes at that rate; the manifest is already held
 * (the first visit loads it), and nothing else (parsing, CPU) is counted.
 */
export const SLOW_4G = { rttMs: 150, bytesPerMs: 1_600_000 / 8 / 1000 };

export function slow4gMs(fetched: ArchiveResult['fetched']): number {
	return fetched.rounds * SLOW_4G.rttMs + fetched.bytes / SLOW_4G.bytesPerMs;
}

export interface Distribution {
	p50: number;
	p95: number;
	max: number;
}

/** Per query: what reaching a result cost. KB are 1,000 bytes. */
export interface QueryCost {
	kb: Distribution;
	files: Distribution;
	rounds: Distribution;
	/** Modelled cold time on slow 4G (SLOW_4G). */
	slow4gMs: Distribution;
	/** Measured with every file it needs already in memory. */
	cachedMs: Distribution;
}

export interface ArchiveSize {
	build: ArchiveBuildFigures & { indexOverText: number };
	/** What a first visit loads to list the newest issue: the manifest and the newest month's catalog. */
	firstVisitBytes: number;
	/** The same files gzipped, as a host compressing JSON sends them. */
	firstVisitGzipBytes: number;
	manifestGzipBytes: number;
	queries: number;
	/** Cold, to the first 10 hits (`exactTotal: false`). */
	firstHits: QueryCost;
	/** Cold, to the first 10 hits and the exact total (the default). */
	exactTotal: QueryCost;
	precision: number;
	recall: number;
	/** Every total, first page of hits and full hit list equal to the scan's. */
	totalsExact: boolean;
	/** Queries whose first 10 hits fetch over 300 KB, the per-query budget. */
	over300KB: { query: string; kb: number; total: number }[];
	/** Wall time of the whole size: writing pages, build, scan and queries. */
	benchSeconds: number;
}

function summary(values: number[], digits = 1): Distribution {
	const round = (x: number) => Math.round(x * 10 ** digits) / 10 ** digits;
	return {
		p50: round(percentile(values, 50)),
		p95: round(percentile(values, 95)),
		max: round(Math.max(...values))
	};
}

/**
 * Every query's matching articles by a substring scan of every page, in file order: page id →
 * per query the indices (in the page) of the matching articles.
 */
function scanPages(library: string, queries: string[]): Map<string, number[][]> {
	const compiled = queries.map((q) => compileQuery(q));
	const out = new Map<string, number[][]>();
	const files = readdirSync(library)
		.filter((f) => f.endsWith('.txt'))
		.sort();
	for (const file of files) {
		const { docs } = readPages('bench', [join(library, file)]);
		const matches = queries.map((): number[] => []);
		docs[0].articles.forEach((article, i) => {
			const text = articleSearchText(article);
			compiled.forEach(({ include, exclude }, q) => {
				if (
					include.length > 0 &&
					include.every((t) => text.includes(t)) &&
					!exclude.some((t) => text.includes(t))
				)
					matches[q].push(i);
			});
		});
		out.set(docs[0].id, matches);
	}
	return out;
}

/** The scan's matches as archive article numbers, in archive order (the catalog's). */
function inArchiveOrder(
	manifest: ArchiveManifest,
	archive: string,
	byPage: Map<string, number[][]>,
	queries: number
): number[][] {
	const out = Array.from({ length: queries }, (): number[] => []);
	let first = 0;
	for (const entry of manifest.catalog) {
		const shard = JSON.parse(readFileSync(join(archive, entry.name), 'utf8')) as CatalogShard;
		for (const page of shard.pages) {
			const matches = byPage.get(page.id);
			if (!matches) throw new Error(`page ${page.id} was not scanned`);
			matches.forEach((list, q) => list.forEach((i) => out[q].push(first + i)));
			first += page.articles.length;
		}
	}
	return out;
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
	const t0 = performance.now();
	const value = await run();
	return { value, ms: performance.now() - t0 };
}

export async function benchArchive(
	pages: number,
	log: (line: string) => unknown = () => undefined
): Promise<ArchiveSize> {
	const started = performance.now();
	const library = join(ROOT, `bench/out/archive-library-${pages}`);
	const archive = join(ROOT, `bench/out/archive-${pages}`);
	log(`archive ${pages}: writing pages …`);
	writeLibrary(SEED_FOLDERS, library, pages, pages * PAGE_BYTES);
	log(`archive ${pages}: building …`);
	const built = spawnSync(
		'npx',
		['tsx', join(ROOT, 'scripts/build-archive.ts'), '--out', archive, library],
		{ cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 }
	);
	if (built.status !== 0) throw new Error(`build-archive failed: ${built.stderr}`);
	const figures = JSON.parse(
		built.stdout.trim().split('\n').at(-1) as string
	) as ArchiveBuildFigures;
	const manifest = JSON.parse(
		readFileSync(join(archive, 'manifest.json'), 'utf8')
	) as ArchiveManifest;

	// The query set comes from the first pages, as bench/search.ts draws it from its corpus.
	const sample: ParsedDocument[] = readPages(
		'bench',
		Array.from({ length: Math.min(pages, 300) }, (_, k) =>
			join(library, `p${String(k).padStart(4, '0')}.txt`)
		)
	).docs;
	const queries = buildQueries(sample);
	log(`archive ${pages}: scanning ${queries.length} queries …`);
	const expected = inArchiveOrder(manifest, archive, scanPages(library, queries), queries.length);

	log(`archive ${pages}: searching …`);
	const fromDisk = async (name: string) => new Uint8Array(readFileSync(join(archive, name)));
	const samples = () => ({
		kb: [] as number[],
		files: [] as number[],
		rounds: [] as number[],
		slow: [] as number[],
		cached: [] as number[]
	});
	const costs = { first: samples(), total: samples() };
	const record = (into: (typeof costs)['first'], fetched: ArchiveResult['fetched']) => {
		into.kb.push(fetched.bytes / 1000);
		into.files.push(fetched.shards.length);
		into.rounds.push(fetched.rounds);
		into.slow.push(slow4gMs(fetched));
	};
	const over300KB: ArchiveSize['over300KB'] = [];
	let found = 0;
	let relevant = 0;
	let retrieved = 0;
	let totalsExact = true;
	for (const [q, query] of queries.entries()) {
		const want = expected[q];
		// Cold, first hits only; then what the exact total adds, on the same (now warmer) reader.
		const search = new ArchiveSearch(manifest, fromDisk);
		const first = await search.search(query, { limit: 10, exactTotal: false });
		const rest = await search.search(query, { limit: 10 });
		record(costs.first, first.fetched);
		record(costs.total, {
			shards: [...first.fetched.shards, ...rest.fetched.shards],
			bytes: first.fetched.bytes + rest.fetched.bytes,
			rounds: first.fetched.rounds + rest.fetched.rounds
		});
		if (first.fetched.bytes > 300_000)
			over300KB.push({ query, kb: Math.round(first.fetched.bytes / 1000), total: rest.total });
		// Everything is held now: the cached times.
		const warmFirst = await timed(() => search.search(query, { limit: 10, exactTotal: false }));
		const warmTotal = await timed(() => search.search(query, { limit: 10 }));
		costs.first.cached.push(warmFirst.ms);
		costs.total.cached.push(warmTotal.ms);
		const all = await search.search(query, { limit: Infinity });
		const got = all.hits.map((h) => h.article);
		const wanted = new Set(want);
		found += got.filter((a) => wanted.has(a)).length;
		retrieved += got.length;
		relevant += want.length;
		const firstTen = want.slice(0, 10).join();
		if (
			rest.total !== want.length ||
			all.total !== want.length ||
			got.join() !== want.join() ||
			first.hits.map((h) => h.article).join() !== firstTen ||
			rest.hits.map((h) => h.article).join() !== firstTen ||
			(first.totalExact && first.total !== want.length)
		)
			totalsExact = false;
	}
	rmSync(library, { recursive: true, force: true });
	const gzipped = (name: string) => gzipSync(readFileSync(join(archive, name))).length;
	const newest = manifest.catalog[0]?.month;
	const firstVisit = [
		'manifest.json',
		...manifest.catalog.filter((e) => e.month === newest).map((e) => e.name)
	];
	const cost = (c: (typeof costs)['first']): QueryCost => ({
		kb: summary(c.kb),
		files: summary(c.files, 0),
		rounds: summary(c.rounds, 0),
		slow4gMs: summary(c.slow, 0),
		cachedMs: summary(c.cached, 2)
	});
	return {
		build: {
			...figures,
			indexOverText: Math.round((figures.indexBytes / figures.textBytes) * 100) / 100
		},
		firstVisitBytes: figures.manifestBytes + figures.newestMonthCatalogBytes,
		firstVisitGzipBytes: firstVisit.reduce((sum, name) => sum + gzipped(name), 0),
		manifestGzipBytes: gzipped('manifest.json'),
		queries: queries.length,
		firstHits: cost(costs.first),
		exactTotal: cost(costs.total),
		precision: retrieved === 0 ? 1 : found / retrieved,
		recall: relevant === 0 ? 1 : found / relevant,
		totalsExact,
		over300KB: over300KB.sort((a, b) => b.kb - a.kb).slice(0, 10),
		benchSeconds: Math.round((performance.now() - started) / 1000)
	};
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const sizes = process.argv.slice(2).map(Number);
	const out: Record<string, ArchiveSize> = {};
	for (const pages of sizes.length ? sizes : [3000, 30000])
		out[String(pages)] = await benchArchive(pages, (line) => process.stderr.write(`${line}\n`));
	process.stdout.write(`${JSON.stringify(out, null, '\t')}\n`);
}
