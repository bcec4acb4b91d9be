/**
 * Exact search over a static archive, fetching only the index shards of the query's own tokens
 * and, of a frequent token, only the chunks of its postings the query needs. Query syntax and
 * normalisation are the on-device search's (query.ts, normalize.ts): an article matches when
 * every included term is a substring of its search text and no excluded term is.
 *
 * Exact from the postings alone: a term of length 1 is its unigram's postings; a longer term
 * occurs at offset p exactly when its bigram at term offset i occurs at p + i for every i, since
 * consecutive bigrams fix every character and no bigram spans two segments. Checking the bigrams
 * at term offsets 0, 2, 4, … and the last one is enough (together they cover every character),
 * which halves the tokens a long term fetches. No article text is needed to verify; snippets come
 * later from the hit's page file, fetched when the hit is shown.
 *
 * Chunks: every hit holds the query's rarest token (the driver, chosen from the shard directories'
 * totals before any postings are decoded). The driver's chunks are windows taken in article
 * order; for each, every other token's chunks whose article range holds a driver article are
 * fetched, and the window is matched exactly. Hits therefore come in archive order, window by
 * window, and a search that needs only its first hits stops at the window that completes them
 * (`exactTotal: false`). An exact total of a one-token query is the token's total from the
 * directory; any other exact total needs every driver window.
 */

import { compileQuery } from '../search/query';
import { indexArticlesName, indexChunkName, indexShardName, type ArchiveManifest } from './catalog';
import {
	bigramKey,
	decodeArticleList,
	decodePostings,
	decodeShard,
	tokenBucket,
	unigramKey,
	type FlatPostings,
	type PostingsChunk,
	type TokenEntry
} from './format';

/** Fetches a file of the archive by name (over HTTP in the app, from disk in the bench). */
export type FetchShard = (name: string) => Promise<Uint8Array>;

export interface ArchiveHit {
	/** Article number in archive order (catalog.ts locateArticle places it). */
	article: number;
	/**
	 * Occurrences of the included terms in the article; a term of one token that was checked
	 * by its article list alone (no offsets fetched) counts once.
	 */
	count: number;
}

export interface ArchiveResult {
	/** Every matching article, exactly when `totalExact`. */
	total: number;
	/**
	 * False only when `exactTotal: false` stopped before the last window: `total` then counts the
	 * hits found so far (a lower bound); ask again without it for the exact total.
	 */
	totalExact: boolean;
	/** Hits `offset` … `offset + limit - 1` in archive order: newest first, then page, article. */
	hits: ArchiveHit[];
	/**
	 * What this search fetched (files already held are not fetched again): index shards and
	 * chunk files, their bytes, and `rounds`, the fetches that had to wait for an earlier one.
	 */
	fetched: { shards: string[]; bytes: number; rounds: number };
}

export interface SearchOptions {
	offset?: number;
	limit?: number;
	/** Default true. False: stop once the requested hits are found (see ArchiveResult.totalExact). */
	exactTotal?: boolean;
	/**
	 * Told the articles still in the running whenever the search waits for a round of index
	 * fetches: when they are few, the caller may start fetching what showing them needs (their
	 * pages), alongside.
	 */
	onCandidates?: (articles: Uint32Array) => void;
}

type Fetched = ArchiveResult['fetched'];

/** A driver with at most this many chunks left has them fetched with its first window's round. */
const PREFETCH_CHUNKS = 4;

/** What a round of fetches costs on a slow phone network in bytes: 150 ms at 1.6 Mbps. */
const ROUND_BYTES = 30_000;

const NO_POSTINGS: FlatPostings = {
	total: 0,
	articles: new Uint32Array(0),
	starts: new Uint32Array(1),
	offsets: new Uint32Array(0)
};

export class ArchiveSearch {
	/** Decoded files by name: shard directories and chunk postings. */
	private readonly files = new Map<string, Promise<unknown>>();
	private readonly heads = new WeakMap<TokenEntry, FlatPostings>();
	/** Fetches each search has started, for counting its rounds. */
	private readonly started = new WeakMap<Fetched, number>();

