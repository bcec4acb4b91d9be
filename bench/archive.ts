/**
 * Archive benchmark: writes a deterministic synthetic archive (bench/corpus.ts writeLibrary, 8
 * pages a day, about 11 KB a page), builds it with scripts/build-archive.ts in a child process
 * (its own peak RSS), then runs the fixed query set (bench/search.ts buildQueries) against it:
 * per query the shards and bytes a cold search fetches for its first 10 hits, the time to the
 * first 10 hits with those shards already in memory, and every hit and total against a plain
 * substring scan of the pages in archive order.
 *   npx tsx bench/archive.ts              (3,000 and 30,000 pages; prints JSON)
 *   npx tsx bench/archive.ts 3000 10000   (other sizes)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArchiveManifest, CatalogShard } from '../src/lib/core/archive/catalog';
import {
	articleSearchText,
	bigramKey,
	decodePostings,
	decodeShard,
	unigramKey
} from '../src/lib/core/archive/format';
import { ArchiveSearch } from '../src/lib/core/archive/search';
import type { ParsedDocument } from '../src/lib/core/parse/types';
import { compileQuery } from '../src/lib/core/search/query';
import type { ArchiveBuildFigures } from '../scripts/build-archive';
import { readPages } from '../scripts/read-pages';
import { SEED_FOLDERS, writeLibrary } from './corpus';
import { buildQueries } from './search';
import { percentile } from './stats';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE_BYTES = 11_000;

export interface ArchiveSize {
	build: ArchiveBuildFigures & { indexOverText: number };
	queries: number;
	/** Per query, for its first 10 hits from cold: index shards and bytes fetched. */
	shardsFetched: { p50: number; p95: number; max: number };
	kbFetched: { p50: number; p95: number; max: number };
	/** Time to the first 10 hits with the query's shards in memory, ms. */
	cachedMs: { p50: number; p95: number; max: number };
	precision: number;
	recall: number;
	totalsExact: boolean;
	/**
	 * What an id-only backend (FlexSearch's storage interface: ids per token, no offsets) would
	 * face: articles holding every n-gram of the included terms, and the UTF-8 bytes of their
	 * search text that exact totals would have to fetch and scan.
	 */
	idOnly: {
		candidatesOverHits: number;
		verifyKB: { p50: number; p95: number; max: number };
	};
	/** Queries whose shards weigh over 300 KB, the per-query budget. */
	over300KB: { query: string; kb: number; total: number }[];
}

function summary(values: number[], digits = 1) {
	const round = (x: number) => Math.round(x * 10 ** digits) / 10 ** digits;
	return {
		p50: round(percentile(values, 50)),
		p95: round(percentile(values, 95)),
		max: round(Math.max(...values))
	};
}

/** Every query's matching article numbers by a substring scan, page by page in archive order. */
function scanAll(
	manifest: ArchiveManifest,
	archive: string,
	library: string,
	queries: string[]
): { matches: number[][]; textBytes: number[] } {
	const textBytes: number[] = [];
	const compiled = queries.map((q) => compileQuery(q));
	const out = queries.map((): number[] => []);
	let n = 0;
	for (const entry of manifest.catalog) {
		const shard = JSON.parse(readFileSync(join(archive, entry.name), 'utf8')) as CatalogShard;
		for (const page of shard.pages) {
			const { docs } = readPages('bench', [join(library, page.source)]);
			for (const article of docs[0].articles) {
				const text = articleSearchText(article);
				textBytes.push(Buffer.byteLength(text));
				compiled.forEach(({ include, exclude }, q) => {
					if (
						include.length > 0 &&
						include.every((t) => text.includes(t)) &&
						!exclude.some((t) => text.includes(t))
					)
						out[q].push(n);
				});
				n++;
			}
		}
	}
	return { matches: out, textBytes };
}

