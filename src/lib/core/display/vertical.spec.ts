import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitForVertical } from './vertical';

describe('splitForVertical', () => {
	it('sets one- and two-digit numbers upright', () => {
		expect(splitForVertical('12月22日上午9时')).toEqual([
			{ text: '12', upright: true },
			{ text: '月', upright: false },
			{ text: '22', upright: true },
			{ text: '日上午', upright: false },
			{ text: '9', upright: true },
			{ text: '时', upright: false }
		]);
	});

	it('leaves longer numbers, decimals and percentages sideways', () => {
		const segments = splitForVertical('2021年增长5.2%,PM2.5为35');
		expect(segments.filter((s) => s.upright).map((s) => s.text)).toEqual(['35']);
	});

	it('keeps every character in order', () => {
		fc.assert(
			fc.property(fc.string(), (text) => {
				expect(
					splitForVertical(text)
						.map((s) => s.text)
						.join('')
				).toBe(text);
			})
		);
	});
});
