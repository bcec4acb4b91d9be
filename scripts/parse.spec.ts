import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = (...files: string[]) =>
	spawnSync('npx', ['tsx', 'scripts/parse.ts', ...files], { cwd: ROOT, encoding: 'utf8' });

describe('parse CLI', () => {
	it('prints one document as JSON for one file', () => {
		const r = run('seeds/000_8d483b34ee5996a6.txt');
		expect(r.status).toBe(0);
		const doc = JSON.parse(r.stdout);
		expect(doc.source).toBe('000_8d483b34ee5996a6.txt');
		expect(doc.articles).toHaveLength(5);
	});

	it('prints an array in the same order for several files and applies a sidecar', () => {
		const r = run(
			'tests/fixtures/seeds/002_qingchuan_2023-04-12_p2.txt',
			'seeds/000_8d483b34ee5996a6.txt'
		);
		expect(r.status).toBe(0);
		const docs = JSON.parse(r.stdout);
		expect(docs.map((d: { source: string }) => d.source)).toEqual([
			'002_qingchuan_2023-04-12_p2.txt',
			'000_8d483b34ee5996a6.txt'
		]);
		expect(docs[0].page.paper).toBe('青川日报');
	});

	it('prints a report per page with --report', () => {
		const r = run(
			'--report',
			'tests/fixtures/seeds/002_qingchuan_2023-04-12_p2.txt',
			'seeds/000_8d483b34ee5996a6.txt'
		);
		expect(r.status).toBe(0);
		const pages = r.stdout.trim().split('\n\n');
		expect(pages.map((page) => page.split('\n')[0])).toEqual([
			'== 002_qingchuan_2023-04-12_p2.txt (青川日报 2023-04-12 第2版 综合 utf-8)',
			'== 000_8d483b34ee5996a6.txt (山西日报 ?-12-22 utf-8)'
		]);
		expect(pages[1]).toContain('articles: 5 (5 titled, 0 untitled)');
	});

	it('exits 0 for a page that only yields diagnostics', () => {
		const dir = mkdtempSync(join(tmpdir(), 'parse-cli-'));
		const file = join(dir, 'garbage.txt');
		writeFileSync(file, Buffer.from([0xff, 0x00, 0xfe, 0x80, 0x81]));
		const r = run(file);
		expect(r.status).toBe(0);
		expect(JSON.parse(r.stdout).diagnostics.length).toBeGreaterThan(0);
	});

	it('exits non-zero with a message on stderr when a file cannot be read', () => {
		const r = run('seeds/000_8d483b34ee5996a6.txt', 'no/such/file.txt');
		expect(r.status).not.toBe(0);
		expect(r.stderr).toMatch(/no\/such\/file\.txt/);
		expect(r.stdout).toBe('');
	});
});
