/**
 * Search benchmark: builds deterministic corpora from the seed pages, indexes them with the core
 * SearchIndex and measures build time, heap, snapshot size, restore time and query latency, next
 * to a plain substring scan and FlexSearch's own CJK charset, with precision and recall against
 * the scan.
 *   npx tsx bench/search.ts            (11 KB, 1.1 MB and 11 MB; prints JSON)
 *   npx tsx bench/search.ts 11000000   (one size)
 * Timings are medians of several runs with min and max; numbers, not pass/fail.
 */
import { fileURLToPath } from 'node:url';
import { serialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Charset, Index as FlexIndex } from 'flexsearch';
import * as OpenCC from 'opencc-js';
import type { ParsedDocument } from '../src/lib/core/parse/types';
import { searchSegments } from '../src/lib/core/search/segments';
import { SearchIndex, compileQuery, normalize } from '../src/lib/core/search/index';
import { rng, variedPages } from './corpus';
import { percentile, spread } from './stats';

export interface BenchOptions {
	/** Corpus size in UTF-8 bytes of page text. Default 11 MB. */
	targetBytes?: number;
	/** Timed runs per measurement (median reported). Default 5. */
	runs?: number;
	/** Also measure FlexSearch with its CJK charset. Default true. */
	flexCjk?: boolean;
}

const gc: () => void = (() => {
	setFlagsFromString('--expose-gc');
	return runInNewContext('gc') as () => void;
})();

/** JS heap plus ArrayBuffers' backing stores, which live outside it (the index's bit rows). */
function heapUsed(): number {
	gc();
	gc();
	const { heapUsed, arrayBuffers } = process.memoryUsage();
	return heapUsed + arrayBuffers;
}

/** The fields search reads (an untitled article by the heading it is shown with). */
const fields = searchSegments;

