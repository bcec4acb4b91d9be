/**
 * Searches newspaper pages with the reader's own search core and prints one JSON line per query.
 *   npm run --silent search -- [--query Q | --queries FILE] FILE...
 * Each line: {"query", "total", "hits": [{"doc", "article", "title", "snippet"}]} — all hits,
 * ranked. Exit 1 when a file cannot be read, 2 on bad usage.
 */
import { readFileSync } from 'node:fs';
import { SearchIndex } from '../src/lib/core/search/index';
import { readPages } from './read-pages';

const USAGE = 'usage: npm run --silent search -- [--query Q | --queries FILE] FILE...\n';

function main(args: string[]): number {
	const queries: string[] = [];
	const files: string[] = [];
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--query' && i + 1 < args.length) queries.push(args[++i]);
		else if (args[i] === '--queries' && i + 1 < args.length) {
			try {
				queries.push(
					...readFileSync(args[++i], 'utf8')
						.split(/\r\n|\r|\n/)
						.filter((q) => q.trim())
				);
			} catch (error) {
				process.stderr.write(`search: cannot read ${args[i]}: ${(error as Error).message}\n`);
				return 1;
			}
		} else files.push(args[i]);
	}
	if (queries.length === 0 || files.length === 0) {
		process.stderr.write(USAGE);
		return 2;
	}
	const { docs, failed } = readPages('search', files);
	if (failed) return 1;
	const index = new SearchIndex();
	index.addAll(docs);
	for (const query of queries) {
		const result = index.search(query, { limit: Infinity });
		const hits = result.hits.map((hit) => ({
			doc: hit.docId,
			article: hit.articleId,
			title: hit.title,
			snippet: hit.snippet.text
		}));
		process.stdout.write(JSON.stringify({ query, total: result.total, hits }) + '\n');
	}
	return 0;
}

process.exitCode = main(process.argv.slice(2));
