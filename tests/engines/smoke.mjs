// Optional cross-engine smoke test (`npm run test:engines`, not part of `npm test`): the built
// reader in Firefox (Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi) and in
// WebKitGTK (the engine behind Safari: Debian's webkit2gtk-driver and its MiniBrowser, driven
// by selenium-webdriver under Xvfb). Playwright's own browsers are not used.
// Usage: node tests/engines/smoke.mjs [firefox] [webkit]   (both when none is named)
// Screenshots go to reports/engines/ to be looked at.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import * as OpenCC from 'opencc-js';

const FIREFOX = process.env.BANMIAN_FIREFOX ?? '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.BANMIAN_WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.BANMIAN_MINIBROWSER ?? findMiniBrowser();
const PORT = Number(process.env.BANMIAN_TEST_PORT ?? 4176);
const BASE = `http://localhost:${PORT}/`;
const SHOTS = 'reports/engines';
const PHONE = { width: 390, height: 844 };

function findMiniBrowser() {
	const found = spawnSync('sh', ['-c', 'ls /usr/lib/*/webkit2gtk-4.*/MiniBrowser 2>/dev/null'], {
		encoding: 'utf8'
	});
	return found.stdout.split('\n')[0] || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
}

async function waitForHttp(url, what, timeoutMs = 30_000) {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// Not listening yet.
		}
		await sleep(200);
	}
	throw new Error(`${what} did not start at ${url}`);
}

/**
 * The smoke itself, written once against a small browser interface so each engine runs the
 * same steps: `go(hash)`, `run(js)` (a function body, its return value comes back) and
 * `shot(name)` (a PNG of the viewport).
 */
