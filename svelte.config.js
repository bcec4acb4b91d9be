import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { execSync } from 'node:child_process';
import { buildFolder } from './scripts/archive-settings.mjs';

/**
 * The version names the service worker's cache, so two different builds must never share one:
 * the commit when the tree is clean (reproducible), else the build time.
 */
function buildVersion() {
	try {
		/** @param {string} command */
		const git = (command) => execSync(command, { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
		// Untracked files count: a page dropped into seeds/ changes the build. Other seed folders
		// (BANMIAN_SEEDS, BANMIAN_ARCHIVE) may lie outside the checkout, so the commit does not name such a build.
		if (
			!process.env.BANMIAN_SEEDS &&
			!process.env.BANMIAN_ARCHIVE &&
			git('git status --porcelain').trim() === ''
		) {
			return git('git rev-parse HEAD').trim();
		}
	} catch {
		// Not a git checkout.
	}
	return Date.now().toString();
}

// Fixed once and handed down through the environment: a build loads this file in more than
// one process (prerendering forks), and all of them must agree on the version.
process.env.BANMIAN_VERSION ??= buildVersion();

// The build folder: `build`, or BANMIAN_OUT (the archive test build writes beside the other).
const out = buildFolder(process.env);

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// A single index.html; every view lives in the hash, so any static server works
		// with no rewrite rules, deep links included, and under any sub-path.
		router: { type: 'hash' },
		adapter: adapter({ pages: out, assets: out, fallback: undefined, strict: true }),
		paths: { base: process.env.BANMIAN_BASE ?? '', relative: true },
		// Registered by src/lib/platform/sw-client.ts, which owns the update flow.
		serviceWorker: { register: false },
		// No polling: the service worker notices new versions and offers them to the reader.
		version: { name: process.env.BANMIAN_VERSION, pollInterval: 0 },
		output: { bundleStrategy: 'split' }
	}
};

export default config;
