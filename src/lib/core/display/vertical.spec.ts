import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { restoreVerticalForms, splitForVertical, toVerticalForms } from './vertical';

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

// Text made mostly of the characters the transform cares about, so properties meet them.
const quoteHeavyText = fc
	.array(fc.constantFrom('“', '”', '‘', '’', '「', '」', '『', '』', '严', '格', 'a', '。', '𠀀'), {
		maxLength: 40
	})
	.map((chars) => chars.join(''));

describe('toVerticalForms', () => {
	it('shows double quotes as 「」 and single quotes inside them as 『』', () => {
		expect(toVerticalForms('他说:“严格‘四水四定’。”')).toBe('他说:「严格『四水四定』。」');
	});

	it('leaves text without curly quotes, and brackets already there, unchanged', () => {
		const text = '「原有」『引号』"ASCII" 12月22日，我省召开会议。';
		expect(toVerticalForms(text)).toBe(text);
	});

	it('keeps the length and every character that is not a curly quote', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string(), quoteHeavyText), (text) => {
				const shown = toVerticalForms(text);
				expect(shown.length).toBe(text.length);
				for (let i = 0; i < text.length; i++) {
					if (!'“”‘’'.includes(text[i])) expect(shown[i]).toBe(text[i]);
				}
				expect(shown).not.toMatch(/[“”‘’]/);
			})
		);
	});
});

describe('restoreVerticalForms', () => {
	it('gives back the source’s quotes and keeps the source’s own brackets', () => {
		const source = '「书名」里写着“严格‘四水四定’”';
		expect(restoreVerticalForms(toVerticalForms(source), source)).toBe(source);
	});

	it('restores any stretch of the shown text from the source at the same offsets', () => {
		fc.assert(
			fc.property(quoteHeavyText, fc.nat(), fc.nat(), (source, a, b) => {
				const [from, to] = [a % (source.length + 1), b % (source.length + 1)].sort((x, y) => x - y);
				const shown = toVerticalForms(source).slice(from, to);
				expect(restoreVerticalForms(shown, source.slice(from, to))).toBe(source.slice(from, to));
			})
		);
	});

	it('leaves shown text alone where the source is shorter or differs', () => {
		expect(restoreVerticalForms('「嚴格」', '“')).toBe('“嚴格」');
		expect(restoreVerticalForms('「嚴格」', '严格')).toBe('「嚴格」');
	});
});
