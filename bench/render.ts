/** BENCHMARKS.md from a report: the numbers and the budgets' verdicts, written out. */
import {
	budgets,
	lighthouseMedians,
	listedSpread,
	loadStats,
	medianRatio,
	typedQueries
} from './budgets';
import { fmt, kb, mb, num } from './format';
import type { ArchiveSize } from './archive';
import type { ArchiveVisit } from './archive-visit';
import type { VisitSample } from './load';
import type {
	BenchReport,
	LighthouseSection,
	LoadSection,
	ParseSection,
	ScaleSection,
	SearchSize
} from './report';
import { spreadOf } from './stats';

const pass = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? 'PASS' : '**MISS**');

export function renderMarkdown(report: BenchReport): string {
	const m = report.machine;
	const out: string[] = [];
	out.push('# Benchmarks');
	out.push('');
	out.push(
		'Written by `npm run bench` (bench/run.ts; `-- --quick` for fewer runs, `-- --no-build` ' +
			'to reuse `build/`, `-- --only=parse,search,load,lighthouse,scale` for some sections, `-- --render` ' +
			'to rewrite this file from the JSON); raw numbers in BENCHMARKS.json. Inputs are ' +
			'deterministic (built from the seed pages, `seeds/` and `tests/fixtures/seeds/` unless ' +
			'BANMIAN_SEEDS says otherwise, with fixed seeds); timings are the median of the runs ' +
			'with min–max in brackets.'
	);
	out.push('');
	out.push(`- Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGB} GB RAM`);
	out.push(
		`- Load average at start ${m.loadAverageAtStart.join(' / ')}, at end ${m.loadAverageAtEnd?.join(' / ') ?? '?'} ` +
			`(1/5/15 min; above ${m.cores} means other processes competed for the CPU and timings are noisy)`
	);
	out.push(`- Date: ${m.date}`);
	out.push(
		`- Node ${m.node}; ${m.chromium || 'Chromium'}${report.sections.load ? ` (browser ${report.sections.load.browser})` : ''}`
	);
	out.push(
		`- Tree: commit ${m.commit}${m.dirtyFiles ? ` plus ${m.dirtyFiles} uncommitted file(s) of work in progress` : ''}` +
			`${report.buildMs ? `; \`vite build\` took ${num(report.buildMs / 1000, 1)} s` : ''}`
	);
	out.push(
		`- Mode: ${report.options.quick ? '**--quick** (fewer runs than the budgets ask for)' : 'full'}` +
			`${report.partial ? `; this file merges a partial run (${report.partial.join(', ')}) with the previous one` : ''}` +
			`${report.totalSeconds ? `; the run took ${num(report.totalSeconds / 60, 1)} min` : ''}`
	);
	out.push('');

	const parse = report.sections.parse as ParseSection | undefined;
	if (parse) {
		out.push('## Parse');
		out.push('');
		out.push(
			`parsePage throughput in Node on ${parse.corpus}, beside merely splitting the same text into ` +
				`lines and paragraphs; ${parse.runs} alternating rounds, parser version ${parse.parserVersion}.`
		);
		out.push('');
		out.push('| input | articles | parse MB/s | split MB/s | parse ÷ split |');
		out.push('| --- | ---: | ---: | ---: | ---: |');
		for (const r of parse.results) {
			const p = { median: r.parse.medianMBps, min: r.parse.minMBps, max: r.parse.maxMBps };
			const s = { median: r.split.medianMBps, min: r.split.minMBps, max: r.split.maxMBps };
			out.push(
				`| ${r.size} (${num(r.bytes)} B) | ${num(r.articles)} | ${fmt(p, (x) => num(x, 1))} | ${fmt(s, (x) => num(x, 1))} | ${num(r.parseToSplit, 3)} |`
			);
		}
		out.push('');
		out.push(
			`Linearity: throughput at 11 MB ÷ at 110 KB = ${parse.linearity11MBvs110KB} (1 = linear).`
		);
		out.push('');
	}

	const search = report.sections.search as Record<string, SearchSize> | undefined;
	if (search) {
		out.push('## Search');
		out.push('');
		out.push(
			'In Node, core SearchIndex beside a plain substring scan of the same normalised text and ' +
				'FlexSearch with its CJK charset; precision and recall against the scan. Latency is per ' +
				'query over the fixed query set (first 10 hits with snippets, as the UI asks; "all hits" ' +
				'ranks every match).'
		);
		out.push('');
		for (const [size, r] of Object.entries(search)) {
			const b = r.banmian;
			out.push(
				`### ${Number(size) < 1e6 ? kb(Number(size)) : mb(Number(size))} corpus — ${num(r.corpus.pages)} pages, ${num(r.corpus.articles)} articles, ${r.corpus.queries} queries`
			);
			out.push('');
			out.push('| engine | precision | recall | exact queries | p50 | p95 | build | heap |');
			out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
			const ms = (x: number) => `${num(x, x < 10 ? 2 : 0)} ms`;
			out.push(
				`| Banmian | ${b.precision} | ${b.recall} | ${b.queriesExact}/${b.queries} | ${fmt(b.p50Ms, ms)} | ${fmt(b.p95Ms, ms)} | ${fmt(b.buildMs, ms)} | ${mb(b.heapBytes)} |`
			);
			out.push(
				`| Banmian, all hits | | | | ${fmt(b.allHits.p50Ms, ms)} | ${fmt(b.allHits.p95Ms, ms)} | | |`
			);
			out.push(
				`| substring scan | 1 | 1 | ${r.scan.queries}/${r.scan.queries} | ${fmt(r.scan.p50Ms, ms)} | ${fmt(r.scan.p95Ms, ms)} | – | – |`
			);
			if (r.flexsearchCjk) {
				const f = r.flexsearchCjk;
				out.push(
					`| FlexSearch CJK | ${f.precision} | ${f.recall} | ${f.queriesExact}/${f.queries} | ${fmt(f.p50Ms, ms)} | ${fmt(f.p95Ms, ms)} | ${ms(f.buildMs)} | ${mb(f.heapBytes)} |`
				);
			}
			out.push('');
			out.push(
				`Snapshot ${mb(b.snapshotBytes)}; restore ${fmt(b.restoreMs, ms)} = ${b.restoreOverBuild} × a rebuild; ` +
					`heap ${b.heapPerTextByte} × the text's bytes; adding the pages one at a time ` +
					`(\`index.add\` per page, as the worker does) took ${ms(b.addEachMs)} in total; ` +
					`exact totals: ${b.totalsExact}; restored index answers the same: ${b.restoredSameAsBuilt}.`
			);
			out.push('');
		}
	}

	const load = report.sections.load;
	if (load) renderLoad(load, out);
	const lighthouse = report.sections.lighthouse;
	if (lighthouse) renderLighthouse(lighthouse, out);
	const scale = report.sections.scale;
	if (scale) renderScale(scale, out);
	const archive = report.sections.archive;
	if (archive) renderArchive(archive, out);
	const archiveVisit = report.sections.archiveVisit;
	if (archiveVisit) renderArchiveVisit(archiveVisit, !archive, out);

	out.push('## Budgets');
	out.push('');
	out.push('What the reader is held to. A miss is a finding, not a failure of the benchmark.');
	out.push('');
	out.push('| budget | measured | |');
	out.push('| --- | --- | --- |');
	for (const b of budgets(report)) out.push(`| ${b.budget} | ${b.measured} | ${pass(b.ok)} |`);
	out.push('');
	return out.join('\n');
}

