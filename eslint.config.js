import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			// UI never renders untrusted text as HTML.
			'svelte/no-at-html-tags': 'error',
			// Links are fragment-only hash routes from $lib/links, which keep the page's path
			// and query (sub-path hosting, embed parameters); resolve() would drop the query.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// UI and state never talk to IndexedDB or the search engine directly.
		files: ['src/routes/**', 'src/lib/components/**', 'src/lib/state/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: ['idb', 'flexsearch', 'flexsearch/*', '*/platform/db*'] }
			]
		}
	},
	{
		ignores: [
			'build/',
			'build-archive-test/',
			'tests/archive/.pages/',
			'.svelte-kit/',
			'node_modules/',
			'reports/',
			'test-results/',
			'playwright-report/',
			'bench/out/'
		]
	}
);
