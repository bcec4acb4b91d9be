import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { state } from './arbitraries.spec-helpers';
import {
	backupFileProblem,
	BACKUP_HEAD_CHARS,
	buildExport,
	describeImportSummary,
	EXPORT_FORMAT,
	highlightsToMarkdown,
	mergeImport,
	validateImport
} from './exchange';
import { canonical, emptyState, mergeStates } from './merge';
import {
	addHighlight,
	addRecentSearch,
	listBookmarks,
	removeHighlight,
	setBookmark,
	setPosition,
	setRead,
	setSettings
} from './reducers';
import { articleKey } from './keys';
import { BACKUP_SNIFF_ABOVE_BYTES, MAX_BACKUP_BYTES } from './limits';
import type { Highlight, ImportedDoc } from './types';

/** The time of every import below: later than anything the generated states hold. */
const NOW = 1_000_000;

const doc: ImportedDoc = {
	id: 'imp-00000000000001',
	name: '晚报.txt',
	text: '某某晚报 2023年1月2日 第3版\n正文',
	encoding: 'gb18030',
	meta: { paper: '某某晚报', pageNumber: 3 },
	importedAt: 50,
	updatedAt: 50,
	size: 40
};

function highlight(id: string, quote: string, extra: Partial<Highlight> = {}): Highlight {
	return {
		id,
		docId: 'taihang-2022-03-08-01',
		articleId: 'a1',
		color: 'yellow',
		note: '',
		anchor: { paragraph: 0, start: 0, end: quote.length, quote, prefix: '', suffix: '' },
		createdAt: 10,
		updatedAt: 10,
		...extra
	};
}

function expectRejected(input: unknown, pattern: RegExp) {
	const r = validateImport(input, { now: NOW });
	expect(r.ok).toBe(false);
	if (!r.ok) expect(r.reason).toMatch(pattern);
}

