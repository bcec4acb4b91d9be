import { sveltekit } from '@sveltejs/kit/vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { inSeedFolder, seedFolders, seedsPlugin } from './scripts/seeds.mjs';

const seeds = seedFolders(process.env.BANMIAN_SEEDS, fileURLToPath(new URL('.', import.meta.url)));

export default defineConfig({
	plugins: [seedsPlugin(seeds), sveltekit()],
	build: {
		// Seeds are fetched when needed, never inlined into the JavaScript, however small.
		assetsInlineLimit: (file) => (inSeedFolder(seeds, file) ? false : undefined)
	},
	worker: { format: 'es' },
	server: { fs: { allow: seeds } },
	preview: { port: 4173, strictPort: true }
});