async function smoke(engine, browser) {
	const notes = [];
	async function waitFor(js, what, timeoutMs = 20_000) {
		const until = Date.now() + timeoutMs;
		let last;
		while (Date.now() < until) {
			last = await browser.run(js).catch((error) => error);
			if (last && !(last instanceof Error)) return last;
			await sleep(250);
		}
		throw new Error(
			`${engine}: timed out waiting for ${what}${last instanceof Error ? ` (${last.message})` : ''}`
		);
	}

	// Library: the bundled pages are listed.
	await browser.go('#/');
	const listed = `return [...new Set([...document.querySelectorAll('main a[href^="#/doc/"]')].map((a) => a.getAttribute('href')))];`;
	// The list fills in as pages are indexed: it is read once it stops changing.
	let pageLinks = [];
	for (;;) {
		const now = await waitFor(
			`const links = (() => { ${listed} })(); return links.length ? links : null;`,
			'the library to list pages'
		);
		if (now.length === pageLinks.length) break;
		pageLinks = now;
		await sleep(1000);
	}
	notes.push(`library lists ${pageLinks.length} page(s)`);
	await browser.shot(`${engine}-library`);

	// Page, then the first article on it whose text has curly quotes (竖排 shows them as 「」).
	await browser.go(pageLinks[0]);
	const articleLinks = await waitFor(
		`const prefix = ${JSON.stringify(pageLinks[0] + '/')};
		 const links = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href')).filter((h) => h && h.startsWith(prefix));
		 return links.length ? [...new Set(links)] : null;`,
		'the page to list its articles'
	);
	let article = null;
	for (const link of articleLinks) {
		await browser.go(link);
		const shown = await waitFor(
			`const h1 = document.querySelector('article.reader h1');
			 const body = document.querySelector('article.reader .body');
			 return h1 && body && body.textContent ? { title: h1.textContent.trim(), body: body.textContent } : null;`,
			`article ${link} to open`
		);
		if (/[“”]/.test(shown.body)) {
			article = { link, ...shown };
			break;
		}
	}
	if (!article)
		throw new Error(`${engine}: no article on ${pageLinks[0]} has curly quotes to check`);
	notes.push(`article opens: ${article.title}`);
	await browser.run(
		`document.querySelector('article.reader .byline, article.reader h1').scrollIntoView({ block: 'center' }); return true;`
	);
	await browser.shot(`${engine}-article`);
	const autospace = await browser.run(
		`return getComputedStyle(document.body).textAutospace ?? 'unsupported';`
	);
	notes.push(`body text-autospace: ${autospace || 'unsupported'}`);

	// Search with the article's title in traditional characters.
	const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(article.title);
	if (traditional === article.title) notes.push(`title has no traditional form: ${article.title}`);
	await browser.go(`#/search/${encodeURIComponent(traditional)}`);
	const articlePath = article.link.replace(/^#/, '');
	await waitFor(
		`return [...document.querySelectorAll('main a')].some((a) => a.getAttribute('href')?.startsWith(${JSON.stringify('#' + articlePath)}));`,
		`search for ${traditional} to find the article`
	);
	notes.push(`繁體 search ${traditional} finds it`);
	await browser.shot(`${engine}-search`);

	// 竖排: switched in settings, the article is set vertically with corner-bracket quotes.
	await browser.go('#/settings');
	await waitFor(
		`const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === '竖排');
		 if (!button) return null;
		 if (button.getAttribute('aria-pressed') !== 'true') button.click();
		 return button.getAttribute('aria-pressed') === 'true';`,
		'the 竖排 setting'
	);
	// In-app navigation, so the setting need not have reached storage yet.
	await browser.run(`location.hash = ${JSON.stringify(article.link)}; return true;`);
	const vertical = await waitFor(
		`const reader = document.querySelector('article.reader');
		 const body = reader?.querySelector('.body');
		 if (!reader || !body || getComputedStyle(reader).writingMode !== 'vertical-rl') return null;
		 return { text: body.textContent, features: getComputedStyle(reader).fontFeatureSettings, upright: reader.querySelectorAll('.tcy').length };`,
		'the article in vertical writing'
	);
	if (/[“”‘’]/.test(vertical.text) || !vertical.text.includes('「')) {
		throw new Error(`${engine}: vertical text still has curly quotes or lacks 「」`);
	}
	notes.push(
		`竖排: quotes shown as 「」, ${vertical.upright} upright number(s), font-feature-settings ${vertical.features}`
	);
	await browser.shot(`${engine}-vertical`);
	return notes;
}

async function withServer(run) {
	const server = spawn(process.execPath, ['scripts/serve-static.mjs', 'build', String(PORT)], {
		stdio: 'ignore'
	});
	try {
		await waitForHttp(BASE, 'the static server');
		return await run();
	} finally {
		server.kill();
	}
}

async function firefox() {
	if (!existsSync(FIREFOX))
		throw new Error(`no Firefox at ${FIREFOX}: apt-get install -y firefox-esr`);
	const puppeteer = (await import('puppeteer-core')).default;
	const instance = await puppeteer.launch({
		browser: 'firefox',
		protocol: 'webDriverBiDi',
		executablePath: FIREFOX,
		headless: true,
		defaultViewport: PHONE
	});
	try {
		const page = await instance.newPage();
		const version = await instance.version();
		let opened = false;
		const notes = await smoke('firefox', {
			async go(hash) {
				if (!opened) await page.goto(BASE + hash);
				else await page.evaluate((h) => (location.hash = h), hash);
				opened = true;
			},
			run: (js) => page.evaluate(`(() => { ${js} })()`),
			shot: (name) => page.screenshot({ path: `${SHOTS}/${name}.png` })
		});
		return [version, ...notes];
	} finally {
		await instance.close();
	}
}

async function webkit() {
	for (const [path, install] of [
		[WEBKIT_DRIVER, 'webkit2gtk-driver'],
		[MINIBROWSER, 'webkit2gtk-driver'],
		['/usr/bin/xvfb-run', 'xvfb']
	]) {
		if (!existsSync(path)) throw new Error(`no ${path}: apt-get install -y ${install}`);
	}
	const { Builder } = await import('selenium-webdriver');
	const driverPort = PORT + 100;
	// `-a` picks a free display; MiniBrowser needs one even when nothing is watched.
	const driverProcess = spawn(
		'xvfb-run',
		['-a', '-s', '-screen 0 1280x1024x24', WEBKIT_DRIVER, `--port=${driverPort}`],
		{ stdio: 'ignore', detached: true }
	);
	try {
		await waitForHttp(`http://127.0.0.1:${driverPort}/status`, 'WebKitWebDriver');
		const driver = await new Builder()
			.usingServer(`http://127.0.0.1:${driverPort}`)
			.withCapabilities({
				browserName: 'MiniBrowser',
				'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] }
			})
			.build();
		try {
			await driver.manage().window().setRect(PHONE);
			const version = (await driver.getCapabilities()).get('browserVersion');
			let opened = false;
			const notes = await smoke('webkit', {
				async go(hash) {
					if (!opened) await driver.get(BASE + hash);
					else await driver.executeScript((h) => (location.hash = h), hash);
					opened = true;
				},
				run: (js) => driver.executeScript(js),
				shot: async (name) =>
					writeFileSync(`${SHOTS}/${name}.png`, await driver.takeScreenshot(), 'base64')
			});
			return [`WebKitGTK ${version}`, ...notes];
		} finally {
			await driver.quit();
		}
	} finally {
		// The whole group: xvfb-run, Xvfb and the driver.
		process.kill(-driverProcess.pid);
	}
}

const engines = { firefox, webkit };
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(engines);
const unknown = chosen.filter((name) => !(name in engines));
if (unknown.length) {
	console.error(
		`unknown engine(s): ${unknown.join(', ')}; known: ${Object.keys(engines).join(', ')}`
	);
	process.exit(2);
}
if (!existsSync('build/index.html')) {
	console.error('no build/: run `npx vite build` first (npm run test:engines does)');
	process.exit(2);
}
mkdirSync(SHOTS, { recursive: true });

let failed = 0;
await withServer(async () => {
	for (const name of chosen) {
		try {
			const notes = await engines[name]();
			console.log(`✓ ${name}\n  ${notes.join('\n  ')}`);
		} catch (error) {
			failed++;
			console.log(`✗ ${name}: ${error instanceof Error ? error.message : error}`);
		}
	}
});
console.log(`screenshots in ${SHOTS}/`);
process.exit(failed ? 1 : 0);
