/**
 * The budgets the report is held to, and whether each was met: a pure function of the report,
 * so BENCHMARKS.md only writes out what this decides. A miss is a finding, not a failure of
 * the benchmark.
 */
import { kb, mb, num } from './format';
import type {
	BenchReport,
	LighthouseSection,
	LoadSection,
	ParseSection,
	ScaleSection,
	SearchSize
} from './report';
import { percentile, spreadOf, type Spread } from './stats';
import type { ArchiveSize } from './archive';
import type { ArchiveVisit } from './archive-visit';
import type { VisitSample } from './load';

export interface Budget {
	budget: string;
	measured: string;
	/** null when the report lacks what the budget needs. */
	ok: boolean | null;
}

/** A load visit's samples summarised per measure. */
export function visitStats(samples: VisitSample[]) {
	return {
		lcp: spreadOf(samples.map((x) => x.lcpMs)),
		fcp: spreadOf(samples.map((x) => x.fcpMs)),
		tbt: spreadOf(samples.map((x) => x.tbtMs)),
		longest: spreadOf(samples.map((x) => x.longestTaskMs)),
		cls: spreadOf(samples.map((x) => x.cls)),
		bytes: spreadOf(samples.map((x) => x.bytes)),
		pageBytes: spreadOf(samples.map((x) => x.pageBytes ?? x.bytes)),
		bytesToLcp: spreadOf(samples.map((x) => x.bytesToLcp)),
		js: spreadOf(samples.map((x) => x.firstLoadJsGzip))
	};
}

export type VisitStats = ReturnType<typeof visitStats>;

/** Each visit kind with samples, summarised. */
export function loadStats(
	load: LoadSection
): Partial<Record<keyof LoadSection['samples'], VisitStats>> {
	const all: Partial<Record<keyof LoadSection['samples'], VisitStats>> = {};
	for (const kind of ['cold', 'coldHash', 'warm', 'offline', 'floor'] as const)
		if (load.samples[kind]?.length) all[kind] = visitStats(load.samples[kind]);
	return all;
}

/** a ÷ b of the medians, to two places; null without both. */
export function medianRatio(a: Spread | null | undefined, b: Spread | null | undefined) {
	return a && b && b.median > 0 ? Math.round((a.median / b.median) * 100) / 100 : null;
}

/** Search typed into the UI: per run p50/p95 over the queries, then their spread over runs. */
export function typedQueries(scale: ScaleSection, kind: 'library' | 'onePage') {
	const runs = scale.samples[kind].map((s) => s.first.queryMs).filter((q) => q.length);
	return {
		runs,
		p50: spreadOf(runs.map((q) => percentile(q, 50))),
		p95: spreadOf(runs.map((q) => percentile(q, 95)))
	};
}

/** Time until listed, by library and visit. */
export function listedSpread(
	scale: ScaleSection,
	kind: 'library' | 'onePage',
	visit: 'first' | 'second'
): Spread | null {
	const v = scale.samples[kind].map((s) => s[visit]);
	return v.length ? spreadOf(v.map((x) => x.listedMs)) : null;
}

function parseBudgets(parse: ParseSection): Budget[] {
	const large = parse.results[parse.results.length - 1];
	return [
		{
			budget: 'Parse ≥ 1/10 of split throughput at 11 MB',
			measured: num(large.parseToSplit, 3),
			ok: large.parseToSplit >= 0.1
		},
		{
			budget: 'Parse linear from 110 KB to 11 MB (throughput ratio ≥ 0.8)',
			measured: String(parse.linearity11MBvs110KB),
			ok: parse.linearity11MBvs110KB >= 0.8
		}
	];
}

