import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchHit } from '../core/search/types';
import type { SearchAnswer, SearchRequest } from '../worker/types';

// The search state against a worker whose answers the test hands out one by one, in any order.
interface Call {
	query: string;
	options: SearchRequest;
	answer: (answer: SearchAnswer) => void;
}
const calls: Call[] = [];

vi.mock('../worker/client', () => ({
	workerClient: {
		buildIndex: async () => ({ indexed: 0, total: 0, ready: true, restored: false }),
		searchFacets: async () => ({ papers: [], pages: [], reporters: [], dates: [] }),
		search: (query: string, options: SearchRequest) =>
			new Promise<SearchAnswer>((answer) => calls.push({ query, options, answer }))
	}
}));
vi.mock('./library.svelte', () => ({ library: { load: async () => {}, documents: [] } }));

const { SearchState } = await import('./search.svelte');

const hits = (from: number, count: number) =>
	Array.from(
		{ length: count },
		(_, i) => ({ docId: `p${from + i}`, articleId: 'a1' }) as unknown as SearchHit
	);

/** The next call the state makes, once it has made it. */
async function nextCall(): Promise<Call> {
	await vi.waitFor(() => expect(calls.length).toBeGreaterThan(0));
	return calls.shift()!;
}

beforeEach(() => {
	calls.length = 0;
});

describe('SearchState: first hits before the exact total', () => {
	it('shows the first hits with a lower bound, then the exact total counted after', async () => {
		const search = new SearchState();
		const done = search.run('汾河公园');
		const first = await nextCall();
		expect(first.options).toMatchObject({ offset: 0, limit: 10, exactTotal: false });
		first.answer({ hits: hits(0, 10), total: 12, totalExact: false });
		await done;
		expect(search.hits).toHaveLength(10);
		expect({ total: search.total, exact: search.totalExact }).toEqual({ total: 12, exact: false });
		expect(search.counting).toBe(true);
		expect(search.hasMore).toBe(true);
		// the count is asked for only now, after the hits are shown
		const count = await nextCall();
		expect(count.options).toMatchObject({ limit: 0, exactTotal: true });
		count.answer({ hits: [], total: 50, totalExact: true });
		await vi.waitFor(() => expect(search.totalExact).toBe(true));
		expect(search.total).toBe(50);
		expect(search.counting).toBe(false);
	});

	it('asks for no count when the first answer is exact already', async () => {
		const search = new SearchState();
		const done = search.run('汾河');
		(await nextCall()).answer({ hits: hits(0, 4), total: 4, totalExact: true });
		await done;
		expect({ total: search.total, exact: search.totalExact }).toEqual({ total: 4, exact: true });
		expect(search.counting).toBe(false);
		expect(search.hasMore).toBe(false);
		expect(calls).toEqual([]);
	});

	it('never shows the count of a search typed over', async () => {
		const search = new SearchState();
		const older = search.run('汾河公');
		(await nextCall()).answer({ hits: hits(0, 10), total: 10, totalExact: false });
		await older;
		const olderCount = await nextCall();
		const newer = search.run('汾河公园');
		(await nextCall()).answer({ hits: hits(0, 3), total: 3, totalExact: true });
		await newer;
		olderCount.answer({ hits: [], total: 99, totalExact: true });
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect({ total: search.total, exact: search.totalExact }).toEqual({ total: 3, exact: true });
		expect(search.query).toBe('汾河公园');
	});

	it('pages on from whether more hits exist, and a later lower bound never hides the exact total', async () => {
		const search = new SearchState();
		const done = search.run('本报记者');
		(await nextCall()).answer({ hits: hits(0, 10), total: 10, totalExact: false });
		await done;
		const count = await nextCall();
		// ten shown, ten found so far: 更多 is offered though the bound says ten
		expect(search.hasMore).toBe(true);
		const more = search.more();
		const page = await nextCall();
		expect(page.options).toMatchObject({ offset: 10, limit: 10, exactTotal: false });
		count.answer({ hits: [], total: 26, totalExact: true });
		await vi.waitFor(() => expect(search.total).toBe(26));
		page.answer({ hits: hits(10, 10), total: 20, totalExact: false });
		await more;
		expect(search.hits).toHaveLength(20);
		expect({ total: search.total, exact: search.totalExact }).toEqual({ total: 26, exact: true });
		expect(search.hasMore).toBe(true);
	});

	it('keeps the lower bound, said as one, when counting fails', async () => {
		const search = new SearchState();
		const done = search.run('本报记者');
		(await nextCall()).answer({ hits: hits(0, 10), total: 10, totalExact: false });
		await done;
		// went offline meanwhile: only the device's pages were counted, not this list's total
		(await nextCall()).answer({ hits: [], total: 2, totalExact: true, offlinePages: 1 });
		await vi.waitFor(() => expect(search.counting).toBe(false));
		expect({ total: search.total, exact: search.totalExact }).toEqual({ total: 10, exact: false });
	});
});
