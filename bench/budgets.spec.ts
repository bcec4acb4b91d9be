import { describe, expect, it } from 'vitest';
import { budgets, type Budget } from './budgets';
import type { VisitSample } from './load';
import { renderMarkdown } from './render';
import type { LighthouseRun } from './lighthouse';
import type {
	BenchReport,
	LighthouseSection,
	LoadSection,
	ScaleSection,
	SearchSize
} from './report';
import type { VisitScale } from './scale';
import type { ArchiveSize } from './archive';
import type { ArchiveVisit, FirstVisit } from './archive-visit';

const machine: BenchReport['machine'] = {
	cpu: 'test cpu',
	cores: 2,
	ramGB: 4,
	loadAverageAtStart: [0, 0, 0],
	node: 'v20',
	chromium: '',
	date: '2026-01-01T00:00:00.000Z',
	commit: 'abc',
	dirtyFiles: 0
};

function report(sections: BenchReport['sections']): BenchReport {
	return { machine, options: { quick: false, build: true }, sections };
}

/** The verdict of the one budget whose name starts so. */
function verdict(list: Budget[], name: string): boolean | null {
	const found = list.filter((b) => b.budget.startsWith(name));
	expect(found).toHaveLength(1);
	return found[0].ok;
}

const parse = (parseToSplit: number, linearity: number) => ({
	parserVersion: 1,
	runs: 7,
	corpus: 'seeds',
	results: [
		{
			size: '11 MB',
			bytes: 11e6,
			articles: 1,
			parse: { medianMBps: 2, minMBps: 1, maxMBps: 3 },
			split: { medianMBps: 20, minMBps: 10, maxMBps: 30 },
			parseToSplit
		}
	],
	linearity11MBvs110KB: linearity
});

const spread = (median: number) => ({ median, min: median, max: median });
const accuracy = (p95: number) => ({
	precision: 1,
	recall: 1,
	queriesExact: 3,
	queries: 3,
	p50Ms: spread(p95 / 2),
	p95Ms: spread(p95)
});
function search(over: { p95?: number; scanP95?: number; heap?: number; recall?: number }) {
	const size: SearchSize = {
		corpus: { bytes: 11e6, pages: 1, articles: 1, queries: 3 },
		banmian: {
			...accuracy(over.p95 ?? 1),
			recall: over.recall ?? 1,
			totalsExact: true,
			restoredSameAsBuilt: true,
			allHits: { p50Ms: spread(1), p95Ms: spread(2) },
			buildMs: spread(500),
			heapBytes: 1,
			heapPerTextByte: over.heap ?? 1.5,
			addEachMs: 1,
			snapshotBytes: 1,
			restoreMs: spread(50),
			restoreOverBuild: 0.1
		},
		scan: accuracy(over.scanP95 ?? 100)
	};
	return { '11000000': size };
}

function visit(over: Partial<VisitSample>): VisitSample {
	return {
		lcpMs: 1000,
		fcpMs: 500,
		lcpElement: 'p',
		cls: 0,
		tbtMs: 0,
		longTasks: 0,
		longestTaskMs: 40,
		loadEventMs: 900,
		bytes: 100_000,
		pageBytes: 50_000,
		bytesToLcp: 30_000,
		firstLoadJsGzip: 35_000,
		firstLoadJsFiles: 3,
		requests: 10,
		serviceWorkerControlled: false,
		jsFiles: [],
		phases: '',
		...over
	};
}

function load(cold: Partial<VisitSample>[], floor: Partial<VisitSample>[]): LoadSection {
	return {
		url: '/#/doc/d/a',
		article: '标题',
		browser: '1',
		phone: { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2 },
		cpuSlowdown: 4,
		network: { offline: false, latency: 150, downloadThroughput: 1, uploadThroughput: 1 },
		runs: cold.length,
		samples: {
			cold: cold.map(visit),
			warm: cold.map(visit),
			offline: [],
			floor: floor.map(visit)
		},
		serviceWorker: { readyAfterColdMs: [], coldVisitPlusPrecacheBytes: [] },
		notes: []
	} as LoadSection;
}

