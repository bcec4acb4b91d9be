/**
 * Static HTML for every bundled page and article, written at build time (scripts/prerender.ts)
 * from the same parser the app uses: a deep link's text arrives with the page, readable before
 * (and without) any JavaScript. Each file then starts the app on the matching hash route, which
 * replaces the static view once it has rendered its own.
 *
 * The markup mirrors the app's views (masthead, crumbs, the article's heading group, byline and
 * `[data-paragraph]` paragraphs) with the layout's own global CSS inlined and the scoped rules it
 * needs copied below, so the swap does not move what the reader is looking at.
 */
import type { Article, ParsedDocument } from '../parse/types';
import { articleHeading } from '../parse/title';
import { pageLabel } from '../library/label';

/** Text as HTML text or attribute value; parsed text is never markup. */
export function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

/** Ids that can be a folder name and a URL path segment unchanged. */
export function isStaticPathSafe(id: string): boolean {
	return /^[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,199}$/.test(id) && !/^\.+$/.test(id);
}

/** Where a page's and an article's static files live, relative to the app's root, with `/`. */
export const staticPaths = {
	page: (doc: string) => `doc/${doc}/`,
	article: (doc: string, article: string) => `doc/${doc}/${article}/`
};

/** The static view's own rules: the scoped styles of the views it mirrors, unscoped. */
const STATIC_CSS = `
html.prerendered .app{display:none}
#prerendered .masthead{border-bottom:1px solid var(--rule);background:var(--surface);position:sticky;top:0;z-index:10}
#prerendered .masthead nav{display:flex;gap:.25rem 1rem;align-items:center;min-height:48px;flex-wrap:wrap}
#prerendered .masthead nav a{text-decoration:none;padding:.6rem .2rem}
#prerendered .brand{font-family:var(--font-serif);font-weight:700;font-size:1.25rem;margin-right:.5rem;color:var(--ink)}
#prerendered .crumbs{margin:.75rem 0}
#prerendered .tools{display:flex;gap:.5rem;justify-content:flex-end;font-size:.9rem}
#prerendered .reader{max-width:36em;margin:0 auto;padding:0 1rem 1rem;font-family:var(--font-serif);font-size:17px;line-height:1.8;text-align:justify;text-justify:inter-character;hanging-punctuation:allow-end}
#prerendered .heading-group h1{font-size:1.45em;line-height:1.35;margin:.2em 0;text-wrap:balance;text-align:start}
#prerendered .kicker,#prerendered .subtitle{margin:.2em 0;color:var(--muted);font-size:.95em}
#prerendered .column{margin:0 0 .3em;color:var(--muted);font-family:var(--font-sans);font-size:.8em}
#prerendered .byline{display:flex;flex-wrap:wrap;gap:.2em .9em;margin:.3em 0 .8em;color:var(--muted);font-size:.9rem}
#prerendered .body p{margin:0 0 .8em;text-indent:2em}
#prerendered .body>:nth-child(n+4){content-visibility:auto;contain-intrinsic-size:auto 12em}
#prerendered .body .subhead{margin:1.2em 0 .6em;font-size:1.05em;font-weight:700}
#prerendered .caption{margin:1em 0;padding:.5em .8em;border-inline-start:3px solid var(--rule);font-family:var(--font-sans);font-size:.85em;color:var(--muted)}
#prerendered .jump{font-size:.9em;text-indent:0}
#prerendered .articles{list-style:none;padding:0}
#prerendered .articles li{padding:.5rem 0;border-bottom:1px solid var(--rule)}
`;

function masthead(): string {
	return `<header class="masthead"><nav class="wrap" aria-label="主导航"><a class="brand" href="./#/">版面</a><a href="./#/search">搜索</a><a href="./#/notes">笔记</a><a href="./#/settings">设置</a></nav></header>`;
}

function byline(article: Article): string {
	const parts: string[] = [];
	if (article.agency) parts.push(`<span>${escapeHtml(article.agency)}</span>`);
	if (article.reporters.length)
		parts.push(`<span>记者 ${escapeHtml(article.reporters.join('、'))}</span>`);
	if (article.correspondents.length)
		parts.push(`<span>通讯员 ${escapeHtml(article.correspondents.join('、'))}</span>`);
	if (article.dateline) parts.push(`<span class="dateline">${escapeHtml(article.dateline)}</span>`);
	return parts.length ? `<p class="byline">${parts.join('')}</p>` : '';
}

