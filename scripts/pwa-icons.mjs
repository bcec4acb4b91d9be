// Draws the app icons as SVG and renders the PNGs browsers install from, with headless
// Chromium. The output is committed; run again only when the drawing changes:
//   node scripts/pwa-icons.mjs
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';

const out = 'static/icons';
const red = '#9b2c2c';
const paper = '#fbfaf7';
const ink = '#1d1d1f';
const grey = '#b9b2a6';

/**
 * A newspaper page: a masthead rule, a headline bar, a red seal and three columns of text,
 * drawn in a 512 box, scaled by `k` about the centre (the maskable icon keeps it inside the
 * safe zone).
 */
function page(k) {
	const w = 300;
	const h = 360;
	const x = (512 - w) / 2;
	const y = (512 - h) / 2;
	const columns = [0, 1, 2].map((c) => {
		const cx = x + 34 + c * 82;
		const lines = [];
		for (let i = 0; i < 7; i++) {
			const short = (i + c) % 4 === 3;
			lines.push(
				`<rect x="${cx}" y="${y + 168 + i * 24}" width="${short ? 44 : 68}" height="9" rx="4.5" fill="${grey}"/>`
			);
		}
		return lines.join('');
	});
	return `<g transform="translate(256 256) scale(${k}) translate(-256 -256)">
		<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="14" fill="${paper}"/>
		<rect x="${x + 34}" y="${y + 34}" width="${w - 68}" height="10" fill="${ink}"/>
		<rect x="${x + 34}" y="${y + 58}" width="${w - 68}" height="3" fill="${ink}"/>
		<rect x="${x + 34}" y="${y + 86}" width="150" height="26" rx="4" fill="${ink}"/>
		<rect x="${x + 34}" y="${y + 124}" width="110" height="14" rx="4" fill="${grey}"/>
		<rect x="${x + w - 34 - 54}" y="${y + 84}" width="54" height="54" rx="6" fill="${red}"/>
		<rect x="${x + w - 34 - 42}" y="${y + 96}" width="30" height="30" rx="2" fill="none" stroke="${paper}" stroke-width="5"/>
		${columns.join('')}
	</g>`;
}

const svg = (body) =>
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">${body}</svg>\n`;

// "any": a rounded tile; "maskable": full bleed, the page within the central 80% circle.
const anyIcon = svg(`<rect width="512" height="512" rx="104" fill="${red}"/>${page(1.18)}`);
const maskable = svg(`<rect width="512" height="512" fill="${red}"/>${page(0.86)}`);

mkdirSync(out, { recursive: true });
writeFileSync(`${out}/icon.svg`, anyIcon);
writeFileSync(`${out}/icon-maskable.svg`, maskable);

const executablePath =
	process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH ??
	(existsSync(chromium.executablePath()) ? undefined : '/usr/bin/chromium');
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
const tab = await browser.newPage();

async function render(source, size, file) {
	await tab.setViewportSize({ width: size, height: size });
	const sized = source.replace('width="512" height="512"', `width="${size}" height="${size}"`);
	await tab.setContent(`<style>html,body{margin:0;background:transparent}</style>${sized}`);
	await tab.screenshot({ path: `${out}/${file}`, omitBackground: true });
	console.log(`wrote ${out}/${file}`);
}

await render(anyIcon, 192, 'icon-192.png');
await render(anyIcon, 512, 'icon-512.png');
await render(maskable, 512, 'icon-maskable-512.png');
// iOS masks the icon itself and wants it opaque.
await render(maskable, 180, 'apple-touch-icon.png');
await browser.close();
