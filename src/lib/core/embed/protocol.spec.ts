import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	EmbedError,
	FONT_SCALE_MAX,
	FONT_SCALE_MIN,
	MAX_PARENTS,
	MAX_QUERY_LENGTH,
	MAX_REQUEST_ID_LENGTH,
	errorResponse,
	isBanmianMessage,
	navigatedMessage,
	normaliseResult,
	okResponse,
	parseEmbedParams,
	parseHostMessage,
	parseOrigin,
	progressMessage,
	readyMessage,
	resizeMessage,
	type HostMessage
} from './protocol';

describe('parseHostMessage accepts the four requests', () => {
	it('open, with and without an article', () => {
		expect(parseHostMessage({ type: 'banmian:open', id: '1', doc: 'd1' })).toEqual({
			type: 'banmian:open',
			id: '1',
			doc: 'd1'
		});
		expect(parseHostMessage({ type: 'banmian:open', id: '1', doc: 'd1', article: 'a2' })).toEqual({
			type: 'banmian:open',
			id: '1',
			doc: 'd1',
			article: 'a2'
		});
		// null on the wire means "no article", like `navigated` reports it
		expect(parseHostMessage({ type: 'banmian:open', id: '1', doc: 'd1', article: null })).toEqual({
			type: 'banmian:open',
			id: '1',
			doc: 'd1'
		});
	});

	it('search, state and settings', () => {
		expect(parseHostMessage({ type: 'banmian:search', id: 'x', query: '太行' })).toEqual({
			type: 'banmian:search',
			id: 'x',
			query: '太行'
		});
		expect(
			parseHostMessage({ type: 'banmian:search', id: 'x', query: '太行', blocks: true })
		).toEqual({ type: 'banmian:search', id: 'x', query: '太行', blocks: true });
		expect(parseHostMessage({ type: 'banmian:state', id: 'x' })).toEqual({
			type: 'banmian:state',
			id: 'x'
		});
		expect(
			parseHostMessage({
				type: 'banmian:settings',
				id: 'x',
				settings: { theme: 'sepia', fontScale: 1.25, writing: 'vertical' }
			})
		).toEqual({
			type: 'banmian:settings',
			id: 'x',
			settings: { theme: 'sepia', fontScale: 1.25, writing: 'vertical' }
		});
		expect(
			parseHostMessage({ type: 'banmian:settings', id: 'x', settings: { theme: 'dark' } })
		).toEqual({ type: 'banmian:settings', id: 'x', settings: { theme: 'dark' } });
	});

	it('drops unknown extra fields instead of passing them on', () => {
		const parsed = parseHostMessage({
			type: 'banmian:settings',
			id: 'x',
			extra: { evil: true },
			settings: { theme: 'light', colour: 'red' }
		});
		expect(parsed).toEqual({ type: 'banmian:settings', id: 'x', settings: { theme: 'light' } });
	});

	it('accepts the bounds of fontScale and of the string caps', () => {
		for (const fontScale of [FONT_SCALE_MIN, FONT_SCALE_MAX]) {
			expect(
				parseHostMessage({ type: 'banmian:settings', id: 'x', settings: { fontScale } })
			).not.toBeNull();
		}
		expect(
			parseHostMessage({ type: 'banmian:state', id: 'i'.repeat(MAX_REQUEST_ID_LENGTH) })
		).not.toBeNull();
		expect(
			parseHostMessage({ type: 'banmian:search', id: 'x', query: 'q'.repeat(MAX_QUERY_LENGTH) })
		).not.toBeNull();
	});
});

