/**
 * `npm run bench`: builds the app, then measures parsing, search, loading on a throttled phone
 * and a 1,000-page library, and writes BENCHMARKS.md and BENCHMARKS.json at the repository root.
 *   npm run bench                      full run (≈ 10 min on 2 cores)
 *   npm run bench -- --quick           fewer runs, for trying things out
 *   npm run bench -- --no-build        use the existing build/
 *   npm run bench -- --only=load,scale some sections (parse, search, load, scale)
 *   npm run bench -- --render          rewrite BENCHMARKS.md from BENCHMARKS.json
 * Inputs are deterministic: corpora come from seeds/ through fixed transformations and seeds.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { benchParse } from './bench-parse';
import { benchSearch } from './bench-search';
import { benchLoad, type VisitSample } from './bench-load';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const noBuild = args.includes('--no-build');
const only = args
	.find((a) => a.startsWith('--only='))
	?.slice(7)
	.split(',');
const want = (section: string) => !only || only.includes(section);
const PORT = Number(process.env.BANMIAN_BENCH_PORT ?? 4305);
const started = Date.now();

const log = (line: string) =>
	process.stderr.write(`[bench ${Math.round((Date.now() - started) / 1000)}s] ${line}\n`);

function git(...command: string[]): string {
	try {
		return execFileSync('git', command, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] })
			.toString()
			.trim();
	} catch {
		return '';
	}
}

function machine() {
	const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
	let chromium = '';
	try {
		chromium = execFileSync('/usr/bin/chromium', ['--version'], {
			stdio: ['ignore', 'pipe', 'ignore']
		})
			.toString()
			.trim();
	} catch {
		// Reported from the browser itself in the load section.
	}
	return {
		cpu: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown',
		cores: cpus().length,
		ramGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
		loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
		node: process.version,
		chromium,
		date: new Date().toISOString(),
		commit: git('rev-parse', '--short', 'HEAD'),
		// Others may have uncommitted changes in the tree; the build measures the tree as it is.
		dirtyFiles: git('status', '--porcelain', '--untracked-files=no').split('\n').filter(Boolean)
			.length
	};
}

async function main() {
	if (args.includes('--render')) {
		// Re-render BENCHMARKS.md from BENCHMARKS.json without measuring anything.
		const saved = JSON.parse(readFileSync(join(ROOT, 'BENCHMARKS.json'), 'utf8')) as BenchReport;
		writeFileSync(join(ROOT, 'BENCHMARKS.md'), renderMarkdown(saved));
		log('rendered BENCHMARKS.md from BENCHMARKS.json');
		return;
	}
	const report: BenchReport = {
		machine: machine(),
		options: { quick, build: !noBuild },
		sections: {}
	};
	log(`machine: ${report.machine.cpu}, ${report.machine.cores} cores`);

	if (!noBuild && (want('load') || want('scale'))) {
		log('vite build …');
		const t0 = Date.now();
		const built = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, encoding: 'utf8' });
		if (built.status !== 0) {
			process.stderr.write(built.stdout + built.stderr);
			throw new Error('vite build failed');
		}
		report.buildMs = Date.now() - t0;
	}
	// A private copy: others may rebuild build/ while this runs.
	const appDir = join(ROOT, 'bench/out/app');
	if (want('load')) {
		rmSync(appDir, { recursive: true, force: true });
		cpSync(join(ROOT, 'build'), appDir, { recursive: true });
	}

	if (want('parse')) {
		log('parse …');
		report.sections.parse = await benchParse();
	}
	if (want('search')) {
		log('search …');
		const sizes = quick ? [11_000_000] : [11_000, 1_100_000, 11_000_000];
		const search: Record<string, object> = {};
		for (const size of sizes) {
			log(`search ${size} bytes …`);
			search[String(size)] = await benchSearch({ targetBytes: size, runs: quick ? 3 : 5 });
		}
		report.sections.search = search;
	}
	if (want('load')) {
		log('load …');
		report.sections.load = await benchLoad({
			buildDir: appDir,
			floorDir: join(ROOT, 'bench/out/floor'),
			seedFile: join(ROOT, 'seeds/000_8d483b34ee5996a6.txt'),
			port: PORT,
			runs: quick ? 2 : 5,
			log
		});
		// Per-file lists are long; keep them for the first run only.
		for (const list of Object.values(report.sections.load.samples) as VisitSample[][])
			for (const s of list.slice(1)) s.jsFiles = [];
	}
	if (want('scale')) {
		log('scale …');
		const { benchScale } = await import('./bench-scale');
		report.sections.scale = await benchScale({
			root: ROOT,
			port: PORT + 1,
			runs: quick ? 1 : 3,
			reuseBuild: noBuild,
			log
		});
	}

	report.machine.loadAverageAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
	report.totalSeconds = Math.round((Date.now() - started) / 1000);
	if (only) {
		// A partial run keeps the other sections from the last full report.
		const previous = existsSync(join(ROOT, 'BENCHMARKS.json'))
			? (JSON.parse(readFileSync(join(ROOT, 'BENCHMARKS.json'), 'utf8')) as BenchReport)
			: null;
		if (previous) report.sections = { ...previous.sections, ...report.sections };
		report.partial = only;
	}
	// Formatted as `npm run lint` expects (BENCHMARKS.md is in .prettierignore; the JSON is not).
	const json = await format(JSON.stringify(report), {
		...((await resolveConfig(join(ROOT, 'BENCHMARKS.json'))) ?? {}),
		parser: 'json'
	});
	writeFileSync(join(ROOT, 'BENCHMARKS.json'), json);
	writeFileSync(join(ROOT, 'BENCHMARKS.md'), renderMarkdown(report));
	log(`wrote BENCHMARKS.md and BENCHMARKS.json in ${report.totalSeconds} s`);
}

// ---- report ------------------------------------------------------------------------------

interface Spread {
	median: number;
	min: number;
	max: number;
}

interface ParseSection {
	parserVersion: number;
	runs: number;
	corpus: string;
	results: {
		size: string;
		bytes: number;
		articles: number;
		parse: { medianMBps: number; minMBps: number; maxMBps: number };
		split: { medianMBps: number; minMBps: number; maxMBps: number };
		parseToSplit: number;
	}[];
	linearity11MBvs110KB: number;
}

interface Accuracy {
	precision: number;
	recall: number;
	queriesExact: number;
	queries: number;
	p50Ms: Spread;
	p95Ms: Spread;
}

interface SearchSize {
	corpus: { bytes: number; pages: number; articles: number; queries: number };
	banmian: Accuracy & {
		totalsExact: boolean;
		restoredSameAsBuilt: boolean;
		allHits: { p50Ms: Spread; p95Ms: Spread };
		buildMs: Spread;
		heapBytes: number;
		heapPerTextByte: number;
		addEachMs: number;
		snapshotBytes: number;
		restoreMs: Spread;
		restoreOverBuild: number;
	};
	scan: Accuracy;
	flexsearchCjk?: Accuracy & { buildMs: number; heapBytes: number };
}

type LoadSection = Awaited<ReturnType<typeof benchLoad>>;
type ScaleSection = Awaited<ReturnType<typeof import('./bench-scale').benchScale>>;

interface BenchReport {
	machine: ReturnType<typeof machine> & { loadAverageAtEnd?: number[] };
	options: { quick: boolean; build: boolean };
	buildMs?: number;
	totalSeconds?: number;
	partial?: string[];
	sections: {
		parse?: object;
		search?: Record<string, object>;
		load?: LoadSection;
		scale?: ScaleSection;
	};
}

function spreadOf(values: (number | null | undefined)[]): Spread | null {
	const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
	if (!v.length) return null;
	v.sort((a, b) => a - b);
	// The lower median for even counts: one of the measured values, never an average.
	return { median: v[(v.length - 1) >> 1], min: v[0], max: v[v.length - 1] };
}

const num = (x: number, digits = 0) =>
	x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const kb = (bytes: number) => `${num(bytes / 1000, 1)} KB`;
const mb = (bytes: number) => `${num(bytes / 1e6, 1)} MB`;

/** "median (min–max)" with a unit formatter. */
function fmt(s: Spread | null, unit: (x: number) => string = (x) => `${num(x)} ms`): string {
	if (!s) return 'n/a';
	if (s.min === s.max) return unit(s.median);
	return `${unit(s.median)} (${unit(s.min)}–${unit(s.max)})`;
}

