import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileQuery, formatQuery, parseQuery, type QueryTerm } from './query';

const term = (text: string, exclude = false, phrase = false): QueryTerm => ({
	text,
	exclude,
	phrase
});

describe('parseQuery', () => {
	it('splits on any whitespace, the ideographic space included', () => {
		expect(parseQuery(' 汾河  治理\u3000PM2.5\t5G ')).toEqual([
			term('汾河'),
			term('治理'),
			term('PM2.5'),
			term('5G')
		]);
	});

	it('keeps spaces inside quoted phrases, ASCII or Chinese quotes', () => {
		expect(parseQuery('"new york" times')).toEqual([term('new york', false, true), term('times')]);
		expect(parseQuery('“生态 环境”')).toEqual([term('生态 环境', false, true)]);
		expect(parseQuery('＂a b＂')).toEqual([term('a b', false, true)]);
	});

	it('runs an unclosed quote to the end, so a phrase being typed already searches', () => {
		expect(parseQuery('x "new yo')).toEqual([term('x'), term('new yo', false, true)]);
	});

	it('excludes terms and phrases marked with a minus', () => {
		expect(parseQuery('环境 -污染 -"new york" －噪声')).toEqual([
			term('环境'),
			term('污染', true),
			term('new york', true, true),
			term('噪声', true)
		]);
	});

	it('keeps a minus inside a term and ignores a lone minus or empty quotes', () => {
		expect(parseQuery('covid-19 - "" -"  "')).toEqual([term('covid-19')]);
		expect(parseQuery('"-"')).toEqual([term('-', false, true)]);
	});

	it('gives no terms for an empty or blank query', () => {
		expect(parseQuery('')).toEqual([]);
		expect(parseQuery(' \n\t\u3000 ')).toEqual([]);
		fc.assert(
			fc.property(fc.stringMatching(/^\s*$/), (q) => {
				expect(parseQuery(q)).toEqual([]);
			})
		);
	});

	it('never throws and gives non-empty terms; plain terms have no whitespace', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (q) => {
				for (const t of parseQuery(q)) {
					expect(t.text.trim()).not.toBe('');
					if (!t.phrase) expect(t.text).not.toMatch(/\s/);
				}
			})
		);
	});

	it('parses formatted terms back to the same terms', () => {
		const word = fc.stringMatching(/^[^\s"＂“”\-－][^\s"＂“”]*$/);
		const phrase = fc.stringMatching(/^[^"＂“”]*[^\s"＂“”][^"＂“”]*$/);
		const anyTerm = fc.oneof(
			fc.record({ text: word, exclude: fc.boolean(), phrase: fc.constant(false) }),
			fc.record({ text: phrase, exclude: fc.boolean(), phrase: fc.constant(true) })
		);
		fc.assert(
			fc.property(fc.array(anyTerm, { maxLength: 6 }), (terms) => {
				expect(parseQuery(formatQuery(terms))).toEqual(terms);
			})
		);
	});
});

describe('compileQuery', () => {
	it('normalises terms, drops empty ones and duplicates', () => {
		expect(compileQuery('環境保護 环境保护 "生态 文明" -ＰＭ２．５ \u200b')).toEqual({
			include: ['环境保护', '生态文明'],
			exclude: ['pm2.5']
		});
	});

	it('accepts parsed terms', () => {
		expect(compileQuery([term('A B', false, true), term('c', true)])).toEqual({
			include: ['ab'],
			exclude: ['c']
		});
	});
});