/** The fixed query set: lengths 1–8, multi-term, exclusions, strings found nowhere, 繁體. */
export function buildQueries(docs: ParsedDocument[]): string[] {
	const random = rng(42);
	const texts = docs.flatMap((d) => d.articles.flatMap(fields)).filter((t) => t.length > 8);
	const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
	const sub = (length: number) => {
		for (;;) {
			const t = texts[Math.floor(random() * texts.length)];
			const start = Math.floor(random() * (t.length - length));
			const q = t.slice(start, start + length).replace(/[\s"“”＂\-－]/g, '');
			if (q.length) return q;
		}
	};
	const queries: string[] = ['汾河', '人口普查', '環境保護', 'PM2.5', '5G', '5g基站'];
	for (let length = 1; length <= 8; length++)
		for (let i = 0; i < 20; i++) queries.push(sub(length));
	for (let i = 0; i < 20; i++) queries.push(`${sub(2)} ${sub(3)}`);
	for (let i = 0; i < 20; i++) queries.push(`${sub(2)} -${sub(2)}`);
	for (let i = 0; i < 20; i++) queries.push(`"${sub(2)} ${sub(2)}"`);
	for (let i = 0; i < 20; i++) {
		let q = '';
		for (let k = 0; k < 4; k++) q += String.fromCodePoint(0x4e00 + Math.floor(random() * 0x5000));
		queries.push(q);
	}
	for (let i = 0; i < 20; i++) queries.push(toTraditional(sub(2 + (i % 5))));
	return queries;
}

function buildIndex(docs: ParsedDocument[]): SearchIndex {
	const index = new SearchIndex();
	index.addAll(docs);
	return index;
}

/** Heap retained by an index of the documents (which are already in memory). */
function measureHeap(docs: ParsedDocument[]): number {
	// Warm the one-time tables (character maps, token strings) so they are not counted.
	buildIndex(docs.slice(0, 20));
	const before = heapUsed();
	const index = buildIndex(docs);
	const after = heapUsed();
	return index.articleCount >= 0 ? after - before : 0;
}

/** FlexSearch as it comes, with its CJK charset, one document per article. */
function buildFlexCjk(docs: ParsedDocument[]) {
	const t0 = performance.now();
	const flex = new FlexIndex({ encoder: Charset.CJK });
	const ids: string[] = [];
	for (const d of docs) {
		for (const a of d.articles) {
			flex.add(ids.length, fields(a).join('\n'));
			ids.push(`${d.id}/${a.id}`);
		}
	}
	return { flex, ids, buildMs: performance.now() - t0 };
}

function measureFlexCjkHeap(docs: ParsedDocument[]): number {
	const before = heapUsed();
	const built = buildFlexCjk(docs);
	const after = heapUsed();
	return built.ids.length >= 0 ? after - before : 0;
}

interface ScanArticle {
	key: string;
	norms: string[];
}

function scanSearch(corpus: ScanArticle[], query: string): string[] {
	const { include, exclude } = compileQuery(query);
	if (!include.length) return [];
	const out: string[] = [];
	for (const a of corpus) {
		const has = (t: string) => a.norms.some((n) => n.includes(t));
		if (include.every(has) && !exclude.some(has)) out.push(a.key);
	}
	return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function accuracy(truth: string[][], found: string[][]) {
	let tp = 0;
	let nFound = 0;
	let nTruth = 0;
	let exact = 0;
	for (let i = 0; i < truth.length; i++) {
		const t = new Set(truth[i]);
		const f = new Set(found[i]);
		let hit = 0;
		for (const k of f) if (t.has(k)) hit++;
		tp += hit;
		nFound += f.size;
		nTruth += t.size;
		if (hit === t.size && hit === f.size) exact++;
	}
	return {
		precision: round(nFound ? tp / nFound : 1),
		recall: round(nTruth ? tp / nTruth : 1),
		queriesExact: exact,
		queries: truth.length
	};
}

function latency(queries: string[], runs: number, run: (q: string) => unknown) {
	const p50: number[] = [];
	const p95: number[] = [];
	for (let r = 0; r < runs; r++) {
		const times = queries.map((q) => {
			const t0 = performance.now();
			run(q);
			return performance.now() - t0;
		});
		p50.push(percentile(times, 50));
		p95.push(percentile(times, 95));
	}
	return { p50Ms: spread(p50), p95Ms: spread(p95) };
}

async function benchSize(targetBytes: number, runs: number, flexCjk: boolean) {
	const { docs, bytes, parseMs } = variedPages(targetBytes);
	const articles = docs.reduce((n, d) => n + d.articles.length, 0);
	const queries = buildQueries(docs);

	// Heap first, before anything else is allocated and freed around the measurement.
	const heapBytes = measureHeap(docs);
	const flexHeap = flexCjk ? measureFlexCjkHeap(docs) : 0;
	const buildMs: number[] = [];
	let index = new SearchIndex();
	for (let r = 0; r < runs; r++) {
		const t0 = performance.now();
		index = buildIndex(docs);
		buildMs.push(performance.now() - t0);
	}
	// The worker stores the snapshot in IndexedDB, which structured-clones it both ways.
	const exportMs: number[] = [];
	let snapshot = index.export();
	for (let r = 0; r < runs; r++) {
		const t0 = performance.now();
		snapshot = index.export();
		exportMs.push(performance.now() - t0);
	}
	const snapshotBytes = serialize(snapshot).length;
	const restoreMs: number[] = [];
	for (let r = 0; r < runs; r++) {
		const stored = structuredClone(snapshot);
		const t0 = performance.now();
		SearchIndex.import(stored);
		restoreMs.push(performance.now() - t0);
	}
	const cloneMs: number[] = [];
	for (let r = 0; r < runs; r++) {
		const t0 = performance.now();
		structuredClone(snapshot);
		cloneMs.push(performance.now() - t0);
	}
	const restored = SearchIndex.import(structuredClone(snapshot));

	// Page-by-page indexing, as when pages are imported one at a time.
	const t0 = performance.now();
	const incremental = new SearchIndex();
	for (const d of docs) incremental.add(d);
	const addEachMs = performance.now() - t0;

	// Reference: a plain substring scan over the same normalised fields.
	const corpus: ScanArticle[] = docs.flatMap((d) =>
		d.articles.map((a) => ({ key: `${d.id}/${a.id}`, norms: fields(a).map(normalize) }))
	);
	const truth = queries.map((q) => scanSearch(corpus, q));
	const keys = (i: SearchIndex, q: string) =>
		i.search(q, { limit: Infinity }).hits.map((h) => `${h.docId}/${h.articleId}`);
	const banmianFound = queries.map((q) => keys(index, q));
	const restoredFound = queries.map((q) => keys(restored, q));
	const incrementalFound = queries.map((q) => keys(incremental, q));
	const totalsExact = queries.every(
		(q, i) => index.search(q, { limit: 0 }).total === truth[i].length
	);

	const result: Record<string, unknown> = {
		corpus: {
			bytes,
			pages: docs.length,
			articles,
			queries: queries.length,
			parseMs: round(parseMs)
		},
		banmian: {
			...accuracy(truth, banmianFound),
			totalsExact,
			restoredSameAsBuilt: JSON.stringify(restoredFound) === JSON.stringify(banmianFound),
			pageByPageSameAsBulk: JSON.stringify(incrementalFound) === JSON.stringify(banmianFound),
			// First page of 10 hits with snippets, as the UI asks.
			...latency(queries, runs, (q) => index.search(q, { limit: 10 })),
			allHits: latency(queries, runs, (q) => index.search(q, { limit: Infinity })),
			buildMs: spread(buildMs),
			heapBytes,
			heapPerTextByte: round(heapBytes / bytes),
			addEachMs: round(addEachMs),
			snapshotBytes,
			exportMs: spread(exportMs),
			restoreMs: spread(restoreMs),
			structuredCloneMs: spread(cloneMs),
			restoreOverBuild: round(spread(restoreMs).median / spread(buildMs).median)
		},
		scan: { ...accuracy(truth, truth), ...latency(queries, runs, (q) => scanSearch(corpus, q)) }
	};

	if (flexCjk) {
		const { flex, ids, buildMs: flexBuild } = buildFlexCjk(docs);
		const run = (q: string) => {
			const { include } = compileQuery(q);
			return (flex.search(include.join(' '), { limit: ids.length + 1 }) as number[]).map(
				(i) => ids[i]
			);
		};
		result.flexsearchCjk = {
			...accuracy(truth, queries.map(run)),
			...latency(queries, runs, run),
			buildMs: round(flexBuild),
			heapBytes: flexHeap
		};
	}
	return result;
}

export async function benchSearch(options: BenchOptions = {}): Promise<object> {
	const runs = Math.max(1, options.runs ?? 5);
	return benchSize(options.targetBytes ?? 11_000_000, runs, options.flexCjk ?? true);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const sizes = process.argv[2] ? [Number(process.argv[2])] : [11_000, 1_100_000, 11_000_000];
	const out: Record<string, object> = {};
	for (const size of sizes) out[String(size)] = await benchSearch({ targetBytes: size });
	console.log(JSON.stringify(out, null, '\t'));
}
