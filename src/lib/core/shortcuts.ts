/**
 * Every keyboard shortcut of the reader, in one list: the 「?」 sheet shows it, and the handlers
 * match keys through it, so what the sheet says is what the keys do. A feature with keys of its
 * own adds its entries here.
 */

export type ShortcutView = 'anywhere' | 'article' | 'issues';

export interface Shortcut {
	id: string;
	/** As `aria-keyshortcuts` writes it: `?`, `Shift+Enter`, `ArrowRight`. */
	keys: string;
	description: string;
	view: ShortcutView;
}

/** The views' names, in the order the sheet lists them. */
export const SHORTCUT_VIEWS: Record<ShortcutView, string> = {
	anywhere: '任何页面',
	article: '文章',
	issues: '往期日历'
};

export const SHORTCUTS = [
	{ id: 'shortcuts', keys: '?', description: '显示键盘快捷键', view: 'anywhere' },
	{ id: 'search', keys: '/', description: '跳到搜索框', view: 'anywhere' },
	{
		id: 'next-article',
		keys: 'ArrowRight',
		description: '下一篇(竖排时为上一篇)',
		view: 'article'
	},
	{
		id: 'previous-article',
		keys: 'ArrowLeft',
		description: '上一篇(竖排时为下一篇)',
		view: 'article'
	},
	{ id: 'next-hit', keys: 'Enter', description: '下一处搜索命中', view: 'article' },
	{ id: 'previous-hit', keys: 'Shift+Enter', description: '上一处搜索命中', view: 'article' },
	{ id: 'read-aloud', keys: 'r', description: '开始或暂停朗读', view: 'article' },
	{ id: 'stop-read-aloud', keys: 'Escape', description: '停止朗读', view: 'article' },
	{ id: 'copy-citation', keys: 'c', description: '复制选中的文字及引用', view: 'article' },
	{ id: 'earlier-issue', keys: 'ArrowLeft', description: '前一个有版面的日期', view: 'issues' },
	{ id: 'later-issue', keys: 'ArrowRight', description: '后一个有版面的日期', view: 'issues' },
	{ id: 'week-earlier', keys: 'ArrowUp', description: '往前一周左右', view: 'issues' },
	{ id: 'week-later', keys: 'ArrowDown', description: '往后一周左右', view: 'issues' },
	{ id: 'month-first', keys: 'Home', description: '本月第一个有版面的日期', view: 'issues' },
	{ id: 'month-last', keys: 'End', description: '本月最后一个有版面的日期', view: 'issues' },
	{ id: 'open-issue', keys: 'Enter', description: '打开这一期', view: 'issues' }
] as const satisfies readonly Shortcut[];

export type ShortcutId = (typeof SHORTCUTS)[number]['id'];

export function shortcut(id: ShortcutId): Shortcut {
	return SHORTCUTS.find((s) => s.id === id)!;
}

/** The shortcuts grouped by view, in the order of SHORTCUT_VIEWS; views without any left out. */
export function shortcutsByView(
	list: readonly Shortcut[] = SHORTCUTS
): { view: ShortcutView; name: string; shortcuts: Shortcut[] }[] {
	return (Object.keys(SHORTCUT_VIEWS) as ShortcutView[])
		.map((view) => ({
			view,
			name: SHORTCUT_VIEWS[view],
			shortcuts: list.filter((s) => s.view === view)
		}))
		.filter((group) => group.shortcuts.length > 0);
}

export interface KeyPress {
	key: string;
	shiftKey: boolean;
	ctrlKey: boolean;
	altKey: boolean;
	metaKey: boolean;
}

const MODIFIERS = ['Shift', 'Control', 'Alt', 'Meta'] as const;

/**
 * Whether a key press is the shortcut: its key with exactly its modifiers. Shift is not asked of
 * a printed character (`?`), which some layouts type with it and others without.
 */
export function matchesShortcut(press: KeyPress, id: ShortcutId): boolean {
	const parts = shortcut(id).keys.split('+');
	const key = parts.at(-1)!;
	const held = new Set(parts.slice(0, -1));
	if (press.key !== key) return false;
	const state = {
		Shift: press.shiftKey,
		Control: press.ctrlKey,
		Alt: press.altKey,
		Meta: press.metaKey
	};
	return MODIFIERS.every(
		(modifier) =>
			(modifier === 'Shift' && key.length === 1 && !held.has('Shift')) ||
			state[modifier] === held.has(modifier)
	);
}

/** The first of `ids` the key press is, if any: one handler's keys, matched in one place. */
export function matchingShortcut<Id extends ShortcutId>(
	press: KeyPress,
	ids: readonly Id[]
): Id | null {
	return ids.find((id) => matchesShortcut(press, id)) ?? null;
}

const KEY_NAMES: Record<string, string> = {
	ArrowLeft: '←',
	ArrowRight: '→',
	ArrowUp: '↑',
	ArrowDown: '↓',
	Control: 'Ctrl',
	Escape: 'Esc'
};

/** The keys to press, one label each, letters as printed on keys: `Shift+Enter` → `Shift`, `Enter`. */
export function keyLabels(keys: string): string[] {
	return keys
		.split('+')
		.map((key) => KEY_NAMES[key] ?? (key.length === 1 ? key.toUpperCase() : key));
}
