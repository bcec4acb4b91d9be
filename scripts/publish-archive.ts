/**
 * After `vite build`, in archive mode (BANMIAN_ARCHIVE, see archive-settings.mjs): the archive
 * under BUILD_DIR/archive/ — manifest.json, content-named catalog shards, index shards and
 * postings chunks named by the index's id (scripts/build-archive.ts) and every page file named by
 * its content, `page-<hash>.txt`, so every file but the manifest is immutable — and `downloads.json`, per catalog shard the bytes of
 * its pages' files and its locator, so the reader can say what 「下载本月」 costs before fetching anything. Without BANMIAN_ARCHIVE it does nothing.
 * Usage: tsx scripts/publish-archive.ts [BUILD_DIR]   (BUILD_DIR: BANMIAN_OUT, else `build`)
 */
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuilderOptions } from '../src/lib/core/archive/build';
import type { CatalogShard } from '../src/lib/core/archive/catalog';
import { archivePageFile, DOWNLOADS_FILE } from '../src/lib/core/archive/pages';
import { ARCHIVE_DIR, archiveSettings, buildFolder } from './archive-settings.mjs';
import { buildArchive } from './build-archive';
import { seedFiles } from './seeds.mjs';

export function publishArchive(folders: string[], out: string, options: BuilderOptions = {}) {
	const { manifest, figures } = buildArchive(folders, out, options);
	const paths = new Map(seedFiles(folders).map((file) => [file.name, file.path]));
	const written = new Set<string>();
	const pageBytes: Record<string, number> = {};
	for (const entry of manifest.catalog) {
		const shard = JSON.parse(readFileSync(join(out, entry.name), 'utf8')) as CatalogShard;
		const files = new Map<string, string>();
		for (const page of shard.pages) {
			const name = archivePageFile(page);
			const path = paths.get(page.source);
			if (!name || !path) throw new Error(`cannot place ${page.source} in the archive`);
			files.set(name, path);
		}
		// The locator is downloaded with the month (offlineFiles), so it counts here.
		let bytes = statSync(join(out, entry.locator)).size;
		for (const [name, path] of files) {
			if (!written.has(name)) copyFileSync(path, join(out, name));
			written.add(name);
			bytes += statSync(path).size;
		}
		pageBytes[entry.name] = bytes;
	}
	writeFileSync(join(out, DOWNLOADS_FILE), JSON.stringify(pageBytes));
	return { manifest, figures: { ...figures, pageFiles: written.size } };
}

function main(): void {
	const root = fileURLToPath(new URL('..', import.meta.url));
	const settings = archiveSettings(process.env, root);
	if (!settings) return;
	const out = join(process.argv[2] ?? buildFolder(process.env), ARCHIVE_DIR);
	const { figures } = publishArchive(settings.folders, out, {
		shardBytes: settings.shardBytes,
		chunkBytes: settings.chunkBytes
	});
	console.log(
		`archive: ${figures.pages} pages, ${figures.articles} articles, ${figures.indexShards} index shards, ${figures.chunkFiles} postings chunk files and ${figures.catalogShards} catalog shards into ${out}/ (${figures.ms} ms)`
	);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