	constructor(
		readonly manifest: ArchiveManifest,
		private readonly fetchShard: FetchShard
	) {}

	/** The index shard holding a token key. */
	shardOf(key: number): string {
		return indexShardName(this.manifest.index, tokenBucket(key, this.manifest.bucketBits));
	}

	/**
	 * Runs one step of a search: the fetches it starts go out together, one round (when any
	 * is new). Fetches start synchronously in `run`, before its first await.
	 */
	private async step<T>(fetched: Fetched, run: () => Promise<T>): Promise<T> {
		const before = this.started.get(fetched) ?? 0;
		const result = run();
		if ((this.started.get(fetched) ?? 0) > before) fetched.rounds++;
		return result;
	}

	/** Fetches (once) and decodes files, all at the same time. */
	private loadAll<T>(
		names: readonly string[],
		decode: (bytes: Uint8Array) => T,
		fetched: Fetched
	): Promise<T[]> {
		const loads = names.map((name) => {
			let pending = this.files.get(name) as Promise<T> | undefined;
			if (!pending) {
				this.started.set(fetched, (this.started.get(fetched) ?? 0) + 1);
				pending = this.fetchShard(name).then((bytes) => {
					fetched.shards.push(name);
					fetched.bytes += bytes.length;
					return decode(bytes);
				});
				this.files.set(name, pending);
				// A failed fetch is not cached: the next search tries again.
				pending.catch(() => this.files.delete(name));
			}
			return pending;
		});
		return Promise.all(loads);
	}

	/** Chunk 0 of a token, decoded once. */
	private head(entry: TokenEntry): FlatPostings {
		let flat = this.heads.get(entry);
		if (!flat) this.heads.set(entry, (flat = decodePostings(entry.head)));
		return flat;
	}

	/** Token `entry`'s postings in chunks `chunks` (ascending), joined. */
	private async postings(
		entry: TokenEntry,
		chunks: readonly number[],
		fetched: Fetched
	): Promise<FlatPostings> {
		const index = this.manifest.index;
		const later = chunks.filter((k) => k > 0);
		const loaded = await this.loadAll(
			later.map((k) => indexChunkName(index, entry.key, k)),
			(bytes) => decodePostings(bytes),
			fetched
		);
		const parts = chunks[0] === 0 ? [this.head(entry), ...loaded] : loaded;
		// Files come from outside: a chunk that is not what its directory says is refused, not read.
		parts.forEach((part, i) => {
			const chunk = entry.chunks[chunks[i]];
			const n = part.articles.length;
			if (
				n !== chunk.articles ||
				(n && (part.articles[0] !== chunk.first || part.articles[n - 1] !== chunk.last))
			)
				throw new Error('archive shard: a postings chunk does not match its directory');
		});
		return joinPostings(parts);
	}

	/**
	 * Token `entry`'s articles in article-list chunks `chunks` (ascending), as postings of one
	 * offset (0) an article: enough for a term of this one token, whose count is then 1.
	 */
	private async articleList(
		entry: TokenEntry,
		chunks: readonly number[],
		fetched: Fetched
	): Promise<FlatPostings> {
		const index = this.manifest.index;
		const parts = await this.loadAll(
			chunks.map((k) => indexArticlesName(index, entry.key, k)),
			decodeArticleList,
			fetched
		);
		parts.forEach((part, i) => {
			const chunk = entry.lists[chunks[i]];
			const n = part.length;
			if (n !== chunk.articles || (n && (part[0] !== chunk.first || part[n - 1] !== chunk.last)))
				throw new Error('archive shard: an article list does not match its directory');
		});
		const articles = new Uint32Array(parts.reduce((sum, p) => sum + p.length, 0));
		let at = 0;
		for (const part of parts) {
			articles.set(part, at);
			at += part.length;
		}
		return {
			total: articles.length,
			articles,
			starts: Uint32Array.from({ length: articles.length + 1 }, (_, i) => i),
			offsets: new Uint32Array(articles.length)
		};
	}

