import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

const pieces = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
	it('ends a sentence at 。！？ and at ……', () => {
		expect(pieces('春水初生。燕子回来了！你看见了吗？我想……也许吧')).toEqual([
			'春水初生。',
			'燕子回来了！',
			'你看见了吗？',
			'我想……',
			'也许吧'
		]);
	});

	it('keeps closing quotes and brackets with the sentence they close', () => {
		expect(pieces('他说：“春天来了。”大家都笑了。（完。）她问：「真的吗？」')).toEqual([
			'他说：“春天来了。”',
			'大家都笑了。',
			'（完。）',
			'她问：「真的吗？」'
		]);
	});

	it('reads a run of marks as one end', () => {
		expect(pieces('真的吗？！当然……。好!?')).toEqual(['真的吗？！', '当然……。', '好!?']);
	});

	it('leaves space out of the ranges and joins a piece with nothing to say to the sentence before', () => {
		const text = '\u3000\u3000第一句。 第二句。 ——';
		expect(pieces(text)).toEqual(['第一句。', '第二句。 ——']);
		expect(splitSentences(text)[0].start).toBe(2);
		expect(splitSentences('')).toEqual([]);
		expect(splitSentences('  。')).toEqual([]);
	});

	it('gives ordered ranges that cover every character worth saying', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: fc.constantFrom('春', '水', '。', '？', '…', '”', ' ', 'a') }),
				(text) => {
					const ranges = splitSentences(text);
					let previous = 0;
					for (const { start, end } of ranges) {
						expect(start).toBeGreaterThanOrEqual(previous);
						expect(end).toBeGreaterThan(start);
						previous = end;
					}
					const covered = ranges.map((r) => text.slice(r.start, r.end)).join('');
					expect(covered.replace(/[^春水a]/g, '')).toBe(text.replace(/[^春水a]/g, ''));
				}
			)
		);
	});
});