describe('export and import', () => {
	it('round-trips any state through the JSON file unchanged', () => {
		fc.assert(
			fc.property(state, (s) => {
				const text = JSON.stringify(buildExport(s, { now: 0, importedDocs: [doc] }));
				const r = validateImport(text, { now: NOW });
				expect(r.ok).toBe(true);
				if (!r.ok) return;
				expect(canonical(r.data.state)).toBe(canonical(s));
				expect(r.data.importedDocs).toEqual([doc]);
			})
		);
	});

	it('writes a versioned file that says what it is', () => {
		const f = buildExport(emptyState(), { now: Date.UTC(2026, 0, 2), app: 'banmian 0.1.0' });
		expect(f).toMatchObject({
			format: EXPORT_FORMAT,
			version: 1,
			exportedAt: '2026-01-02T00:00:00.000Z',
			app: 'banmian 0.1.0'
		});
	});

	it('merging an import equals merging the states, and a second import adds nothing', () => {
		fc.assert(
			fc.property(state, state, (here, there) => {
				const r = validateImport(JSON.stringify(buildExport(there, { now: 0 })), { now: NOW });
				if (!r.ok) throw new Error(r.reason);
				const once = mergeImport(here, r.data);
				const expected = mergeStates(here, there);
				expect(canonical(once.state.highlights)).toBe(canonical(expected.highlights));
				expect(canonical(once.state.bookmarks)).toBe(canonical(expected.bookmarks));
				expect(canonical(once.state.positions)).toBe(canonical(expected.positions));
				const twice = mergeImport(once.state, r.data);
				for (const k of ['positions', 'reads', 'bookmarks', 'highlights'] as const) {
					expect(twice.summary[k].added + twice.summary[k].updated).toBe(0);
				}
				expect(canonical(twice.state)).toBe(canonical(once.state));
			})
		);
	});

	it('summarises what was added, updated, removed and already there', () => {
		let here = addHighlight(emptyState(), highlight('h1', '春耕'));
		here = addHighlight(here, highlight('h2', '秋收'));
		here = addHighlight(here, highlight('h3', '冬藏'));
		let there = addHighlight(emptyState(), highlight('h1', '春耕'));
		there = addHighlight(there, highlight('h2', '秋收', { note: '新笔记', updatedAt: 20 }));
		there = addHighlight(there, highlight('h4', '夏耘'));
		there = removeHighlight(addHighlight(there, highlight('h3', '冬藏')), 'h3', 30);
		there = setBookmark(there, 'd', 'a', null, 5);
		there = setSettings(there, { fontStep: 5 }, 40);
		const r = validateImport(buildExport(there, { now: 0, importedDocs: [doc] }), { now: NOW });
		if (!r.ok) throw new Error(r.reason);
		const { state: merged, summary, docsToPut } = mergeImport(here, r.data, []);
		expect(summary.highlights).toEqual({ added: 1, updated: 1, unchanged: 1, removed: 1 });
		expect(summary.bookmarks.added).toBe(1);
		expect(summary.settings.updated).toBe(1);
		expect(summary.importedDocs.added).toBe(1);
		expect(docsToPut).toEqual([doc]);
		expect(merged.settings.fontStep).toBe(5);
		expect(merged.highlights.h2.note).toBe('新笔记');
		expect(merged.highlights.h3.deleted).toBe(true);
		expect(listBookmarks(merged)).toHaveLength(1);
		expect(describeImportSummary(summary)).toContain('新增：书签 1，划线和笔记 1');
		// The same doc again, not newer: nothing to write.
		expect(mergeImport(merged, r.data, [doc]).docsToPut).toEqual([]);
	});

	it('rejects what is not JSON, not ours, or too new, with a reason in both languages', () => {
		expectRejected('{"format": "banmian-export", ', /不是有效的 JSON.*not valid JSON/);
		expectRejected('[1,2]', /不是版面的导出文件.*not a Banmian export/);
		expectRejected({ format: 'kindle-notes', version: 1 }, /不是版面的导出文件/);
		expectRejected({ format: EXPORT_FORMAT, version: 'one' }, /版本号无效/);
		expectRejected({ format: EXPORT_FORMAT, version: 2 }, /更新的版面.*newer Banmian/);
		expectRejected(null, /not a Banmian export/);
	});

	it('rejects the whole file when one record is bad, naming it', () => {
		const f = buildExport(addHighlight(emptyState(), highlight('h1', '春耕')), { now: 0 });
		const bad = JSON.parse(JSON.stringify(f));
		bad.highlights[0].anchor.start = 'x';
		expectRejected(bad, /highlights\[0\]\.anchor\.start/);
		bad.highlights[0].anchor.start = 0;
		bad.highlights[0].note = 'x'.repeat(30_000);
		expectRejected(bad, /highlights\[0\]\.note.*too long/);
		bad.highlights[0].note = '';
		bad.highlights[0].id = '__proto__';
		expectRejected(bad, /highlights\[0\]\.id/);
		expectRejected(
			{
				...f,
				positions: [
					{ docId: 'd', articleId: 'a', paragraph: 0, offset: 0, fraction: Infinity, updatedAt: 1 }
				]
			},
			/positions\[0\]\.fraction/
		);
		expectRejected({ ...f, bookmarks: {} }, /bookmarks.*not a list/);
	});

	it('never throws, whatever it is given', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (v) => {
				const r = validateImport(v, { now: NOW });
				if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
			})
		);
		fc.assert(
			fc.property(
				fc.dictionary(
					fc.constantFrom(
						'positions',
						'reads',
						'bookmarks',
						'highlights',
						'settings',
						'recentSearches',
						'importedDocs'
					),
					fc.jsonValue()
				),
				(body) => {
					const r = validateImport({ format: EXPORT_FORMAT, version: 1, ...body }, { now: NOW });
					expect(typeof r.ok).toBe('boolean');
				}
			)
		);
		const revoked = Proxy.revocable({}, {});
		revoked.revoke();
		expect(validateImport(revoked.proxy, { now: NOW }).ok).toBe(false);
		expect(
			validateImport(
				{
					format: EXPORT_FORMAT,
					version: 1,
					get highlights() {
						throw new Error('boom');
					}
				},
				{ now: NOW }
			).ok
		).toBe(false);
	});

	it('refuses an imported page whose id is not the form imports get, so no bundled page is replaced', () => {
		for (const id of ['000_8d483b34ee5996a6', 'imp-1', 'imp-../x', 'imp-0a0b0c0d0e0f12\n']) {
			const file = buildExport(emptyState(), { now: 0, importedDocs: [{ ...doc, id }] });
			expectRejected(file, /importedDocs\[0\]\.id.*导入版面的标识.*imported page id/);
		}
	});

	it('refuses page and article ids that are not URL-safe wherever they appear', () => {
		const position = { paragraph: 0, offset: 0, fraction: 0, updatedAt: 1 };
		expectRejected(
			{
				format: EXPORT_FORMAT,
				version: 1,
				positions: [{ ...position, docId: 'a\nb', articleId: 'c' }]
			},
			/positions\[0\]\.docId.*not a valid id/
		);
		expectRejected(
			{
				format: EXPORT_FORMAT,
				version: 1,
				reads: [{ docId: 'd', articleId: 'x y', read: true, updatedAt: 1 }]
			},
			/reads\[0\]\.articleId/
		);
		// Two positions that the old key format merged into one stay two.
		const r = validateImport(
			{
				format: EXPORT_FORMAT,
				version: 1,
				positions: [
					{ ...position, docId: 'a', articleId: 'b-c' },
					{ ...position, docId: 'a-b', articleId: 'c' }
				]
			},
			{ now: NOW }
		);
		expect(r.ok && Object.keys(r.data.state.positions).length).toBe(2);
	});

	it('brings every time in the future back to the time of the import', () => {
		const future = 8.64e15;
		let there = setRead(emptyState(), 'd', 'a', true, future);
		there = setPosition(there, {
			docId: 'd',
			articleId: 'a',
			paragraph: 1,
			offset: 0,
			fraction: 0.5,
			updatedAt: future
		});
		there = setBookmark(there, 'd', 'a', null, future);
		there = addHighlight(there, highlight('h1', '春耕', { createdAt: future, updatedAt: future }));
		there = setSettings(there, { fontStep: 5 }, future);
		there = addRecentSearch(there, '春耕', future);
		const file = buildExport(there, {
			now: 0,
			importedDocs: [{ ...doc, importedAt: future, updatedAt: future }]
		});
		const r = validateImport(JSON.stringify(file), { now: NOW });
		if (!r.ok) throw new Error(r.reason);
		const { state: s, importedDocs } = r.data;
		const times = [
			s.reads[articleKey('d', 'a')].updatedAt,
			s.positions[articleKey('d', 'a')].updatedAt,
			...Object.values(s.bookmarks).flatMap((b) => [b.createdAt, b.updatedAt]),
			...Object.values(s.highlights).flatMap((h) => [h.createdAt, h.updatedAt]),
			s.settingsUpdatedAt,
			...s.recentSearches.map((q) => q.at),
			...importedDocs.flatMap((d) => [d.importedAt, d.updatedAt])
		];
		expect(times).toHaveLength(10);
		expect(new Set(times)).toEqual(new Set([NOW]));
		// Earlier times are kept as they are.
		const past = validateImport(JSON.stringify(file), { now: future });
		expect(past.ok && past.data.state.settingsUpdatedAt).toBe(future);
	});

	it('sanitises settings from a file instead of rejecting it for one odd value', () => {
		const r = validateImport(
			{
				format: EXPORT_FORMAT,
				version: 1,
				settings: { values: { fontStep: 99, theme: 'neon', writing: 'vertical' }, updatedAt: 5 }
			},
			{ now: NOW }
		);
		expect(r.ok && r.data.state.settings).toMatchObject({
			fontStep: 6,
			theme: 'system',
			writing: 'vertical'
		});
	});
});

