// Shared by the archive specs: pages, an archive built in memory, and the scan it must equal.
import type { ParsedDocument } from '../parse/types';
import { compileQuery } from '../search/query';
export { article, doc } from '../parse/article.spec-helpers';
import { ArchiveBuilder, memorySpillStore, type BuilderOptions } from './build';
import type { ArchiveManifest, CatalogShard } from './catalog';
import { articleSearchText } from './format';

/** Builds a whole archive in memory: for tests and small corpora. */
export function buildArchiveInMemory(
	pages: readonly { doc: ParsedDocument; hash: string }[],
	options: BuilderOptions = {}
): { manifest: ArchiveManifest; files: Map<string, Uint8Array> } {
	const builder = new ArchiveBuilder(memorySpillStore(), options);
	for (const { doc, hash } of pages) builder.addPage(doc, hash);
	const files = new Map<string, Uint8Array>();
	const manifest = builder.finish((file) => {
		if (files.has(file.name)) throw new Error(`written twice: ${file.name}`);
		files.set(file.name, file.bytes);
	});
	return { manifest, files };
}

/** Archive article numbers matching a query by a plain substring scan, in archive order. */
export function scan(
	manifest: ArchiveManifest,
	files: Map<string, Uint8Array>,
	docs: readonly ParsedDocument[],
	query: string
): number[] {
	const { include, exclude } = compileQuery(query);
	if (include.length === 0) return [];
	const byId = new Map(docs.map((d) => [d.id, d]));
	const out: number[] = [];
	let n = 0;
	for (const entry of manifest.catalog) {
		const shard = JSON.parse(
			new TextDecoder().decode(files.get(entry.name) as Uint8Array)
		) as CatalogShard;
		for (const page of shard.pages) {
			for (const a of (byId.get(page.id) as ParsedDocument).articles) {
				const text = articleSearchText(a);
				if (include.every((t) => text.includes(t)) && !exclude.some((t) => text.includes(t)))
					out.push(n);
				n++;
			}
		}
	}
	return out;
}