describe('parseHostMessage rejects everything else', () => {
	class Request {
		type = 'banmian:state';
		id = '1';
	}
	const getter = Object.defineProperty({ id: '1' }, 'type', {
		enumerable: true,
		get: () => 'banmian:state'
	});
	const throwing = Object.defineProperty({ id: '1' }, 'type', {
		enumerable: true,
		get: () => {
			throw new Error('boom');
		}
	});
	const inherited = Object.assign(Object.create({ type: 'banmian:state' }), { id: '1' });
	const cases: [string, unknown][] = [
		['null', null],
		['a string', 'banmian:state'],
		['an array', [{ type: 'banmian:state', id: '1' }]],
		['a class instance', new Request()],
		['a getter', getter],
		['a throwing getter', throwing],
		['an inherited type', inherited],
		['no id', { type: 'banmian:state' }],
		['an empty id', { type: 'banmian:state', id: '' }],
		['a numeric id', { type: 'banmian:state', id: 1 }],
		['a long id', { type: 'banmian:state', id: 'i'.repeat(MAX_REQUEST_ID_LENGTH + 1) }],
		['another prefix', { type: 'other:state', id: '1' }],
		['an unknown banmian type', { type: 'banmian:ready', id: '1' }],
		['a response sent back', { type: 'banmian:response', id: '1', ok: true }],
		['open without doc', { type: 'banmian:open', id: '1' }],
		['open with an empty doc', { type: 'banmian:open', id: '1', doc: '' }],
		['open with a numeric article', { type: 'banmian:open', id: '1', doc: 'd', article: 3 }],
		['search without query', { type: 'banmian:search', id: '1' }],
		['search with a long query', { type: 'banmian:search', id: '1', query: 'q'.repeat(501) }],
		[
			'search with blocks not a boolean',
			{ type: 'banmian:search', id: '1', query: 'q', blocks: 1 }
		],
		['settings without settings', { type: 'banmian:settings', id: '1' }],
		['settings as an array', { type: 'banmian:settings', id: '1', settings: [] }],
		['an unknown theme', { type: 'banmian:settings', id: '1', settings: { theme: 'neon' } }],
		['a string fontScale', { type: 'banmian:settings', id: '1', settings: { fontScale: '1' } }],
		['a NaN fontScale', { type: 'banmian:settings', id: '1', settings: { fontScale: NaN } }],
		['a huge fontScale', { type: 'banmian:settings', id: '1', settings: { fontScale: 40 } }],
		['a tiny fontScale', { type: 'banmian:settings', id: '1', settings: { fontScale: 0.5 } }],
		['an unknown writing', { type: 'banmian:settings', id: '1', settings: { writing: 'diag' } }]
	];
	it.each(cases)('%s', (_name, data) => {
		expect(parseHostMessage(data)).toBeNull();
	});

	it('even when a valid theme comes with an invalid fontScale', () => {
		expect(
			parseHostMessage({
				type: 'banmian:settings',
				id: '1',
				settings: { theme: 'dark', fontScale: Infinity }
			})
		).toBeNull();
	});
});

describe('validators on arbitrary input', () => {
	const messageLike = fc.record(
		{
			type: fc.oneof(
				fc.constantFrom(
					'banmian:open',
					'banmian:search',
					'banmian:settings',
					'banmian:state',
					'banmian:x'
				),
				fc.anything()
			),
			id: fc.oneof(fc.string(), fc.anything()),
			doc: fc.anything(),
			article: fc.anything(),
			query: fc.anything(),
			settings: fc.oneof(
				fc.record(
					{ theme: fc.anything(), fontScale: fc.anything(), writing: fc.anything() },
					{ requiredKeys: [] }
				),
				fc.anything()
			)
		},
		{ requiredKeys: [] }
	);

	it('never throw, and what they accept parses to itself', () => {
		fc.assert(
			fc.property(fc.oneof(fc.anything(), messageLike), (data) => {
				const parsed = parseHostMessage(data);
				isBanmianMessage(data);
				if (parsed !== null) {
					expect(parsed.type.startsWith('banmian:')).toBe(true);
					expect(parseHostMessage(structuredClone(parsed))).toEqual(parsed);
				}
			}),
			{ numRuns: 2000 }
		);
	});

	it('accept every well-formed request, after a structured clone as postMessage does', () => {
		const id = fc.string({ minLength: 1, maxLength: MAX_REQUEST_ID_LENGTH });
		const ref = fc.string({ minLength: 1, maxLength: 200 });
		const request: fc.Arbitrary<HostMessage> = fc.oneof(
			fc.record({ type: fc.constant('banmian:open' as const), id, doc: ref }),
			fc.record({ type: fc.constant('banmian:open' as const), id, doc: ref, article: ref }),
			fc.record({
				type: fc.constant('banmian:search' as const),
				id,
				query: fc.string({ maxLength: MAX_QUERY_LENGTH })
			}),
			fc.record({ type: fc.constant('banmian:state' as const), id }),
			fc.record({
				type: fc.constant('banmian:settings' as const),
				id,
				settings: fc.record(
					{
						theme: fc.constantFrom(
							'light' as const,
							'sepia' as const,
							'dark' as const,
							'system' as const
						),
						fontScale: fc.double({ min: FONT_SCALE_MIN, max: FONT_SCALE_MAX, noNaN: true }),
						writing: fc.constantFrom('horizontal' as const, 'vertical' as const)
					},
					{ requiredKeys: [] }
				)
			})
		);
		fc.assert(
			fc.property(request, (message) => {
				expect(parseHostMessage(structuredClone(message))).toEqual(message);
			})
		);
	});
});

describe('isBanmianMessage', () => {
	it('recognises the prefix only', () => {
		expect(isBanmianMessage({ type: 'banmian:anything' })).toBe(true);
		expect(isBanmianMessage({ type: 'webpackOk' })).toBe(false);
		expect(isBanmianMessage('banmian:ready')).toBe(false);
		expect(isBanmianMessage(undefined)).toBe(false);
	});
});