describe('highlightsToMarkdown', () => {
	it('cites each quote as 复制引用 does: title, paper, date and page as far as they are known', () => {
		const md = highlightsToMarkdown(
			[
				highlight('h2', '第二段里的话', {
					anchor: { paragraph: 3, start: 0, end: 6, quote: '第二段里的话', prefix: '', suffix: '' },
					note: '第一行\n第二行'
				}),
				highlight('h1', '今年春耕*全面*展开'),
				highlight('h3', '删掉了', { deleted: true }),
				highlight('h4', '无出处', { docId: 'x', articleId: 'y' }),
				highlight('h5', '山西日报的话', { docId: 'shanxi', articleId: 'lead' }),
				highlight('h6', '消失的文章', { docId: 'shanxi', articleId: 'gone' }),
				highlight('h7', '来历不明', { docId: 'bare', articleId: 'z' })
			],
			(docId, articleId) =>
				docId === 'taihang-2022-03-08-01'
					? {
							page: {
								source: 'taihang-2022-03-08-01.txt',
								page: { paper: '太行日报', date: '2022-03-08', pageNumber: 1, pageName: '要闻' }
							},
							title: `标题${articleId}`
						}
					: docId === 'shanxi'
						? {
								page: {
									source: '000_8d483b34ee5996a6.txt',
									page: {
										paper: '山西日报',
										date: null,
										monthDay: '12-22',
										pageNumber: null,
										pageName: null
									},
									articles: [{ title: '交出整改工作合格答卷' }]
								},
								title: articleId === 'gone' ? null : '交出整改工作合格答卷'
							}
						: docId === 'bare'
							? {
									page: {
										source: 'bare-page.txt',
										page: { paper: null, date: null, pageNumber: null, pageName: null }
									},
									title: null
								}
							: undefined
		);
		expect(md).toContain(
			'> 今年春耕\\*全面\\*展开\n>\n> ——《标题a1》，太行日报，2022年3月8日，第1版\n'
		);
		// derived paper and day, no year guessed; an untitled article gets no made-up title
		expect(md).toContain('> 山西日报的话\n>\n> ——《交出整改工作合格答卷》，山西日报，12月22日\n');
		expect(md).toContain('> 消失的文章\n>\n> ——山西日报，12月22日\n');
		// nothing known about the page but its file
		expect(md).toContain('> 来历不明\n>\n> ——bare-page\n');
		expect(md).not.toContain('.txt');
		expect(md).toContain('笔记：第一行  \n第二行');
		expect(md.indexOf('今年春耕')).toBeLessThan(md.indexOf('第二段里的话'));
		expect(md).not.toContain('删掉了');
		expect(md).toContain('> ——x / y');
	});
});

