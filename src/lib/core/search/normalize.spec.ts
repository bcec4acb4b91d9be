import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	normalize,
	normalizePrefixWithMap,
	normalizeQueryTerm,
	normalizeWithMap,
	toSourceRange
} from './normalize';

describe('normalize', () => {
	it('folds full-width forms to half-width (NFKC)', () => {
		expect(normalize('ＰＭ２．５')).toBe('pm2.5');
		expect(normalize('５Ｇ网络')).toBe('5g网络');
		expect(normalize('（一）')).toBe('(一)');
		expect(normalize('ｶﾀｶﾅ')).toBe('カタカナ');
		expect(normalize('㍿')).toBe('株式会社');
	});

	it('folds case, including full case folding', () => {
		expect(normalize('PM2.5')).toBe(normalize('pm2.5'));
		expect(normalize('Straße')).toBe('strasse');
		expect(normalize('ΣΑΣ')).toBe(normalize('σας'));
	});

	it('folds traditional and variant characters to simplified', () => {
		expect(normalize('環境保護')).toBe('环境保护');
		expect(normalize('环境保护')).toBe('环境保护');
		expect(normalize('臺灣 颱風')).toBe(normalize('台湾台风'));
		// Taiwan and Hong Kong variants of the same character
		expect(normalize('裡')).toBe(normalize('裏'));
		expect(normalize('裡')).toBe(normalize('里'));
		expect(normalize('後')).toBe(normalize('后'));
		expect(normalize('髮')).toBe(normalize('发'));
		expect(normalize('發')).toBe(normalize('发'));
		expect(normalize('暱稱')).toBe(normalize('昵称'));
		// CJK compatibility ideographs are NFKC-folded first
		expect(normalize('\uf900')).toBe(normalize('豈'));
	});

	it('drops whitespace, control and zero-width characters', () => {
		expect(normalize('生态\n环境 保护\u3000督察')).toBe('生态环境保护督察');
		expect(normalize('a\u200bb\u00adc\ufeffd\u0007')).toBe('abcd');
		// a variation selector after an ideograph
		expect(normalize('葛\udb40\udd00')).toBe('葛');
	});

	it('composes a base character with its combining marks', () => {
		expect(normalize('cafe\u0301')).toBe(normalize('café'));
		expect(normalize('CAFÉ')).toBe('café');
	});

	it('normalises a query term exactly like text, spaces included', () => {
		expect(normalizeQueryTerm('環境 保護')).toBe(normalize('环境保护'));
		expect(normalizeQueryTerm('  ')).toBe('');
	});

	it('is idempotent on every code point', () => {
		const bad: string[] = [];
		for (let cp = 0; cp < 0x30000; cp++) {
			if (cp >= 0xd800 && cp < 0xe000) continue;
			const once = normalize(String.fromCodePoint(cp));
			if (normalize(once) !== once) bad.push(cp.toString(16));
		}
		expect(bad).toEqual([]);
	});

	it('drops a mark that a fold leaves without its character, so it cannot join the one before', () => {
		// ￣ folds to a lone combining macron: kept, "Ⓐ￣" became a + U+0304, which is ā next time
		expect(normalize('Ⓐ￣')).toBe(normalize(normalize('Ⓐ￣')));
		expect(normalize('Ⓐ￣')).toBe('a');
	});

	it('is idempotent on strings', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
				const once = normalize(s);
				expect(normalize(once)).toBe(once);
			})
		);
	});

	it('never produces whitespace or line breaks', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
				expect(normalize(s)).not.toMatch(/\s/);
			})
		);
	});

	it('normalises a concatenation to the concatenation of its parts', () => {
		// Holds whenever the second part does not start with a combining mark.
		const part = fc.string({ unit: 'grapheme-composite', maxLength: 20 });
		fc.assert(
			fc.property(part, part, (a, b) => {
				fc.pre(!/^\p{M}/u.test(b));
				expect(normalize(a + b)).toBe(normalize(a) + normalize(b));
			})
		);
	});
});

describe('normalizeWithMap', () => {
	it('maps every output unit back to the source character it came from', () => {
		const source = 'ab ㍿ c\u0301D環';
		const map = normalizeWithMap(source);
		expect(map.text).toBe('ab株式会社ćd环');
		expect([...map.toSource]).toEqual([0, 1, 3, 3, 3, 3, 5, 7, 8]);
		expect([...map.toSourceEnd]).toEqual([1, 2, 4, 4, 4, 4, 7, 8, 9]);
		expect(toSourceRange(map, 2, 4)).toEqual([3, 4]);
		expect(toSourceRange(map, 7, 9)).toEqual([7, 9]);
	});

	it('maps ranges in traditional text with line breaks back to the source', () => {
		const source = '推進生態\n環境 保護工作';
		const map = normalizeWithMap(source);
		const start = map.text.indexOf('环境保护');
		const [s, e] = toSourceRange(map, start, start + 4);
		expect(source.slice(s, e)).toBe('環境 保護');
	});

	it('gives monotone maps whose source slices normalise to the output', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 40 }), (s) => {
				const map = normalizeWithMap(s);
				expect(map.text).toBe(normalize(s));
				expect(map.toSource.length).toBe(map.text.length);
				let pieces = '';
				let last = -1;
				for (let i = 0; i < map.text.length; i++) {
					const start = map.toSource[i];
					const end = map.toSourceEnd[i];
					expect(start).toBeGreaterThanOrEqual(0);
					expect(end).toBeGreaterThan(start);
					expect(end).toBeLessThanOrEqual(s.length);
					expect(start).toBeGreaterThanOrEqual(last);
					if (start !== last) pieces += normalize(s.slice(start, end));
					last = start;
				}
				expect(pieces).toBe(map.text);
			})
		);
	});

	it('normalises a prefix that is exactly the start of the whole, ending at a whole character', () => {
		const alphabet = ['汾', '環', 'Ａ', 'a', ' ', '\u0301', '㍿', '𠀀', 'ß', '\n'];
		fc.assert(
			fc.property(
				fc
					.array(fc.constantFrom(...alphabet), { maxLength: 60, size: 'max' })
					.map((a) => a.join('')),
				fc.nat(70),
				(text, units) => {
					const whole = normalizeWithMap(text);
					const prefix = normalizePrefixWithMap(text, units);
					const n = prefix.text.length;
					expect(prefix.text).toBe(whole.text.slice(0, n));
					expect([...prefix.toSource]).toEqual([...whole.toSource.slice(0, n)]);
					expect([...prefix.toSourceEnd]).toEqual([...whole.toSourceEnd.slice(0, n)]);
					// Complete: all of it; otherwise at least as long as asked.
					if (prefix.complete) expect(n).toBe(whole.text.length);
					else expect(n).toBeGreaterThanOrEqual(units);
				}
			)
		);
	});
});