const tasks = (maxMs: number) => ({ count: 1, maxMs, totalMs: maxMs, over50Ms: 0 });
function libraryVisit(listedMs: number, queryMs: number[], longest = 30): VisitScale {
	return {
		listedMs,
		searchReadyMs: 100,
		searchReadyFromStartMs: 100 + listedMs,
		searchText: '共 3 篇',
		longTasksListing: tasks(longest),
		longTasksIndexing: tasks(longest),
		pageHeapBytes: 1,
		workerHeapBytes: 1,
		queryMs
	};
}
function scale(oneListed: number, libraryListed: number, libraryQueries: number[]): ScaleSection {
	const run = (listed: number, queries: number[]) => ({
		first: libraryVisit(listed, queries),
		second: libraryVisit(listed, []),
		deepLinkMs: 100
	});
	return {
		pages: 1000,
		bytes: 11e6,
		buildMs: { library: 1, onePage: 1 },
		browser: '1',
		cpuSlowdown: 4,
		network: 'none',
		runs: 1,
		queries: libraryQueries.map((_, i) => `q${i}`),
		deepLink: '#/doc/d/a',
		samples: { onePage: [run(oneListed, [1])], library: [run(libraryListed, libraryQueries)] }
	} as unknown as ScaleSection;
}

describe('budgets', () => {
	it('has nothing to decide for a report without sections', () => {
		expect(budgets(report({}))).toEqual([]);
	});

	it('holds parsing to a tenth of splitting and to linear growth', () => {
		expect(verdict(budgets(report({ parse: parse(0.1, 0.8) })), 'Parse ≥ 1/10')).toBe(true);
		expect(verdict(budgets(report({ parse: parse(0.099, 0.8) })), 'Parse ≥ 1/10')).toBe(false);
		expect(verdict(budgets(report({ parse: parse(0.5, 0.79) })), 'Parse linear')).toBe(false);
	});

	it('holds search to exact results, a tenth of the scan’s p95 and twice the text in heap', () => {
		const met = budgets(report({ search: search({ p95: 10, scanP95: 100 }) }));
		expect(met.every((b) => b.ok)).toBe(true);
		expect(verdict(budgets(report({ search: search({ p95: 10.1 }) })), 'Search p95')).toBe(false);
		expect(verdict(budgets(report({ search: search({ recall: 0.99 }) })), 'Search P = R')).toBe(
			false
		);
		expect(verdict(budgets(report({ search: search({ heap: 2.01 }) })), 'Index heap')).toBe(false);
		// Only the 11 MB corpus is held to the budgets.
		expect(budgets(report({ search: {} }))).toEqual([]);
	});

	it('holds loading to 40 KB of first-load JS, 1.2× the floor’s LCP, no shift, no long task', () => {
		const met = budgets(report({ load: load([{}, {}], [{ lcpMs: 900 }]) }));
		expect(met.map((b) => b.ok)).toEqual([true, true, true, true]);
		const slow = budgets(report({ load: load([{ lcpMs: 1200 }], [{ lcpMs: 900 }]) }));
		expect(verdict(slow, 'LCP ≤ 1.2×')).toBe(false);
		// The worst run counts, not the median.
		const shifted = budgets(report({ load: load([{}, {}, { cls: 0.001 }], [{}]) }));
		expect(verdict(shifted, 'CLS 0')).toBe(false);
		const heavy = budgets(report({ load: load([{ firstLoadJsGzip: 40_001 }], [{}]) }));
		expect(verdict(heavy, 'First-load JavaScript')).toBe(false);
		const blocked = budgets(report({ load: load([{}, { longestTaskMs: 51 }], [{}]) }));
		expect(verdict(blocked, 'No main-thread task over 50 ms while loading')).toBe(false);
		// Without a floor there is nothing to compare with.
		expect(budgets(report({ load: load([{}], []) }))).toEqual([]);
	});

	it('holds a large library to twice the one-page listing time and 50 ms per typed query', () => {
		const queries = Array.from({ length: 20 }, (_, i) => (i < 19 ? 10 : 500));
		const met = budgets(report({ scale: scale(1000, 2000, queries) }));
		expect(verdict(met, 'With 1,000 pages')).toBe(true);
		// p95 of 20 queries is the 19th: one slow query is allowed.
		expect(verdict(met, 'Search answers in the UI')).toBe(true);
		const slow = budgets(report({ scale: scale(1000, 2100, [60, 60]) }));
		expect(verdict(slow, 'With 1,000 pages')).toBe(false);
		expect(verdict(slow, 'Search answers in the UI')).toBe(false);
	});
});