describe('backup files', () => {
	const head = (json: string) => json.slice(0, BACKUP_HEAD_CHARS);
	const exported = JSON.stringify(buildExport(emptyState(), { now: 0, importedDocs: [doc] }));

	it('accepts every backup the reader writes, however large', () => {
		expect(backupFileProblem(exported.length, head(exported))).toBeNull();
		expect(backupFileProblem(MAX_BACKUP_BYTES, head(exported))).toBeNull();
		expect(backupFileProblem(MAX_BACKUP_BYTES, head('\uFEFF' + exported))).toBeNull();
		// A small file is left to the validator, which says what is wrong with it.
		expect(backupFileProblem(1000, '{"version":1,"format":"banmian-export"}')).toBeNull();
	});

	it('refuses a large foreign file before reading it, and anything beyond what a backup can be', () => {
		expect(backupFileProblem(BACKUP_SNIFF_ABOVE_BYTES + 1, 'PK\u0003\u0004')).toMatch(
			/不是本阅读器导出的备份/
		);
		expect(backupFileProblem(BACKUP_SNIFF_ABOVE_BYTES + 1, '{"format":"kindle"}')).not.toBeNull();
		expect(backupFileProblem(MAX_BACKUP_BYTES + 1, head(exported))).toMatch(/文件太大/);
	});

	it('the byte limit holds any export string: JSON text takes at most 3 UTF-8 bytes per unit', () => {
		// Escapes (\u0001, lone surrogates) are long but ASCII; only non-ASCII costs 3 bytes per unit.
		const text = fc.string({
			unit: fc.oneof(
				fc.constantFrom('\u0001', '"', '\\', '\ud800', '\udc00'),
				fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c))
			)
		});
		fc.assert(
			fc.property(text, (s) => {
				const json = JSON.stringify(
					buildExport(emptyState(), { now: 0, importedDocs: [{ ...doc, text: s }] })
				);
				expect(Buffer.byteLength(json, 'utf8')).toBeLessThanOrEqual(3 * json.length);
			})
		);
	});
});