describe('builders', () => {
	it('ready copies only ids and titles, so whole documents never reach the host', () => {
		const doc = {
			id: 'd1',
			title: '第1版',
			paragraphs: ['secret'],
			articles: [{ id: 'a1', title: '标题', paragraphs: ['body'] }]
		};
		const message = readyMessage([doc]);
		expect(message).toEqual({
			type: 'banmian:ready',
			version: 1,
			documents: [{ id: 'd1', title: '第1版', articles: [{ id: 'a1', title: '标题' }] }]
		});
		expect(structuredClone(message)).toEqual(message);
	});

	it('resize posts a non-negative integer height', () => {
		expect(resizeMessage(480.2)).toEqual({ type: 'banmian:resize', height: 481 });
		expect(resizeMessage(-3).height).toBe(0);
		expect(resizeMessage(NaN).height).toBe(0);
	});

	it('progress clamps the fraction to 0…1', () => {
		expect(progressMessage('d', 'a', 0.5)).toEqual({
			type: 'banmian:progress',
			doc: 'd',
			article: 'a',
			fraction: 0.5
		});
		expect(progressMessage('d', null, 1.7).fraction).toBe(1);
		expect(progressMessage('d', null, -1).fraction).toBe(0);
		expect(progressMessage('d', null, NaN).fraction).toBe(0);
	});

	it('navigated keeps a null article', () => {
		expect(navigatedMessage('d', null, 'T')).toEqual({
			type: 'banmian:navigated',
			doc: 'd',
			article: null,
			title: 'T'
		});
	});

	it('responses echo the id', () => {
		expect(okResponse('7', { a: 1 })).toEqual({
			type: 'banmian:response',
			id: '7',
			ok: true,
			result: { a: 1 }
		});
		expect(errorResponse('7', 'unknown-doc', 'No page x')).toEqual({
			type: 'banmian:response',
			id: '7',
			ok: false,
			error: { code: 'unknown-doc', message: 'No page x' }
		});
	});

	it('normaliseResult trims search hits to the protocol fields', () => {
		const result = normaliseResult('banmian:search', {
			total: 3,
			hits: [
				{ doc: 'd', article: 'a', title: 't', snippet: 's', score: 9 } as never,
				// a reader of an older minor revision sends no `block`: it reads as null
				{ doc: 'd', article: null, title: 't2', snippet: '' } as never
			]
		});
		expect(result).toEqual({
			total: 3,
			hits: [
				{ doc: 'd', article: 'a', title: 't', snippet: 's', block: null },
				{ doc: 'd', article: null, title: 't2', snippet: '', block: null }
			]
		});
	});

	it('EmbedError carries its code', () => {
		const e = new EmbedError('unknown-article', 'No article a9 on page d1');
		expect(e).toBeInstanceOf(Error);
		expect(e.code).toBe('unknown-article');
		expect(e.message).toBe('No article a9 on page d1');
	});
});

