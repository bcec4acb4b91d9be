/**
 * Query syntax. Terms are separated by whitespace (any Unicode whitespace, so the ideographic space
 * a Chinese IME types counts). A term in quotes is a phrase and keeps its spaces: `"new york"`,
 * `“生态 环境”`. A leading `-` excludes the term: `-污染`, `-"new york"`. A quote opened and never
 * closed runs to the end of the query, so a phrase being typed already searches. A lone `-` and
 * empty quotes are no term at all.
 */

import { normalizeQueryTerm } from './normalize';

export interface QueryTerm {
	/** As typed, without the quotes and the `-`; never empty. */
	text: string;
	exclude: boolean;
	/** Written in quotes. */
	phrase: boolean;
}

/** A query ready for matching: terms normalised, empty ones dropped, duplicates removed. */
export interface CompiledQuery {
	/** Every one must occur. Empty: the query matches nothing. */
	include: string[];
	/** None may occur. */
	exclude: string[];
}

const SPACE = /\s/;
/** Opening quote → the quotes that close it. */
const QUOTES: Record<string, string> = {
	'"': '"＂”',
	'＂': '"＂”',
	'“': '"＂”'
};
const MINUS = '-－';

/** Splits a query into terms. Pure; never throws. */
export function parseQuery(query: string): QueryTerm[] {
	const terms: QueryTerm[] = [];
	const n = query.length;
	let i = 0;
	while (i < n) {
		if (SPACE.test(query[i])) {
			i++;
			continue;
		}
		let exclude = false;
		if (MINUS.includes(query[i])) {
			exclude = true;
			i++;
			if (i >= n || SPACE.test(query[i])) continue;
		}
		const closers = QUOTES[query[i]];
		if (closers !== undefined) {
			const start = i + 1;
			let end = start;
			while (end < n && !closers.includes(query[end])) end++;
			const text = query.slice(start, end);
			if (text.trim()) terms.push({ text, exclude, phrase: true });
			i = end + 1;
			continue;
		}
		const start = i;
		while (i < n && !SPACE.test(query[i])) i++;
		terms.push({ text: query.slice(start, i), exclude, phrase: false });
	}
	return terms;
}

/** Writes terms back as a query that parses to the same terms. */
export function formatQuery(terms: readonly QueryTerm[]): string {
	return terms.map((t) => (t.exclude ? '-' : '') + (t.phrase ? `"${t.text}"` : t.text)).join(' ');
}

/** Normalises the terms of a query (a string or already parsed terms). */
export function compileQuery(query: string | readonly QueryTerm[]): CompiledQuery {
	const terms = typeof query === 'string' ? parseQuery(query) : query;
	const include: string[] = [];
	const exclude: string[] = [];
	for (const term of terms) {
		const text = normalizeQueryTerm(term.text);
		if (!text) continue;
		const list = term.exclude ? exclude : include;
		if (!list.includes(text)) list.push(text);
	}
	return { include, exclude };
}