/** Articles holding every token of every included term, positions ignored. */
async function idOnlyCandidates(
	search: ArchiveSearch,
	query: string,
	fetchShard: (name: string) => Promise<Uint8Array>
): Promise<number[]> {
	const { include } = compileQuery(query);
	if (include.length === 0) return [];
	let result = null as Set<number> | null;
	for (const term of include) {
		const keys =
			term.length === 1
				? [unigramKey(term.charCodeAt(0))]
				: Array.from({ length: term.length - 1 }, (_, i) =>
						bigramKey(term.charCodeAt(i), term.charCodeAt(i + 1))
					);
		for (const key of keys) {
			const bytes = decodeShard(await fetchShard(search.shardOf(key))).get(key);
			const articles: number[] = bytes ? Array.from(decodePostings(bytes).articles) : [];
			const previous = result;
			result = new Set(previous ? articles.filter((a) => previous.has(a)) : articles);
		}
	}
	return [...(result ?? [])];
}

export async function benchArchive(
	pages: number,
	log: (line: string) => unknown = () => undefined
) {
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
	const { matches: expected, textBytes } = scanAll(manifest, archive, library, queries);

	log(`archive ${pages}: searching …`);
	const fromDisk = async (name: string) => new Uint8Array(readFileSync(join(archive, name)));
	const shards: number[] = [];
	const kb: number[] = [];
	const cachedMs: number[] = [];
	const over300KB: ArchiveSize['over300KB'] = [];
	let found = 0;
	let relevant = 0;
	let retrieved = 0;
	let totalsExact = true;
	let candidates = 0;
	let hitsFound = 0;
	const verifyKB: number[] = [];
	for (const [q, query] of queries.entries()) {
		const search = new ArchiveSearch(manifest, fromDisk);
		const cold = await search.search(query, { limit: 10 });
		shards.push(cold.fetched.shards.length);
		kb.push(cold.fetched.bytes / 1024);
		if (cold.fetched.bytes > 300 * 1024)
			over300KB.push({ query, kb: Math.round(cold.fetched.bytes / 1024), total: cold.total });
		const t0 = performance.now();
		const warm = await search.search(query, { limit: 10 });
		cachedMs.push(performance.now() - t0);
		const all = await search.search(query, { limit: Infinity });
		const idOnly = await idOnlyCandidates(search, query, fromDisk);
		candidates += idOnly.length;
		hitsFound += expected[q].length;
		verifyKB.push(idOnly.reduce((sum, a) => sum + textBytes[a], 0) / 1024);
		const want = new Set(expected[q]);
		const got = all.hits.map((h) => h.article);
		found += got.filter((a) => want.has(a)).length;
		retrieved += got.length;
		relevant += want.size;
		if (
			warm.total !== expected[q].length ||
			cold.total !== expected[q].length ||
			got.join() !== expected[q].join() ||
			warm.hits.map((h) => h.article).join() !== expected[q].slice(0, 10).join()
		)
			totalsExact = false;
	}
	rmSync(library, { recursive: true, force: true });
	const result: ArchiveSize = {
		build: {
			...figures,
			indexOverText: Math.round((figures.indexBytes / figures.textBytes) * 100) / 100
		},
		queries: queries.length,
		shardsFetched: summary(shards, 0),
		kbFetched: summary(kb),
		cachedMs: summary(cachedMs, 2),
		precision: retrieved === 0 ? 1 : found / retrieved,
		recall: relevant === 0 ? 1 : found / relevant,
		totalsExact,
		idOnly: {
			candidatesOverHits: Math.round((candidates / Math.max(1, hitsFound)) * 100) / 100,
			verifyKB: summary(verifyKB)
		},
		over300KB: over300KB.sort((a, b) => b.kb - a.kb).slice(0, 10)
	};
	return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const sizes = process.argv.slice(2).map(Number);
	const out: Record<string, ArchiveSize> = {};
	for (const pages of sizes.length ? sizes : [3000, 30000])
		out[String(pages)] = await benchArchive(pages, (line) => process.stderr.write(`${line}\n`));
	process.stdout.write(`${JSON.stringify(out, null, '\t')}\n`);
}
