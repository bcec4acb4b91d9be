import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArchiveUnavailable, cachedArchiveFiles, fetchArchiveFile } from './archive';

// Archive files over a stubbed network and Cache Storage: content-named files come from the
// copy on the device without asking the server; the manifest is asked every time and read from
// the copy only when the server cannot be reached.
const BASE = 'https://news.example/archive/';
let server: Map<string, string>;
let online: boolean;
let asked: string[];
let stored: Map<string, Response>;

beforeEach(() => {
	server = new Map([
		['manifest.json', '{"v":1}'],
		['catalog-aa.json', '{"pages":[]}'],
		['index-bb.bin', 'xyz']
	]);
	online = true;
	asked = [];
	stored = new Map();
	vi.stubGlobal('fetch', async (url: string) => {
		asked.push(String(url).slice(BASE.length));
		if (!online) throw new TypeError('Failed to fetch');
		const body = server.get(String(url).slice(BASE.length));
		return body ? new Response(body) : new Response('', { status: 404 });
	});
	const cache = {
		match: async (url: string) => stored.get(url)?.clone(),
		put: async (url: string, response: Response) => void stored.set(url, response),
		keys: async () => [...stored.keys()].map((url) => ({ url }))
	};
	vi.stubGlobal('caches', { open: async () => cache });
});

afterEach(() => vi.unstubAllGlobals());

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('fetchArchiveFile', () => {
	it('fetches a content-named file once and reads it from the device after', async () => {
		expect(text(await fetchArchiveFile(BASE, 'catalog-aa.json'))).toBe('{"pages":[]}');
		online = false;
		expect(text(await fetchArchiveFile(BASE, 'catalog-aa.json'))).toBe('{"pages":[]}');
		expect(asked).toEqual(['catalog-aa.json']);
		expect([...(await cachedArchiveFiles(BASE))]).toEqual(['catalog-aa.json']);
	});

	it('asks for the manifest every time, and offline reads the copy on the device', async () => {
		await fetchArchiveFile(BASE, 'manifest.json');
		server.set('manifest.json', '{"v":2}');
		expect(text(await fetchArchiveFile(BASE, 'manifest.json'))).toBe('{"v":2}');
		online = false;
		expect(text(await fetchArchiveFile(BASE, 'manifest.json'))).toBe('{"v":2}');
		expect(asked).toEqual(['manifest.json', 'manifest.json', 'manifest.json']);
	});

	it('leaves out of the cache what the caller keeps elsewhere, and says when a file cannot be had', async () => {
		await fetchArchiveFile(BASE, 'index-bb.bin', { keep: false });
		expect(stored.size).toBe(0);
		online = false;
		await expect(fetchArchiveFile(BASE, 'index-bb.bin')).rejects.toBeInstanceOf(ArchiveUnavailable);
		online = true;
		await expect(fetchArchiveFile(BASE, 'page-cc.txt')).rejects.toThrow('HTTP 404');
	});
});
