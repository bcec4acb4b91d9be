import { describe, expect, it } from 'vitest';
import { decide, findChromium, SYSTEM_CHROMIUM } from './ensure-chromium.mjs';

const PLAYWRIGHT_OWN = '/home/me/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';

/** A machine where exactly the listed files are executable. */
function machine(
	executables: string[],
	rest: Partial<{ envPath: string; root: boolean; sudo: boolean; apt: boolean }> = {}
) {
	return {
		envPath: undefined,
		runnable: (path: string) => executables.includes(path),
		playwrightPath: PLAYWRIGHT_OWN,
		root: false,
		sudo: false,
		apt: true,
		...rest
	};
}

describe('finding Chromium for the end-to-end tests', () => {
	it('prefers the environment, then Playwright’s own browser, then Debian’s', () => {
		const all = ['/opt/chrome', PLAYWRIGHT_OWN, SYSTEM_CHROMIUM];
		expect(findChromium(machine(all, { envPath: '/opt/chrome' }))).toBe('/opt/chrome');
		// undefined lets Playwright launch its own default
		expect(findChromium(machine(all))).toBeUndefined();
		expect(findChromium(machine([SYSTEM_CHROMIUM]))).toBe(SYSTEM_CHROMIUM);
		expect(findChromium(machine([]))).toBeNull();
	});

	it('uses what it finds and installs nothing', () => {
		expect(decide(machine([SYSTEM_CHROMIUM], { root: true }))).toEqual({
			kind: 'found',
			path: SYSTEM_CHROMIUM
		});
	});

	it('stops on an environment path that is not a browser, even when another exists', () => {
		const decision = decide(machine([SYSTEM_CHROMIUM], { envPath: '/nowhere/chrome' }));
		expect(decision.kind).toBe('stop');
		expect(decision.kind === 'stop' && decision.message).toContain('/nowhere/chrome');
	});

	it('installs Debian’s chromium and CJK fonts as root, or with sudo that asks no password', () => {
		expect(decide(machine([], { root: true }))).toEqual({
			kind: 'install',
			commands: [
				['apt-get', 'update'],
				['apt-get', 'install', '-y', 'chromium', 'fonts-noto-cjk']
			]
		});
		expect(decide(machine([], { sudo: true }))).toEqual({
			kind: 'install',
			commands: [
				['sudo', '-n', 'apt-get', 'update'],
				['sudo', '-n', 'apt-get', 'install', '-y', 'chromium', 'fonts-noto-cjk']
			]
		});
	});

	it('otherwise stops at once with one line saying what to run', () => {
		const withoutSudo = decide(machine([]));
		expect(withoutSudo).toEqual({
			kind: 'stop',
			message: expect.stringContaining(
				'`sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk`'
			)
		});
		const withoutApt = decide(machine([], { root: true, apt: false }));
		expect(withoutApt).toEqual({
			kind: 'stop',
			message: expect.stringContaining('`npx playwright install --with-deps chromium`')
		});
		for (const decision of [withoutSudo, withoutApt])
			expect(decision.kind === 'stop' && decision.message).not.toContain('\n');
	});
});
