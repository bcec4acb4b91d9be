import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes, linkContinuations, parseBytes, parsePage } from './index';
import type { SidecarMeta } from './types';
import { accountingErrors, pickExpectedShape } from './testing.spec-helpers';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** The real pages the reader ships, and the test pages only the test build bundles. */
const SEED_FOLDERS = [join(ROOT, 'seeds'), join(ROOT, 'tests', 'fixtures', 'seeds')];
const EXPECTED = join(ROOT, 'tests', 'fixtures', 'expected');

/** Dialect pages that only the parser's specs read: they never ship in the reader's library. */
const PARSER_PAGES = join(ROOT, 'tests', 'fixtures', 'parse');

function pagesIn(dir: string, expectedDir: string) {
	return readdirSync(dir)
		.filter((f) => (f.endsWith('.txt') || f.endsWith('.md')) && f !== 'README.md')
		.sort()
		.map((file) => {
			const name = file.replace(/\.(txt|md)$/, '');
			const sidecarPath = join(dir, `${name}.json`);
			const expectedPath = join(expectedDir, `${name}.expected.json`);
			return {
				name,
				file,
				bytes: readFileSync(join(dir, file)),
				sidecar: existsSync(sidecarPath)
					? (JSON.parse(readFileSync(sidecarPath, 'utf8')) as SidecarMeta)
					: null,
				expected: existsSync(expectedPath)
					? (JSON.parse(readFileSync(expectedPath, 'utf8')) as Record<string, unknown>)
					: null
			};
		});
}

const seedPages = SEED_FOLDERS.flatMap((dir) => pagesIn(dir, EXPECTED));
const fixtures = [
	...seedPages,
	...(existsSync(PARSER_PAGES) ? pagesIn(PARSER_PAGES, PARSER_PAGES) : [])
];

describe('fixture pages', () => {
	it('has the seed and at least three more pages with expected structure', () => {
		expect(fixtures.filter((f) => f.expected).length).toBeGreaterThanOrEqual(4);
	});

	for (const fixture of fixtures) {
		describe(fixture.name, () => {
			const doc = parseBytes(fixture.bytes, fixture.file, fixture.sidecar);

			it.runIf(fixture.expected)('matches its expected JSON field for field', () => {
				expect(pickExpectedShape(fixture.expected, doc)).toEqual(fixture.expected);
			});

			it.runIf(fixture.expected)('parses the same with other line endings and a BOM', () => {
				const text = decodeBytes(fixture.bytes).text;
				const lf = text.replace(/\r\n?/g, '\n');
				for (const variant of [lf, lf.replace(/\n/g, '\r\n'), '\ufeff' + lf.replace(/\n/g, '\r')]) {
					const other = parsePage(variant, fixture.file, fixture.sidecar);
					expect(pickExpectedShape(fixture.expected, other)).toEqual(fixture.expected);
				}
			});

			it('accounts for every non-whitespace character exactly once', () => {
				expect(accountingErrors(decodeBytes(fixture.bytes).text, doc)).toEqual({});
			});

			it('gives articles distinct URL-safe ids and in-range line spans', () => {
				const ids = doc.articles.map((a) => a.id);
				expect(new Set(ids).size).toBe(ids.length);
				for (const a of doc.articles) {
					expect(a.id).toMatch(/^[A-Za-z0-9_-]+$/);
					expect(a.lines[0]).toBeGreaterThanOrEqual(1);
					expect(a.lines[1]).toBeGreaterThanOrEqual(a.lines[0]);
				}
				expect(doc.id).toMatch(/^[A-Za-z0-9_-]+$/);
			});
		});
	}
});

describe('continuations across fixture pages', () => {
	const docs = seedPages.map((f) => parseBytes(f.bytes, f.file, f.sidecar));

	it('links every "continued on page N" to the article on page N with the same title', () => {
		const links = linkContinuations(docs);
		const named = links.map(({ from, to }) => {
			const source = docs.find((d) => d.id === from.documentId)!;
			const target = docs.find((d) => d.id === to.documentId)!;
			const a = source.articles.find((x) => x.id === from.articleId)!;
			const b = target.articles.find((x) => x.id === to.articleId)!;
			return [source.page.pageNumber, a.title, a.continuedTo, target.page.pageNumber, b.title];
		});
		expect(named).toEqual([
			[1, '汾河湿地迎来今春首批候鸟', '第2版', 2, '汾河湿地迎来今春首批候鸟'],
			[2, '石门县数字经济跑出加速度', '第3版', 3, '石门县数字经济跑出加速度']
		]);
	});
});
