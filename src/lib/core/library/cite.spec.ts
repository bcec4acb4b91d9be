import { describe, expect, it } from 'vitest';
import {
	citationLine,
	paragraphAnchor,
	paragraphFromAnchor,
	paragraphInHash,
	quoteWithCitation
} from './cite';

const fullPage = { paper: '太行日报', date: '2022-03-08', pageNumber: 1 };

describe('citationLine', () => {
	it('names title, paper, date and page in the reader-facing form', () => {
		expect(citationLine({ title: '汾河春早', page: fullPage })).toBe(
			'——《汾河春早》，太行日报，2022年3月8日，第1版'
		);
	});

	it('leaves out what is unknown, with no stray punctuation and no guessed year', () => {
		expect(
			citationLine({
				title: null,
				page: { paper: '山西日报', date: null, monthDay: '12-22', pageNumber: null }
			})
		).toBe('——山西日报，12月22日');
		expect(citationLine({ title: '古镇', page: { paper: null, date: null, pageNumber: 3 } })).toBe(
			'——《古镇》，第3版'
		);
		expect(citationLine({ title: '  ', page: { paper: '', date: null, pageNumber: null } })).toBe(
			null
		);
		expect(citationLine({ page: { paper: null, date: 'not a date', pageNumber: null } })).toBe(
			null
		);
	});
});

describe('quoteWithCitation', () => {
	it('puts the citation on the line after the quote', () => {
		expect(quoteWithCitation('春水初生。', { title: '汾河春早', page: fullPage })).toBe(
			'春水初生。\n——《汾河春早》，太行日报，2022年3月8日，第1版'
		);
	});

	it('gives the quote alone when nothing about its source is known', () => {
		expect(
			quoteWithCitation('春水初生。', {
				title: null,
				page: { paper: null, date: null, pageNumber: null }
			})
		).toBe('春水初生。');
	});
});

describe('paragraph anchors', () => {
	it('count from 1 and read back to the same paragraph', () => {
		expect(paragraphAnchor(0)).toBe('p1');
		expect(paragraphAnchor(6)).toBe('p7');
		for (const index of [0, 1, 9, 99, 4321])
			expect(paragraphFromAnchor(paragraphAnchor(index))).toBe(index);
		expect(() => paragraphAnchor(-1)).toThrow(RangeError);
		expect(() => paragraphAnchor(1.5)).toThrow(RangeError);
	});

	it('reject anything but the exact form, and paragraphs the article does not have', () => {
		for (const junk of [
			'',
			'p',
			'p0',
			'p07',
			'P7',
			'p7 ',
			' p7',
			'p-1',
			'p1e3',
			'p7x',
			'x7',
			'p٧',
			'p9999999',
			'p<script>'
		])
			expect(paragraphFromAnchor(junk), junk).toBeNull();
		expect(paragraphFromAnchor('p3', 3)).toBe(2);
		expect(paragraphFromAnchor('p4', 3)).toBeNull();
	});

	it('are found after the route in a location hash', () => {
		expect(paragraphInHash('#/doc/d/a#p7')).toBe(6);
		expect(paragraphInHash('#/doc/d/a/%E6%98%A5#p2')).toBe(1);
		expect(paragraphInHash('#/doc/d/a')).toBeNull();
		expect(paragraphInHash('#/doc/d/a#p7#p8')).toBeNull();
		expect(paragraphInHash('#/doc/d/a#p9', 5)).toBeNull();
		expect(paragraphInHash('')).toBeNull();
	});
});
