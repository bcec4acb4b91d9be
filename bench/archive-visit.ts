/**
 * The archive in the browser: an archive-mode build (BANMIAN_ARCHIVE) of the synthetic archive
 * (bench/corpus.ts writeLibrary, 8 pages a day) and, as the yardstick, a default build bundling
 * one page of it, opened in Chromium on the phone profile (CPU 4×, slow 4G through CDP, as the
 * load section sets them), each visit in a fresh profile. Measures
 *   - the first visit: bytes the server sent and time from navigation start until the newest
 *     issue is listed (a library list item shows), and the bytes once the network is quiet
 *     (the service worker's precache included);
 *   - a cold search of a fixed subset of the query set (bench/search.ts buildQueries): after the
 *     first visit has listed and gone quiet, the query is typed into the search box; time until
 *     its first 10 hits (or all, when fewer) or its no-result message show, and the bytes the
 *     server sent meanwhile. The count shown then may be a lower bound (data-total-exact="false":
 *     the exact total is counted after the first hits show), and is recorded as it was.
 * Bytes are counted by the server (bench/server.mjs), so the worker's fetches count too.
 *   npx tsx bench/archive-visit.ts        (3,000 pages; prints JSON)
 *   npx tsx bench/archive-visit.ts 10000  (another size)
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, executablePath } from '../playwright.config';
import { readPages } from '../scripts/read-pages';
import { CPU_SLOWDOWN, PHONE, SLOW_4G, throttle } from './browser';
import { SEED_FOLDERS, writeLibrary } from './corpus';
import { buildQueries } from './search';
import { percentile } from './stats';
// @ts-expect-error plain ES module without types
import { startServer } from './server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE_BYTES = 11_000;
/** How many of the fixed query set a cold search is measured for (every k-th, in order). */
export const VISIT_QUERIES = 20;

interface Server {
	log: { at: number; path: string; bytes: number; status: number }[];
	reset(): void;
	close(): Promise<void>;
}

export interface FirstVisit {
	/** Navigation start until a library list item shows. */
	listedMs: number;
	/** Bytes the server sent until then. */
	listedBytes: number;
	/** Bytes the server sent once the network was quiet (service worker precache included). */
	settledBytes: number;
	requests: number;
}

export interface ColdSearch {
	query: string;
	/** Typed into the search box until the first 10 hits (or all, or 没有找到) show. */
	ms: number;
	/** Bytes the server sent meanwhile. */
	bytes: number;
	requests: number;
	/** The total shown beside the hits. */
	total: number;
	/** False when that total was a lower bound, the exact count still to come (absent: exact). */
	totalExact?: boolean;
}

export interface ArchiveVisit {
	pages: number;
	browser: string;
	cpuSlowdown: number;
	network: string;
	/** null when the builds of an earlier run were reused. */
	buildMs: { archive: number; onePage: number } | null;
	runs: number;
	/** Median first visit of each build (samples kept). */
	firstVisit: Record<'archive' | 'onePage', FirstVisit & { samples: FirstVisit[] }>;
	search: {
		ms: { p50: number; p95: number; max: number };
		kb: { p50: number; p95: number; max: number };
		samples: ColdSearch[];
	};
}

function build(env: Record<string, string>): number {
	const t0 = Date.now();
	const result = spawnSync('npm', ['run', 'build'], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, ...env },
		maxBuffer: 1 << 26
	});
	if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stderr}`);
	return Date.now() - t0;
}

const LIST = '[aria-label="文档列表"] > li';

/** Navigates and resolves with performance.now() once a library list item shows. */
async function listed(page: Page, url: string): Promise<number> {
	await page.goto(url, { timeout: 300_000 });
	const handle = await page.waitForFunction(
		(selector) => (document.querySelector(selector) ? performance.now() : false),
		LIST,
		{ polling: 'raf', timeout: 300_000 }
	);
	return (await handle.jsonValue()) as number;
}

/** Waits until the server has had no request for `quietMs` (at most `maxMs`). */
async function quiet(server: Server, quietMs = 2000, maxMs = 120_000): Promise<void> {
	const t0 = Date.now();
	for (;;) {
		const last = server.log.at(-1)?.at ?? t0;
		if (Date.now() - last >= quietMs || Date.now() - t0 > maxMs) return;
		await new Promise((r) => setTimeout(r, 250));
	}
}

const sent = (server: Server) => server.log.reduce((sum, entry) => sum + entry.bytes, 0);

async function firstVisit(browser: Browser, server: Server, origin: string): Promise<FirstVisit> {
	const context = await browser.newContext(PHONE);
	try {
		const page = await context.newPage();
		await throttle(context, page);
		server.reset();
		const listedMs = await listed(page, `${origin}/#/`);
		const listedBytes = sent(server);
		await quiet(server);
		return {
			listedMs: Math.round(listedMs),
			listedBytes,
			settledBytes: sent(server),
			requests: server.log.length
		};
	} finally {
		await context.close();
	}
}

