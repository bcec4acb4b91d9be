import { describe, expect, it } from 'vitest';
import { parsePage } from '../parse/index';
import {
	articleView,
	escapeHtml,
	isStaticPathSafe,
	pageView,
	staticHtml,
	staticPaths
} from './static-page';

// The shape of the index.html SvelteKit writes for this app (hash router, relative paths).
const INDEX = `<!doctype html>
<html lang="zh-CN">
	<head>
		<meta charset="utf-8" />
		<meta name="description" content="版面 Banmian — 报纸版面阅读器" />
		<title>版面 Banmian</title>
		<link href="./_app/immutable/entry/start.AAA.js" rel="modulepreload">
		<link href="./_app/immutable/chunks/BBB.js" rel="modulepreload">
		<link href="./_app/immutable/assets/0.CCC.css" rel="stylesheet">
	</head>
	<body data-sveltekit-preload-data="hover">
		<div style="display: contents">
			<script>
				{
					__sveltekit_abc123 = {
						base: new URL('.', location).pathname.slice(0, -1)
					};

					const element = document.currentScript.parentElement;

					Promise.all([
						import("./_app/immutable/entry/start.AAA.js"),
						import("./_app/immutable/entry/app.DDD.js")
					]).then(([kit, app]) => {
						kit.start(app, element);
					});
				}
			</script>
		</div>
	</body>
</html>
`;

const TEXT = `# 汾河两岸<春>来早
本报讯 “a & b” 河边的柳树发芽了，游人多了起来。
第二段写的是晚上的河景。
`;
const doc = parsePage(TEXT, 'river.txt');
const article = doc.articles[0];

describe('static page and article views', () => {
	it('escapes text so parsed text never becomes markup', () => {
		expect(escapeHtml(`<b class="x">'&'</b>`)).toBe(
			'&lt;b class=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;'
		);
	});

	it('writes files only for ids that are safe as folder names and URL segments', () => {
		expect(isStaticPathSafe('000_8d483b34ee5996a6')).toBe(true);
		expect(isStaticPathSafe('a1b2~c.d-e')).toBe(true);
		for (const bad of ['', '..', '.', 'a/b', 'a b', '%2e', 'x'.repeat(201)])
			expect(isStaticPathSafe(bad)).toBe(false);
		expect(staticPaths.article('d', 'a')).toBe('doc/d/a/');
	});

	it('puts the article text in the HTML before the boot script, escaped', () => {
		const html = staticHtml(INDEX, 'body{margin:0}', articleView(doc, article));
		const boot = html.indexOf('<script>\n');
		const beforeBoot = html.slice(0, boot);
		expect(beforeBoot).toContain('<h1 id="article-title">汾河两岸&lt;春&gt;来早</h1>');
		for (const paragraph of article.paragraphs)
			expect(beforeBoot).toContain(`>${escapeHtml(paragraph)}</p>`);
		expect(html).not.toContain('<春>');
		expect(html).toContain('<title>汾河两岸&lt;春&gt;来早 · 版面</title>');
	});

	it('resolves the app’s relative URLs from the root and inlines the layout CSS', () => {
		const html = staticHtml(INDEX, 'body{margin:0}', articleView(doc, article));
		expect(html).toContain('<base href="../../../" />');
		// Before anything with a relative URL, right after the charset.
		expect(html.indexOf('<base')).toBeLessThan(html.indexOf('<title>'));
		expect(html).toContain('<style>body{margin:0}');
		expect(html).not.toContain('rel="stylesheet"');
		// No module is requested before the text has painted; the boot adds them itself.
		expect(html).not.toContain('rel="modulepreload">');
		expect(html).toContain('"./_app/immutable/chunks/BBB.js"');
		expect(html).toContain('import("./_app/immutable/entry/app.DDD.js")');
		expect(html).toContain('__sveltekit_abc123 = {');
		expect(html).toContain(`"./#/doc/${doc.id}/${article.id}"`);
	});

	it('lists a page’s articles as links to their own files', () => {
		const html = staticHtml(INDEX, '', pageView(doc));
		expect(html).toContain('<base href="../../" />');
		expect(html).toContain(`href="./doc/${doc.id}/${article.id}/"`);
		expect(html).toContain(`"./#/doc/${doc.id}"`);
	});

	it('refuses an index.html whose boot script it does not know', () => {
		expect(() => staticHtml('<html></html>', '', pageView(doc))).toThrow(/boot script/);
	});
});