const dist = (p50: number, p95: number) => ({ p50, p95, max: p95 });
function archiveSize(
	pages: number,
	over: {
		kb?: number;
		slowMs?: number;
		cachedMs?: number;
		exact?: boolean;
		buildMs?: number;
		rss?: number;
	} = {}
): ArchiveSize {
	const cost = {
		kb: dist(50, over.kb ?? 200),
		files: dist(3, 6),
		rounds: dist(2, 2),
		slow4gMs: dist(400, over.slowMs ?? 900),
		cachedMs: dist(1, over.cachedMs ?? 20)
	};
	return {
		build: {
			pages,
			articles: pages * 10,
			textBytes: pages * 11_000,
			indexBytes: pages * 20_000,
			indexShards: 1024,
			indexShardBytes: pages * 10_000,
			chunkFiles: 100,
			catalogBytes: pages * 800,
			catalogShards: pages / 100,
			newestMonthCatalogBytes: 50_000,
			manifestBytes: 5_000,
			ms: over.buildMs ?? pages * 10,
			cpuMs: over.cpuMs,
			peakRssBytes: over.rss ?? 300e6,
			indexOverText: 1.8
		},
		firstVisitBytes: 55_000,
		firstVisitGzipBytes: 12_000,
		manifestGzipBytes: 1_000,
		queries: 266,
		firstHits: cost,
		exactTotal: cost,
		precision: 1,
		recall: 1,
		totalsExact: over.exact ?? true,
		over300KB: [],
		benchSeconds: 1
	};
}

