import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isImportedDocId, isUrlSafeId, MAX_ID_LENGTH } from './ids';
import { articleKey } from './keys';
import { importedDocId } from '../import/sniff';
import { assignArticleIds, documentIdFromFileName } from '../parse/ids';

describe('ids from outside', () => {
	it('accept the ids the app makes: bundled pages, articles, imports', () => {
		const ids = [
			'000_8d483b34ee5996a6',
			documentIdFromFileName('太行日报 2022-03-08.txt'),
			...assignArticleIds(['汾河春早', '汾河春早']),
			importedDocId(new TextEncoder().encode('某某晚报 第3版')),
			'x'.repeat(MAX_ID_LENGTH)
		];
		for (const id of ids) expect(isUrlSafeId(id), id).toBe(true);
	});

	it('refuse separators, newlines, paths, markup, empty and overlong ids', () => {
		for (const bad of [
			'',
			'a\nb',
			'a b',
			'a:b',
			'a/b',
			'../x',
			'<b>',
			'a%0Ab',
			'页面',
			'x'.repeat(MAX_ID_LENGTH + 1),
			null,
			7
		])
			expect(isUrlSafeId(bad), String(bad)).toBe(false);
	});

	it('an imported page id has exactly the form the app gives imports', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
				expect(isImportedDocId(importedDocId(bytes))).toBe(true);
			})
		);
		for (const bad of [
			'000_8d483b34ee5996a6',
			'imp-1',
			'imp-0A0B0C0D0E0F12',
			'imp-0a0b0c0d0e0f12x'
		])
			expect(isImportedDocId(bad), bad).toBe(false);
	});

	it('a bundled page never gets an id of the imported form, whatever its file is called', () => {
		const name = `${importedDocId(new Uint8Array([1, 2, 3]))}.txt`;
		const id = documentIdFromFileName(name);
		expect(isImportedDocId(id)).toBe(false);
		expect(isUrlSafeId(id)).toBe(true);
		expect(documentIdFromFileName(name)).toBe(id);
	});
});

describe('articleKey', () => {
	it('gives two different (page, article) pairs two different keys', () => {
		expect(articleKey('a\nb', 'c')).not.toBe(articleKey('a', 'b\nc'));
		expect(articleKey('a:1', 'b')).not.toBe(articleKey('a', '1:b'));
		const pair = fc.tuple(
			fc.string({ unit: fc.constantFrom('a', '1', ':', '\n', '-') }),
			fc.string({ unit: fc.constantFrom('a', '1', ':', '\n', '-') })
		);
		fc.assert(
			fc.property(pair, pair, ([d1, a1], [d2, a2]) => {
				expect(articleKey(d1, a1) === articleKey(d2, a2)).toBe(d1 === d2 && a1 === a2);
			}),
			{ numRuns: 2000 }
		);
	});
});
