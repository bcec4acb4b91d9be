/**
 * Exact search over a static archive, fetching only the index shards of the query's own tokens.
 * Query syntax and normalisation are the on-device search's (query.ts, normalize.ts): an article
 * matches when every included term is a substring of its search text and no excluded term is.
 *
 * Exact from the postings alone: a term of length 1 is its unigram's postings; a longer term
 * occurs at offset p exactly when its bigram at term offset i occurs at p + i for every i, since
 * consecutive bigrams fix every character and no bigram spans two segments. Checking the bigrams
 * at term offsets 0, 2, 4, … and the last one is enough (together they cover every character),
 * which halves the tokens a long term fetches. No article text is needed to verify; snippets come
 * later from the hit's page file, fetched when the hit is shown.
 */

import { compileQuery } from '../search/query';
import type { ArchiveManifest } from './catalog';
import {
	bigramKey,
	decodePostings,
	decodeShard,
	tokenBucket,
	unigramKey,
	type FlatPostings
} from './format';

/** Fetches a file of the archive by name (over HTTP in the app, from disk in the bench). */
export type FetchShard = (name: string) => Promise<Uint8Array>;

export interface ArchiveHit {
	/** Article number in archive order (catalog.ts locateArticle places it). */
	article: number;
	/** Occurrences of the included terms in the article. */
	count: number;
}

export interface ArchiveResult {
	/** Every matching article, exactly. */
	total: number;
	/** Hits `offset` … `offset + limit - 1` in archive order: newest first, then page, article. */
	hits: ArchiveHit[];
	/** What this search fetched (shards already held are not fetched again). */
	fetched: { shards: string[]; bytes: number };
}

export class ArchiveSearch {
	private readonly shards = new Map<string, Promise<Map<number, Uint8Array>>>();

	constructor(
		readonly manifest: ArchiveManifest,
		private readonly fetchShard: FetchShard
	) {}

	/** The index shard holding a token key. */
	shardOf(key: number): string {
		const bucket = tokenBucket(key, this.manifest.bucketBits);
		const list = this.manifest.index;
		let lo = 0;
		let hi = list.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (list[mid].firstBucket <= bucket) lo = mid;
			else hi = mid - 1;
		}
		return list[lo].name;
	}

	async search(
		query: string,
		{ offset = 0, limit = 10 }: { offset?: number; limit?: number } = {}
	): Promise<ArchiveResult> {
		const { include, exclude } = compileQuery(query);
		const fetched = { shards: [] as string[], bytes: 0 };
		if (include.length === 0) return { total: 0, hits: [], fetched };
		const plans = [...include, ...exclude].map(termPlan);
		// Every shard any term needs, fetched together.
		const names = new Set(plans.flatMap((plan) => plan.map((t) => this.shardOf(t.key))));
		const directories = new Map<string, Map<number, Uint8Array>>();
		await Promise.all(
			[...names].map(async (name) => {
				let pending = this.shards.get(name);
				if (!pending) {
					pending = this.fetchShard(name).then((bytes) => {
						fetched.shards.push(name);
						fetched.bytes += bytes.length;
						return decodeShard(bytes);
					});
					this.shards.set(name, pending);
					// A failed fetch is not cached: the next search tries again.
					pending.catch(() => this.shards.delete(name));
				}
				directories.set(name, await pending);
			})
		);
		const postingsOf = (key: number) => directories.get(this.shardOf(key))?.get(key);
		// One token and nothing to combine: the total is the postings' article count, and only
		// the requested articles need decoding.
		if (plans.length === 1 && plans[0].length === 1) {
			const bytes = postingsOf(plans[0][0].key);
			if (!bytes) return { total: 0, hits: [], fetched };
			const flat = decodePostings(bytes, offset + limit);
			const hits: ArchiveHit[] = [];
			for (let i = offset; i < flat.articles.length; i++)
				hits.push({ article: flat.articles[i], count: flat.starts[i + 1] - flat.starts[i] });
			return { total: flat.total, hits, fetched };
		}
		const matches = plans.map((plan) => matchTerm(plan, postingsOf));
		// Smallest first: the intersection only ever shrinks.
		const included = matches
			.slice(0, include.length)
			.sort((a, b) => a.articles.length - b.articles.length);
		let result = included[0];
		for (const other of included.slice(1)) result = intersect(result, other);
		for (const other of matches.slice(include.length)) result = subtract(result, other);
		const hits: ArchiveHit[] = [];
		const end = Math.min(result.articles.length, offset + limit);
		for (let i = offset; i < end; i++)
			hits.push({ article: result.articles[i], count: result.counts[i] });
		return { total: result.articles.length, hits, fetched };
	}
}

