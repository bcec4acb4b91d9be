import { defineConfig } from 'vitest/config';

// Unit tests run in Node, next to the code they test. Core never needs the DOM.
export default defineConfig({
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts', 'bench/**/*.spec.ts'],
		environment: 'node',
		testTimeout: 120_000,
		// The JSON report lets .ci/run add vitest's count to Playwright's.
		reporters: ['default', 'json'],
		outputFile: { json: 'reports/vitest.json' }
	}
});