describe('parseOrigin', () => {
	it('accepts a bare origin written as the browser writes it, with or without one trailing /', () => {
		expect(parseOrigin('https://news.example')).toBe('https://news.example');
		expect(parseOrigin('https://news.example/')).toBe('https://news.example');
		expect(parseOrigin('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
		expect(parseOrigin('https://news.example:8443')).toBe('https://news.example:8443');
		expect(parseOrigin('http://[::1]:8080')).toBe('http://[::1]:8080');
		expect(parseOrigin('https://xn--4ruw83d.example')).toBe('https://xn--4ruw83d.example');
	});

	it.each([
		'*',
		'null',
		'',
		'news.example',
		'//news.example',
		'https://news.example/path',
		'https://news.example/?q=1',
		'https://news.example?q=1',
		'https://news.example#x',
		'https://news.example/#',
		'https://news.example//',
		'https://user:pw@news.example',
		'https://@news.example',
		' https://news.example',
		'https://news.example ',
		'ftp://news.example',
		'file:///etc/passwd',
		'javascript:alert(1)',
		'data:text/html,x',
		'blob:https://news.example/x',
		'https://',
		'https://' + 'a'.repeat(300) + '.example',
		// The URL parser resolves, repairs or strips these; the allow-list must not.
		'https://news.example/..',
		'https://news.example/.',
		'https://news.example/%2e%2e',
		'https:news.example',
		'https:/news.example',
		'https:///news.example',
		'https:\\\\news.example',
		'https://news.example\\',
		'https://ev\nil.com',
		'https://ev\til.com',
		'https://ev\ril.com',
		'https://news.example\n',
		'\thttps://news.example',
		'https://news .example',
		// Not the browser's own spelling of the origin: written differently, it is refused.
		'HTTPS://news.example',
		'https://News.Example',
		'https://news.example:443',
		'http://localhost:80',
		'https://报纸.example',
		'http://0x7f.1',
		'http://127.1'
	])('rejects %j', (input) => {
		expect(parseOrigin(input)).toBeNull();
	});

	it('returns only values it would accept again unchanged', () => {
		fc.assert(
			fc.property(fc.webUrl(), fc.string(), (url, noise) => {
				for (const input of [url, url + noise, noise + url]) {
					const origin = parseOrigin(input);
					if (origin !== null) {
						expect(input === origin || input === origin + '/').toBe(true);
						expect(parseOrigin(origin)).toBe(origin);
					}
				}
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('parseEmbedParams', () => {
	it('reads every parameter', () => {
		const p = parseEmbedParams(
			'?embed=1&parent=https%3A%2F%2Fnews.example&parent=http://127.0.0.1:8080/&doc=000_8d483b34ee5996a6&article=a-3&theme=dark&fontScale=1.25&writing=vertical'
		);
		expect(p).toEqual({
			embed: true,
			parents: ['https://news.example', 'http://127.0.0.1:8080'],
			doc: '000_8d483b34ee5996a6',
			article: 'a-3',
			settings: { theme: 'dark', fontScale: 1.25, writing: 'vertical' }
		});
	});

	it('is not embed mode without embed=1', () => {
		expect(parseEmbedParams('').embed).toBe(false);
		expect(parseEmbedParams('?embed=0').embed).toBe(false);
		expect(parseEmbedParams('?embed=true').embed).toBe(false);
		expect(parseEmbedParams('embed=1').embed).toBe(true);
	});

	it('drops invalid and repeated parents, keeps the valid ones', () => {
		const p = parseEmbedParams(
			'?embed=1&parent=*&parent=null&parent=https://a.example/x&parent=https://b.example&parent=https://b.example/&parent=HTTPS://C.EXAMPLE:443&parent=javascript:alert(1)'
		);
		expect(p.parents).toEqual(['https://b.example']);
	});

	it('caps the number of parents', () => {
		const many = Array.from({ length: 20 }, (_, i) => `parent=https://h${i}.example`).join('&');
		expect(parseEmbedParams('?embed=1&' + many).parents).toHaveLength(MAX_PARENTS);
	});

	it('drops ids that are not URL-safe or too long, and an article without a doc', () => {
		expect(parseEmbedParams('?doc=a/b&article=x').doc).toBeNull();
		expect(parseEmbedParams('?doc=a/b&article=x').article).toBeNull();
		expect(parseEmbedParams('?doc=%3Cscript%3E').doc).toBeNull();
		expect(parseEmbedParams('?doc=' + 'd'.repeat(201)).doc).toBeNull();
		expect(parseEmbedParams('?article=a1').article).toBeNull();
		expect(parseEmbedParams('?doc=d1&article=a%20b')).toMatchObject({ doc: 'd1', article: null });
	});

	it('keeps only allowed settings values, each on its own', () => {
		expect(parseEmbedParams('?theme=neon&fontScale=1.5&writing=vertical').settings).toEqual({
			fontScale: 1.5,
			writing: 'vertical'
		});
		for (const bad of ['3', '0.5', 'NaN', 'Infinity', '1e0', '', '-1', '0x1']) {
			expect(parseEmbedParams('?fontScale=' + bad).settings).toEqual({});
		}
		expect(parseEmbedParams('?theme=system').settings).toEqual({ theme: 'system' });
	});

	it('takes the first of a repeated single-valued parameter', () => {
		expect(parseEmbedParams('?doc=first&doc=second').doc).toBe('first');
	});

	it('survives malformed percent-encoding', () => {
		const p = parseEmbedParams('?embed=1&doc=%E0%A4%A&parent=https://ok.example&%zz=1');
		expect(p).toMatchObject({ embed: true, doc: null, parents: ['https://ok.example'] });
	});

	it('never throws, and only returns valid parents and ids', () => {
		const chunk = fc.oneof(
			fc.string(),
			fc.constantFrom('parent=', 'doc=', 'article=', 'embed=1', '&', '=', '%', '%25', 'https://')
		);
		fc.assert(
			fc.property(fc.array(chunk, { maxLength: 12 }), (parts) => {
				const p = parseEmbedParams(parts.join(''));
				for (const origin of p.parents) expect(parseOrigin(origin)).toBe(origin);
				for (const id of [p.doc, p.article]) {
					if (id !== null) expect(id).toMatch(/^[A-Za-z0-9._~-]{1,200}$/);
				}
				if (p.article !== null) expect(p.doc).not.toBeNull();
			}),
			{ numRuns: 2000 }
		);
	});
});
