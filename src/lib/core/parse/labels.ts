/**
 * Labels printed in large type that are not titles: box labels over a summary or an aside
 * (`核心阅读`, `记者手记`, `【编辑点评】`), bullets of a summary block (`■ …`), and a column's
 * name in parentheses after a title (`（人民论坛）`), which stays in the title and is also the
 * article's `column`.
 */

/** Box labels, simplified and traditional. `编者按` is a column label (a kicker) instead. */
const BOX_LABELS = new Set([
	'核心阅读',
	'核心閱讀',
	'记者手记',
	'記者手記',
	'采访手记',
	'採訪手記',
	'编辑点评',
	'編輯點評',
	'专家点评',
	'專家點評',
	'记者观察',
	'記者觀察',
	'延伸阅读',
	'延伸閱讀',
	'相关链接',
	'相關鏈接',
	'新闻链接',
	'新聞鏈接',
	'背景链接',
	'背景鏈接',
	'链接',
	'鏈接',
	'阅读提示',
	'閱讀提示',
	'小贴士',
	'小貼士',
	'数读',
	'數讀'
]);

const FRAME = /^[【〖[［■□◆◇]?[\s\u3000]*([^【】〖〗[\]［］\s\u3000]{1,8})[\s\u3000]*[】〗\]］]?$/;
/** A short label set in brackets is a label whatever its words: `【网友说】`. */
const BRACKETED = /^[【〖][\u4e00-\u9fff]{2,6}[】〗]$/;
const BULLET = /^[■□◆◇●▲►▶]/;

/** A box label standing as a heading or a line of its own. */
export function isBoxLabel(text: string): boolean {
	if (text.length > 12) return false;
	if (BRACKETED.test(text)) return true;
	const m = FRAME.exec(text);
	return m !== null && BOX_LABELS.has(m[1]);
}

/** A summary bullet (`■ 全市新建…`): it opens a paragraph of its own. */
export function startsWithBoxBullet(text: string): boolean {
	return BULLET.test(text);
}

const COLUMN_SUFFIX = /[(（]([\u4e00-\u9fff·]{2,8})[)）]$/;
/** Parenthesised words after a title that are not a column: parts, excerpts, picture notes. */
const NOT_COLUMN =
	/^(?:之[一二三四五六七八九十]+|[上中下续續完]篇?|摘要|节选|節選|全文|附图|附圖|组图|組圖|图文|圖文|连载|連載|待续|待續|续完|續完)$/;

/** The column named in parentheses at the end of a title, `让…活起来（人民论坛）` → `人民论坛`. */
export function columnOfTitle(title: string): string | null {
	const last = title.charCodeAt(title.length - 1);
	if (last !== 0xff09 && last !== 0x29) return null;
	const m = COLUMN_SUFFIX.exec(title);
	if (!m || m.index === 0 || NOT_COLUMN.test(m[1])) return null;
	return m[1];
}
