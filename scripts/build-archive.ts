/**
 * Builds the static archive (src/lib/core/archive/README.md) from page folders: content-named
 * catalog shards and their locators, index shards, and manifest.json, in OUT.
 *   npx tsx scripts/build-archive.ts --out DIR [FOLDER...]
 * Folders default to BANMIAN_SEEDS (else `seeds`). Streaming: one page is in memory at a time;
 * postings spill to one temporary file per spill group (and a large group's sorted runs to more)
 * and are read back a bounded piece at a time;
 * catalog pages spill to a temporary file and are read back one catalog shard at a time. Prints
 * one JSON line of figures (pages, bytes, milliseconds, peak RSS) on stdout.
 */
import {
	appendFileSync,
	closeSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readFileSync,
	readSync,
	rmSync,
	writeFileSync,
	writeSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	ArchiveBuilder,
	type BuilderOptions,
	type CatalogStash,
	type SpillStore
} from '../src/lib/core/archive/build';
import type { CatalogPage } from '../src/lib/core/archive/catalog';
import { hashBytes } from '../src/lib/core/hash';
import { readPages } from './read-pages';
import { seedFiles, seedFolders } from './seeds.mjs';

export interface ArchiveBuildFigures {
	pages: number;
	articles: number;
	/** UTF-8 bytes of the page files. */
	textBytes: number;
	/** Index shards and chunk files together. */
	indexBytes: number;
	indexShards: number;
	indexShardBytes: number;
	chunkFiles: number;
	catalogBytes: number;
	catalogShards: number;
	/** Catalog bytes of the newest month, all papers: what a first visit loads. */
	newestMonthCatalogBytes: number;
	manifestBytes: number;
	ms: number;
	/** CPU time of the process (user and system), less at the mercy of other load than `ms`. */
	cpuMs?: number;
	/** Peak resident set size of the process, bytes. */
	peakRssBytes: number;
}

/** Catalog pages as JSON in one file, read back by position. */
function fileStash(path: string): CatalogStash & { close(): void } {
	const fd = openSync(path, 'w+');
	const places: number[] = [];
	let end = 0;
	return {
		put(page: CatalogPage) {
			const bytes = Buffer.from(JSON.stringify(page));
			writeSync(fd, bytes, 0, bytes.length, end);
			places.push(end, bytes.length);
			end += bytes.length;
			return places.length / 2 - 1;
		},
		get(handle: number) {
			const bytes = Buffer.alloc(places[2 * handle + 1]);
			readSync(fd, bytes, 0, bytes.length, places[2 * handle]);
			return JSON.parse(bytes.toString('utf8')) as CatalogPage;
		},
		close: () => closeSync(fd)
	};
}

/** Spill files in `dir`, one per file number; their sizes are kept here. */
function fileSpillStore(dir: string): SpillStore {
	const path = (file: number) => join(dir, String(file));
	const sizes = new Map<number, number>();
	return {
		append(file, words) {
			appendFileSync(path(file), new Uint8Array(words.buffer, words.byteOffset, words.byteLength));
			sizes.set(file, (sizes.get(file) ?? 0) + words.length);
		},
		size: (file) => sizes.get(file) ?? 0,
		read(file, at, into) {
			const words = Math.min(into.length, (sizes.get(file) ?? 0) - at);
			if (words <= 0) return 0;
			const bytes = new Uint8Array(into.buffer, into.byteOffset, 4 * words);
			const fd = openSync(path(file), 'r');
			try {
				for (let done = 0; done < bytes.length;) {
					const n = readSync(fd, bytes, done, bytes.length - done, 4 * at + done);
					if (n === 0) throw new Error(`spill file ${file}: short read`);
					done += n;
				}
			} finally {
				closeSync(fd);
			}
			return words;
		},
		remove(file) {
			sizes.delete(file);
			rmSync(path(file), { force: true });
		}
	};
}

export function buildArchive(folders: string[], out: string, options: BuilderOptions = {}) {
	const started = performance.now();
	const spill = mkdtempSync(join(tmpdir(), 'banmian-archive-'));
	const catalog = fileStash(join(spill, 'catalog'));
	try {
		const builder = new ArchiveBuilder(fileSpillStore(spill), { ...options, catalog });
		let textBytes = 0;
		for (const file of seedFiles(folders)) {
			const bytes = readFileSync(file.path);
			textBytes += bytes.length;
			const { docs, failed } = readPages('build-archive', [file.path]);
			if (failed) throw new Error(`cannot read ${file.path}`);
			builder.addPage(docs[0], hashBytes(bytes));
		}
		rmSync(out, { recursive: true, force: true });
		mkdirSync(out, { recursive: true });
		const manifest = builder.finish((file) => writeFileSync(join(out, file.name), file.bytes));
		const manifestJson = JSON.stringify(manifest);
		writeFileSync(join(out, 'manifest.json'), manifestJson);
		const newest = manifest.catalog[0]?.month;
		const figures: ArchiveBuildFigures = {
			pages: manifest.pages,
			articles: manifest.articles,
			textBytes,
			indexBytes: manifest.index.shardBytes + manifest.index.chunkBytes,
			indexShards: manifest.index.shards,
			indexShardBytes: manifest.index.shardBytes,
			chunkFiles: manifest.index.chunkFiles,
			catalogBytes: manifest.catalog.reduce((sum, e) => sum + e.bytes, 0),
			catalogShards: manifest.catalog.length,
			newestMonthCatalogBytes: manifest.catalog
				.filter((e) => e.month === newest)
				.reduce((sum, e) => sum + e.bytes, 0),
			manifestBytes: Buffer.byteLength(manifestJson),
			ms: Math.round(performance.now() - started),
			cpuMs: Math.round(
				(process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000
			),
			peakRssBytes: process.resourceUsage().maxRSS * 1024
		};
		return { manifest, figures };
	} finally {
		catalog.close();
		rmSync(spill, { recursive: true, force: true });
	}
}

function main(args: string[]): number {
	const at = args.indexOf('--out');
	if (at < 0 || at + 1 >= args.length) {
		process.stderr.write('usage: npx tsx scripts/build-archive.ts --out DIR [FOLDER...]\n');
		return 2;
	}
	const out = args[at + 1];
	const rest = args.filter((_, i) => i !== at && i !== at + 1);
	const root = fileURLToPath(new URL('..', import.meta.url));
	const folders = seedFolders(rest.length ? rest.join(delimiter) : process.env.BANMIAN_SEEDS, root);
	const { figures } = buildArchive(folders, out);
	process.stdout.write(`${JSON.stringify(figures)}\n`);
	return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	process.exitCode = main(process.argv.slice(2));
}
