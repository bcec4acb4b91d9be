import { describe, expect, it } from 'vitest';
import { paragraphInHash } from './core/library/cite';
import { links, readableHash } from './links';

describe('readableHash', () => {
	it('leaves every link the app makes as it is', () => {
		for (const hash of [
			'#/',
			links.article('000_8d483b34ee5996a6', 'a1b2', '台风 "路径"'),
			links.search('50% 的人'),
			links.page('imp-0a0b0c0d0e0f12'),
			links.paragraph('000_8d483b34ee5996a6', 'a1b2', 6),
			links.issues('青川日报', '2023-04-12')
		])
			expect(readableHash(hash), hash).toBeNull();
	});

	it('takes a malformed or control-character segment literally, so the router can decode it', () => {
		expect(readableHash('#/doc/%E0%A4%A')).toBe('#/doc/%25E0%25A4%25A');
		expect(readableHash('#/doc/%0A/x')).toBe('#/doc/%250A/x');
		expect(readableHash('#/doc/d/%ZZ')).toBe('#/doc/d/%25ZZ');
		for (const hash of ['#/doc/%E0%A4%A', '#/doc/%0A/x', '#/search/%'])
			expect(() => decodeURIComponent(readableHash(hash)!)).not.toThrow();
	});
});

describe('links.paragraph', () => {
	it('names the paragraph after the article route, read back by the article view', () => {
		const hash = links.paragraph('000_8d483b34ee5996a6', 'a1b2', 6);
		expect(hash).toBe('#/doc/000_8d483b34ee5996a6/a1b2#p7');
		expect(paragraphInHash(hash)).toBe(6);
		// a query's own `#` is escaped, so it is never taken for the anchor
		expect(paragraphInHash(links.article('d', 'a', '#p3'))).toBeNull();
	});
});