/** Articles (ascending) where a term occurs, with its occurrence counts. */
interface TermMatches {
	articles: Uint32Array;
	counts: Uint32Array;
}

const NO_MATCHES: TermMatches = { articles: new Uint32Array(0), counts: new Uint32Array(0) };

function intersect(a: TermMatches, b: TermMatches): TermMatches {
	const articles: number[] = [];
	const counts: number[] = [];
	for (let i = 0, j = 0; i < a.articles.length && j < b.articles.length;) {
		if (a.articles[i] < b.articles[j]) i++;
		else if (a.articles[i] > b.articles[j]) j++;
		else {
			articles.push(a.articles[i]);
			counts.push(a.counts[i++] + b.counts[j++]);
		}
	}
	return { articles: Uint32Array.from(articles), counts: Uint32Array.from(counts) };
}

function subtract(a: TermMatches, b: TermMatches): TermMatches {
	const articles: number[] = [];
	const counts: number[] = [];
	for (let i = 0, j = 0; i < a.articles.length; i++) {
		while (j < b.articles.length && b.articles[j] < a.articles[i]) j++;
		if (j < b.articles.length && b.articles[j] === a.articles[i]) continue;
		articles.push(a.articles[i]);
		counts.push(a.counts[i]);
	}
	return { articles: Uint32Array.from(articles), counts: Uint32Array.from(counts) };
}

/** A token to look up and where it sits in the term. */
interface PlannedToken {
	key: number;
	at: number;
}

/** The tokens a normalised term is checked with (see the top of this file). */
export function termPlan(term: string): PlannedToken[] {
	if (term.length === 1) return [{ key: unigramKey(term.charCodeAt(0)), at: 0 }];
	const plan: PlannedToken[] = [];
	const last = term.length - 2;
	for (let i = 0; i <= last; i += 2)
		plan.push({ key: bigramKey(term.charCodeAt(i), term.charCodeAt(i + 1)), at: i });
	if (last % 2 === 1)
		plan.push({ key: bigramKey(term.charCodeAt(last), term.charCodeAt(last + 1)), at: last });
	return plan;
}

/** Articles where every planned token sits at its place relative to one start, with counts. */
function matchTerm(
	plan: readonly PlannedToken[],
	postingsOf: (key: number) => Uint8Array | undefined
): TermMatches {
	const lists: { at: number; postings: FlatPostings }[] = [];
	for (const token of plan) {
		const bytes = postingsOf(token.key);
		if (!bytes) return NO_MATCHES;
		lists.push({ at: token.at, postings: decodePostings(bytes) });
	}
	// Drive from the rarest token; walk the others (sorted by article) alongside.
	lists.sort((a, b) => a.postings.total - b.postings.total);
	const [driver, ...others] = lists;
	const cursors = new Int32Array(others.length);
	const articles: number[] = [];
	const counts: number[] = [];
	const d = driver.postings;
	for (let i = 0; i < d.articles.length; i++) {
		const article = d.articles[i];
		let present = true;
		for (let k = 0; k < others.length && present; k++) {
			const list = others[k].postings.articles;
			let c = cursors[k];
			while (c < list.length && list[c] < article) c++;
			cursors[k] = c;
			present = c < list.length && list[c] === article;
		}
		if (!present) continue;
		let count = 0;
		for (let o = d.starts[i]; o < d.starts[i + 1]; o++) {
			const start = d.offsets[o] - driver.at;
			let ok = start >= 0;
			for (let k = 0; k < others.length && ok; k++) {
				const p = others[k].postings;
				const c = cursors[k];
				ok = contains(p.offsets, p.starts[c], p.starts[c + 1], start + others[k].at);
			}
			if (ok) count++;
		}
		if (count > 0) {
			articles.push(article);
			counts.push(count);
		}
	}
	return { articles: Uint32Array.from(articles), counts: Uint32Array.from(counts) };
}

/** Binary search in ascending offsets[from … to-1]. */
function contains(offsets: Uint32Array, from: number, to: number, value: number): boolean {
	let lo = from;
	let hi = to - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (offsets[mid] === value) return true;
		if (offsets[mid] < value) lo = mid + 1;
		else hi = mid - 1;
	}
	return false;
}