	async search(
		query: string,
		{ offset = 0, limit = 10, exactTotal = true, onCandidates }: SearchOptions = {}
	): Promise<ArchiveResult> {
		const { include, exclude } = compileQuery(query);
		const fetched: Fetched = { shards: [], bytes: 0, rounds: 0 };
		const nothing: ArchiveResult = { total: 0, totalExact: true, hits: [], fetched };
		if (include.length === 0) return nothing;
		const includedTokens = include.map(termTokens);
		const excludedTokens = exclude.map(termTokens);
		const keys = [...new Set([...includedTokens, ...excludedTokens].flat().map((t) => t.key))];
		// Every shard any token needs, fetched together: the directories say every token's total
		// and chunks, and a rare token's whole postings come with its shard.
		const names = [...new Set(keys.map((key) => this.shardOf(key)))];
		const shards = await this.step(fetched, () => this.loadAll(names, decodeShard, fetched));
		const directories = new Map(shards.map((d, i) => [names[i], d]));
		const entryOf = (key: number) => directories.get(this.shardOf(key))?.get(key);
		const present = (tokens: PlannedToken[]) => tokens.every((t) => entryOf(t.key));
		// A term with a token no article holds occurs nowhere: included, nothing matches; excluded,
		// it excludes nothing.
		if (!includedTokens.every(present)) return nothing;
		const usedTokens = (tokens: PlannedToken[]) => usedForTerm(tokens, (key) => entryOf(key)!);
		const included = includedTokens.map(usedTokens);
		const excluded = excludedTokens.filter(present).map(usedTokens);
		const driver = included
			.flat()
			.map((t) => t.entry)
			.reduce((a, b) => (b.total < a.total ? b : a));
		const hits: ArchiveHit[] = [];
		const end = offset + limit;

		// One token and nothing to combine: the total is in the directory, and only the chunks
		// holding the requested hits are fetched.
		if (included.length === 1 && included[0].length === 1 && excluded.length === 0) {
			let before = 0;
			for (let k = 0; k < driver.chunks.length && before < end; k++) {
				const count = driver.chunks[k].articles;
				if (before + count > offset) {
					const flat = await this.step(fetched, () => this.postings(driver, [k], fetched));
					for (let i = Math.max(0, offset - before); i < count && before + i < end; i++)
						hits.push({ article: flat.articles[i], count: flat.starts[i + 1] - flat.starts[i] });
				}
				before += count;
			}
			return { total: driver.total, totalExact: true, hits, fetched };
		}

		// The driver's articles in windows. An exact total takes them all at once. The first hits
		// take a first window of a few times the hits asked for, then one sized by the hit rate
		// so far, so a rare term beside a frequent one does not fetch the frequent one's every
		// chunk for ten hits.
		// Tokens of a term of several tokens: their offsets are needed, not only their articles.
		const positional = new Set(
			[...included, ...excluded]
				.filter((term) => term.length > 1)
				.flatMap((term) => term.map((t) => t.key))
		);
		const postingsLayout = chunkLayout(driver.chunks, (ks) => this.postings(driver, ks, fetched));
		// A driver checked by its articles alone reads its article lists, a fraction of the bytes,
		// except inside postings chunk 0, which came with the shard.
		const listLayout =
			driver.lists.length > 0 && !positional.has(driver.key)
				? chunkLayout(driver.lists, (ks) => this.articleList(driver, ks, fetched))
				: null;
		let found = 0;
		for (let at = 0; at < driver.total;) {
			const needed = end - found;
			// After a window without hits, the rest at once: growing windows would cost a round
			// each, and finding nothing needs every window anyway.
			const want = exactTotal
				? driver.total
				: at === 0
					? Math.max(32, 4 * needed)
					: found > 0
						? Math.ceil((2 * needed * at) / found)
						: driver.total;
			const stop = Math.min(driver.total, at + want);
			const layout = listLayout && stop > driver.chunks[0].articles ? listLayout : postingsLayout;
			const first = layout.chunkAt(at);
			const last = layout.chunkAt(stop - 1);
			const chunks = Array.from({ length: last - first + 1 }, (_, i) => first + i);
			const joined = await this.step(fetched, () => layout.load(chunks));
			const window = slicePostings(joined, at - layout.starts[first], stop - layout.starts[first]);
			// When a round fetches anyway, a rare driver's few later chunks go out with it: should
			// this window fall short, the next needs no round of its own for them.
			const later = layout.chunks.length - last - 1;
			const ahead =
				!exactTotal && later > 0 && later <= PREFETCH_CHUNKS
					? () => layout.load(Array.from({ length: later }, (_, i) => last + 1 + i))
					: null;
			const result = await this.matchWindow(window, driver, included, excluded, {
				positional,
				fetched,
				ahead,
				onCandidates
			});
			for (let i = 0; i < result.articles.length; i++, found++)
				if (found >= offset && found < end)
					hits.push({ article: result.articles[i], count: result.counts[i] });
			at = stop;
			if (!exactTotal && found >= end)
				return { total: found, totalExact: at === driver.total, hits, fetched };
		}
		return { total: found, totalExact: true, hits, fetched };
	}

