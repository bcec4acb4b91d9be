import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { offsetOfPoint, pointAtOffset } from './text-offsets';

describe('pointAtOffset', () => {
	// 「林武指出」 + <mark>「生态」</mark> + 「环境」: three text nodes.
	const lengths = [4, 2, 2];

	it('finds the node and local offset of a character', () => {
		expect(pointAtOffset(lengths, 0)).toEqual({ node: 0, offset: 0 });
		expect(pointAtOffset(lengths, 3)).toEqual({ node: 0, offset: 3 });
		expect(pointAtOffset(lengths, 7)).toEqual({ node: 2, offset: 1 });
	});

	it('puts a point between two nodes at the start of the later one, where its character is', () => {
		expect(pointAtOffset(lengths, 4)).toEqual({ node: 1, offset: 0 });
		expect(pointAtOffset(lengths, 6)).toEqual({ node: 2, offset: 0 });
	});

	it('puts the end of the text at the end of the last node', () => {
		expect(pointAtOffset(lengths, 8)).toEqual({ node: 2, offset: 2 });
	});

	it('skips empty nodes', () => {
		expect(pointAtOffset([0, 3, 0, 2], 3)).toEqual({ node: 3, offset: 0 });
		expect(pointAtOffset([2, 0], 2)).toEqual({ node: 0, offset: 2 });
	});

	it('has no point outside the text or in no text', () => {
		expect(pointAtOffset(lengths, 9)).toBeNull();
		expect(pointAtOffset(lengths, -1)).toBeNull();
		expect(pointAtOffset(lengths, 1.5)).toBeNull();
		expect(pointAtOffset([], 0)).toBeNull();
		expect(pointAtOffset([0, 0], 0)).toBeNull();
	});
});

describe('offsetOfPoint', () => {
	it('counts the nodes before the point', () => {
		expect(offsetOfPoint([4, 2, 2], { node: 2, offset: 1 })).toBe(7);
		expect(offsetOfPoint([4, 2, 2], { node: 0, offset: 0 })).toBe(0);
	});

	it('keeps a point inside its node', () => {
		expect(offsetOfPoint([4, 2], { node: 1, offset: 9 })).toBe(6);
		expect(offsetOfPoint([4, 2], { node: 1, offset: -1 })).toBe(4);
	});

	it('undoes pointAtOffset for every offset in the text', () => {
		fc.assert(
			fc.property(fc.array(fc.nat(5), { maxLength: 8 }), fc.nat(45), (lengths, offset) => {
				const total = lengths.reduce((sum, length) => sum + length, 0);
				const point = pointAtOffset(lengths, offset);
				if (offset > total || total === 0) expect(point).toBeNull();
				else expect(offsetOfPoint(lengths, point!)).toBe(offset);
			})
		);
	});
});
