import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hashBytes, hashString } from './hash';

describe('hash', () => {
	it('gives equal keys for equal input and 14 hex digits', () => {
		fc.assert(
			fc.property(fc.string(), (text) => {
				expect(hashString(text)).toBe(hashString(text));
				expect(hashString(text)).toMatch(/^[0-9a-f]{14}$/);
			})
		);
	});

	it('tells apart texts that differ by one character, and seeds', () => {
		expect(hashString('汾河')).not.toBe(hashString('汾水'));
		expect(hashString('汾河', 1)).not.toBe(hashString('汾河'));
	});

	it('hashes ASCII bytes as it hashes the same ASCII text', () => {
		const text = 'banmian-2024.txt';
		expect(hashBytes(new TextEncoder().encode(text))).toBe(hashString(text));
	});
});
