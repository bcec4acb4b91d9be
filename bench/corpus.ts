// Deterministic inputs for the benchmarks: every corpus comes from the seed pages through fixed
// transformations and fixed random seeds.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { decodeBytes, parsePage } from '../src/lib/core/parse/index';
import type { ParsedDocument } from '../src/lib/core/parse/types';
import { seedFiles, seedFolders, TEST_SEEDS } from '../scripts/seeds.mjs';

/**
 * The folders the corpora come from: BANMIAN_SEEDS when set, else those of the end-to-end build
 * (the real page and the test pages), which the recorded numbers were measured on.
 */
export const SEED_FOLDERS = seedFolders(
	process.env.BANMIAN_SEEDS || TEST_SEEDS,
	fileURLToPath(new URL('..', import.meta.url))
);

/** mulberry32: a small deterministic PRNG. */
export function rng(seed: number): () => number {
	let s = seed | 0;
	return () => {
		s = (s + 0x6d2b79f5) | 0;
		let t = Math.imul(s ^ (s >>> 15), 1 | s);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The seed pages whose names match, in name order, decoded as the reader would. */
function seedPages(folders: string[], names: RegExp): string[] {
	return seedFiles(folders)
		.filter((f) => names.test(f.name))
		.map((f) => decodeBytes(readFileSync(f.path)).text.replace(/\r\n?/g, '\n'));
}

/** The seed pages (.txt), in name order, repeated until the corpus reaches `bytes` (UTF-8). */
export function repeatedSeeds(bytes: number): string {
	const pages = seedPages(SEED_FOLDERS, /\.txt$/);
	const encoder = new TextEncoder();
	const pageBytes = pages.map((p) => encoder.encode(p).length + 2);
	const parts: string[] = [];
	let total = 0;
	for (let i = 0; total < bytes; i = (i + 1) % pages.length) {
		parts.push(pages[i]);
		total += pageBytes[i];
	}
	return parts.join('\n\n');
}

/** The first `bytes` of a corpus, cut at a line end so no page is cut mid-character. */
export function prefixOf(corpus: string, bytes: number): string {
	// the corpus is mostly 3-byte CJK; find the character index by encoding incrementally
	const encoder = new TextEncoder();
	let lo = 0;
	let hi = corpus.length;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (encoder.encode(corpus.slice(0, mid)).length <= bytes) lo = mid;
		else hi = mid - 1;
	}
	const cut = corpus.lastIndexOf('\n', lo);
	return corpus.slice(0, cut > 0 ? cut : lo);
}

/**
 * Parsed pages cut from the seeds: each a copy of a seed page with about 8% of its Chinese
 * characters replaced by others from the same seeds' vocabulary plus common characters (so the
 * vocabulary grows like a real archive's), a Latin/digit sentence on some pages, a tenth
 * converted to traditional characters, and its own paper, date and page number.
 */
export function variedPages(targetBytes: number): {
	docs: ParsedDocument[];
	bytes: number;
	parseMs: number;
} {
	// Read as UTF-8 as they are: the seeds are UTF-8, and their line endings stay.
	const seeds = seedFiles(SEED_FOLDERS)
		.filter((f) => f.name.endsWith('.txt'))
		.map((f) => readFileSync(f.path, 'utf8'));
	const han = /\p{Script=Han}/u;
	const pool = [...new Set(seeds.join('').match(/\p{Script=Han}/gu) ?? [])];
	// Common characters outside the seeds, from the simplified column of OpenCC's table.
	for (let cp = 0x4e00; pool.length < 3500 && cp < 0x9fa5; cp += 7)
		pool.push(String.fromCodePoint(cp));
	const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
	const random = rng(20240101);
	const docs: ParsedDocument[] = [];
	let bytes = 0;
	let parseMs = 0;
	for (let k = 0; bytes < targetBytes; k++) {
		const seed = seeds[k % seeds.length];
		let text = '';
		for (const ch of seed)
			text += han.test(ch) && random() < 0.08 ? pool[Math.floor(random() * pool.length)] : ch;
		if (k % 3 === 0) {
			text = text.replace('。', `。今年PM2.5平均浓度下降${k % 17}%，新建5G基站${k}个。`);
		}
		if (k % 10 === 7) text = toTraditional(text);
		const left = targetBytes - bytes;
		if (left < Buffer.byteLength(text)) text = text.slice(0, Math.max(200, Math.floor(left / 3)));
		bytes += Buffer.byteLength(text);
		const t0 = performance.now();
		const doc = parsePage(text, `bench_${k}.txt`, {
			paper: ['山西日报', '太原日报', '太行日报'][k % 3],
			date: `20${20 + (k % 4)}-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`,
			page: 1 + (k % 8)
		});
		parseMs += performance.now() - t0;
		docs.push(doc);
	}
	return { docs, bytes, parseMs };
}

export const LIBRARY_PAGES = 1000;
const LIBRARY_BYTES = 11_000_000;
const PAPERS = ['山西日报', '太原日报', '太行日报'];

/**
 * Writes a library of `pages` pages of about `bytes` (default 11 MB) in all into `dir`, each with a sidecar
 * (eight pages per paper and day). A page is the seed pages in a rotated order (so titles,
 * bylines and furniture recur at different places), with about 5% of Han characters swapped
 * for others from the seeds and every digit shifted by the page number.
 */
export function writeLibrary(
	folders: string[],
	dir: string,
	pages = LIBRARY_PAGES,
	libraryBytes = LIBRARY_BYTES
): { bytes: number } {
	const seeds = seedPages(folders, /\.(txt|md)$/).map((text) => text.trim());
	const pool = [...new Set(seeds.join('').match(/\p{Script=Han}/gu) ?? [])];
	const han = /\p{Script=Han}/u;
	const random = rng(9);
	const perPage = libraryBytes / pages;
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	let bytes = 0;
	for (let k = 0; k < pages; k++) {
		const parts: string[] = [];
		let size = 0;
		for (let i = 0; size < perPage; i++) {
			const seed = seeds[(k + i) % seeds.length];
			parts.push(seed);
			size += Buffer.byteLength(seed) + 2;
		}
		// Cut at the paragraph break nearest below the page's share of the bytes.
		let joined = parts.join('\n\n');
		let at = 0;
		for (let b = 0; at < joined.length && b < perPage; at++) b += Buffer.byteLength(joined[at]);
		const cut = joined.lastIndexOf('\n\n', at);
		if (at < joined.length && cut > 0) joined = joined.slice(0, cut);
		let text = '';
		for (const ch of joined) {
			if (han.test(ch) && random() < 0.05) text += pool[Math.floor(random() * pool.length)];
			else if (ch >= '0' && ch <= '9') text += String((Number(ch) + k) % 10);
			else text += ch;
		}
		const name = `p${String(k).padStart(4, '0')}`;
		const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(k / 8) * 86_400_000);
		writeFileSync(join(dir, `${name}.txt`), text);
		writeFileSync(
			join(dir, `${name}.json`),
			JSON.stringify({
				paper: PAPERS[Math.floor(k / 8) % PAPERS.length],
				date: day.toISOString().slice(0, 10),
				page: (k % 8) + 1
			})
		);
		bytes += Buffer.byteLength(text);
	}
	return { bytes };
}