function renderLoad(load: LoadSection, out: string[]) {
	const net = load.network;
	out.push('## Load');
	out.push('');
	out.push(
		`The production build (a private copy of \`build/\`) served by bench/server.mjs — a ` +
			`static server like a typical host: gzip, ETag revalidation, \`immutable\` caching for ` +
			`\`_app/immutable/\`. Chromium ${load.browser}, phone viewport ${load.phone.viewport.width}×${load.phone.viewport.height} ` +
			`at DPR ${load.phone.deviceScaleFactor}, touch; through CDP, CPU ${load.cpuSlowdown}× slower and ` +
			`slow 4G (${net.latency} ms RTT, ${num((net.downloadThroughput * 8) / 1e6, 1)} Mbps down, ` +
			`${num((net.uploadThroughput * 8) / 1e3)} kbps up). Page: \`${load.url}\` (${load.article}). ` +
			`${load.runs} runs, each in a fresh profile.`
	);
	out.push('');
	out.push(
		"- **cold**: first visit of the article's own file (`doc/ID/ARTICLE/`, prerendered), empty cache. " +
			'**cold, hash link**: the same article by its hash link, rendered by the app alone (old links, imported pages), empty cache. ' +
			'**warm**: the same profile after the service worker ' +
			'took control, navigating to the link again. **offline**: the same profile with the ' +
			"network off. **floor**: the same article as static HTML (title, paragraphs, the app's " +
			'font stacks, inline CSS, no JavaScript; `bench/out/floor/index.html`), cold.'
	);
	out.push(
		'- LCP/FCP/CLS/long tasks from PerformanceObservers installed before any page script. TBT is ' +
			"the sum of each main-thread task's time over 50 ms after FCP (the longest task counts " +
			'from navigation start), until the network has been ' +
			'quiet for 1 s or 5 s after the text showed. Bytes are response bodies as sent by the ' +
			'server (gzip, headers not counted) in that window: before the LCP; for files the page ' +
			'or its worker requested; and all, including what the service worker precached meanwhile. ' +
			'"JS before LCP" is the ' +
			'gzip size of every JavaScript file the page or its worker requested before the LCP ' +
			'(from cache or not).'
	);
	out.push('');
	const rows: [keyof LoadSection['samples'], VisitSample[]][] = [
		['cold', load.samples.cold],
		['coldHash', load.samples.coldHash ?? []],
		['warm', load.samples.warm],
		['offline', load.samples.offline],
		['floor', load.samples.floor]
	];
	out.push(
		'| visit | LCP | FCP | TBT | longest task | CLS | bytes before LCP | bytes, page + worker | bytes, all | JS before LCP (gzip) | LCP element |'
	);
	out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
	const all = loadStats(load);
	for (const [kind, samples] of rows) {
		// Reports from before the hash-link visit existed have no such samples.
		if (kind === 'coldHash' && !samples.length) continue;
		const name = kind === 'coldHash' ? 'cold, hash link' : kind;
		if (!samples.length) {
			out.push(`| ${name} | n/a: no sample (see notes) | | | | | | | | | |`);
			continue;
		}
		const s = all[kind]!;
		out.push(
			`| ${name} | ${fmt(s.lcp)} | ${fmt(s.fcp)} | ${fmt(s.tbt)} | ${fmt(s.longest)} | ${fmt(s.cls, (x) => num(x, 3))} | ${fmt(s.bytesToLcp, kb)} | ${fmt(s.pageBytes, kb)} | ${fmt(s.bytes, kb)} | ${fmt(s.js, kb)} | ${samples[0].lcpElement ?? '?'} |`
		);
	}
	out.push('');
	const cold = all.cold;
	const floor = all.floor;
	if (cold && floor) {
		const lcpRatio = medianRatio(cold.lcp, floor.lcp);
		out.push(
			`Banmian cold ÷ floor (medians): LCP ${lcpRatio ?? 'n/a'}×, FCP ${medianRatio(cold.fcp, floor.fcp) ?? 'n/a'}×, ` +
				`bytes before LCP ${medianRatio(cold.bytesToLcp, floor.bytesToLcp) ?? 'n/a'}×, bytes of page + worker ` +
				`${medianRatio(cold.pageBytes, floor.pageBytes) ?? 'n/a'}×, all bytes including the service ` +
				`worker's precache ${medianRatio(cold.bytes, floor.bytes) ?? 'n/a'}×.`
		);
		out.push('');
	}
	const first = load.samples.cold[0];
	if (first?.jsFiles.length) {
		out.push('JavaScript requested before the LCP on the first cold run (gzip):');
		out.push('');
		const files = [...first.jsFiles].sort((a, b) => b.gzip - a.gzip);
		const worker = files.filter((f) => f.path.includes('/workers/'));
		const pageJs = files.filter((f) => !f.path.includes('/workers/'));
		const sum = (l: { gzip: number }[]) => l.reduce((s, f) => s + f.gzip, 0);
		out.push(
			`- page: ${kb(sum(pageJs))} in ${pageJs.length} files (largest: ${pageJs
				.slice(0, 4)
				.map((f) => `\`${f.path.split('/').pop()}\` ${kb(f.gzip)}`)
				.join(', ')})`
		);
		out.push(
			`- worker: ${kb(sum(worker))} in ${worker.length} file(s) (${worker
				.map((f) => `\`${f.path.split('/').pop()}\` ${kb(f.gzip)}`)
				.join(', ')})`
		);
		out.push('');
	}
	const sw = load.serviceWorker;
	out.push(
		`Service worker: controlled the page ${fmt(spreadOf(sw.readyAfterColdMs), (x) => `${num(x)} ms`)} after the cold ` +
			`visit's measurement window; the cold visit plus the precache transferred ` +
			`${fmt(spreadOf(sw.coldVisitPlusPrecacheBytes), kb)}.`
	);
	out.push('');
	if (load.notes.length) {
		out.push('Notes from the run:');
		out.push('');
		for (const n of load.notes) out.push(`- ${n}`);
		out.push('');
	}
}

