import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PageBits } from './page-bits';

describe('PageBits', () => {
	it('answers which slots hold all of some tokens exactly as a set of pairs does', () => {
		const op = fc.oneof(
			fc.tuple(fc.constant('set' as const), fc.nat(3), fc.nat(200)),
			fc.tuple(fc.constant('clear' as const), fc.nat(3), fc.nat(200))
		);
		fc.assert(
			fc.property(
				fc.nat(100),
				fc.array(op, { maxLength: 200 }),
				fc.uniqueArray(fc.nat(3), { minLength: 1, maxLength: 4 }),
				(room, ops, query) => {
					// Token ids far apart, as unigrams and bigram buckets are.
					const tokens = [7, 0x10000, 0x1abcd, 40];
					const bits = new PageBits(tokens, room);
					const pairs = new Set<string>();
					for (const [kind, t, slot] of ops) {
						if (kind === 'set') {
							bits.set(tokens[t], slot);
							pairs.add(`${tokens[t]}@${slot}`);
						} else {
							bits.clear(slot);
							for (const token of tokens) pairs.delete(`${token}@${slot}`);
						}
					}
					const asked = query.map((t) => tokens[t]);
					const expected: number[] = [];
					for (let slot = 0; slot <= 256; slot++) {
						const all = asked.every((token) => pairs.has(`${token}@${slot}`));
						if (all) expected.push(slot);
						expect(bits.hasAll(slot, asked)).toBe(all);
					}
					expect(bits.slotsWithAll(asked)).toEqual(expected);
				}
			)
		);
	});

	it('keeps the slots in bit 31 of a word and past the room it was made with', () => {
		const bits = new PageBits([1], 1);
		for (const slot of [0, 31, 32, 63, 1000]) bits.set(1, slot);
		expect(bits.slotsWithAll([1])).toEqual([0, 31, 32, 63, 1000]);
		expect(bits.has(1)).toBe(true);
		expect(bits.has(2)).toBe(false);
		expect(() => bits.set(2, 0)).toThrow();
	});
});
