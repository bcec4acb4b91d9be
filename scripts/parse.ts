/**
 * Parses newspaper pages and prints the documents as JSON.
 *   npm run --silent parse -- FILE...
 * One file prints a document, several print an array in the same order. A sidecar
 * `NAME.json` next to `NAME.txt` supplies paper, date and page. Exit 0 even when a document
 * has diagnostics; 1 only when a file cannot be read.
 */
import { readPages } from './read-pages';

function main(files: string[]): number {
	if (files.length === 0) {
		process.stderr.write('usage: npm run --silent parse -- FILE...\n');
		return 2;
	}
	const { docs, failed } = readPages('parse', files);
	if (failed) return 1;
	process.stdout.write(JSON.stringify(files.length === 1 ? docs[0] : docs, null, 2) + '\n');
	return 0;
}

process.exitCode = main(process.argv.slice(2));
