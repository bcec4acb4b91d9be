import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { byteCounts, findTerm, finderOf } from './finder';

const unit = fc.constantFrom('业', '务', '合', '作', '业务', 'a', 'A', '，', '𠀀', '\ud840', '\n');
const text = fc.array(unit, { maxLength: 40 }).map((parts) => parts.join(''));
const term = fc.array(unit, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));

describe('findTerm', () => {
	it('finds what indexOf finds, from any position, whatever the counts say is rare', () => {
		fc.assert(
			fc.property(
				text,
				term,
				fc.integer({ min: -3, max: 45 }),
				fc.array(text, { maxLength: 3 }),
				(haystack, needle, from, sample) => {
					const finder = finderOf(needle, byteCounts(sample));
					expect(findTerm(haystack, finder, from)).toBe(haystack.indexOf(needle, from));
				}
			),
			{ numRuns: 2000 }
		);
	});

	it('finds every occurrence in a long run, overlapping ones included, in order', () => {
		const haystack = '业务'.repeat(500) + '业';
		const finder = finderOf('务业务', byteCounts([haystack]));
		const found: number[] = [];
		for (let p = findTerm(haystack, finder); p >= 0; p = findTerm(haystack, finder, p + 1)) {
			found.push(p);
		}
		const expected: number[] = [];
		for (let p = haystack.indexOf('务业务'); p >= 0; p = haystack.indexOf('务业务', p + 1)) {
			expected.push(p);
		}
		expect(found).toEqual(expected);
		expect(found).toHaveLength(499);
	});
});

describe('finderOf', () => {
	it('anchors a term at the code unit whose searched byte is rarest in the text', () => {
		// 业 (U+4E1A) is looked for as 0x4E, the high byte of 一 上 不 中 …; 务 (U+52A1) as 0xA1.
		const counts = byteCounts(['一上不中为了人合作合作业务']);
		const finder = finderOf('业务合作', counts);
		expect(finder.anchor).toBe(1);
		expect(finder.head + finder.tail).toBe('业务合作');
	});

	it('never anchors a term inside a surrogate pair', () => {
		const finder = finderOf('𠀀', byteCounts(['\ud840'.repeat(9)]));
		expect(finder.anchor).toBe(0);
	});
});