	/**
	 * The articles of one driver window that match the query, exactly. Candidates start as the
	 * window's articles and narrow as tokens arrive: each round fetches, of the tokens still
	 * unchecked, only the chunks holding a remaining candidate, cheapest first, so a frequent
	 * token is fetched for the few articles the rare ones left (a round costs about what 30 KB
	 * do on a slow phone network, so cheap tokens share one). A token checked by its articles
	 * alone (its terms are that one token) reads its article list when that is cheaper. (Article
	 * lists as a first filter for tokens whose offsets are needed were tried: the round they add
	 * cost more than the bytes they saved, 941 → 1,128 ms at p95 on 30,000 pages.)
	 */
	private async matchWindow(
		window: FlatPostings,
		driver: TokenEntry,
		included: readonly UsedToken[][],
		excluded: readonly UsedToken[][],
		{
			positional,
			fetched,
			ahead,
			onCandidates
		}: {
			positional: Set<number>;
			fetched: Fetched;
			ahead: (() => Promise<unknown>) | null;
			onCandidates?: (articles: Uint32Array) => void;
		}
	): Promise<TermMatches> {
		const lists = new Map<number, FlatPostings>([[driver.key, window]]);
		const listOf = (key: number) => lists.get(key) ?? NO_POSTINGS;
		const held = (term: readonly UsedToken[]) => term.filter((t) => lists.has(t.key));
		let candidates = window.articles;
		// Excluded terms that can no longer occur in any candidate.
		const cleared = new Set<readonly UsedToken[]>();
		for (;;) {
			// Every included term, as far as its held tokens tell, and every excluded term whose
			// tokens are all held; counts are exact once nothing is pending.
			let result: TermMatches = {
				articles: candidates,
				counts: new Uint32Array(candidates.length)
			};
			for (const term of included) {
				const have = held(term);
				if (have.length > 0) result = intersect(result, matchTerm(have, listOf));
			}
			const risks = new Map<readonly UsedToken[], Uint32Array>();
			for (const term of excluded) {
				if (cleared.has(term)) continue;
				const have = held(term);
				const matches = have.length > 0 ? matchTerm(have, listOf) : null;
				if (have.length === term.length) {
					result = subtract(result, matches as TermMatches);
					cleared.add(term);
				} else risks.set(term, matches ? matches.articles : result.articles);
			}
			candidates = result.articles;
			// What each unchecked token is still needed for.
			const needs = new Map<number, { entry: TokenEntry; articles: Uint32Array }>();
			if (candidates.length > 0) {
				for (const term of included)
					for (const t of term)
						if (!lists.has(t.key)) needs.set(t.key, { entry: t.entry, articles: candidates });
				for (const [term, risk] of risks) {
					const atRisk = keepOnly(candidates, risk);
					if (atRisk.length === 0) {
						cleared.add(term);
						continue;
					}
					for (const t of term)
						if (!lists.has(t.key) && !needs.has(t.key))
							needs.set(t.key, { entry: t.entry, articles: atRisk });
				}
			}
			if (needs.size === 0) return result;
			const costed = [...needs.values()]
				.map(({ entry, articles }) => {
					const chunks = chunksHolding(entry.chunks, articles);
					const bytes = this.missingBytes(entry, chunks, 'postings');
					const offsets = {
						bytes,
						load: async () => lists.set(entry.key, await this.postings(entry, chunks, fetched))
					};
					if (entry.lists.length === 0 || bytes === 0 || positional.has(entry.key)) return offsets;
					// Checked by its articles alone: the article list, unless it costs more.
					const listChunks = chunksHolding(entry.lists, articles);
					const listBytes = this.missingBytes(entry, listChunks, 'lists');
					return listBytes <= bytes
						? {
								bytes: listBytes,
								load: async () =>
									lists.set(entry.key, await this.articleList(entry, listChunks, fetched))
							}
						: offsets;
				})
				.sort((a, b) => a.bytes - b.bytes);
			// Tokens whose chunks are held first (they cost no round and may narrow the rest); else the
			// cheapest and whatever fits beside it.
			let budget = Math.max(costed[0].bytes, ROUND_BYTES);
			const take =
				costed[0].bytes === 0
					? costed.filter((c) => c.bytes === 0)
					: costed.filter((c) => (budget -= c.bytes) >= 0);
			if (take.some((c) => c.bytes > 0)) onCandidates?.(candidates);
			await this.step(fetched, async () => {
				const early = ahead && take.some((c) => c.bytes > 0) ? ahead() : null;
				if (early) ahead = null;
				await Promise.all(take.map((c) => c.load()));
				await early;
			});
		}
	}

