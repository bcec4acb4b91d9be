/**
 * Scale benchmark: a synthetic library of 1,000 pages (≈ 11 MB) built from the seed pages, built
 * into a temporary copy of the repository (never into seeds/ here), opened in Chromium on a phone
 * viewport with the main thread 4× slower. Measures the time until the library is listed and
 * until search answers, main-thread long tasks meanwhile, JS heap in the page and the worker,
 * the same on a second visit (reload), and search latency as typed into the UI. A one-page
 * build measured the same way is the yardstick for "lists within 2× of one page".
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { executablePath, chromiumArgs } from '../playwright.config';
import { articleHeading, parsePage } from '../src/lib/core/parse/index';
import { CPU_SLOWDOWN, OBSERVERS, PHONE } from './browser';
import { LIBRARY_PAGES as PAGES, SEED_FOLDERS, writeLibrary } from './corpus';
// @ts-expect-error plain ES module without types
import { startServer } from './server.mjs';

/** Queries typed into the search box: short and long, Latin, 繁體, multi-term, phrase, none. */
export const UI_QUERIES = [
	'汾河',
	'人口普查',
	'環境保護',
	'生态',
	'整改工作',
	'PM2.5',
	'5G',
	'杏花岭',
	'督察 整改',
	'"高质量 发展"',
	'营业执照 -政银',
	'壶口瀑布',
	'黄河',
	'委员',
	'不存在的词语组合'
];

/** A copy of the working tree (tracked and untracked-not-ignored files) with its own seeds/. */
function copyTree(root: string, into: string): void {
	const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root })
		.toString()
		.split('\0')
		.filter((f) => f && !f.startsWith('seeds/') && !f.startsWith('bench/'));
	for (const f of files) {
		try {
			mkdirSync(dirname(join(into, f)), { recursive: true });
			cpSync(join(root, f), join(into, f));
		} catch {
			// Deleted in the working tree but still in the index.
		}
	}
	symlinkSync(join(root, 'node_modules'), join(into, 'node_modules'));
}

function build(dir: string, seeds: string, out: string): number {
	rmSync(join(dir, 'seeds'), { recursive: true, force: true });
	cpSync(seeds, join(dir, 'seeds'), { recursive: true });
	const t0 = Date.now();
	// Only the synthetic pages: whatever BANMIAN_SEEDS says outside is not this build's library.
	const result = spawnSync('npx', ['vite', 'build'], {
		cwd: dir,
		encoding: 'utf8',
		env: { ...process.env, BANMIAN_SEEDS: 'seeds' }
	});
	if (result.status !== 0) {
		throw new Error(`vite build in ${dir} failed:\n${result.stdout}\n${result.stderr}`);
	}
	rmSync(out, { recursive: true, force: true });
	cpSync(join(dir, 'build'), out, { recursive: true });
	return Date.now() - t0;
}

/** CDP on the page plus the page's dedicated worker (auto-attached, messages relayed). */
async function instrument(context: BrowserContext, page: Page) {
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
	let workerSession: string | null = null;
	let id = 0;
	const waiting = new Map<number, (message: { result?: unknown; error?: unknown }) => void>();
	cdp.on('Target.attachedToTarget', (e) => {
		if (e.targetInfo.type === 'worker') workerSession = e.sessionId;
	});
	cdp.on('Target.detachedFromTarget', (e) => {
		if (e.sessionId === workerSession) workerSession = null;
	});
	cdp.on('Target.receivedMessageFromTarget', (e) => {
		const message = JSON.parse(e.message) as { id?: number; result?: unknown; error?: unknown };
		if (message.id !== undefined) waiting.get(message.id)?.(message);
	});
	await cdp.send('Target.setAutoAttach', {
		autoAttach: true,
		waitForDebuggerOnStart: false,
		flatten: false
	});
	return {
		async pageHeap(): Promise<number> {
			return (await cdp.send('Runtime.getHeapUsage')).usedSize;
		},
		async workerHeap(): Promise<number | null> {
			if (!workerSession) return null;
			const messageId = ++id;
			const reply = new Promise<{ result?: unknown }>((resolve) => {
				waiting.set(messageId, resolve);
				setTimeout(() => resolve({}), 10_000);
			});
			await cdp.send('Target.sendMessageToTarget', {
				sessionId: workerSession,
				message: JSON.stringify({ id: messageId, method: 'Runtime.getHeapUsage', params: {} })
			});
			const result = (await reply).result as { usedSize?: number } | undefined;
			return result?.usedSize ?? null;
		}
	};
}

const LIST = '[aria-label="文档列表"] > li';
/** The search view's answer: a result count or the no-result message. */
const ANSWERED = /(“[^”]*” )?共 \d+ 篇|没有找到“[^”]*”/;