function searchBudgets(search: Record<string, SearchSize>): Budget[] {
	const big = search['11000000'];
	if (!big) return [];
	const b = big.banmian;
	return [
		{
			budget: 'Search P = R = 1.000 at 11 MB',
			measured: `P ${b.precision}, R ${b.recall}`,
			ok: b.precision === 1 && b.recall === 1
		},
		{
			budget: 'Search p95 ≤ 1/10 of the scan p95 at 11 MB',
			measured: `${num(b.p95Ms.median, 1)} ms vs scan ${num(big.scan.p95Ms.median, 1)} ms`,
			ok: b.p95Ms.median <= big.scan.p95Ms.median / 10
		},
		{
			budget: 'Index heap ≤ 2× the text bytes at 11 MB',
			measured: `${b.heapPerTextByte}×`,
			ok: b.heapPerTextByte <= 2
		},
		{
			budget: 'Index build ≤ 1 s at 11 MB',
			measured: `${num(b.buildMs.median)} ms`,
			ok: b.buildMs.median <= 1000
		},
		{
			budget: 'Index restore ≤ 1/5 of a rebuild at 11 MB',
			measured: `${b.restoreOverBuild}×`,
			ok: b.restoreOverBuild <= 0.2
		}
	];
}

function loadBudgets(load: LoadSection): Budget[] {
	const all = loadStats(load);
	const { cold, floor } = all;
	if (!cold || !floor) return [];
	const files = load.samples.cold[0]?.jsFiles ?? [];
	const workerJs = files
		.filter((f) => f.path.includes('/workers/'))
		.reduce((sum, f) => sum + f.gzip, 0);
	const split = files.length
		? ` (page ${kb(files.reduce((sum, f) => sum + f.gzip, 0) - workerJs)} + worker ${kb(workerJs)})`
		: '';
	const lcpRatio = medianRatio(cold.lcp, floor.lcp);
	const visits = ['cold', 'coldHash', 'warm', 'offline'] as const;
	const maxCls = Math.max(...visits.map((k) => all[k]?.cls?.max ?? 0));
	const longest = Math.max(...visits.map((k) => all[k]?.longest?.max ?? 0));
	return [
		{
			budget: 'First-load JavaScript ≤ 40 KB gzip (cold, JS requested before LCP)',
			measured: kb(cold.js?.median ?? 0) + split,
			ok: (cold.js?.median ?? Infinity) <= 40_000
		},
		{
			budget: 'LCP ≤ 1.2× the static floor (cold)',
			measured: `${lcpRatio}× (${num(cold.lcp?.median ?? 0)} vs ${num(floor.lcp?.median ?? 0)} ms)`,
			ok: lcpRatio !== null && lcpRatio <= 1.2
		},
		{
			budget: 'CLS 0 (cold, hash link, warm, offline; worst run)',
			measured: num(maxCls, 4),
			ok: maxCls === 0
		},
		{
			budget:
				'No main-thread task over 50 ms while loading (cold, hash link, warm, offline; worst run)',
			measured: `${num(longest)} ms`,
			ok: longest <= 50
		}
	];
}

function scaleBudgets(scale: ScaleSection): Budget[] {
	const budgets: Budget[] = [];
	const one = listedSpread(scale, 'onePage', 'second');
	const thousand = listedSpread(scale, 'library', 'second');
	if (one && thousand) {
		const ratio = Math.round((thousand.median / one.median) * 10) / 10;
		budgets.push({
			budget: `With ${num(scale.pages)} pages, after a restore (second visit) the library lists within 2× the one-page time`,
			measured: `${ratio}× (${num(thousand.median)} vs ${num(one.median)} ms)`,
			ok: ratio <= 2
		});
	}
	const p95 = typedQueries(scale, 'library').p95;
	if (p95) {
		budgets.push({
			budget: `Search answers in the UI within 50 ms at p95 (${num(scale.pages)} pages)`,
			measured: `${num(p95.median, 1)} ms`,
			ok: p95.median <= 50
		});
	}
	const longest = Math.max(
		0,
		...(['onePage', 'library'] as const).flatMap((k) =>
			scale.samples[k].flatMap((s) =>
				[s.first, s.second].flatMap((v) => [v.longTasksListing.maxMs, v.longTasksIndexing.maxMs])
			)
		)
	);
	budgets.push({
		budget: `No main-thread task over 50 ms at any library size (1 and ${num(scale.pages)} pages, listing and indexing)`,
		measured: `${num(longest)} ms`,
		ok: longest <= 50
	});
	return budgets;
}