/**
 * Types the query and resolves with the milliseconds until its first hits show: the count line
 * (data-total, exact or a lower bound; a lower bound is at least the hits asked for) and
 * min(10, total) result links, or an alert (an error counts as an answer, so it cannot hang;
 * the total is then -1). A 0-hit query's count is exact at once. A page function as source
 * text: tsx would wrap named inner functions in a helper the page lacks.
 */
const TIME_FIRST_HITS = `async (query) => {
	const state = () => {
		if (document.querySelector('main [role="alert"]')) return { total: -1, totalExact: true };
		const count = document.querySelector('main p.count[data-total]');
		if (!count) return null;
		const total = Number(count.dataset.total);
		const links = document.querySelectorAll('ol.results a.result-link').length;
		const totalExact = count.dataset.totalExact !== 'false';
		return links >= Math.min(10, total) ? { total, totalExact } : null;
	};
	const input = document.querySelector('#search-input');
	const t0 = performance.now();
	input.value = query;
	input.dispatchEvent(new Event('input', { bubbles: true }));
	const shown = await new Promise((resolve) => {
		const observer = new MutationObserver(() => {
			const found = state();
			if (found !== null) { observer.disconnect(); resolve(found); }
		});
		observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
	});
	return { ms: performance.now() - t0, ...shown };
}`;

async function coldSearch(
	browser: Browser,
	server: Server,
	origin: string,
	query: string
): Promise<ColdSearch> {
	const context = await browser.newContext(PHONE);
	try {
		const page = await context.newPage();
		await throttle(context, page);
		await listed(page, `${origin}/#/`);
		// The first visit's own fetches (the service worker's precache too) are not the search's.
		await quiet(server);
		server.reset();
		const { ms, total, totalExact } = (await page.evaluate(
			({ source, query }) => (0, eval)(`(${source})`)(query),
			{ source: TIME_FIRST_HITS, query }
		)) as { ms: number; total: number; totalExact: boolean };
		return {
			query,
			ms: Math.round(ms),
			bytes: sent(server),
			requests: server.log.length,
			total,
			totalExact
		};
	} finally {
		await context.close();
	}
}

function summary(values: number[], digits = 0) {
	const round = (x: number) => Math.round(x * 10 ** digits) / 10 ** digits;
	return {
		p50: round(percentile(values, 50)),
		p95: round(percentile(values, 95)),
		max: round(Math.max(...values))
	};
}

function median(samples: FirstVisit[]): FirstVisit {
	const pick = (key: keyof FirstVisit) =>
		percentile(
			samples.map((s) => s[key]),
			50
		);
	return {
		listedMs: pick('listedMs'),
		listedBytes: pick('listedBytes'),
		settledBytes: pick('settledBytes'),
		requests: pick('requests')
	};
}

