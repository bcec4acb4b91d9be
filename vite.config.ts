import { sveltekit } from '@sveltejs/kit/vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { inSeedFolder, seedFolders, seedsPlugin } from './scripts/seeds.mjs';
import { archiveSettings } from './scripts/archive-settings.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const archive = archiveSettings(process.env, root);
// In archive mode no page is bundled: the archive's manifest lists them, fetched at run time.
const seeds = archive ? [] : seedFolders(process.env.BANMIAN_SEEDS, root);

export default defineConfig({
	plugins: [seedsPlugin(seeds), sveltekit()],
	define: {
		// Read by src/lib/platform/archive.ts, in the page, the worker and the service worker.
		__BANMIAN_ARCHIVE__: JSON.stringify(archive ? { precacheIssues: archive.precacheIssues } : null)
	},
	build: {
		// Seeds are fetched when needed, never inlined into the JavaScript, however small.
		assetsInlineLimit: (file) => (inSeedFolder(seeds, file) ? false : undefined)
	},
	worker: { format: 'es' },
	server: { fs: { allow: seeds } },
	preview: { port: 4173, strictPort: true }
});
