/**
 * Parser throughput: MB/s of parsePage on a corpus built from the fixture pages, beside merely
 * splitting the same text into lines and paragraphs, at 11 KB, 110 KB, 1.1 MB and 11 MB.
 * Run directly (`npx tsx bench/parse.ts`) it prints the JSON; `benchParse()` returns it.
 */
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parsePage, PARSER_VERSION } from '../src/lib/core/parse/index';
import { prefixOf, repeatedSeeds } from './corpus';
import { spread, upperMedian as median } from './stats';
const SIZES = [
	{ label: '11 KB', bytes: 11_000 },
	{ label: '110 KB', bytes: 110_000 },
	{ label: '1.1 MB', bytes: 1_100_000 },
	{ label: '11 MB', bytes: 11_000_000 }
];
const RUNS = 7;
/** Small inputs are parsed repeatedly so one timed sample lasts long enough to measure. */
const MIN_SAMPLE_MS = 40;
const WARM_UP_MS = 400;

/** The baseline: lines, then paragraphs as runs of non-blank lines joined together. */
export function splitLinesAndParagraphs(text: string): string[] {
	const paragraphs: string[] = [];
	let current: string[] = [];
	for (const line of text.split(/\r\n|\r|\n/)) {
		const trimmed = line.trim();
		if (trimmed) current.push(trimmed);
		else if (current.length) {
			paragraphs.push(current.join(''));
			current = [];
		}
	}
	if (current.length) paragraphs.push(current.join(''));
	return paragraphs;
}

interface Stat {
	medianMBps: number;
	minMBps: number;
	maxMBps: number;
}

function stat(rates: number[]): Stat {
	const { median, min, max } = spread(rates, 1);
	return { medianMBps: median, minMBps: min, maxMBps: max };
}

/** How many calls make one sample last MIN_SAMPLE_MS, after a JIT warm-up. */
function calibrate(work: () => unknown): number {
	const warmUntil = performance.now() + WARM_UP_MS;
	for (let i = 0; i < 3 || performance.now() < warmUntil; i++) work();
	let repeat = 1;
	for (;;) {
		const t0 = performance.now();
		for (let i = 0; i < repeat; i++) work();
		const ms = performance.now() - t0;
		if (ms >= MIN_SAMPLE_MS || repeat >= 1 << 16) return repeat;
		repeat = Math.min(1 << 16, Math.ceil((repeat * MIN_SAMPLE_MS * 1.2) / Math.max(ms, 0.01)));
	}
}

interface Rates {
	/** MB/s by the wall clock. */
	wall: number;
	/** MB/s by the process's CPU time: steadier when other processes share the machine. */
	cpu: number;
}

function sample(bytes: number, repeat: number, work: () => unknown): Rates {
	const cpu0 = process.cpuUsage();
	const t0 = performance.now();
	for (let i = 0; i < repeat; i++) work();
	const seconds = (performance.now() - t0) / 1000;
	const cpu = process.cpuUsage(cpu0);
	const cpuSeconds = Math.max((cpu.user + cpu.system) / 1e6, 1e-6);
	return { wall: (bytes * repeat) / seconds / 1e6, cpu: (bytes * repeat) / cpuSeconds / 1e6 };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Parse and split samples alternate, so load from other processes hits both alike; ratios are
 * medians of the per-round ratios.
 */
function measurePair(bytes: number, parse: () => unknown, split: () => unknown) {
	const parseRepeat = calibrate(parse);
	const splitRepeat = calibrate(split);
	const parses: Rates[] = [];
	const splits: Rates[] = [];
	for (let r = 0; r < RUNS; r++) {
		parses.push(sample(bytes, parseRepeat, parse));
		splits.push(sample(bytes, splitRepeat, split));
	}
	return {
		parse: stat(parses.map((p) => p.wall)),
		split: stat(splits.map((s) => s.wall)),
		parseToSplit: round3(median(parses.map((p, r) => p.wall / splits[r].wall))),
		cpu: {
			parse: stat(parses.map((p) => p.cpu)),
			split: stat(splits.map((s) => s.cpu)),
			parseToSplit: round3(median(parses.map((p, r) => p.cpu / splits[r].cpu)))
		}
	};
}

export async function benchParse(): Promise<object> {
	const corpus = repeatedSeeds(SIZES[SIZES.length - 1].bytes + 100_000);
	const encoder = new TextEncoder();
	const results = SIZES.map((size) => {
		const text = prefixOf(corpus, size.bytes);
		const bytes = encoder.encode(text).length;
		const measured = measurePair(
			bytes,
			() => parsePage(text, 'bench.txt'),
			() => splitLinesAndParagraphs(text)
		);
		const doc = parsePage(text, 'bench.txt');
		return { size: size.label, bytes, articles: doc.articles.length, ...measured };
	});
	const small = results[1].cpu.parse.medianMBps;
	const large = results[results.length - 1].cpu.parse.medianMBps;
	return {
		benchmark: 'parse',
		parserVersion: PARSER_VERSION,
		node: process.version,
		runs: RUNS,
		corpus: 'the seed pages (*.txt, line endings normalised), repeated in name order',
		results,
		// CPU-time throughput at 11 MB over that at 110 KB: 1 when time grows linearly
		linearity11MBvs110KB: Math.round((large / small) * 100) / 100
	};
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	benchParse().then((r) => process.stdout.write(JSON.stringify(r, null, 2) + '\n'));
}
