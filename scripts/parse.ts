/**
 * Parses newspaper pages and prints the documents as JSON.
 *   npm run --silent parse -- FILE...
 * One file prints a document, several print an array in the same order. A sidecar
 * `NAME.json` next to `NAME.txt` supplies paper, date and page. Exit 0 even when a document
 * has diagnostics; 1 only when a file cannot be read.
 */
import { readFileSync, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { parseBytes, type ParsedDocument, type SidecarMeta } from '../src/lib/core/parse/index';

function sidecarPath(file: string): string {
	const dot = file.lastIndexOf('.');
	const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
	return (dot > slash ? file.slice(0, dot) : file) + '.json';
}

function readSidecar(file: string): SidecarMeta | null {
	const path = sidecarPath(file);
	if (path === file || !existsSync(path)) return null;
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as SidecarMeta;
	} catch (error) {
		process.stderr.write(`parse: ignoring unreadable sidecar ${path}: ${String(error)}\n`);
		return null;
	}
}

function main(files: string[]): number {
	if (files.length === 0) {
		process.stderr.write('usage: npm run --silent parse -- FILE...\n');
		return 2;
	}
	const docs: ParsedDocument[] = [];
	let failed = false;
	for (const file of files) {
		let bytes: Uint8Array;
		try {
			bytes = readFileSync(file);
		} catch (error) {
			process.stderr.write(`parse: cannot read ${file}: ${(error as Error).message}\n`);
			failed = true;
			continue;
		}
		docs.push(parseBytes(bytes, basename(file), readSidecar(file)));
	}
	if (failed) return 1;
	process.stdout.write(JSON.stringify(files.length === 1 ? docs[0] : docs, null, 2) + '\n');
	return 0;
}

process.exitCode = main(process.argv.slice(2));