function renderLighthouse(section: LighthouseSection, out: string[]) {
	out.push('## Lighthouse');
	out.push('');
	const runs = section.views[0]?.runs.length ?? 0;
	out.push(
		`Lighthouse ${section.lighthouse}, mobile preset (simulated slow 4G, 4× CPU), on each view a ` +
			'reader lands on, the production build served with gzip (bench/server.mjs); empty storage ' +
			`each run; ${runs} run(s) per view, medians. Reports: \`bench/out/lighthouse/*.html\`.`
	);
	out.push('');
	out.push(
		'| view | address | performance | accessibility | best practices | SEO | LCP | TBT | CLS (worst run) |'
	);
	out.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
	for (const v of lighthouseMedians(section)) {
		out.push(
			`| ${v.name} | \`/${v.path}\` | ${v.performance ?? '?'} | ${v.accessibility ?? '?'} | ${v.bestPractices ?? '?'} | ${v.seo ?? '?'} | ${num(v.lcpMs ?? 0)} ms | ${num(v.tbtMs ?? 0)} ms | ${num(v.worstCls, 3)} |`
		);
	}
	out.push('');
}

function renderScale(scale: ScaleSection, out: string[]) {
	out.push('## Scale');
	out.push('');
	out.push(
		`A synthetic library of ${num(scale.pages)} pages (${mb(scale.bytes)}) from the seed pages: each page ` +
			'the seed pages in a rotated order, about 5% of Han characters swapped for others from the ' +
			'seeds and digits shifted, with a sidecar giving paper, date and page (eight pages per paper ' +
			'and day). Built with `vite build` in a temporary copy of the tree (' +
			`${scale.buildMs ? num(scale.buildMs.library / 1000, 1) : '?'} s; pages in \`bench/out/scale/seeds\`), beside a ` +
			`one-page build of its first page (${scale.buildMs ? num(scale.buildMs.onePage / 1000, 1) : '?'} s) as the ` +
			`yardstick. Chromium ${scale.browser}, phone viewport, main thread ${scale.cpuSlowdown}× ` +
			`slower, network ${scale.network}. ${scale.runs} run(s)${scale.runs < 5 ? ' — fewer than five: each run (both libraries, deep link, two visits, typed queries) takes over a minute here, and the whole command should stay near 10 minutes' : ''}.`
	);
	out.push('');
	out.push(
		'- **listed**: navigation start until every page is in the library list ' +
			'(`[aria-label="文档列表"] > li`). **search ready**: from typing 汾河 into the search box ' +
			'(label 搜索) once listed until its result count (`共 N 篇` / `没有找到`) shows; **from ' +
			'start** adds the listing. ' +
			'**Long tasks** (PerformanceObserver `longtask`, main thread): count / longest / total, ' +
			'while listing and while indexing. **Heap**: CDP `Runtime.getHeapUsage` of the page and ' +
			'of its worker once search answered. **second visit**: the same profile navigating to ' +
			'the library again (whatever the app keeps in IndexedDB and the service worker is there).'
	);
	out.push(
		'- The CPU slowdown applies to the page only: Chromium rejects CPU throttling for ' +
			'dedicated and service workers, so parsing and indexing in the worker ran at full desktop ' +
			'speed (a phone would be slower there too).'
	);
	out.push('');
	out.push(
		'| library | visit | listed | search ready | from start | long tasks listing | long tasks indexing | page heap | worker heap |'
	);
	out.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
	const taskCell = (list: { count: number; maxMs: number; totalMs: number }[]) => {
		const c = spreadOf(list.map((t) => t.count));
		const m = spreadOf(list.map((t) => t.maxMs));
		const t = spreadOf(list.map((x) => x.totalMs));
		return `${c?.median ?? 0} / ${num(m?.median ?? 0)} ms / ${num(t?.median ?? 0)} ms (max ${num(m?.max ?? 0)} ms)`;
	};
	for (const [kind, label] of [
		['onePage', '1 page'],
		['library', `${num(scale.pages)} pages`]
	] as const) {
		for (const visit of ['first', 'second'] as const) {
			const v = scale.samples[kind].map((s) => s[visit]);
			if (!v.length) continue;
			const listed = listedSpread(scale, kind, visit);
			out.push(
				`| ${label} | ${visit} | ${fmt(listed)} | ${fmt(spreadOf(v.map((x) => x.searchReadyMs)))} | ${fmt(spreadOf(v.map((x) => x.searchReadyFromStartMs)))} | ${taskCell(v.map((x) => x.longTasksListing))} | ${taskCell(v.map((x) => x.longTasksIndexing))} | ${fmt(spreadOf(v.map((x) => x.pageHeapBytes)), mb)} | ${fmt(spreadOf(v.map((x) => x.workerHeapBytes)), mb)} |`
			);
		}
	}
	out.push('');
	out.push(
		`A cold deep link to an article (\`${scale.deepLink}\`, fresh profile) showed its text after ` +
			`${fmt(spreadOf(scale.samples.onePage.map((s) => s.deepLinkMs)))} with one page and ` +
			`${fmt(spreadOf(scale.samples.library.map((s) => s.deepLinkMs)))} with ${num(scale.pages)} pages.`
	);
	out.push('');
	const texts = [...new Set(scale.samples.library.map((s) => s.first.searchText))];
	out.push(`The library's 汾河 search said: ${texts.map((t) => `\`${t}\``).join(', ')}.`);
	out.push('');

	const many = typedQueries(scale, 'library');
	const single = typedQueries(scale, 'onePage');
	const ms1 = (x: number) => `${num(x, 1)} ms`;
	out.push(
		'Search typed into the UI (input event on the search box until the answer is in the DOM; ' +
			`the box is emptied between queries; ${scale.queries.length} queries): with ` +
			`${num(scale.pages)} pages p50 ${fmt(many.p50, ms1)}, p95 ${fmt(many.p95, ms1)}; with one page ` +
			`p50 ${fmt(single.p50, ms1)}, p95 ${fmt(single.p95, ms1)}. On the search page each ` +
			'keystroke searches at once (the URL follows once typing pauses).'
	);
	out.push('');
	if (many.runs.length) {
		out.push(`| query | ${num(scale.pages)} pages, ms | 1 page, ms |`);
		out.push('| --- | ---: | ---: |');
		scale.queries.forEach((q, i) => {
			const a = spreadOf(many.runs.map((r) => r[i]));
			const b = spreadOf(single.runs.map((r) => r[i]));
			out.push(`| \`${q}\` | ${fmt(a, (x) => num(x, 1))} | ${fmt(b, (x) => num(x, 1))} |`);
		});
		out.push('');
	}
}

