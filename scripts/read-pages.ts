/** Reading page files (and their sidecars) for the command-line tools. */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
	parseBytesWithStats,
	type ParsedDocument,
	type ParseStats,
	type SidecarMeta
} from '../src/lib/core/parse/index';

function sidecarPath(file: string): string {
	const dot = file.lastIndexOf('.');
	const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
	return (dot > slash ? file.slice(0, dot) : file) + '.json';
}

function readSidecar(tool: string, file: string): SidecarMeta | null {
	const path = sidecarPath(file);
	if (path === file || !existsSync(path)) return null;
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as SidecarMeta;
	} catch (error) {
		process.stderr.write(`${tool}: ignoring unreadable sidecar ${path}: ${String(error)}\n`);
		return null;
	}
}

/**
 * Parses each file; `failed` is set when any file could not be read (reported on stderr).
 * `stats[i]` counts what the parser decided on `docs[i]`.
 */
export function readPages(
	tool: string,
	files: string[]
): { docs: ParsedDocument[]; stats: ParseStats[]; failed: boolean } {
	const docs: ParsedDocument[] = [];
	const stats: ParseStats[] = [];
	let failed = false;
	for (const file of files) {
		let bytes: Uint8Array;
		try {
			bytes = readFileSync(file);
		} catch (error) {
			process.stderr.write(`${tool}: cannot read ${file}: ${(error as Error).message}\n`);
			failed = true;
			continue;
		}
		const parsed = parseBytesWithStats(bytes, basename(file), readSidecar(tool, file));
		docs.push(parsed.document);
		stats.push(parsed.stats);
	}
	return { docs, stats, failed };
}