// Page functions as source text: tsx would wrap named inner functions in a `__name` helper that
// does not exist in the page.
/** Calls a page function given as source text with one argument. */
function run(page: Page, source: string, arg: unknown): Promise<unknown> {
	return page.evaluate(({ source, arg }) => (0, eval)(`(${source})`)(arg), { source, arg });
}

/** Types a query into the search box (label 搜索, on every view); returns performance.now(). */
const TYPE_QUERY = `(query) => {
	const input = document.querySelector('#search-input');
	input.value = query;
	input.dispatchEvent(new Event('input', { bubbles: true }));
	return performance.now();
}`;
/**
 * Empties the box and waits until no answer shows, then types the query and resolves with the
 * milliseconds until an answer is in the DOM again (a MutationObserver, so no polling delay).
 */
const TIME_QUERY = `async (query) => {
	const answered = () => ${ANSWERED}.test(document.querySelector('main')?.textContent ?? '');
	const until = (ok) => new Promise((resolve) => {
		if (ok()) return resolve();
		const observer = new MutationObserver(() => {
			if (ok()) { observer.disconnect(); resolve(); }
		});
		observer.observe(document.body, { childList: true, subtree: true, characterData: true });
	});
	const input = document.querySelector('#search-input');
	const type = (value) => {
		input.value = value;
		input.dispatchEvent(new Event('input', { bubbles: true }));
	};
	type('');
	await until(() => !answered());
	await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
	const t0 = performance.now();
	type(query);
	await until(answered);
	return performance.now() - t0;
}`;

interface Tasks {
	count: number;
	maxMs: number;
	totalMs: number;
	over50Ms: number;
}

function tasks(list: { start: number; duration: number }[], from: number, to: number): Tasks {
	const inside = list.filter((t) => t.start >= from && t.start < to);
	return {
		count: inside.length,
		maxMs: Math.round(Math.max(0, ...inside.map((t) => t.duration))),
		totalMs: Math.round(inside.reduce((s, t) => s + t.duration, 0)),
		over50Ms: Math.round(inside.reduce((s, t) => s + Math.max(0, t.duration - 50), 0))
	};
}

export interface VisitScale {
	/** From navigation start until every page is in the list. */
	listedMs: number;
	/** From navigating to #/search/汾河 (once listed) until its result count shows. */
	searchReadyMs: number;
	/** From navigation start until that result count shows. */
	searchReadyFromStartMs: number;
	searchText: string;
	longTasksListing: Tasks;
	longTasksIndexing: Tasks;
	pageHeapBytes: number;
	workerHeapBytes: number | null;
	/** Input-to-count latency for each UI query. */
	queryMs: number[];
}

async function visitLibrary(
	page: Page,
	probe: Awaited<ReturnType<typeof instrument>>,
	pages: number,
	typeQueries: boolean,
	navigate: () => Promise<unknown>
): Promise<VisitScale> {
	await navigate();
	const listedAt = await (
		await page.waitForFunction(
			// The library knows every page (it renders them a screenful at a time) and shows some.
			({ selector, n }) =>
				Number(document.querySelector<HTMLElement>('[data-library-count]')?.dataset.libraryCount) >=
					n && document.querySelector(selector)
					? performance.now()
					: false,
			{ selector: LIST, n: pages },
			{ polling: 'raf', timeout: 600_000 }
		)
	).jsonValue();
	const searchStart = (await run(page, TYPE_QUERY, '汾河')) as number;
	const ready = (await (
		await page.waitForFunction(
			(pattern) => {
				const text = document.querySelector('main')?.textContent ?? '';
				const found = new RegExp(pattern).exec(text);
				return found ? { at: performance.now(), text: found[0] } : false;
			},
			ANSWERED.source,
			{ polling: 'raf', timeout: 600_000 }
		)
	).jsonValue()) as { at: number; text: string };
	const longtasks = await page.evaluate(
		() =>
			(window as unknown as { __bench: { longtasks: { start: number; duration: number }[] } })
				.__bench.longtasks
	);
	const pageHeap = await probe.pageHeap();
	const workerHeap = await probe.workerHeap();
	const queryMs: number[] = [];
	if (typeQueries) {
		for (const q of UI_QUERIES) {
			queryMs.push((await run(page, TIME_QUERY, q)) as number);
		}
	}
	return {
		listedMs: Math.round(listedAt as number),
		searchReadyMs: Math.round(ready.at - searchStart),
		searchReadyFromStartMs: Math.round(ready.at),
		searchText: ready.text.trim(),
		longTasksListing: tasks(longtasks, 0, listedAt as number),
		longTasksIndexing: tasks(longtasks, searchStart, ready.at),
		pageHeapBytes: pageHeap,
		workerHeapBytes: workerHeap,
		queryMs: queryMs.map((x) => Math.round(x * 10) / 10)
	};
}