describe('archive budgets', () => {
	it('holds the largest archive to 300 KB, 1 s on slow 4G and 50 ms cached per query, exactly', () => {
		const met = budgets(
			report({ archive: { '3000': archiveSize(3000, { kb: 900 }), '30000': archiveSize(30000) } })
		);
		expect(verdict(met, 'Archive query: first 10 hits fetch ≤ 300 KB')).toBe(true);
		expect(verdict(met, 'Archive query: first 10 hits ≤ 1 s cold')).toBe(true);
		expect(verdict(met, 'Archive query: first 10 hits ≤ 50 ms')).toBe(true);
		expect(verdict(met, 'Archive search P = R = 1')).toBe(true);
		const missed = budgets(
			report({
				archive: {
					'30000': archiveSize(30000, { kb: 301, slowMs: 1001, cachedMs: 51, exact: false })
				}
			})
		);
		expect(verdict(missed, 'Archive query: first 10 hits fetch ≤ 300 KB')).toBe(false);
		expect(verdict(missed, 'Archive query: first 10 hits ≤ 1 s cold')).toBe(false);
		expect(verdict(missed, 'Archive query: first 10 hits ≤ 50 ms')).toBe(false);
		expect(verdict(missed, 'Archive search P = R = 1')).toBe(false);
	});

	it('holds the build to linear time and bounded memory from the smallest size to the largest', () => {
		const linear = budgets(
			report({
				archive: {
					'3000': archiveSize(3000),
					'30000': archiveSize(30000, { buildMs: 360_000, rss: 590e6 })
				}
			})
		);
		expect(verdict(linear, 'Archive build linear')).toBe(true);
		expect(verdict(linear, 'Archive build memory bounded')).toBe(true);
		const worse = budgets(
			report({
				archive: {
					'3000': archiveSize(3000),
					'30000': archiveSize(30000, { buildMs: 400_000, rss: 700e6 })
				}
			})
		);
		expect(verdict(worse, 'Archive build linear')).toBe(false);
		expect(verdict(worse, 'Archive build memory bounded')).toBe(false);
		// CPU time when both sizes have it: a loaded machine's wall time does not count then.
		const loaded = budgets(
			report({
				archive: {
					'3000': archiveSize(3000, { buildMs: 200_000, cpuMs: 20_000 }),
					'30000': archiveSize(30000, { buildMs: 700_000, cpuMs: 260_000 })
				}
			})
		);
		expect(verdict(loaded, 'Archive build linear')).toBe(false);
		// One size: nothing to compare.
		expect(
			budgets(report({ archive: { '3000': archiveSize(3000) } })).some((b) =>
				b.budget.startsWith('Archive build')
			)
		).toBe(false);
	});

	it('writes both sizes and both costs into BENCHMARKS.md', () => {
		const md = renderMarkdown(
			report({ archive: { '3000': archiveSize(3000), '30000': archiveSize(30000) } })
		);
		expect(md).toContain('## Static archive');
		expect(md).toMatch(/\| 30,000 \| 266 \| first 10 hits \| 50\.0 \/ 200\.0 \/ 200\.0 \|/);
		expect(md).toMatch(/\| 30,000 \| 266 \| exact total \|/);
		expect(md).toMatch(/\| Archive query: first 10 hits fetch ≤ 300 KB .* \| PASS \|/);
	});
});

function lighthouseRun(over: Partial<LighthouseRun> = {}): LighthouseRun {
	return {
		performance: 100,
		accessibility: 100,
		bestPractices: 100,
		seo: 100,
		fcpMs: 900,
		lcpMs: 1000,
		tbtMs: 0,
		cls: 0,
		speedIndexMs: 900,
		...over
	};
}

function lighthouse(views: Record<string, Partial<LighthouseRun>[]>): LighthouseSection {
	return {
		lighthouse: '12.2.3',
		views: Object.entries(views).map(([name, runs]) => ({
			name,
			path: name,
			runs: runs.map(lighthouseRun)
		}))
	};
}

describe('Lighthouse budgets', () => {
	it('passes when every view scores 98 or more with no blocking and no shift', () => {
		const met = budgets(report({ lighthouse: lighthouse({ library: [{}], embed: [{}] }) }));
		expect(met.map((b) => b.ok)).toEqual([true, true, true]);
	});

	it('misses on the one view that falls short, and names it', () => {
		const section = lighthouse({
			library: [{ performance: 97 }, { performance: 96 }, { performance: 99 }],
			notes: [{}]
		});
		const list = budgets(report({ lighthouse: section }));
		expect(verdict(list, 'Lighthouse mobile performance')).toBe(false);
		expect(list[0].measured).toBe('lowest 97 (library)');
		// The median counts for performance, so one bad run of three does not decide.
		const once = budgets(
			report({ lighthouse: lighthouse({ library: [{ performance: 90 }, {}, {}] }) })
		);
		expect(verdict(once, 'Lighthouse mobile performance')).toBe(true);
	});

	it('holds TBT to 50 ms by the median and CLS to 0 on every run', () => {
		const blocked = budgets(report({ lighthouse: lighthouse({ page: [{ tbtMs: 51 }] }) }));
		expect(verdict(blocked, 'Lighthouse TBT')).toBe(false);
		const shifted = budgets(
			report({ lighthouse: lighthouse({ library: [{}, { cls: 0.001 }, {}] }) })
		);
		expect(verdict(shifted, 'Lighthouse CLS 0')).toBe(false);
	});

	it('writes each view’s scores into BENCHMARKS.md', () => {
		const md = renderMarkdown(
			report({ lighthouse: lighthouse({ settings: [{ performance: 99, tbtMs: 20 }] }) })
		);
		expect(md).toContain('## Lighthouse');
		expect(md).toContain(
			'| settings | `/settings` | 99 | 100 | 100 | 100 | 1,000 ms | 20 ms | 0.000 |'
		);
	});
});

