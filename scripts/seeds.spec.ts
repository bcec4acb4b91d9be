import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import {
	inSeedFolder,
	seedFiles,
	seedFolders,
	seedsPlugin,
	TEST_SEEDS,
	VIRTUAL_SEEDS
} from './seeds.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const pagesIn = (dir: string) =>
	readdirSync(join(ROOT, dir)).filter((name) => /\.(txt|md)$/i.test(name));

/** What a build bundles for a BANMIAN_SEEDS value: the page assets Vite emits, and the list. */
async function bundled(setting: string | undefined) {
	const folders = seedFolders(setting, ROOT);
	const result = await build({
		root: ROOT,
		configFile: false,
		logLevel: 'silent',
		plugins: [seedsPlugin(folders)],
		build: {
			write: false,
			// As in vite.config.ts.
			assetsInlineLimit: (file) => (inSeedFolder(folders, file) ? false : undefined),
			// The list is this build's entry: keep its export, as the app keeps its import.
			rollupOptions: {
				input: VIRTUAL_SEEDS,
				preserveEntrySignatures: 'strict',
				output: { assetFileNames: '[name][extname]' }
			}
		}
	});
	const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
	const files = outputs.flatMap((o) => o.output);
	const assets = files.filter((f) => f.type === 'asset').map((f) => f.fileName);
	const code = files.flatMap((f) => (f.type === 'chunk' ? [f.code] : [])).join('\n');
	return { assets: assets.sort(), code };
}

describe('the seed pages a build bundles', () => {
	it('are exactly the files in seeds/ by default: the test pages never ship', async () => {
		const { assets, code } = await bundled(undefined);
		expect(assets).toEqual(pagesIn('seeds').sort());
		for (const page of pagesIn('tests/fixtures/seeds')) {
			expect(assets).not.toContain(page);
			expect(code).not.toContain(page);
		}
	});

	it('are seeds/ and tests/fixtures/seeds in the test build, sidecars included', async () => {
		const { assets, code } = await bundled(TEST_SEEDS);
		expect(assets).toEqual([...pagesIn('seeds'), ...pagesIn('tests/fixtures/seeds')].sort());
		// The one sidecar among the test pages reaches the list as data.
		expect(code).toContain('青川日报');
	});

	it('never inline a page into the JavaScript, however small', async () => {
		const { code } = await bundled(TEST_SEEDS);
		expect(code).not.toContain('data:');
		expect(code).not.toContain('汾河');
	});
});

describe('BANMIAN_SEEDS', () => {
	const temp = mkdtempSync(join(tmpdir(), 'banmian-seeds-'));
	afterAll(() => rmSync(temp, { recursive: true, force: true }));

	it('defaults to seeds/ when unset or empty', () => {
		expect(seedFolders(undefined, ROOT)).toEqual([join(ROOT, 'seeds')]);
		expect(seedFolders('', ROOT)).toEqual([join(ROOT, 'seeds')]);
	});

	it('lists folders as PATH does, relative to the project or absolute', () => {
		expect(seedFolders(['seeds', temp].join(delimiter), ROOT)).toEqual([join(ROOT, 'seeds'), temp]);
	});

	it('gives every folder’s pages in file-name order, each with its own sidecar', () => {
		const a = join(temp, 'a');
		const b = join(temp, 'b');
		mkdirSync(a);
		mkdirSync(b);
		writeFileSync(join(a, '2_page.txt'), '甲');
		writeFileSync(join(a, '2_page.json'), '{}');
		writeFileSync(join(a, 'notes.csv'), 'not a page');
		writeFileSync(join(b, '1_page.md'), '乙');
		expect(seedFiles([a, b])).toEqual([
			{ name: '1_page.md', path: join(b, '1_page.md'), sidecar: null },
			{ name: '2_page.txt', path: join(a, '2_page.txt'), sidecar: join(a, '2_page.json') }
		]);
	});

	it('stops the build when two folders hold pages of one name (they would share an id)', () => {
		const c = join(temp, 'c');
		const d = join(temp, 'd');
		mkdirSync(c);
		mkdirSync(d);
		writeFileSync(join(c, 'same.txt'), '丙');
		writeFileSync(join(d, 'same.txt'), '丁');
		expect(() => seedFiles([c, d])).toThrow(/Two seed pages named same\.txt/);
	});

	it('names a missing folder', () => {
		expect(() => seedFiles([join(temp, 'nowhere')])).toThrow(/nowhere/);
	});
});