function renderArchive(archive: Record<string, ArchiveSize>, out: string[]) {
	out.push('## Static archive');
	out.push('');
	out.push(
		'A synthetic archive (8 pages a day, about 11 KB a page) built by scripts/build-archive.ts ' +
			'in a process of its own (time and peak RSS), then the fixed query set against its files, ' +
			'read from disk in Node. Per query: what a cold search fetches for its first 10 hits ' +
			'(`exactTotal: false`) and for its exact total (KB of 1,000 bytes, files, rounds of ' +
			'fetches that wait on an earlier one), the time on slow 4G modelled from those ' +
			'(150 ms a round + bytes at 1.6 Mbps; the manifest already held), and the time with ' +
			'every file in memory; hits and totals against a substring scan of every page. The ' +
			'first visit loads the manifest and the newest month’s catalog.'
	);
	out.push('');
	out.push(
		'| pages | text | build | peak RSS | index ÷ text | index shards / chunk files | manifest | first visit | catalog |'
	);
	out.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
	for (const [pages, r] of Object.entries(archive)) {
		const b = r.build;
		out.push(
			`| ${num(Number(pages))} | ${mb(b.textBytes)} | ${num(b.ms / 1000, 1)} s${b.cpuMs === undefined ? '' : ` (${num(b.cpuMs / 1000, 1)} s CPU)`} | ${mb(b.peakRssBytes)} | ${b.indexOverText} | ${num(b.indexShards)} / ${num(b.chunkFiles)} | ${kb(b.manifestBytes)} (${kb(r.manifestGzipBytes)} gzip) | ${kb(r.firstVisitBytes)} (${kb(r.firstVisitGzipBytes)} gzip) | ${mb(b.catalogBytes)} |`
		);
	}
	out.push('');
	out.push(
		'| pages | queries | to | KB p50 / p95 / max | files p50 / p95 | rounds p50 / p95 | slow 4G ms p50 / p95 | cached ms p50 / p95 | precision | recall | exact totals |'
	);
	out.push('| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
	for (const [pages, r] of Object.entries(archive)) {
		for (const [to, c] of [
			['first 10 hits', r.firstHits],
			['exact total', r.exactTotal]
		] as const) {
			out.push(
				`| ${num(Number(pages))} | ${r.queries} | ${to} | ${num(c.kb.p50, 1)} / ${num(c.kb.p95, 1)} / ${num(c.kb.max, 1)} | ${c.files.p50} / ${c.files.p95} | ${c.rounds.p50} / ${c.rounds.p95} | ${num(c.slow4gMs.p50)} / ${num(c.slow4gMs.p95)} | ${c.cachedMs.p50} / ${c.cachedMs.p95} | ${r.precision} | ${r.recall} | ${r.totalsExact} |`
			);
		}
	}
	out.push('');
}

function renderArchiveVisit(visits: Record<string, ArchiveVisit>, heading: boolean, out: string[]) {
	if (heading) {
		out.push('## Static archive');
		out.push('');
	}
	const first = Object.values(visits)[0];
	out.push(
		`In the browser (${first.browser}, phone profile, CPU ${first.cpuSlowdown}× slower, ${first.network}, ` +
			'each visit in a fresh profile): an archive-mode build (BANMIAN_ARCHIVE) of the synthetic ' +
			'archive beside a default build bundling one of its pages. First visit: bytes the server ' +
			'sent and time from navigation start until the newest issue is listed, and the bytes once ' +
			'the network is quiet (the service worker’s precache included); median of ' +
			`${first.runs} run${first.runs === 1 ? '' : 's'}. Cold search: after a first visit has ` +
			'listed and gone quiet, a query of the fixed set typed into the search box, until its first ' +
			'10 hits (or all, or 没有找到) show, and the bytes sent meanwhile; the manifest is held, no ' +
			'index file is.'
	);
	out.push('');
	out.push('| pages | build | listed | bytes until listed | bytes once quiet | requests |');
	out.push('| ---: | --- | ---: | ---: | ---: | ---: |');
	for (const [pages, v] of Object.entries(visits)) {
		for (const [name, f] of [
			['archive', v.firstVisit.archive],
			['one page (yardstick)', v.firstVisit.onePage]
		] as const)
			out.push(
				`| ${num(Number(pages))} | ${name} | ${num(f.listedMs)} ms | ${kb(f.listedBytes)} | ${kb(f.settledBytes)} | ${f.requests} |`
			);
	}
	out.push('');
	out.push('| pages | queries | first 10 hits ms p50 / p95 / max | KB p50 / p95 / max |');
	out.push('| ---: | ---: | ---: | ---: |');
	for (const [pages, v] of Object.entries(visits)) {
		const { ms, kb: k } = v.search;
		out.push(
			`| ${num(Number(pages))} | ${v.search.samples.length} | ${num(ms.p50)} / ${num(ms.p95)} / ${num(ms.max)} | ${num(k.p50, 1)} / ${num(k.p95, 1)} / ${num(k.max, 1)} |`
		);
	}
	out.push('');
}
