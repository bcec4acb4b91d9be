/**
 * The small archive the archive e2e specs run on (`npm run build:test-archive`): the test pages
 * of tests/fixtures/seeds dated into two papers over three months, three issues a month and two
 * pages an issue — 36 pages, deterministic, in tests/archive/.pages/ (not committed; rebuilt).
 * tests/archive.e2e.ts computes its expectations from the same list.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SidecarMeta } from '../../src/lib/core/parse/types';

export const ARCHIVE_PAPERS = ['北岭晚报', '晨江日报'];
export const ARCHIVE_MONTHS = ['2026-01', '2026-02', '2026-03'];
const DAYS = ['05', '15', '25'];
const PAGES_PER_ISSUE = 2;

export interface ArchiveTestPage {
	name: string;
	text: string;
	sidecar: SidecarMeta;
}

const here = fileURLToPath(new URL('.', import.meta.url));

export function archiveTestPages(): ArchiveTestPage[] {
	const seedDir = join(here, '..', 'fixtures', 'seeds');
	const seeds = readdirSync(seedDir)
		.filter((name) => /\.(txt|md)$/.test(name))
		.sort()
		.map((name) => readFileSync(join(seedDir, name), 'utf8'));
	const pages: ArchiveTestPage[] = [];
	let k = 0;
	for (const month of ARCHIVE_MONTHS) {
		for (const day of DAYS) {
			for (const paper of ARCHIVE_PAPERS) {
				for (let page = 1; page <= PAGES_PER_ISSUE; page++) {
					const date = `${month}-${day}`;
					pages.push({
						name: `a${String(k).padStart(3, '0')}_${date}_p${page}.txt`,
						// a footer line of its own, so no two page files are alike
						text: `${seeds[k % seeds.length].trimEnd()}\n\n本版责编:${paper}编辑部 ${k + 1}号\n`,
						sidecar: { paper, date, page }
					});
					k++;
				}
			}
		}
	}
	return pages;
}

export function writeArchiveTestPages(dir: string): number {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const pages = archiveTestPages();
	for (const page of pages) {
		writeFileSync(join(dir, page.name), page.text);
		writeFileSync(join(dir, page.name.replace(/\.txt$/, '.json')), JSON.stringify(page.sidecar));
	}
	return pages.length;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const count = writeArchiveTestPages(join(here, '.pages'));
	console.log(`wrote ${count} archive test pages into tests/archive/.pages/`);
}
