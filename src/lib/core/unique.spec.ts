import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeByKey } from './unique';

const page = (id: string, text: string) => ({ id, text });
const byId = (p: { id: string }) => p.id;

describe('mergeByKey', () => {
	it('appends new pages and lets a page arriving again replace the listed one in place', () => {
		const listed = [page('a', 'a1'), page('b', 'b1')];
		expect(mergeByKey(listed, [page('c', 'c1'), page('a', 'a2')], byId)).toEqual([
			page('a', 'a2'),
			page('b', 'b1'),
			page('c', 'c1')
		]);
		expect(listed).toEqual([page('a', 'a1'), page('b', 'b1')]);
	});

	it('lists two bundled files with one id (foo.txt and foo.md) once, as the worker keeps the later', () => {
		expect(mergeByKey([], [page('foo', 'md'), page('foo', 'txt')], byId)).toEqual([
			page('foo', 'txt')
		]);
	});

	it('holds each key once and every key of its input, whatever arrives', () => {
		const pages = fc.array(
			fc.record({ id: fc.constantFrom('a', 'b', 'c', 'a/b', ''), text: fc.string() })
		);
		fc.assert(
			fc.property(pages, pages, (list, arrivals) => {
				const merged = mergeByKey(list, arrivals, byId);
				const ids = merged.map(byId);
				expect(new Set(ids).size).toBe(ids.length);
				expect(new Set(ids)).toEqual(new Set([...list, ...arrivals].map(byId)));
				for (const p of merged) {
					// The last page given with its id is the one listed.
					expect(p).toBe([...list, ...arrivals].findLast((q) => q.id === p.id));
				}
			})
		);
	});
});
