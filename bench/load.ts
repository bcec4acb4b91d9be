/**
 * Load benchmark: the production build in Chromium on a throttled phone (CPU 4×, slow 4G), an
 * article deep link (its prerendered file, doc/ID/ARTICLE/) cold, warm (second visit in the same
 * profile) and offline (service worker), and its hash link cold (rendered by the app alone),
 * beside the same article as a plain HTML page with no JavaScript (the floor).
 * `benchLoad()` returns the raw samples; bench/run.ts writes them out.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { executablePath, chromiumArgs } from '../playwright.config';
import { articleHeading, decodeBytes, parsePage } from '../src/lib/core/parse/index';
import type { Article } from '../src/lib/core/parse/types';
import { CPU_SLOWDOWN, OBSERVERS, PHONE, SLOW_4G, throttle } from './browser';
// @ts-expect-error plain ES module without types
import { startServer } from './server.mjs';

interface BenchWindow {
	lcp: number | null;
	lcpTag: string | null;
	lcpSize: number;
	fcp: number | null;
	cls: number;
	shifts: number;
	longtasks: { start: number; duration: number }[];
}

export interface VisitSample {
	lcpMs: number | null;
	fcpMs: number | null;
	lcpElement: string | null;
	cls: number;
	tbtMs: number;
	longTasks: number;
	longestTaskMs: number;
	loadEventMs: number | null;
	/** Response bodies the server sent during the visit (gzip where gzipped). */
	bytes: number;
	/** Of those, files the page or its worker requested (not only the service worker). */
	pageBytes: number;
	/** Of all, bytes sent before the LCP. */
	bytesToLcp: number;
	/** gzip size of the JavaScript files the page and its worker requested before the LCP. */
	firstLoadJsGzip: number;
	firstLoadJsFiles: number;
	requests: number;
	serviceWorkerControlled: boolean;
	jsFiles: { path: string; gzip: number }[];
	phases: string;
}

type ServedLog = { at: number; path: string; bytes: number };
type Tracked = { at: number; url: string; fromServiceWorker: boolean };

/** Requests of the page, its worker and its service worker, with in-flight tracking. */
function track(context: BrowserContext) {
	const requests: Tracked[] = [];
	let inFlight = 0;
	let lastEvent = Date.now();
	context.on('request', (r) => {
		requests.push({ at: Date.now(), url: r.url(), fromServiceWorker: !!r.serviceWorker() });
		inFlight++;
		lastEvent = Date.now();
	});
	const done = () => {
		inFlight = Math.max(0, inFlight - 1);
		lastEvent = Date.now();
	};
	context.on('requestfinished', done);
	context.on('requestfailed', done);
	return {
		requests,
		reset: () => void requests.splice(0),
		quiet: (ms: number) => inFlight === 0 && Date.now() - lastEvent >= ms
	};
}