function archiveVisit(
	over: { archiveBytes?: number; archiveMs?: number; searchMs?: number; searchKB?: number } = {}
): ArchiveVisit {
	const visit = (listedMs: number, listedBytes: number): FirstVisit & { samples: FirstVisit[] } => {
		const one = { listedMs, listedBytes, settledBytes: listedBytes * 2, requests: 20 };
		return { ...one, samples: [one] };
	};
	return {
		pages: 3000,
		browser: '140.0',
		cpuSlowdown: 4,
		network: 'slow 4G: 150 ms RTT, 1.6 Mbps down',
		buildMs: null,
		runs: 1,
		firstVisit: {
			archive: visit(over.archiveMs ?? 2400, over.archiveBytes ?? 500_000),
			onePage: visit(2000, 400_000)
		},
		search: {
			ms: { p50: 600, p95: over.searchMs ?? 900, max: 1200 },
			kb: { p50: 40, p95: over.searchKB ?? 200, max: 400 },
			samples: [{ query: '汾河', ms: 600, bytes: 40_000, requests: 3, total: 12 }]
		}
	};
}

describe('archive in the browser', () => {
	it('holds the first visit to 1.5× a one-page library and a cold search to 1 s and 300 KB', () => {
		const met = budgets(report({ archiveVisit: { '3000': archiveVisit() } }));
		expect(verdict(met, 'Archive first visit: bytes')).toBe(true);
		expect(verdict(met, 'Archive first visit: time')).toBe(true);
		expect(verdict(met, 'Archive query in the browser: first 10 hits ≤ 1 s')).toBe(true);
		expect(verdict(met, 'Archive query in the browser: first 10 hits fetch')).toBe(true);
		const missed = budgets(
			report({
				archiveVisit: {
					'3000': archiveVisit({
						archiveBytes: 600_001,
						archiveMs: 3001,
						searchMs: 1001,
						searchKB: 301
					})
				}
			})
		);
		expect(verdict(missed, 'Archive first visit: bytes')).toBe(false);
		expect(verdict(missed, 'Archive first visit: time')).toBe(false);
		expect(verdict(missed, 'Archive query in the browser: first 10 hits ≤ 1 s')).toBe(false);
		expect(verdict(missed, 'Archive query in the browser: first 10 hits fetch')).toBe(false);
	});

	it('writes both first visits and the search figures under Static archive', () => {
		const md = renderMarkdown(report({ archiveVisit: { '3000': archiveVisit() } }));
		expect(md).toContain('## Static archive');
		expect(md).toContain('| 3,000 | archive | 2,400 ms | 500.0 KB | 1,000.0 KB | 20 |');
		expect(md).toContain('| 3,000 | one page (yardstick) | 2,000 ms | 400.0 KB | 800.0 KB | 20 |');
		expect(md).toContain('| 3,000 | 1 | 600 / 900 / 1,200 | 40.0 / 200.0 / 400.0 |');
	});
});

describe('renderMarkdown', () => {
	it('writes each budget’s verdict as the budgets decided it', () => {
		const md = renderMarkdown(report({ parse: parse(0.05, 0.9) }));
		expect(md).toContain('| Parse ≥ 1/10 of split throughput at 11 MB | 0.050 | **MISS** |');
		expect(md).toContain(
			'| Parse linear from 110 KB to 11 MB (throughput ratio ≥ 0.8) | 0.9 | PASS |'
		);
	});
});
