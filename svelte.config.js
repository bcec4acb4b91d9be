import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// A single index.html; every view lives in the hash, so any static server works
		// with no rewrite rules, deep links included, and under any sub-path.
		router: { type: 'hash' },
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		paths: { base: process.env.BANMIAN_BASE ?? '', relative: true },
		serviceWorker: { register: false },
		output: { bundleStrategy: 'split' }
	}
};

export default config;
