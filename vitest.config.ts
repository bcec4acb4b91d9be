import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// Unit tests run in Node, next to the code they test. Core never needs the DOM. The Svelte
// plugin compiles the runes classes in src/lib/state (`*.svelte.ts`) as the browser gets them,
// so their specs see $state and $derived as the app does.
export default defineConfig({
	plugins: [svelte()],
	resolve: { conditions: ['browser'] },
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts', 'bench/**/*.spec.ts'],
		environment: 'node',
		// The parser's linearity spec collects garbage between samples.
		execArgv: ['--expose-gc'],
		testTimeout: 120_000,
		// The JSON report lets .ci/run add vitest's count to Playwright's.
		reporters: ['default', 'json'],
		outputFile: { json: 'reports/vitest.json' }
	}
});
