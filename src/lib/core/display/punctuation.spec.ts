import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalisePunctuation } from './punctuation';

describe('normalisePunctuation', () => {
	it('turns ASCII commas and colons between Chinese into full-width ones', () => {
		expect(normalisePunctuation('12月22日,我省召开会议:一是')).toBe('12月22日，我省召开会议：一是');
	});

	it('converts a byline’s parentheses as a pair', () => {
		expect(normalisePunctuation('本报讯(记者 杨文)12月22日')).toBe('本报讯（记者 杨文）12月22日');
	});

	it('treats Chinese quotes as the Chinese side', () => {
		expect(normalisePunctuation('严格“四水四定”,加快')).toBe('严格“四水四定”，加快');
	});

	it('leaves numbers, Latin and English alone', () => {
		const text = 'PM2.5下降5.2%,GDP增长; Hello, world! (see p.3)';
		expect(normalisePunctuation(text)).toBe('PM2.5下降5.2%,GDP增长; Hello, world! (see p.3)');
	});

	it('ends a Chinese question with a full-width mark', () => {
		expect(normalisePunctuation('这是为什么?')).toBe('这是为什么？');
	});

	it('never changes the length or any non-punctuation character', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme' }), (text) => {
				const result = normalisePunctuation(text);
				expect(Array.from(result)).toHaveLength(Array.from(text).length);
				const strip = (s: string) => s.replace(/[,;:?!()，；：？！（）]/g, '');
				expect(strip(result)).toBe(strip(text));
			}),
			{ numRuns: 500 }
		);
	});
});
