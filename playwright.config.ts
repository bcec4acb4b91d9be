import { defineConfig, devices, chromium } from '@playwright/test';
import { findChromium, runnable, SYSTEM_CHROMIUM } from './scripts/ensure-chromium.mjs';

function playwrightOwnChromium(): string | undefined {
	try {
		return chromium.executablePath();
	} catch {
		return undefined; // Playwright's browser is not installed here.
	}
}

/**
 * Chromium from the environment, else Playwright's own download, else Debian's package
 * (`npm run test:e2e` runs scripts/ensure-chromium.mjs first, which installs or explains).
 */
const envPath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || undefined;
export const executablePath = envPath
	? envPath
	: (findChromium({ envPath, runnable, playwrightPath: playwrightOwnChromium() }) ??
		SYSTEM_CHROMIUM);
export const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update'
];
const port = Number(process.env.BANMIAN_TEST_PORT ?? 4174);
// The archive-mode build (npm run build:test-archive) is served beside the other, on the next port.
const archivePort = Number(process.env.BANMIAN_TEST_ARCHIVE_PORT ?? port + 1);

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	globalSetup: './tests/global-setup.ts',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	retries: process.env.CI ? 1 : 0,
	timeout: 60_000,
	reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
	use: {
		baseURL: `http://localhost:${port}/`,
		launchOptions: { executablePath, args: chromiumArgs },
		locale: 'zh-CN',
		trace: 'retain-on-failure'
	},
	projects: [
		{
			name: 'desktop',
			testIgnore: '**/archive.e2e.ts',
			use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } }
		},
		{
			name: 'phone',
			testIgnore: '**/archive.e2e.ts',
			use: { ...devices['Pixel 7'], viewport: { width: 412, height: 915 } }
		},
		{
			name: 'archive',
			testMatch: '**/archive.e2e.ts',
			use: {
				...devices['Desktop Chrome'],
				viewport: { width: 1280, height: 800 },
				baseURL: `http://localhost:${archivePort}/`
			}
		}
	],
	webServer: [
		{
			command: `node scripts/serve-static.mjs build ${port} banmian`,
			url: `http://localhost:${port}/`,
			reuseExistingServer: !process.env.CI
		},
		{
			command: `node scripts/serve-static.mjs build-archive-test ${archivePort}`,
			port: archivePort,
			reuseExistingServer: !process.env.CI
		}
	]
});