/** Each landing view's medians over its Lighthouse runs. */
export function lighthouseMedians(section: LighthouseSection) {
	return section.views.map((view) => {
		const of = (pick: (run: (typeof view.runs)[number]) => number) =>
			spreadOf(view.runs.map(pick))?.median ?? null;
		return {
			name: view.name,
			path: view.path,
			performance: of((r) => r.performance),
			accessibility: of((r) => r.accessibility),
			bestPractices: of((r) => r.bestPractices),
			seo: of((r) => r.seo),
			lcpMs: of((r) => r.lcpMs),
			tbtMs: of((r) => r.tbtMs),
			cls: of((r) => r.cls),
			/** The worst run, for the budgets that hold on every run. */
			worstCls: Math.max(...view.runs.map((r) => r.cls))
		};
	});
}

function lighthouseBudgets(section: LighthouseSection): Budget[] {
	const views = lighthouseMedians(section);
	if (!views.length) return [];
	const worst = <T>(pick: (v: (typeof views)[number]) => T, better: (a: T, b: T) => boolean) =>
		views.reduce((w, v) => (better(pick(w), pick(v)) ? v : w));
	const slowest = worst(
		(v) => v.performance ?? 0,
		(a, b) => b < a
	);
	const blocking = worst(
		(v) => v.tbtMs ?? Infinity,
		(a, b) => b > a
	);
	const shifting = worst(
		(v) => v.worstCls,
		(a, b) => b > a
	);
	return [
		{
			budget: 'Lighthouse mobile performance ≥ 98 on every landing view (median of runs)',
			measured: `lowest ${slowest.performance} (${slowest.name})`,
			ok: views.every((v) => (v.performance ?? 0) >= 98)
		},
		{
			budget: 'Lighthouse TBT ≤ 50 ms on every landing view (median of runs)',
			measured: `highest ${num(blocking.tbtMs ?? 0)} ms (${blocking.name})`,
			ok: views.every((v) => v.tbtMs !== null && v.tbtMs <= 50)
		},
		{
			budget: 'Lighthouse CLS 0 on every landing view (worst run)',
			measured: `highest ${num(shifting.worstCls, 4)} (${shifting.name})`,
			ok: views.every((v) => v.worstCls === 0)
		}
	];
}

/**
 * The archive targets at the largest archive measured (per query, the fixed set), and
 * the build's linearity and bounded memory from the smallest size to the largest.
 */
function archiveBudgets(archive: Record<string, ArchiveSize>): Budget[] {
	const sizes = Object.keys(archive)
		.map(Number)
		.sort((a, b) => a - b);
	if (!sizes.length) return [];
	const largest = sizes[sizes.length - 1];
	const r = archive[String(largest)];
	const at = `at ${num(largest)} pages`;
	const list: Budget[] = [
		{
			budget: `Archive query: first 10 hits fetch ≤ 300 KB (p95, cold, ${at})`,
			measured: `${num(r.firstHits.kb.p95, 1)} KB (max ${num(r.firstHits.kb.max, 1)} KB)`,
			ok: r.firstHits.kb.p95 <= 300
		},
		{
			budget: `Archive query: first 10 hits ≤ 1 s cold on slow 4G (p95, modelled: 150 ms a round of fetches + bytes at 1.6 Mbps; ${at})`,
			measured: `${num(r.firstHits.slow4gMs.p95)} ms (${num(r.firstHits.rounds.p95)} rounds, ${num(r.firstHits.files.p95)} files)`,
			ok: r.firstHits.slow4gMs.p95 <= 1000
		},
		{
			budget: `Archive query: first 10 hits ≤ 50 ms with its files cached (p95, ${at})`,
			measured: `${num(r.firstHits.cachedMs.p95, 1)} ms`,
			ok: r.firstHits.cachedMs.p95 <= 50
		},
		{
			budget: `Archive search P = R = 1 and every total exact (${at})`,
			measured: `P ${r.precision}, R ${r.recall}, totals ${r.totalsExact ? 'exact' : 'not exact'}`,
			ok: r.precision === 1 && r.recall === 1 && r.totalsExact
		}
	];
	const smallest = sizes[0];
	if (smallest !== largest) {
		const s = archive[String(smallest)];
		// CPU time when both sizes have it: wall time on a shared machine measures the others too.
		const cpu = r.build.cpuMs !== undefined && s.build.cpuMs !== undefined;
		const time = (x: ArchiveSize) => (cpu ? (x.build.cpuMs as number) : x.build.ms);
		const perPage = (x: ArchiveSize) => time(x) / x.build.pages;
		const slope = Math.round((perPage(r) / perPage(s)) * 100) / 100;
		const memory = Math.round((r.build.peakRssBytes / s.build.peakRssBytes) * 100) / 100;
		list.push(
			{
				budget: `Archive build linear: time per page at ${num(largest)} pages ≤ 1.25× that at ${num(smallest)}`,
				measured: `${slope}× (${num(time(r) / 1000, 1)} s vs ${num(time(s) / 1000, 1)} s ${cpu ? 'CPU' : 'wall'})`,
				ok: slope <= 1.25
			},
			{
				budget: `Archive build memory bounded: peak RSS at ${num(largest)} pages ≤ 2× that at ${num(smallest)}`,
				measured: `${memory}× (${mb(r.build.peakRssBytes)} vs ${mb(s.build.peakRssBytes)})`,
				ok: memory <= 2
			}
		);
	}
	return list;
}

