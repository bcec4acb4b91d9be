import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAnchor, resolveAnchor, resolveAnchors, type ResolvedAnchor } from './anchor';

/** As matching sees text: no whitespace, full-width ASCII as half-width. */
function folded(s: string): string {
	return s
		.replace(/\s/g, '')
		.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** The text a resolved range covers, joined across paragraphs, as matching sees it. */
function covered(paragraphs: string[], r: ResolvedAnchor): string {
	let s = '';
	for (let p = r.paragraph; p <= r.endParagraph; p++) {
		const from = p === r.paragraph ? r.start : 0;
		const to = p === r.endParagraph ? r.end : paragraphs[p].length;
		s += paragraphs[p].slice(from, to);
	}
	return folded(s);
}

/** Position of a (paragraph, offset) in the text with all whitespace removed. */
function flatIndex(paragraphs: string[], paragraph: number, offset: number): number {
	let n = 0;
	for (let p = 0; p < paragraph; p++) n += paragraphs[p].replace(/\s/g, '').length;
	return n + paragraphs[paragraph].slice(0, offset).replace(/\s/g, '').length;
}

// A small alphabet makes repeated words (and so ambiguous quotes) common.
const solid = fc.constantFrom('的', '了', '新', '闻', '报', 'a', 'b', '，', '。');
const char = fc.oneof(solid, fc.constant(' '));
// Every paragraph holds a visible character, so a blank selection can widen to the paragraph.
const para = fc.tuple(solid, fc.array(char, { maxLength: 40 }), fc.nat(40)).map(([c, a, at]) => {
	const i = at % (a.length + 1);
	return [...a.slice(0, i), c, ...a.slice(i)].join('');
});
const article = fc.array(para, { minLength: 1, maxLength: 6 });

/** An article and a selection in it holding at least one non-space character. */
const selection = fc.tuple(article, fc.nat(), fc.nat(), fc.nat()).map(([ps, i, x, y]) => {
	const pi = i % ps.length;
	const a = x % (ps[pi].length + 1);
	const b = y % (ps[pi].length + 1);
	let start = Math.min(a, b);
	let end = Math.max(a, b);
	if (!ps[pi].slice(start, end).trim()) [start, end] = [0, ps[pi].length];
	return { ps, pi, start, end };
});

describe('createAnchor', () => {
	it('keeps the quote and up to 32 characters of context across paragraphs', () => {
		const ps = ['第一段文字。', '记者从市里获悉，今年春耕已全面展开。', '末段'];
		const a = createAnchor(ps, 1, 8, 12)!;
		expect(a.quote).toBe('今年春耕');
		expect(a.prefix).toBe('第一段文字。\n记者从市里获悉，');
		expect(a.suffix).toBe('已全面展开。\n末段');
		const long = 'x'.repeat(100);
		const b = createAnchor([long + '重点' + long], 0, 100, 102)!;
		expect(b.prefix).toHaveLength(32);
		expect(b.suffix).toHaveLength(32);
	});

	it('refuses empty, blank and impossible selections', () => {
		expect(createAnchor(['abc'], 0, 1, 1)).toBeNull();
		expect(createAnchor(['a   b'], 0, 1, 4)).toBeNull();
		expect(createAnchor(['abc'], 3, 0, 1)).toBeNull();
		expect(createAnchor(['abc'], 0, NaN, 2)).toBeNull();
	});

	it('does not cut a surrogate pair in half', () => {
		const a = createAnchor(['前𠮷后'], 0, 2, 3)!;
		expect(a.quote).toBe('𠮷');
	});
});

describe('resolveAnchor', () => {
	it('finds an unchanged highlight exactly where it was', () => {
		fc.assert(
			fc.property(selection, ({ ps, pi, start, end }) => {
				const a = createAnchor(ps, pi, start, end)!;
				expect(resolveAnchor(ps, a)).toEqual({
					paragraph: pi,
					start: a.start,
					endParagraph: pi,
					end: a.end,
					exact: true
				});
			})
		);
	});

	it('re-attaches to the same words after paragraphs are joined or split differently', () => {
		fc.assert(
			fc.property(
				selection,
				fc.array(fc.nat(), { maxLength: 5 }),
				({ ps, pi, start, end }, cuts) => {
					const a = createAnchor(ps, pi, start, end)!;
					// Re-paragraph the same text: join everything, cut at other places, re-indent.
					const all = ps.join('');
					const points = [...new Set(cuts.map((c) => c % (all.length + 1)))].sort((x, y) => x - y);
					const next: string[] = [];
					let prev = 0;
					for (const p of [...points, all.length]) {
						next.push('\u3000\u3000' + all.slice(prev, p));
						prev = p;
					}
					const r = resolveAnchor(next, a);
					expect(r).not.toBeNull();
					expect(covered(next, r!)).toBe(folded(a.quote));
					// When quote plus full context occurs once, it must be that occurrence.
					const flat = folded(all);
					const win = folded(a.prefix + a.quote + a.suffix);
					if (flat.indexOf(win) === flat.lastIndexOf(win)) {
						expect(flatIndex(next, r!.paragraph, r!.start)).toBe(
							flatIndex(ps, pi, start + (a.quote.length - a.quote.trimStart().length))
						);
					}
				}
			)
		);
	});

	it('follows the quote when text is inserted before it', () => {
		fc.assert(
			fc.property(
				selection,
				fc.string({ minLength: 1, maxLength: 30 }),
				({ ps, pi, start, end }, ins) => {
					const a = createAnchor(ps, pi, start, end)!;
					const next = [ins, ...ps];
					const r = resolveAnchor(next, a)!;
					expect(covered(next, r)).toBe(folded(a.quote));
				}
			)
		);
	});

	it('picks the occurrence whose context matches, not the first one', () => {
		const ps = ['去年的产量是一百万吨。', '今年的产量是一百万吨，创历史新高。'];
		const a = createAnchor(ps, 1, 6, 10)!;
		expect(a.quote).toBe('一百万吨');
		// A new parser merges the paragraphs and an editor adds a sentence in front.
		const next = ['本报讯 去年的产量是一百万吨。今年的产量是一百万吨，创历史新高。'];
		const r = resolveAnchor(next, a)!;
		expect(r.exact).toBe(false);
		expect(next[0].slice(r.start, r.end)).toBe('一百万吨');
		expect(r.start).toBe(next[0].lastIndexOf('一百万吨'));
	});

	it('matches full-width and half-width punctuation alike', () => {
		const a = createAnchor(['价格上涨，幅度为5％。'], 0, 2, 8)!;
		const r = resolveAnchor(['价格上涨,幅度为5%。'], a)!;
		expect(r).toMatchObject({ paragraph: 0, start: 2, end: 8, exact: false });
	});

	it('returns null when the quote is gone', () => {
		fc.assert(
			fc.property(selection, ({ ps, pi, start, end }) => {
				const a = createAnchor(ps, pi, start, end)!;
				const q = a.quote.replace(/\s/g, '');
				// Remove every occurrence of the quote's first character: the quote cannot remain.
				const next = ps.map((p) => p.split(q[0]).join(''));
				expect(resolveAnchor(next, a)).toBeNull();
			})
		);
		const a = createAnchor(['一段被删掉的话'], 0, 1, 4)!;
		expect(resolveAnchor(['完全不同的内容'], a)).toBeNull();
		expect(resolveAnchor([], a)).toBeNull();
	});
});

describe('resolveAnchors', () => {
	it('gives the same answers as resolving one by one', () => {
		fc.assert(
			fc.property(selection, selection, article, (x, y, text) => {
				const anchors = [x, y].map((s) => createAnchor(s.ps, s.pi, s.start, s.end)!);
				expect(resolveAnchors(text, anchors)).toEqual(anchors.map((a) => resolveAnchor(text, a)));
			})
		);
	});
});