	/**
	 * Bytes of a token's postings chunks (chunk 0 comes with the shard) or article-list chunks
	 * that are not yet fetched.
	 */
	private missingBytes(
		entry: TokenEntry,
		chunks: readonly number[],
		kind: 'postings' | 'lists'
	): number {
		const [name, directory, first] =
			kind === 'lists' ? [indexArticlesName, entry.lists, 0] : [indexChunkName, entry.chunks, 1];
		let bytes = 0;
		for (const k of chunks)
			if (k >= first && !this.files.has(name(this.manifest.index, entry.key, k)))
				bytes += directory[k].length;
		return bytes;
	}
}

/** A token's chunks (postings or article lists) with where each starts among its articles. */
function chunkLayout(
	chunks: readonly PostingsChunk[],
	load: (chunks: number[]) => Promise<FlatPostings>
) {
	const starts = [0];
	for (const chunk of chunks) starts.push(starts[starts.length - 1] + chunk.articles);
	return {
		chunks,
		starts,
		load,
		/** The chunk holding the token's n-th article. */
		chunkAt(n: number): number {
			let k = 0;
			while (starts[k + 1] <= n) k++;
			return k;
		}
	};
}

/** The articles of `articles` (ascending) that `keep` (ascending) holds. */
function keepOnly(articles: Uint32Array, keep: Uint32Array): Uint32Array {
	const out: number[] = [];
	for (let i = 0, j = 0; i < articles.length; i++) {
		while (j < keep.length && keep[j] < articles[i]) j++;
		if (j < keep.length && keep[j] === articles[i]) out.push(articles[i]);
	}
	return out.length === articles.length ? articles : Uint32Array.from(out);
}

/** Articles `from` … `to - 1` of a list (views, not copies). */
function slicePostings(list: FlatPostings, from: number, to: number): FlatPostings {
	if (from === 0 && to === list.articles.length) return list;
	return {
		total: to - from,
		articles: list.articles.subarray(from, to),
		// Starts index the whole offsets array, so a view of them stays valid.
		starts: list.starts.subarray(from, to + 1),
		offsets: list.offsets
	};
}

