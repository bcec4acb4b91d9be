/**
 * `npm run bench`: builds the app, then measures parsing, search, loading on a throttled phone
 * and a 1,000-page library, scores every landing view with Lighthouse, measures a static archive
 * (in Node, then an archive-mode build in Chromium on slow 4G), and writes BENCHMARKS.md and BENCHMARKS.json at the repository root.
 *   npm run bench                      full run (≈ 10 min on 2 cores)
 *   npm run bench -- --quick           fewer runs, for trying things out
 *   npm run bench -- --no-build        use the existing build/
 *   npm run bench -- --only=load,scale some sections (parse, search, load, lighthouse, scale, archive)
 *   npm run bench -- --render          rewrite BENCHMARKS.md from BENCHMARKS.json
 * Inputs are deterministic: corpora come from the seed pages (bench/corpus.ts, SEED_FOLDERS)
 * through fixed transformations and seeds.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { benchParse } from './parse';
import { benchSearch } from './search';
import { benchLoad, type VisitSample } from './load';
import { parseBytes } from '../src/lib/core/parse/index';
import { renderMarkdown } from './render';
import type { BenchReport, Machine } from './report';

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

function machine(): Machine {
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

	if (!noBuild && (want('load') || want('lighthouse') || want('scale'))) {
		log('npm run build …');
		const t0 = Date.now();
		const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
		if (built.status !== 0) {
			process.stderr.write(built.stdout + built.stderr);
			throw new Error('npm run build failed');
		}
		report.buildMs = Date.now() - t0;
	}
	// A private copy: others may rebuild build/ while this runs.
	const appDir = join(ROOT, 'bench/out/app');
	const seedFile = join(ROOT, 'seeds/000_8d483b34ee5996a6.txt');
	if (want('load') || want('lighthouse')) {
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
			seedFile,
			port: PORT,
			runs: quick ? 2 : 5,
			log
		});
		// Per-file lists are long; keep them for the first run only.
		for (const list of Object.values(report.sections.load.samples) as VisitSample[][])
			for (const s of list.slice(1)) s.jsFiles = [];
	}
	if (want('lighthouse')) {
		log('lighthouse …');
		const { benchLighthouse } = await import('./lighthouse');
		const doc = parseBytes(new Uint8Array(readFileSync(seedFile)), basename(seedFile));
		report.sections.lighthouse = await benchLighthouse({
			buildDir: appDir,
			outDir: join(ROOT, 'bench/out/lighthouse'),
			docId: doc.id,
			articleId: doc.articles[0].id,
			port: PORT + 2,
			runs: quick ? 1 : 3,
			log
		});
	}
	if (want('scale')) {
		log('scale …');
		const { benchScale } = await import('./scale');
		report.sections.scale = await benchScale({
			root: ROOT,
			port: PORT + 1,
			runs: quick ? 1 : 3,
			reuseBuild: noBuild,
			log
		});
	}

	if (want('archive')) {
		log('archive …');
		const { benchArchive } = await import('./archive');
		const archive: Record<string, object> = {};
		for (const pages of quick ? [3000] : [3000, 30000])
			archive[String(pages)] = await benchArchive(pages, log);
		report.sections.archive = archive as NonNullable<BenchReport['sections']['archive']>;
		log('archive in the browser …');
		const { benchArchiveVisit } = await import('./archive-visit');
		const visits: Record<string, Awaited<ReturnType<typeof benchArchiveVisit>>> = {};
		for (const pages of quick ? [3000] : [3000, 30000])
			visits[String(pages)] = await benchArchiveVisit({
				pages,
				port: PORT + 3,
				runs: quick ? 1 : 3,
				reuseBuild: noBuild,
				log
			});
		report.sections.archiveVisit = visits;
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

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