const pass = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? 'PASS' : '**MISS**');

function renderMarkdown(report: BenchReport): string {
	const m = report.machine;
	const out: string[] = [];
	const budgets: { budget: string; measured: string; ok: boolean | null }[] = [];
	out.push('# Benchmarks');
	out.push('');
	out.push(
		'Written by `npm run bench` (scripts/bench.ts; `-- --quick` for fewer runs, `-- --no-build` ' +
			'to reuse `build/`, `-- --only=parse,search,load,scale` for some sections, `-- --render` ' +
			'to rewrite this file from the JSON); raw numbers in BENCHMARKS.json. Inputs are ' +
			'deterministic (built from `seeds/` with fixed seeds); timings are the median of the runs ' +
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
		out.push('## Parse (issue 3)');
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
		const large = parse.results[parse.results.length - 1];
		budgets.push({
			budget: 'Parse ≥ 1/10 of split throughput at 11 MB (issue 3)',
			measured: num(large.parseToSplit, 3),
			ok: large.parseToSplit >= 0.1
		});
		budgets.push({
			budget: 'Parse linear from 110 KB to 11 MB (throughput ratio ≥ 0.8)',
			measured: String(parse.linearity11MBvs110KB),
			ok: parse.linearity11MBvs110KB >= 0.8
		});
	}

	const search = report.sections.search as Record<string, SearchSize> | undefined;
	if (search) {
		out.push('## Search (issue 5)');
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
		const big = search['11000000'];
		if (big) {
			const b = big.banmian;
			budgets.push({
				budget: 'Search P = R = 1.000 at 11 MB (issue 5)',
				measured: `P ${b.precision}, R ${b.recall}`,
				ok: b.precision === 1 && b.recall === 1
			});
			budgets.push({
				budget: 'Search p95 ≤ 1/10 of the scan p95 at 11 MB',
				measured: `${num(b.p95Ms.median, 1)} ms vs scan ${num(big.scan.p95Ms.median, 1)} ms`,
				ok: b.p95Ms.median <= big.scan.p95Ms.median / 10
			});
			budgets.push({
				budget: 'Index heap ≤ 2× the text bytes at 11 MB',
				measured: `${b.heapPerTextByte}×`,
				ok: b.heapPerTextByte <= 2
			});
			budgets.push({
				budget: 'Index build ≤ 1 s at 11 MB',
				measured: `${num(b.buildMs.median)} ms`,
				ok: b.buildMs.median <= 1000
			});
			budgets.push({
				budget: 'Index restore ≤ 1/5 of a rebuild at 11 MB',
				measured: `${b.restoreOverBuild}×`,
				ok: b.restoreOverBuild <= 0.2
			});
		}
	}

	const load = report.sections.load;
	if (load) renderLoad(load, out, budgets);
	const scale = report.sections.scale;
	if (scale) renderScale(scale, out, budgets);

	out.push('## Budgets');
	out.push('');
	out.push('Targets from issues 3, 5 and 9. A miss is a finding, not a failure of the benchmark.');
	out.push('');
	out.push('| budget | measured | |');
	out.push('| --- | --- | --- |');
	for (const b of budgets) out.push(`| ${b.budget} | ${b.measured} | ${pass(b.ok)} |`);
	out.push('');
	return out.join('\n');
}

