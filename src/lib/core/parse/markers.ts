/**
 * Continuation markers: `(下转第3版)` ends an article, `(上接第1版)` starts its continuation.
 * OCR and older pages write them in many shapes, all read the same: mismatched or half-width
 * brackets (`（上接第一版】`, `[上接第一版）`), Chinese numerals (`第十二版`), lettered pages
 * (`第A2版`), traditional characters and 頁 for 版 (`（下轉第二頁）`). The text is kept as printed.
 */

import { numeralValue } from './text';

export interface ContinuationMarker {
	direction: 'to' | 'from';
	/** Normalised page reference, e.g. `第3版`, so both ends of a jump compare equal. */
	page: string;
	/** The marker exactly as printed; it is removed from the text and kept here. */
	raw: string;
}

export type LinePiece =
	{ kind: 'text'; text: string } | { kind: 'marker'; marker: ContinuationMarker };

// No two whitespace runs may touch: `\s*(第?)\s*` backtracks quadratically over a long run
// when the marker then fails, so 第 and the spaces after it are one optional group.
const MARKER =
	/[(（〔【［[]\s*(下转|下轉|转|轉|上接|接|紧接|緊接|续|續)\s*(?:第\s*)?([0-9０-９]{1,3}|[A-Za-zＡ-Ｚ][0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[版页頁]\s*[)）〕】］\]]/g;

/**
 * OCR sometimes drops one bracket. A marker missing its closer still counts at the very end of
 * a line, one missing its opener at the very start: nowhere else could prose look like that.
 * Only the line's last or first few characters are searched, so these cost nothing per line.
 */
const OPEN_AT_END =
	/[(（〔【［[]\s*(下转|下轉|转|轉|上接|接|紧接|緊接|续|續)\s*(?:第\s*)?([0-9０-９]{1,3}|[A-Za-zＡ-Ｚ][0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[版页頁]$/;
const CLOSE_AT_START =
	/^(下转|下轉|转|轉|上接|接|紧接|緊接|续|續)\s*(?:第\s*)?([0-9０-９]{1,3}|[A-Za-zＡ-Ｚ][0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[版页頁]\s*[)）〕】］\]]/;
/** Longer than any half-bracketed marker with a few spaces in it. */
const EDGE = 24;

const TO_PAGE = new Set(['下转', '下轉', '转', '轉']);

/** Whether a line can hold a marker at all: every marker names a 版 or a 页/頁. */
export function mayHoldMarker(line: string): boolean {
	return line.indexOf('版') >= 0 || line.indexOf('页') >= 0 || line.indexOf('頁') >= 0;
}

function normalisePage(ref: string): string {
	const n = numeralValue(ref);
	if (!Number.isNaN(n)) return `第${n}版`;
	const ascii = ref.replace(/[Ａ-Ｚ０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
	return `第${ascii.toUpperCase()}版`;
}

/** Splits a line into its text and any continuation markers inside it. */
export function splitMarkers(line: string): LinePiece[] {
	if (!mayHoldMarker(line)) return [{ kind: 'text', text: line }];
	const pieces: LinePiece[] = [];
	let last = 0;
	MARKER.lastIndex = 0;
	for (let m = MARKER.exec(line); m !== null; m = MARKER.exec(line)) {
		const before = line.slice(last, m.index).trim();
		if (before) pieces.push({ kind: 'text', text: before });
		pieces.push(markerPiece(m));
		last = m.index + m[0].length;
	}
	if (last === 0) return splitHalfBracketed(line);
	const after = line.slice(last).trim();
	if (after) pieces.push({ kind: 'text', text: after });
	return pieces;
}

function markerPiece(m: RegExpExecArray): LinePiece {
	const direction = TO_PAGE.has(m[1]) ? 'to' : 'from';
	return { kind: 'marker', marker: { direction, page: normalisePage(m[2]), raw: m[0] } };
}

/** A marker that lost one bracket, at the edge of the line where it can only be a marker. */
function splitHalfBracketed(line: string): LinePiece[] {
	const head = CLOSE_AT_START.exec(line.slice(0, EDGE));
	if (head) {
		const after = line.slice(head[0].length).trim();
		return after ? [markerPiece(head), { kind: 'text', text: after }] : [markerPiece(head)];
	}
	const from = Math.max(0, line.length - EDGE);
	const tail = OPEN_AT_END.exec(line.slice(from));
	if (tail) {
		const before = line.slice(0, from + tail.index).trim();
		return before ? [{ kind: 'text', text: before }, markerPiece(tail)] : [markerPiece(tail)];
	}
	return [{ kind: 'text', text: line }];
}
