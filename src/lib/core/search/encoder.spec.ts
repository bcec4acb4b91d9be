import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SEGMENT_SEPARATOR, flexEncode, indexTokens, queryTokens } from './encoder';
import { normalize } from './normalize';

const text = fc
	.array(fc.constantFrom('环', '境', '保', '护', '發', 'p', 'M', '2', '.', '5', 'G', '𠀀', ' '), {
		maxLength: 30
	})
	.map((chars) => normalize(chars.join('')));

describe('encoder', () => {
	it('gives every substring of an indexed text only tokens the text holds', () => {
		// The narrowing step may never lose a match: this is what makes recall 1.
		fc.assert(
			fc.property(
				fc.array(text, { minLength: 1, maxLength: 4 }),
				fc.nat(),
				fc.nat(),
				(segs, a, b) => {
					const joined = segs.join(SEGMENT_SEPARATOR);
					const tokens = new Set(indexTokens([joined]));
					const seg = segs[a % segs.length];
					fc.pre(seg.length > 0);
					const start = a % seg.length;
					const term = seg.slice(start, start + 1 + (b % (seg.length - start)));
					for (const t of queryTokens(term)) expect(tokens.has(t)).toBe(true);
				}
			)
		);
	});

	it('emits no token spanning two segments', () => {
		const tokens = new Set(indexTokens(['ab' + SEGMENT_SEPARATOR + 'cd']));
		expect(queryTokens('bc').every((t) => tokens.has(t))).toBe(false);
		expect(queryTokens('ab').every((t) => tokens.has(t))).toBe(true);
	});

	it('tokenises one-unit terms as unigrams and longer terms as bigram buckets', () => {
		expect(queryTokens('')).toEqual([]);
		expect(queryTokens('环')).toEqual(['环']);
		const bigrams = queryTokens('环境保护');
		expect(bigrams).toHaveLength(3);
		for (const t of bigrams) expect(t).toHaveLength(2);
		// repeated bigrams are asked for once
		expect(queryTokens('哈哈哈')).toHaveLength(1);
	});

	it('deduplicates tokens within one call but not across calls', () => {
		const a = indexTokens(['环境环境', '环境']);
		expect(new Set(a).size).toBe(a.length);
		expect(indexTokens(['环境'])).toEqual(indexTokens(['环境']));
	});

	it('hands FlexSearch token arrays through and splits query strings', () => {
		const tokens = ['a', 'bc'];
		expect(flexEncode(tokens)).toBe(tokens);
		expect(flexEncode('a bc')).toEqual(tokens);
		expect(flexEncode('')).toEqual([]);
	});
});