function renderLoad(
	load: LoadSection,
	out: string[],
	budgets: { budget: string; measured: string; ok: boolean | null }[]
) {
	const net = load.network;
	out.push('## Load (issue 9)');
	out.push('');
	out.push(
		`The production build (a private copy of \`build/\`) served by scripts/bench-server.mjs — a ` +
			`static server like a typical host: gzip, ETag revalidation, \`immutable\` caching for ` +
			`\`_app/immutable/\`. Chromium ${load.browser}, phone viewport ${load.phone.viewport.width}×${load.phone.viewport.height} ` +
			`at DPR ${load.phone.deviceScaleFactor}, touch; through CDP, CPU ${load.cpuSlowdown}× slower and ` +
			`slow 4G (${net.latency} ms RTT, ${num((net.downloadThroughput * 8) / 1e6, 1)} Mbps down, ` +
			`${num((net.uploadThroughput * 8) / 1e3)} kbps up). Page: \`${load.url}\` (${load.article}). ` +
			`${load.runs} runs, each in a fresh profile.`
	);
	out.push('');
	out.push(
		'- **cold**: first visit, empty cache. **warm**: the same profile after the service worker ' +
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
	const rows: [string, VisitSample[]][] = [
		['cold', load.samples.cold],
		['warm', load.samples.warm],
		['offline', load.samples.offline],
		['floor', load.samples.floor]
	];
	out.push(
		'| visit | LCP | FCP | TBT | longest task | CLS | bytes before LCP | bytes, page + worker | bytes, all | JS before LCP (gzip) | LCP element |'
	);
	out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
	const stats = (s: VisitSample[]) => ({
		lcp: spreadOf(s.map((x) => x.lcpMs)),
		fcp: spreadOf(s.map((x) => x.fcpMs)),
		tbt: spreadOf(s.map((x) => x.tbtMs)),
		longest: spreadOf(s.map((x) => x.longestTaskMs)),
		cls: spreadOf(s.map((x) => x.cls)),
		bytes: spreadOf(s.map((x) => x.bytes)),
		pageBytes: spreadOf(s.map((x) => x.pageBytes ?? x.bytes)),
		bytesToLcp: spreadOf(s.map((x) => x.bytesToLcp)),
		js: spreadOf(s.map((x) => x.firstLoadJsGzip))
	});
	const all: Record<string, ReturnType<typeof stats>> = {};
	for (const [name, samples] of rows) {
		if (!samples.length) {
			out.push(`| ${name} | n/a: no sample (see notes) | | | | | | | | | |`);
			continue;
		}
		const s = (all[name] = stats(samples));
		out.push(
			`| ${name} | ${fmt(s.lcp)} | ${fmt(s.fcp)} | ${fmt(s.tbt)} | ${fmt(s.longest)} | ${fmt(s.cls, (x) => num(x, 3))} | ${fmt(s.bytesToLcp, kb)} | ${fmt(s.pageBytes, kb)} | ${fmt(s.bytes, kb)} | ${fmt(s.js, kb)} | ${samples[0].lcpElement ?? '?'} |`
		);
	}
	out.push('');
	const cold = all.cold;
	const floor = all.floor;
	if (cold && floor) {
		const ratio = (a: Spread | null, b: Spread | null) =>
			a && b && b.median > 0 ? Math.round((a.median / b.median) * 100) / 100 : null;
		const lcpRatio = ratio(cold.lcp, floor.lcp);
		out.push(
			`Banmian cold ÷ floor (medians): LCP ${lcpRatio ?? 'n/a'}×, FCP ${ratio(cold.fcp, floor.fcp) ?? 'n/a'}×, ` +
				`bytes before LCP ${ratio(cold.bytesToLcp, floor.bytesToLcp) ?? 'n/a'}×, bytes of page + worker ` +
				`${ratio(cold.pageBytes, floor.pageBytes) ?? 'n/a'}×, all bytes including the service ` +
				`worker's precache ${ratio(cold.bytes, floor.bytes) ?? 'n/a'}×.`
		);
		out.push('');
		const files = load.samples.cold[0]?.jsFiles ?? [];
		const workerJs = files
			.filter((f) => f.path.includes('/workers/'))
			.reduce((sum, f) => sum + f.gzip, 0);
		const split = files.length
			? ` (page ${kb(files.reduce((sum, f) => sum + f.gzip, 0) - workerJs)} + worker ${kb(workerJs)})`
			: '';
		budgets.push({
			budget: 'First-load JavaScript ≤ 40 KB gzip (cold, JS requested before LCP)',
			measured: kb(cold.js?.median ?? 0) + split,
			ok: (cold.js?.median ?? Infinity) <= 40_000
		});
		budgets.push({
			budget: 'LCP ≤ 1.2× the static floor (cold)',
			measured: `${lcpRatio}× (${num(cold.lcp?.median ?? 0)} vs ${num(floor.lcp?.median ?? 0)} ms)`,
			ok: lcpRatio !== null && lcpRatio <= 1.2
		});
		const maxCls = Math.max(...['cold', 'warm', 'offline'].map((k) => all[k]?.cls?.max ?? 0));
		budgets.push({
			budget: 'CLS 0 (cold, warm, offline; worst run)',
			measured: num(maxCls, 4),
			ok: maxCls === 0
		});
		const longest = Math.max(...['cold', 'warm', 'offline'].map((k) => all[k]?.longest?.max ?? 0));
		budgets.push({
			budget: 'No main-thread task over 50 ms while loading (cold, warm, offline; worst run)',
			measured: `${num(longest)} ms`,
			ok: longest <= 50
		});
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

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function renderScale(
	scale: ScaleSection,
	out: string[],
	budgets: { budget: string; measured: string; ok: boolean | null }[]
) {
	out.push('## Scale (issue 9)');
	out.push('');
	out.push(
		`A synthetic library of ${num(scale.pages)} pages (${mb(scale.bytes)}) from \`seeds/\`: each page ` +
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
	const medians: Record<string, Spread | null> = {};
	for (const [kind, label] of [
		['onePage', '1 page'],
		['library', `${num(scale.pages)} pages`]
	] as const) {
		for (const visit of ['first', 'second'] as const) {
			const v = scale.samples[kind].map((s) => s[visit]);
			if (!v.length) continue;
			const listed = spreadOf(v.map((x) => x.listedMs));
			medians[`${kind}.${visit}`] = listed;
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

	// Search as typed: per run p50/p95 over the queries; then the median and range over runs.
	const typed = (kind: 'library' | 'onePage') => {
		const runs = scale.samples[kind].map((s) => s.first.queryMs).filter((q) => q.length);
		return {
			runs,
			p50: spreadOf(runs.map((q) => percentile(q, 50))),
			p95: spreadOf(runs.map((q) => percentile(q, 95)))
		};
	};
	const many = typed('library');
	const single = typed('onePage');
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
	const p95 = many.p95;

	const one = medians['onePage.second'];
	const thousand = medians['library.second'];
	if (one && thousand) {
		const ratio = Math.round((thousand.median / one.median) * 10) / 10;
		budgets.push({
			budget: `With ${num(scale.pages)} pages, after a restore (second visit) the library lists within 2× the one-page time`,
			measured: `${ratio}× (${num(thousand.median)} vs ${num(one.median)} ms)`,
			ok: ratio <= 2
		});
	}
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
}

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