/** The body of an article's static view: crumbs, heading group, byline, paragraphs, captions. */
export function articleBody(doc: ParsedDocument, article: Article): string {
	const subheads = new Set(article.subheads ?? []);
	const paragraphs = article.paragraphs
		.map((text, i) =>
			subheads.has(i)
				? `<h3 class="subhead" data-paragraph="${i}">${escapeHtml(text)}</h3>`
				: `<p data-paragraph="${i}">${escapeHtml(text)}</p>`
		)
		.join('\n');
	const heading = [
		article.column ? `<p class="column">栏目:${escapeHtml(article.column)}</p>` : '',
		article.kicker ? `<p class="kicker">${escapeHtml(article.kicker)}</p>` : '',
		`<h1 id="article-title">${escapeHtml(articleHeading(article))}</h1>`,
		article.subtitle ? `<p class="subtitle">${escapeHtml(article.subtitle)}</p>` : ''
	].join('');
	const jump = (text: string) => `<p class="jump">${escapeHtml(text)}</p>`;
	return `${masthead()}
<main id="main"><div class="wrap reader-chrome"><nav class="crumbs" aria-label="位置"><a href="./#/">文档</a> › <a href="./${staticPaths.page(doc.id)}">${escapeHtml(pageLabel(doc, { withoutLeadTitle: true }))}</a></nav></div>
<div class="wrap tools"><button type="button" aria-pressed="false">加书签</button><button type="button" aria-pressed="false">标为已读</button></div>
<article class="reader" lang="zh-CN" aria-labelledby="article-title"><header><hgroup class="heading-group">${heading}</hgroup>${byline(article)}</header>
${article.continuedFrom ? jump(`(上接${article.continuedFrom})`) : ''}<div class="body">
${paragraphs}
</div>
${article.captions.map((c) => `<figure class="caption"><figcaption>${escapeHtml(c)}</figcaption></figure>`).join('')}${article.continuedTo ? jump(`(下转${article.continuedTo})`) : ''}</article></main>`;
}

/** The body of a page's static view: its label and its articles, each a link to its own file. */
export function pageBody(doc: ParsedDocument): string {
	const items = doc.articles
		.filter((a) => isStaticPathSafe(a.id))
		.map(
			(a) =>
				`<li><a href="./${staticPaths.article(doc.id, a.id)}">${escapeHtml(articleHeading(a))}</a></li>`
		)
		.join('\n');
	return `${masthead()}
<main id="main"><div class="wrap"><nav class="crumbs" aria-label="位置"><a href="./#/">文档</a></nav>
<h1>${escapeHtml(pageLabel(doc))}</h1>
<ul class="articles">
${items}
</ul></div></main>`;
}

export interface StaticView {
	/** Folders between the file and the app's root (2 for a page, 3 for an article). */
	depth: number;
	title: string;
	description: string;
	/** The hash route the app opens, without `#`: `/doc/ID/ARTICLE`. */
	route: string;
	body: string;
}

/**
 * The app's built index.html turned into one static view: a `<base>` pointing at the app's root
 * (so the app's relative URLs resolve as from index.html, at any sub-path), the layout's CSS
 * inline instead of a render-blocking request, the view's markup in the app's target, and the
 * boot script deferred until the text has painted. On boot the address becomes the matching
 * hash link, so the running app is exactly the one index.html starts.
 */
