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
import { bigramKey, decodePostings, decodeShard, tokenBucket, unigramKey } from './format';

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

/** Article → occurrence count of one term. */
type TermMatches = Map<number, number>;

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
		const matches = plans.map((plan) => matchTerm(plan, postingsOf));
		const included = matches.slice(0, include.length);
		const excluded = matches.slice(include.length);
		// Smallest first: the intersection only ever shrinks.
		included.sort((a, b) => a.size - b.size);
		const articles: ArchiveHit[] = [];
		for (const [article, count] of included[0]) {
			let total = count;
			let ok = true;
			for (let t = 1; t < included.length && ok; t++) {
				const c = included[t].get(article);
				if (c === undefined) ok = false;
				else total += c;
			}
			for (const ex of excluded) if (ok && ex.has(article)) ok = false;
			if (ok) articles.push({ article, count: total });
		}
		articles.sort((a, b) => a.article - b.article);
		return { total: articles.length, hits: articles.slice(offset, offset + limit), fetched };
	}
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
	const out: TermMatches = new Map();
	const lists = [];
	for (const token of plan) {
		const bytes = postingsOf(token.key);
		if (!bytes) return out;
		lists.push({ at: token.at, postings: decodePostings(bytes) });
	}
	// Drive from the rarest token; walk the others (sorted by article) alongside.
	lists.sort((a, b) => a.postings.length - b.postings.length);
	const [driver, ...others] = lists;
	const cursors = new Int32Array(others.length);
	const found: number[][] = new Array(others.length);
	for (const { article, offsets } of driver.postings) {
		let present = true;
		for (let k = 0; k < others.length && present; k++) {
			const postings = others[k].postings;
			let c = cursors[k];
			while (c < postings.length && postings[c].article < article) c++;
			cursors[k] = c;
			present = c < postings.length && postings[c].article === article;
			if (present) found[k] = postings[c].offsets;
		}
		if (!present) continue;
		let count = 0;
		for (const offset of offsets) {
			const start = offset - driver.at;
			let ok = start >= 0;
			for (let k = 0; k < others.length && ok; k++) ok = contains(found[k], start + others[k].at);
			if (ok) count++;
		}
		if (count > 0) out.set(article, count);
	}
	return out;
}

/** Binary search in ascending offsets. */
function contains(sorted: readonly number[], value: number): boolean {
	let lo = 0;
	let hi = sorted.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (sorted[mid] === value) return true;
		if (sorted[mid] < value) lo = mid + 1;
		else hi = mid - 1;
	}
	return false;
}