/** The chunks (of postings or article lists) whose article range holds one of `articles` (ascending). */
function chunksHolding(chunks: readonly PostingsChunk[], articles: Uint32Array): number[] {
	const out: number[] = [];
	chunks.forEach((chunk, k) => {
		// The first article at or after the chunk's first.
		let lo = 0;
		let hi = articles.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (articles[mid] < chunk.first) lo = mid + 1;
			else hi = mid;
		}
		if (lo < articles.length && articles[lo] <= chunk.last) out.push(k);
	});
	return out;
}

/** Consecutive chunks' postings (ascending, disjoint article ranges) as one list. */
function joinPostings(parts: readonly FlatPostings[]): FlatPostings {
	if (parts.length === 1) return parts[0];
	if (parts.length === 0) return NO_POSTINGS;
	const articles = new Uint32Array(parts.reduce((sum, p) => sum + p.articles.length, 0));
	const starts = new Uint32Array(articles.length + 1);
	const offsets = new Uint32Array(parts.reduce((sum, p) => sum + p.offsets.length, 0));
	let a = 0;
	let o = 0;
	for (const p of parts) {
		articles.set(p.articles, a);
		offsets.set(p.offsets, o);
		for (let i = 1; i < p.starts.length; i++) starts[a + i] = o + p.starts[i];
		a += p.articles.length;
		o += p.offsets.length;
	}
	return { total: articles.length, articles, starts, offsets };
}

/** Articles (ascending) where a term occurs, with its occurrence counts. */
interface TermMatches {
	articles: Uint32Array;
	counts: Uint32Array;
}

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

/** A token a term is checked with, and its directory entry. */
interface UsedToken extends PlannedToken {
	entry: TokenEntry;
}

/** Every token of a normalised term: its unigram when it is one unit long, else every bigram. */
export function termTokens(term: string): PlannedToken[] {
	if (term.length === 1) return [{ key: unigramKey(term.charCodeAt(0)), at: 0 }];
	return Array.from({ length: term.length - 1 }, (_, i) => ({
		key: bigramKey(term.charCodeAt(i), term.charCodeAt(i + 1)),
		at: i
	}));
}

/**
 * The cheapest bigrams that together cover every character of a term (see the top of this
 * file): indices into `costs`, one cost per bigram in term order. Bigram i covers characters i
 * and i + 1, so the first and the last are always taken and no two taken ones lie more than
 * two apart.
 */
export function cheapestCover(costs: readonly number[]): number[] {
	const n = costs.length;
	if (n === 0) return [];
	// best[i]: the cheapest cover of characters 0 … i + 1 that takes bigram i; from[i] the one before.
	const best = new Float64Array(n);
	const from = new Int32Array(n).fill(-1);
	for (let i = 0; i < n; i++) {
		let before = 0;
		if (i >= 1) {
			from[i] = i >= 2 && best[i - 2] < best[i - 1] ? i - 2 : i - 1;
			before = best[from[i]];
		}
		best[i] = costs[i] + before;
	}
	const out: number[] = [];
	for (let i = n - 1; i >= 0; i = from[i]) out.unshift(i);
	return out;
}

/**
 * The tokens a term is checked with: the cover that costs the fewest articles to check, and
 * every token whose whole postings came with its shard (free, and a rare one narrows the
 * candidates before a frequent one is fetched).
 */
function usedForTerm(tokens: PlannedToken[], entryOf: (key: number) => TokenEntry): UsedToken[] {
	const used = tokens.map((t) => ({ ...t, entry: entryOf(t.key) }));
	const costs = used.map((t) => (t.entry.chunks.length <= 1 ? 0 : t.entry.total));
	const cover = new Set(cheapestCover(costs));
	return used.filter((_, i) => cover.has(i) || costs[i] === 0);
}

/** Articles where every planned token sits at its place relative to one start, with counts. */
function matchTerm(
	plan: readonly PlannedToken[],
	listOf: (key: number) => FlatPostings
): TermMatches {
	const lists = plan.map((token) => ({ at: token.at, postings: listOf(token.key) }));
	// Drive from the rarest token; walk the others (sorted by article) alongside.
	lists.sort((a, b) => a.postings.articles.length - b.postings.articles.length);
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