const gzipCache = new Map<string, number>();
function gzipSize(file: string): number {
	let size = gzipCache.get(file);
	if (size === undefined) {
		size = gzipSync(readFileSync(file)).length;
		gzipCache.set(file, size);
	}
	return size;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One visit: navigate, wait until `ready` is visible, then until the network has been quiet
 * for 1 s or 5 s have passed since the load event, and read the observers.
 */
async function visit(
	page: Page,
	url: string,
	ready: string,
	tracker: ReturnType<typeof track>,
	server: { log: { at: number; path: string; bytes: number }[] },
	root: string
): Promise<VisitSample> {
	tracker.reset();
	const logStart = server.log.length;
	await page.goto('about:blank');
	const started = Date.now();
	await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
	await page.waitForFunction(
		(text) =>
			[...document.querySelectorAll('p')].some(
				(p) => p.textContent?.includes(text) && p.getBoundingClientRect().height > 0
			),
		ready,
		{ timeout: 120_000, polling: 50 }
	);
	const loadAt = Date.now();
	while (!tracker.quiet(1000) && Date.now() - loadAt < 5000) await sleep(100);
	// Let the last frame's paint and layout-shift entries arrive.
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
	const { bench, timeOrigin, loadEventEnd, controlled } = await page.evaluate(() => ({
		bench: (window as unknown as { __bench: BenchWindow }).__bench,
		timeOrigin: performance.timeOrigin,
		loadEventEnd:
			(performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
				?.loadEventEnd ?? null,
		controlled: !!navigator.serviceWorker?.controller
	}));
	const lcpAt = bench.lcp !== null ? timeOrigin + bench.lcp : Date.now();
	const log = server.log.slice(logStart).filter((e) => e.at >= started);
	// Paths the page or its worker asked for; the rest is the service worker's precache.
	const ownPaths = new Set(
		tracker.requests.filter((r) => !r.fromServiceWorker).map((r) => new URL(r.url).pathname)
	);
	const phases = `goto ${loadAt - started} ms, settle ${Date.now() - loadAt} ms`;
	const js = new Set<string>();
	for (const r of tracker.requests) {
		const path = new URL(r.url).pathname;
		if (!r.fromServiceWorker && r.at <= lcpAt && /\.m?js$/.test(path)) js.add(path);
	}
	const fcp = bench.fcp ?? 0;
	const blocking = bench.longtasks.filter((t) => t.start + t.duration > fcp);
	return {
		lcpMs: bench.lcp,
		fcpMs: bench.fcp,
		lcpElement: bench.lcpTag,
		cls: Math.round(bench.cls * 10000) / 10000,
		tbtMs: Math.round(
			blocking.reduce((s, t) => s + Math.max(0, t.duration - Math.max(0, fcp - t.start) - 50), 0)
		),
		longTasks: bench.longtasks.length,
		longestTaskMs: Math.round(Math.max(0, ...bench.longtasks.map((t) => t.duration))),
		loadEventMs: loadEventEnd,
		bytes: log.reduce((s, e) => s + e.bytes, 0),
		pageBytes: log.filter((e) => ownPaths.has(e.path)).reduce((s, e) => s + e.bytes, 0),
		bytesToLcp: log.filter((e) => e.at <= lcpAt).reduce((s, e) => s + e.bytes, 0),
		firstLoadJsGzip: [...js].reduce((s, p) => s + gzipSize(join(root, p)), 0),
		firstLoadJsFiles: js.size,
		requests: tracker.requests.length,
		serviceWorkerControlled: controlled,
		jsFiles: [...js].map((p) => ({ path: p, gzip: gzipSize(join(root, p)) })),
		phases
	};
}

/** The floor: the article as static HTML, the app's font stacks, inline CSS, no JavaScript. */
export function writeFloor(dir: string, seedFile: string): { article: Article; docId: string } {
	const doc = parsePage(decodeBytes(readFileSync(seedFile)).text, seedFile.split('/').pop()!);
	const article = doc.articles[0];
	const esc = (s: string) =>
		s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
	const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>${esc(articleHeading(article))}</title>
<style>
:root{--paper:#fbfaf7;--ink:#1d1d1f;--muted:#5f5b55;
--font-serif:'Noto Serif CJK SC','Source Han Serif SC','Songti SC','SimSun',serif;
--font-sans:'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',system-ui,sans-serif}
body{margin:0;background:var(--paper);color:var(--ink);font-family:var(--font-sans);line-height:1.7}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-family:var(--font-serif);line-height:1.35;font-size:1.6rem;margin:.1em 0}
.aux{color:var(--muted);margin:.2em 0}
p{font-family:var(--font-serif);font-size:1.1rem;margin:0 0 1em;text-indent:2em}
</style></head>
<body><main><article>
${article.kicker ? `<p class="aux">${esc(article.kicker)}</p>` : ''}<h1>${esc(articleHeading(article))}</h1>
${article.subtitle ? `<p class="aux">${esc(article.subtitle)}</p>` : ''}
${article.paragraphs.map((p, i) => `<p data-paragraph="${i}">${esc(p)}</p>`).join('\n')}
</article></main></body></html>
`;
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'index.html'), html);
	return { article, docId: doc.id };
}

export interface LoadOptions {
	/** A copy of build/ (so a rebuild by someone else cannot change it mid-run). */
	buildDir: string;
	floorDir: string;
	seedFile: string;
	port: number;
	runs: number;
	log?: (line: string) => void;
}

export async function benchLoad(options: LoadOptions) {
	const { article, docId } = writeFloor(options.floorDir, options.seedFile);
	const server = await startServer(
		{ '/': options.buildDir, '/floor/': options.floorDir },
		options.port
	);
	const origin = `http://127.0.0.1:${options.port}`;
	const appUrl = `${origin}/doc/${docId}/${article.id}/`;
	const hashUrl = `${origin}/#/doc/${docId}/${article.id}`;
	const floorUrl = `${origin}/floor/`;
	// Plain Han text from the second paragraph, shown in a <p> by both the app and the floor,
	// whatever the app's markup or punctuation display.
	const ready = /\p{Script=Han}{8}/u.exec(article.paragraphs[1] ?? articleHeading(article))![0];
	const browser: Browser = await chromium.launch({ executablePath, args: chromiumArgs });
	const browserVersion = browser.version();
	const samples: Record<'cold' | 'coldHash' | 'warm' | 'offline' | 'floor', VisitSample[]> = {
		cold: [],
		coldHash: [],
		warm: [],
		offline: [],
		floor: []
	};
	const notes: string[] = [];
	const precacheBytes: number[] = [];
	const swReadyMs: (number | null)[] = [];
	try {
		for (let run = 0; run < options.runs; run++) {
			// Floor first, in its own fresh profile.
			{
				const context = await browser.newContext(PHONE);
				await context.addInitScript(OBSERVERS);
				const page = await context.newPage();
				await throttle(context, page);
				samples.floor.push(
					await visit(page, floorUrl, ready, track(context), server, options.floorDir)
				);
				await context.close();
			}
			// The hash link, as old links and imported pages are opened: the app renders it alone.
			{
				const context = await browser.newContext(PHONE);
				await context.addInitScript(OBSERVERS);
				const page = await context.newPage();
				await throttle(context, page);
				samples.coldHash.push(
					await visit(page, hashUrl, ready, track(context), server, options.buildDir)
				);
				await context.close();
			}
			const context = await browser.newContext(PHONE);
			await context.addInitScript(OBSERVERS);
			const page = await context.newPage();
			const throttleNotes = await throttle(context, page);
			const tracker = track(context);
			const coldStart = server.log.length;
			samples.cold.push(await visit(page, appUrl, ready, tracker, server, options.buildDir));
			// The service worker installs (precaching the app and every page) and claims the page.
			const t0 = Date.now();
			const swOk = await Promise.race([
				page
					.evaluate(async () => {
						if (!('serviceWorker' in navigator)) return false;
						await navigator.serviceWorker.ready;
						if (!navigator.serviceWorker.controller) {
							await new Promise((r) =>
								navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })
							);
						}
						return true;
					})
					.catch(() => false),
				sleep(90_000).then(() => false)
			]);
			swReadyMs.push(swOk ? Date.now() - t0 : null);
			const quietBy = Date.now() + 60_000;
			while (!tracker.quiet(1000) && Date.now() < quietBy) await sleep(100);
			precacheBytes.push(
				server.log.slice(coldStart).reduce((s: number, e: ServedLog) => s + e.bytes, 0)
			);
			samples.warm.push(await visit(page, appUrl, ready, tracker, server, options.buildDir));
			if (swOk) {
				await context.setOffline(true);
				try {
					samples.offline.push(await visit(page, appUrl, ready, tracker, server, options.buildDir));
				} catch (error) {
					notes.push(`offline visit failed: ${String(error).split('\n')[0]}`);
				}
				await context.setOffline(false);
			} else {
				notes.push('service worker did not control the page within 90 s: no offline sample');
			}
			notes.push(...throttleNotes());
			await context.close();
			options.log?.(
				`load run ${run + 1}/${options.runs}: cold LCP ${Math.round(samples.cold.at(-1)!.lcpMs ?? -1)} ms, floor LCP ${Math.round(samples.floor.at(-1)!.lcpMs ?? -1)} ms`
			);
		}
	} finally {
		await browser.close();
		await server.close();
	}
	return {
		url: `/doc/${docId}/${article.id}/`,
		hashUrl: `/#/doc/${docId}/${article.id}`,
		article: articleHeading(article),
		browser: browserVersion,
		phone: { viewport: PHONE.viewport, deviceScaleFactor: PHONE.deviceScaleFactor },
		cpuSlowdown: CPU_SLOWDOWN,
		network: SLOW_4G,
		runs: options.runs,
		samples,
		serviceWorker: { readyAfterColdMs: swReadyMs, coldVisitPlusPrecacheBytes: precacheBytes },
		notes: [...new Set(notes)]
	};
}
