/**
 * After `vite build`: every bundled page and article as its own static HTML file
 * (build/doc/ID/index.html, build/doc/ID/ARTICLE/index.html), parsed by the app's own parser,
 * so a deep link shows its text before any JavaScript and works on any static host with no
 * rewrite rules, at any sub-path. The markup comes from src/lib/core/prerender/static-page.ts.
 * Usage: tsx scripts/prerender.ts [BUILD_DIR]   (BANMIAN_SEEDS as for the build)
 * In archive mode (BANMIAN_ARCHIVE) no page is bundled, so none is prerendered.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBytes } from '../src/lib/core/parse/index';
import type { SidecarMeta } from '../src/lib/core/parse/types';
import {
	articleView,
	isStaticPathSafe,
	pageView,
	staticHtml,
	staticPaths
} from '../src/lib/core/prerender/static-page';
// @ts-expect-error plain ES module without types
import { seedFiles, seedFolders } from './seeds.mjs';
import { archiveSettings, buildFolder } from './archive-settings.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
if (archiveSettings(process.env, root)) process.exit(0);
// BANMIAN_OUT may be absolute (the bench builds outside the tree) or relative to the project.
const buildDir = process.argv[2] ?? resolve(root, buildFolder(process.env));
const indexHtml = readFileSync(join(buildDir, 'index.html'), 'utf8');
const cssHref = /<link href="\.\/([^"]+\.css)" rel="stylesheet">/.exec(indexHtml)?.[1];
if (!cssHref) throw new Error('build/index.html links no stylesheet');
const layoutCss = readFileSync(join(buildDir, cssHref), 'utf8');

let pages = 0;
let articles = 0;
for (const file of seedFiles(seedFolders(process.env.BANMIAN_SEEDS, root)) as {
	name: string;
	path: string;
	sidecar: string | null;
}[]) {
	const sidecar = file.sidecar
		? (JSON.parse(readFileSync(file.sidecar, 'utf8')) as SidecarMeta)
		: null;
	const doc = parseBytes(new Uint8Array(readFileSync(file.path)), file.name, sidecar);
	if (!isStaticPathSafe(doc.id)) continue;
	const write = (path: string, html: string) => {
		mkdirSync(join(buildDir, path), { recursive: true });
		writeFileSync(join(buildDir, path, 'index.html'), html);
	};
	write(staticPaths.page(doc.id), staticHtml(indexHtml, layoutCss, pageView(doc)));
	pages++;
	for (const article of doc.articles) {
		if (!isStaticPathSafe(article.id)) continue;
		write(
			staticPaths.article(doc.id, article.id),
			staticHtml(indexHtml, layoutCss, articleView(doc, article))
		);
		articles++;
	}
}
console.log(`prerendered ${pages} pages and ${articles} articles into ${buildDir}/doc/`);
