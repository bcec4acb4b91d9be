import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const seeds = ['seeds', 'tests/fixtures/seeds'].flatMap((dir) =>
	readdirSync(dir)
		.filter((f) => f.endsWith('.txt'))
		.map((f) => `${dir}/${f}`)
);

function run(args: string[]) {
	return spawnSync('npx', ['tsx', 'scripts/search.ts', ...args], { encoding: 'utf8' });
}

describe('search CLI', () => {
	it('prints one ranked JSON line per query with every hit, the same count as a plain scan', () => {
		const result = run(['--query', '汾河', '--query', '人口普查', ...seeds]);
		expect(result.status).toBe(0);
		const lines = result.stdout
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l));
		expect(lines.map((l) => l.query)).toEqual(['汾河', '人口普查']);
		// The oracle: articles of the parsed pages whose text contains the query.
		const parsed = JSON.parse(
			execFileSync('npx', ['tsx', 'scripts/parse.ts', ...seeds], { encoding: 'utf8' })
		) as { articles: { title: string; paragraphs: string[] }[] }[];
		for (const line of lines) {
			const expected = parsed
				.flatMap((d) => d.articles)
				.filter((a) => [a.title, ...a.paragraphs].join('\n').includes(line.query)).length;
			expect(line.total).toBe(expected);
			expect(line.hits).toHaveLength(line.total);
		}
		expect(lines[1].hits[0].title).toBe('杏花岭区三桥街道获此殊荣');
	});

	it('reads queries from a file, one per line', () => {
		const result = run(['--queries', 'scripts/fixtures/queries.txt', seeds[0]]);
		expect(result.status).toBe(0);
		const expected = readFileSync('scripts/fixtures/queries.txt', 'utf8').trim().split('\n');
		expect(
			result.stdout
				.trim()
				.split('\n')
				.map((l) => JSON.parse(l).query)
		).toEqual(expected);
	});

	it('fails clearly when a file cannot be read', () => {
		const result = run(['--query', '汾河', 'seeds/no-such-file.txt']);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('cannot read');
	});
});
