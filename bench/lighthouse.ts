/**
 * Lighthouse 12 with its mobile preset (simulated slow 4G, 4× CPU) on every view a reader lands
 * on, the production build served as a static host would (bench/server.mjs: gzip, caching).
 * Each run starts with empty storage. The HTML reports land in bench/out/lighthouse/ for a look.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { executablePath } from '../playwright.config';
// @ts-expect-error plain ES module without types
import { startServer } from './server.mjs';

export interface LighthouseRun {
	performance: number;
	accessibility: number;
	bestPractices: number;
	seo: number;
	fcpMs: number;
	lcpMs: number;
	tbtMs: number;
	cls: number;
	speedIndexMs: number;
}

export interface LighthouseView {
	name: string;
	path: string;
	runs: LighthouseRun[];
}

/** The views a reader lands on, as paths under the app's root. */
export function landingViews(docId: string, articleId: string) {
	return [
		{ name: 'library', path: '' },
		{ name: 'page', path: `doc/${docId}/` },
		{ name: 'article deep link', path: `doc/${docId}/${articleId}/` },
		{ name: 'search results', path: `#/search/${encodeURIComponent('汾河')}` },
		{ name: 'notes', path: '#/notes' },
		{ name: 'settings', path: '#/settings' },
		{ name: 'embed', path: `?embed=1&parent=${encodeURIComponent('https://news.example')}` }
	];
}

const score = (value: number | null | undefined) => Math.round((value ?? 0) * 100);

export async function benchLighthouse(options: {
	buildDir: string;
	outDir: string;
	docId: string;
	articleId: string;
	port: number;
	runs: number;
	log?: (line: string) => void;
}): Promise<{ lighthouse: string; views: LighthouseView[] }> {
	const server = await startServer({ '/': options.buildDir }, options.port);
	const chrome = await chromeLauncher.launch({
		chromePath: process.env.CHROME_PATH ?? executablePath,
		chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu']
	});
	mkdirSync(options.outDir, { recursive: true });
	const views: LighthouseView[] = [];
	let version = '';
	try {
		for (const view of landingViews(options.docId, options.articleId)) {
			const runs: LighthouseRun[] = [];
			for (let run = 0; run < options.runs; run++) {
				const url = `http://127.0.0.1:${options.port}/${view.path}`;
				const result = await lighthouse(url, {
					port: chrome.port,
					output: 'html',
					logLevel: 'error',
					onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo']
				});
				if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
				const { lhr } = result;
				version = lhr.lighthouseVersion;
				if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
				const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
				runs.push({
					performance: score(lhr.categories.performance?.score),
					accessibility: score(lhr.categories.accessibility?.score),
					bestPractices: score(lhr.categories['best-practices']?.score),
					seo: score(lhr.categories.seo?.score),
					fcpMs: Math.round(audit('first-contentful-paint')),
					lcpMs: Math.round(audit('largest-contentful-paint')),
					tbtMs: Math.round(audit('total-blocking-time')),
					cls: Math.round(audit('cumulative-layout-shift') * 10000) / 10000,
					speedIndexMs: Math.round(audit('speed-index'))
				});
				const file = `${view.name.replace(/\W+/g, '-')}-${run + 1}.html`;
				writeFileSync(join(options.outDir, file), result.report as string);
				options.log?.(
					`lighthouse ${view.name} run ${run + 1}/${options.runs}: performance ${runs.at(-1)!.performance}, TBT ${runs.at(-1)!.tbtMs} ms, CLS ${runs.at(-1)!.cls}`
				);
			}
			views.push({ ...view, runs });
		}
	} finally {
		await chrome.kill();
		await server.close();
	}
	return { lighthouse: version, views };
}
