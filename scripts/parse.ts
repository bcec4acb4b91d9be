/**
 * Parses newspaper pages and prints the documents as JSON.
 *   npm run --silent parse -- FILE...
 *   npm run --silent parse -- --report FILE...
 * One file prints a document, several print an array in the same order. `--report` prints,
 * per page, what the parser decided instead: articles, titles, how headings were taken,
 * hard-wrap joins, diagnostics. A sidecar
 * `NAME.json` next to `NAME.txt` supplies paper, date and page. Exit 0 even when a document
 * has diagnostics; 1 only when a file cannot be read.
 */
import { formatParseReport } from './parse-report';
import { readPages } from './read-pages';

function main(args: string[]): number {
	const report = args[0] === '--report';
	const files = report ? args.slice(1) : args;
	if (files.length === 0) {
		process.stderr.write('usage: npm run --silent parse -- [--report] FILE...\n');
		return 2;
	}
	const { docs, stats, failed } = readPages('parse', files);
	if (failed) return 1;
	if (report) {
		process.stdout.write(
			docs.map((doc, i) => formatParseReport(doc, stats[i])).join('\n\n') + '\n'
		);
		return 0;
	}
	process.stdout.write(JSON.stringify(files.length === 1 ? docs[0] : docs, null, 2) + '\n');
	return 0;
}

process.exitCode = main(process.argv.slice(2));