export async function benchArchiveVisit(options: {
	pages: number;
	port: number;
	runs: number;
	/** Reuse bench/out/archive-visit/build-* from an earlier run (`--no-build`). */
	reuseBuild?: boolean;
	log?: (line: string) => unknown;
}): Promise<ArchiveVisit> {
	const { pages, port, runs } = options;
	const log = options.log ?? (() => undefined);
	const out = join(ROOT, 'bench/out/archive-visit');
	const library = join(out, `library-${pages}`);
	const onePage = join(out, 'library-1');
	const archiveBuild = join(out, `build-${pages}`);
	const onePageBuild = join(out, 'build-1');
	log(`archive visit ${pages}: writing pages …`);
	writeLibrary(SEED_FOLDERS, library, pages, pages * PAGE_BYTES);
	rmSync(onePage, { recursive: true, force: true });
	mkdirSync(onePage, { recursive: true });
	for (const f of ['p0000.txt', 'p0000.json']) cpSync(join(library, f), join(onePage, f));
	let buildMs: ArchiveVisit['buildMs'] = null;
	if (options.reuseBuild && existsSync(archiveBuild) && existsSync(onePageBuild)) {
		log(`archive visit ${pages}: reusing the builds in ${out}`);
	} else {
		log(`archive visit ${pages}: building the archive-mode app …`);
		const archive = build({ BANMIAN_ARCHIVE: library, BANMIAN_OUT: archiveBuild });
		log(`archive visit ${pages}: building the one-page library …`);
		buildMs = { archive, onePage: build({ BANMIAN_SEEDS: onePage, BANMIAN_OUT: onePageBuild }) };
	}

	// The query set drawn as bench/archive.ts draws it, then every k-th of it.
	const sample = readPages(
		'bench',
		Array.from({ length: Math.min(pages, 300) }, (_, k) =>
			join(library, `p${String(k).padStart(4, '0')}.txt`)
		)
	).docs;
	const all = buildQueries(sample);
	const step = Math.max(1, Math.floor(all.length / VISIT_QUERIES));
	const queries = all.filter((_, i) => i % step === 0).slice(0, VISIT_QUERIES);
	rmSync(library, { recursive: true, force: true });

	// HTTP/2, as a CDN serves: a search's files of one round go out together.
	const archiveServer = (await startServer({ '/': archiveBuild }, port, { http2: true })) as Server;
	const oneServer = (await startServer({ '/': onePageBuild }, port + 1, { http2: true })) as Server;
	const origin = `https://127.0.0.1:${port}`;
	const oneOrigin = `https://127.0.0.1:${port + 1}`;
	const browser = await chromium.launch({
		executablePath,
		// The servers' certificate is a throwaway self-signed one.
		args: [...chromiumArgs, '--ignore-certificate-errors']
	});
	const browserVersion = browser.version();
	const visits: Record<'archive' | 'onePage', FirstVisit[]> = { archive: [], onePage: [] };
	const searches: ColdSearch[] = [];
	try {
		for (let run = 0; run < runs; run++) {
			visits.onePage.push(await firstVisit(browser, oneServer, oneOrigin));
			visits.archive.push(await firstVisit(browser, archiveServer, origin));
			log(
				`archive visit run ${run + 1}/${runs}: one page listed ${visits.onePage.at(-1)!.listedMs} ms, archive ${visits.archive.at(-1)!.listedMs} ms`
			);
		}
		for (const query of queries) {
			searches.push(await coldSearch(browser, archiveServer, origin, query));
			const s = searches.at(-1)!;
			log(
				`archive visit search ${query}: ${s.ms} ms, ${s.bytes} bytes, total ${s.totalExact ? '' : 'at least '}${s.total}`
			);
		}
	} finally {
		await browser.close();
		await archiveServer.close();
		await oneServer.close();
	}
	return {
		pages,
		browser: browserVersion,
		cpuSlowdown: CPU_SLOWDOWN,
		network: `slow 4G: ${SLOW_4G.latency} ms RTT, ${(SLOW_4G.downloadThroughput * 8) / 1e6} Mbps down; HTTP/2`,
		buildMs,
		runs,
		firstVisit: {
			archive: { ...median(visits.archive), samples: visits.archive },
			onePage: { ...median(visits.onePage), samples: visits.onePage }
		},
		search: {
			ms: summary(searches.map((s) => s.ms)),
			kb: summary(
				searches.map((s) => s.bytes / 1000),
				1
			),
			samples: searches
		}
	};
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const pages = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 3000);
	const result = await benchArchiveVisit({
		pages,
		reuseBuild: process.argv.includes('--no-build'),
		port: Number(process.env.BANMIAN_BENCH_PORT ?? 4305),
		runs: 3,
		log: (line) => process.stderr.write(`${line}\n`)
	});
	process.stdout.write(`${JSON.stringify(result, null, '\t')}\n`);
}
