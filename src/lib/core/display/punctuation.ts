/**
 * Display normalisation: ASCII punctuation that sits between Chinese characters becomes the
 * full-width form a Chinese typesetter would use. Pure; never changes anything else, so
 * `PM2.5`, `5.2%`, `GDP,CPI` and English text keep their ASCII.
 */

const FULL_WIDTH: Record<string, string> = {
	',': '，',
	';': '；',
	':': '：',
	'?': '？',
	'!': '！',
	'(': '（',
	')': '）'
};

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}]/u;
/** CJK punctuation that may sit on the Chinese side of an ASCII mark: “…”, 《…》, 、。 */
const CJK_PUNCTUATION = /[\u3000-\u303f\uff01-\uff5e\u2018\u2019\u201c\u201d\u2026\u2014]/u;

function isChineseSide(ch: string | undefined): boolean {
	return ch !== undefined && (HAN.test(ch) || CJK_PUNCTUATION.test(ch));
}

/** Returns the text with full-width Chinese punctuation where ASCII marks sit between Chinese. */
export function normalisePunctuation(text: string): string {
	const chars = Array.from(text);
	const out = chars.slice();
	// Open parentheses converted so far; their partners follow them.
	const openStack: boolean[] = [];
	for (let i = 0; i < chars.length; i++) {
		const ch = chars[i];
		if (!(ch in FULL_WIDTH)) continue;
		const before = chars[i - 1];
		const after = chars[i + 1];
		if (ch === '(') {
			const convert = isChineseSide(before) || isChineseSide(after);
			openStack.push(convert);
			if (convert) out[i] = FULL_WIDTH[ch];
		} else if (ch === ')') {
			const opened = openStack.pop();
			if (opened ?? (isChineseSide(before) && isChineseSide(after))) out[i] = FULL_WIDTH[ch];
		} else if (
			isChineseSide(before) &&
			(isChineseSide(after) || (after === undefined && '?!'.includes(ch)))
		) {
			out[i] = FULL_WIDTH[ch];
		}
	}
	return out.join('');
}
