import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { markParagraphs, type MarkSpan } from './marks';

describe('markParagraphs', () => {
	it('marks a range inside one paragraph', () => {
		const [runs] = markParagraphs(
			['林武指出生态环境'],
			[
				{
					id: 'a',
					kind: 'highlight',
					color: 'yellow',
					paragraph: 0,
					start: 4,
					endParagraph: 0,
					end: 8
				}
			]
		);
		expect(runs.map((r) => [r.text, r.mark?.id ?? null])).toEqual([
			['林武指出', null],
			['生态环境', 'a']
		]);
	});

	it('marks a highlight that runs across paragraphs', () => {
		const result = markParagraphs(
			['第一段文字', '中间', '第三段文字'],
			[
				{
					id: 'h',
					kind: 'highlight',
					color: 'green',
					paragraph: 0,
					start: 3,
					endParagraph: 2,
					end: 2
				}
			]
		);
		expect(result[0].at(-1)).toMatchObject({ text: '文字', mark: { id: 'h' } });
		expect(result[1]).toEqual([
			{ text: '中间', offset: 0, mark: { id: 'h', kind: 'highlight', color: 'green' } }
		]);
		expect(result[2][0]).toMatchObject({ text: '第三', mark: { id: 'h' } });
		expect(result[2][1]).toMatchObject({ text: '段文字', mark: null });
	});

	it('keeps every paragraph’s text intact whatever the spans', () => {
		fc.assert(
			fc.property(
				fc.array(fc.string(), { minLength: 1, maxLength: 4 }),
				fc.array(
					fc.record({
						paragraph: fc.nat(4),
						endParagraph: fc.nat(4),
						start: fc.integer({ min: -3, max: 30 }),
						end: fc.integer({ min: -3, max: 30 })
					})
				),
				(paragraphs, raw) => {
					const spans = raw.map((s, i) => ({
						...s,
						id: String(i),
						kind: 'highlight' as const,
						color: 'yellow'
					}));
					const result = markParagraphs(paragraphs, spans);
					result.forEach((runs, i) => {
						expect(runs.map((r) => r.text).join('')).toBe(paragraphs[i]);
						for (const run of runs)
							expect(paragraphs[i].startsWith(run.text, run.offset)).toBe(true);
					});
				}
			)
		);
	});

	it('keeps each mark’s kind, so a hit over a highlight is still told apart as a hit', () => {
		const over = { paragraph: 0, endParagraph: 0 };
		const spans: MarkSpan[] = [
			{ ...over, id: 'h1', kind: 'highlight', color: 'yellow', start: 0, end: 6 },
			{ ...over, id: 'q', kind: 'hit', color: 'hit', start: 4, end: 6 }
		];
		const kinds = markParagraphs(['林武指出生态环境'], spans)[0].map((run) => [
			run.text,
			run.mark?.kind ?? null
		]);
		expect(kinds).toEqual([
			['林武指出', 'highlight'],
			['生态', 'hit'],
			['环境', null]
		]);
	});
});
