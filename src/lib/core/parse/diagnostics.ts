/** The parser's diagnostics: a bounded log, and a check of the input's characters. */

import type { Diagnostic, DiagnosticLevel } from './types';

const MAX_DIAGNOSTICS = 200;

/** What the parser decided on a page, counted for the parser report. */
export interface ParseStats {
	/** Markdown headings on the page (setext included; empty ones and page headers not). */
	headings: number;
	/** Headings kept inside an article as subheads. */
	subheads: number;
	/** Titles inferred from the layout on pages without headings. */
	inferredTitles: number;
	/** Line breaks inside a paragraph that were rejoined (hard-wrapped lines). */
	hardWrapJoins: number;
}

export function emptyStats(): ParseStats {
	return {
		headings: 0,
		subheads: 0,
		inferredTitles: 0,
		hardWrapJoins: 0
	};
}

/**
 * Keeps the first MAX_DIAGNOSTICS notes and counts the rest: a hostile page can have millions.
 * Also tallies the parser's decisions for the report.
 */
export class DiagnosticLog {
	readonly list: Diagnostic[] = [];
	readonly stats: ParseStats = emptyStats();
	private dropped = 0;
	add(level: DiagnosticLevel, message: string, line: number | null = null): void {
		if (this.list.length < MAX_DIAGNOSTICS) this.list.push({ level, message, line });
		else this.dropped++;
	}
	finish(): Diagnostic[] {
		if (this.dropped > 0) {
			this.list.push({
				level: 'info',
				message: `${this.dropped} more diagnostics were left out.`,
				line: null
			});
		}
		return this.list;
	}
}

/** `String.prototype.isWellFormed` (ES2024) where the engine has it; a regex otherwise. */
function isWellFormed(text: string): boolean {
	const native = (text as unknown as { isWellFormed?: () => boolean }).isWellFormed;
	if (typeof native === 'function') return native.call(text);
	return !/[\ud800-\udbff](?![\udc00-\udfff])|(?:[^\ud800-\udbff]|^)[\udc00-\udfff]/.test(text);
}

/** A C0 control character other than tab, LF and CR among the first `limit` characters. */
function hasControlCharacter(text: string, limit: number): boolean {
	const end = Math.min(text.length, limit);
	for (let i = 0; i < end; i++) {
		const c = text.charCodeAt(i);
		if (c < 32 && c !== 9 && c !== 10 && c !== 13) return true;
	}
	return false;
}

/** Flags binary-looking input and unpaired surrogates; one linear pass. */
export function inspectCharacters(text: string, log: DiagnosticLog): void {
	// binary shows at once, so control characters are counted in the first 64 KB only;
	// replacement characters and lone surrogates anywhere, by fast native searches first
	const suspicious =
		hasControlCharacter(text, 65536) || text.indexOf('\ufffd') >= 0 || !isWellFormed(text);
	if (!suspicious) return;
	let control = 0;
	let replacement = 0;
	let lone = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 32) {
			if (i < 65536 && c !== 9 && c !== 10 && c !== 13) control++;
		} else if (c === 0xfffd) replacement++;
		else if (c >= 0xd800 && c <= 0xdfff) {
			const next = text.charCodeAt(i + 1);
			if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
			else lone++;
		}
	}
	if (control > 0 && control * 100 > Math.min(text.length, 65536)) {
		log.add('warning', `The text looks binary: ${control} control characters.`);
	}
	if (replacement > 0) {
		log.add('warning', `${replacement} characters could not be decoded (U+FFFD).`);
	}
	if (lone > 0) log.add('warning', `${lone} unpaired surrogate code units in the text.`);
}