/** A cold deep link to the first article: navigation start until its text is in a <p>. */
async function deepLink(browser: Browser, url: string, text: string): Promise<number> {
	const context = await browser.newContext(PHONE);
	try {
		const page = await context.newPage();
		await instrument(context, page);
		await page.goto(url, { timeout: 600_000 });
		const at = await (
			await page.waitForFunction(
				(t) =>
					[...document.querySelectorAll('p')].some((p) => p.textContent?.includes(t))
						? performance.now()
						: false,
				text,
				{ polling: 'raf', timeout: 600_000 }
			)
		).jsonValue();
		return Math.round(at as number);
	} finally {
		await context.close();
	}
}

export interface ScaleOptions {
	root: string;
	port: number;
	runs: number;
	/** Reuse bench/out/scale/build-* from an earlier run (their pages are regenerated anyway). */
	reuseBuild?: boolean;
	log?: (line: string) => void;
}

export async function benchScale(options: ScaleOptions) {
	const log = options.log ?? (() => {});
	const out = join(options.root, 'bench/out/scale');
	const librarySeeds = join(out, 'seeds');
	const oneSeeds = join(out, 'seeds-1');
	const { bytes } = writeLibrary(SEED_FOLDERS, librarySeeds);
	rmSync(oneSeeds, { recursive: true, force: true });
	mkdirSync(oneSeeds, { recursive: true });
	for (const f of ['p0000.txt', 'p0000.json']) cpSync(join(librarySeeds, f), join(oneSeeds, f));

	let buildMs: { library: number; onePage: number } | null = null;
	const reuse =
		options.reuseBuild && existsSync(join(out, 'build-1000')) && existsSync(join(out, 'build-1'));
	const tree = reuse ? null : mkdtempSync(join(tmpdir(), 'banmian-scale-'));
	if (tree)
		try {
			copyTree(options.root, tree);
			log(`scale: building ${PAGES} pages (${(bytes / 1e6).toFixed(1)} MB) in ${tree} …`);
			const library = build(tree, librarySeeds, join(out, 'build-1000'));
			log('scale: building the one-page library …');
			const onePage = build(tree, oneSeeds, join(out, 'build-1'));
			buildMs = { library, onePage };
		} finally {
			rmSync(tree, { recursive: true, force: true });
		}
	else log('scale: reusing the builds in bench/out/scale');

	// Two origins: the build's index.html links its scripts root-absolute, so it cannot share one
	// server under a prefix.
	const server = await startServer({ '/': join(out, 'build-1000') }, options.port);
	const oneServer = await startServer({ '/': join(out, 'build-1') }, options.port + 1);
	const origin = `http://127.0.0.1:${options.port}`;
	const oneOrigin = `http://127.0.0.1:${options.port + 1}`;
	const browser = await chromium.launch({ executablePath, args: chromiumArgs });
	const browserVersion = browser.version();
	const firstPage = parsePage(
		readFileSync(join(librarySeeds, 'p0000.txt'), 'utf8'),
		'p0000.txt',
		JSON.parse(readFileSync(join(librarySeeds, 'p0000.json'), 'utf8'))
	);
	const article = firstPage.articles[0];
	const articleHash = `#/doc/${firstPage.id}/${article.id}`;
	const articleText = /\p{Script=Han}{8}/u.exec(
		article.paragraphs[1] ?? articleHeading(article)
	)![0];
	const samples: Record<
		'library' | 'onePage',
		{ first: VisitScale; second: VisitScale; deepLinkMs: number }[]
	> = {
		library: [],
		onePage: []
	};
	try {
		for (let run = 0; run < options.runs; run++) {
			for (const [kind, url, n] of [
				['onePage', oneOrigin, 1],
				['library', origin, PAGES]
			] as const) {
				const deepLinkMs = await deepLink(browser, `${url}/${articleHash}`, articleText);
				const context = await browser.newContext(PHONE);
				await context.addInitScript(OBSERVERS);
				const page = await context.newPage();
				const probe = await instrument(context, page);
				const first = await visitLibrary(page, probe, n, true, () =>
					page.goto(`${url}/#/`, { timeout: 600_000 })
				);
				// Second visit: the same profile; whatever the app keeps in IndexedDB is there.
				await page.goto('about:blank');
				const second = await visitLibrary(page, probe, n, false, () =>
					page.goto(`${url}/#/`, { timeout: 600_000 })
				);
				samples[kind].push({ first, second, deepLinkMs });
				await context.close();
				log(
					`scale run ${run + 1}/${options.runs} ${kind}: deep link ${deepLinkMs} ms, listed ${first.listedMs} ms / second ${second.listedMs} ms, search ready ${first.searchReadyMs} ms`
				);
			}
		}
	} finally {
		await browser.close();
		await server.close();
		await oneServer.close();
	}
	return {
		pages: PAGES,
		bytes,
		buildMs,
		browser: browserVersion,
		cpuSlowdown: CPU_SLOWDOWN,
		network: 'not throttled (the pages are local to the device in the scenario)',
		runs: options.runs,
		queries: UI_QUERIES,
		deepLink: articleHash,
		samples
	};
}