export function staticHtml(indexHtml: string, layoutCss: string, view: StaticView): string {
	const boot = /<script>\s*\{([\s\S]*?)\}\s*<\/script>/.exec(indexHtml);
	if (!boot) throw new Error('index.html has no boot script');
	const global = /(__sveltekit_\w+)\s*=/.exec(boot[1])?.[1];
	const imports = [...boot[1].matchAll(/import\((["'])(\.\/[^"']+)\1\)/g)].map((m) => m[2]);
	if (!global || imports.length !== 2) throw new Error('unexpected boot script in index.html');
	const preloads = [
		...indexHtml.matchAll(/<link href="(\.\/[^"]+\.js)" rel="modulepreload">/g)
	].map((m) => m[1]);
	const up = '../'.repeat(view.depth);
	// A host that serves `doc/ID/ART` without redirecting to `doc/ID/ART/` puts the file one
	// folder higher than its URL says; the base follows the URL the browser actually has.
	const fixBase = `<script>{const b=document.querySelector('base');if(!location.pathname.endsWith('/'))b.href=${JSON.stringify('../'.repeat(view.depth - 1))};}</script>`;
	const script = `<script>
				{
					const element = document.currentScript.parentElement;
					const shown = document.getElementById('prerendered');
					document.documentElement.classList.add('prerendered');
					// The app renders hidden; once its own view is there (a heading in main), or the
					// reader has gone elsewhere, it takes the static view's place in one frame: the
					// next one, so that laying the app out is that frame's work and not added to the
					// task that rendered it (where the router's focus reset would force it).
					const reveal = () => {
						shown.remove();
						document.documentElement.classList.remove('prerendered');
					};
					const observer = new MutationObserver(() => {
						const elsewhere = started && location.hash !== ${JSON.stringify('#' + view.route)};
						if (elsewhere || element.querySelector('.app main h1')) {
							observer.disconnect();
							requestAnimationFrame(reveal);
						}
					});
					let started = false;
					observer.observe(element, { childList: true, subtree: true });
					const start = () => {
						history.replaceState(history.state, '', new URL(${JSON.stringify('./#' + view.route)}, document.baseURI).href);
						started = true;
						${global} = { base: new URL('.', location).pathname.slice(0, -1) };
						Promise.all([import(${JSON.stringify(imports[0])}), import(${JSON.stringify(imports[1])})]).then(([kit, app]) => {
							kit.start(app, element);
						});
						// The modules those import, one request a task: requesting them all in one
						// task held the main thread for longer than a tap may wait.
						const preloads = ${JSON.stringify(preloads)};
						const preloadNext = () => {
							const href = preloads.shift();
							if (href === undefined) return;
							const link = document.createElement('link');
							link.rel = 'modulepreload';
							link.href = href;
							document.head.append(link);
							setTimeout(preloadNext, 0);
						};
						setTimeout(preloadNext, 0);
					};
					// After the text's first paint: the page is read before the app is fetched.
					requestAnimationFrame(() => setTimeout(start, 0));
				}
			</script>`;
	const head = indexHtml
		.slice(0, boot.index)
		.replace(
			/<meta charset="utf-8" \/>/,
			(charset) => `${charset}\n\t\t<base href="${up}" />${fixBase}`
		)
		.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(view.title)}</title>`)
		.replace(
			/<meta name="description" content="[^"]*" \/>/,
			`<meta name="description" content="${escapeHtml(view.description)}" />`
		)
		.replace(/\s*<link href="[^"]+" rel="modulepreload">/g, '')
		.replace(
			/<link href="[^"]+\.css" rel="stylesheet">/,
			`<style>${layoutCss}${STATIC_CSS}</style>`
		);
	const body = `<div id="prerendered">${view.body}</div>\n\t\t\t${script}`;
	return head + body + indexHtml.slice(boot.index + boot[0].length);
}

/** Title, description and route of an article's static view. */
export function articleView(doc: ParsedDocument, article: Article): StaticView {
	const lead = article.paragraphs.find((p) => p.trim()) ?? '';
	return {
		depth: 3,
		title: `${articleHeading(article)} · 版面`,
		description: lead.length > 120 ? `${lead.slice(0, 119)}…` : lead,
		route: `/doc/${doc.id}/${article.id}`,
		body: articleBody(doc, article)
	};
}

/** Title, description and route of a page's static view. */
export function pageView(doc: ParsedDocument): StaticView {
	const label = pageLabel(doc);
	return {
		depth: 2,
		title: `${label} · 版面`,
		description: doc.articles
			.map((a) => articleHeading(a))
			.join(' · ')
			.slice(0, 160),
		route: `/doc/${doc.id}`,
		body: pageBody(doc)
	};
}
