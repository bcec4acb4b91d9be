// Makes sure the end-to-end tests have a Chromium before anything slow runs: finds one as
// playwright.config.ts does, installs Debian's package where it can, or stops at once with
// one line saying what to run.
import { accessSync, constants } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';
export const APT_PACKAGES = ['chromium', 'fonts-noto-cjk'];

/**
 * @typedef {object} Places
 * @property {string | undefined} envPath PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, when set
 * @property {(path: string) => boolean} runnable whether a file exists and may be executed
 * @property {string | undefined} playwrightPath where Playwright's own Chromium would be
 */

/**
 * @typedef {object} FactsOnly
 * @property {boolean} root running as root
 * @property {boolean} sudo `sudo -n` works (no password asked)
 * @property {boolean} apt apt-get exists
 * @typedef {Places & FactsOnly} Facts
 */

/**
 * @typedef {{ kind: 'found'; path: string | undefined }
 *   | { kind: 'install'; commands: string[][] }
 *   | { kind: 'stop'; message: string }} Decision
 * `found` with no path means Playwright's own browser (its default).
 */

/**
 * The Chromium the tests use: the environment's, else Playwright's own (undefined: its
 * default), else Debian's; null when there is none.
 */
export function findChromium(/** @type {Places} */ facts) {
	if (facts.envPath) return facts.runnable(facts.envPath) ? facts.envPath : null;
	if (facts.playwrightPath && facts.runnable(facts.playwrightPath)) return undefined;
	if (facts.runnable(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
	return null;
}

/** What to do, from what is known about this machine. @returns {Decision} */
export function decide(/** @type {Facts} */ facts) {
	if (facts.envPath && !facts.runnable(facts.envPath)) {
		return {
			kind: 'stop',
			message: `PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH=${facts.envPath} is not an executable file: point it at a Chromium, or unset it.`
		};
	}
	const found = findChromium(facts);
	if (found !== null) return { kind: 'found', path: found };
	const install = `apt-get install -y ${APT_PACKAGES.join(' ')}`;
	if (!facts.apt) {
		return {
			kind: 'stop',
			message:
				'No Chromium for the end-to-end tests: run `npx playwright install --with-deps chromium`, or set PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH to a Chromium.'
		};
	}
	if (!facts.root && !facts.sudo) {
		return {
			kind: 'stop',
			message: `No Chromium for the end-to-end tests: run \`sudo apt-get update && sudo ${install}\`, then npm test again.`
		};
	}
	const prefix = facts.root ? [] : ['sudo', '-n'];
	return {
		kind: 'install',
		commands: [
			[...prefix, 'apt-get', 'update'],
			[...prefix, 'apt-get', 'install', '-y', ...APT_PACKAGES]
		]
	};
}

export function runnable(/** @type {string} */ path) {
	try {
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

function succeeds(/** @type {string} */ command, /** @type {string[]} */ args) {
	return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

async function machineFacts() {
	let playwrightPath;
	try {
		const { chromium } = await import('@playwright/test');
		playwrightPath = chromium.executablePath();
	} catch {
		// Playwright knows no browser of its own here.
	}
	const root = process.getuid?.() === 0;
	return {
		envPath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || undefined,
		runnable,
		playwrightPath,
		root,
		sudo: !root && succeeds('sudo', ['-n', 'true']),
		apt: succeeds('sh', ['-c', 'command -v apt-get'])
	};
}

async function main() {
	const facts = await machineFacts();
	const decision = decide(facts);
	if (decision.kind === 'stop') {
		console.error(decision.message);
		process.exit(1);
	}
	if (decision.kind === 'found') return;
	console.log('No Chromium found: installing Debian’s chromium for the end-to-end tests.');
	try {
		for (const [command, ...args] of decision.commands) {
			execFileSync(command, args, {
				stdio: 'inherit',
				env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
			});
		}
	} catch {
		// reported below with what to run instead
	}
	if (findChromium(facts) === null) {
		console.error(
			`Installing Chromium failed: run \`sudo apt-get update && sudo apt-get install -y ${APT_PACKAGES.join(' ')}\` (or \`npx playwright install --with-deps chromium\`), then npm test again.`
		);
		process.exit(1);
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