/**
 * The browser targets at the largest archive measured in Chromium: the first visit
 * within 1.5× of a one-page library (bytes until listed, and time), a cold search's first 10
 * hits p95 ≤ 1 s and ≤ 300 KB.
 */
function archiveVisitBudgets(visits: Record<string, ArchiveVisit>): Budget[] {
	const sizes = Object.keys(visits).map(Number);
	if (!sizes.length) return [];
	const largest = Math.max(...sizes);
	const v = visits[String(largest)];
	const at = `at ${num(largest)} pages, Chromium, phone, slow 4G`;
	const { archive, onePage } = v.firstVisit;
	// Rounded for show only: the verdict compares the figures themselves.
	const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);
	const bytes = ratio(archive.listedBytes, onePage.listedBytes);
	const time = ratio(archive.listedMs, onePage.listedMs);
	return [
		{
			budget: `Archive first visit: bytes until the newest issue is listed ≤ 1.5× a one-page library (${at})`,
			measured: `${bytes ?? 'n/a'}× (${kb(archive.listedBytes)} vs ${kb(onePage.listedBytes)})`,
			ok: bytes === null ? null : archive.listedBytes <= 1.5 * onePage.listedBytes
		},
		{
			budget: `Archive first visit: time until the newest issue is listed ≤ 1.5× a one-page library (${at})`,
			measured: `${time ?? 'n/a'}× (${num(archive.listedMs)} ms vs ${num(onePage.listedMs)} ms)`,
			ok: time === null ? null : archive.listedMs <= 1.5 * onePage.listedMs
		},
		{
			budget: `Archive query in the browser: first 10 hits ≤ 1 s cold (p95, ${at})`,
			measured: `${num(v.search.ms.p95)} ms (p50 ${num(v.search.ms.p50)} ms, ${v.search.samples.length} queries)`,
			ok: v.search.ms.p95 <= 1000
		},
		{
			budget: `Archive query in the browser: first 10 hits fetch ≤ 300 KB (p95, cold, ${at})`,
			measured: `${num(v.search.kb.p95, 1)} KB (max ${num(v.search.kb.max, 1)} KB)`,
			ok: v.search.kb.p95 <= 300
		}
	];
}

/** Every budget the report's sections can be held to, in the report's order. */
export function budgets(report: BenchReport): Budget[] {
	const { parse, search, load, lighthouse, scale, archive, archiveVisit } = report.sections;
	return [
		...(parse ? parseBudgets(parse as ParseSection) : []),
		...(search ? searchBudgets(search as Record<string, SearchSize>) : []),
		...(load ? loadBudgets(load) : []),
		...(lighthouse ? lighthouseBudgets(lighthouse) : []),
		...(scale ? scaleBudgets(scale) : []),
		...(archive ? archiveBudgets(archive) : []),
		...(archiveVisit ? archiveVisitBudgets(archiveVisit) : [])
	];
}
