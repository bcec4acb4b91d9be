// Writes the import e2e fixtures (tests/fixtures/import/): one page text in GB18030, UTF-16 LE
// with a BOM, and UTF-8 with a BOM and CRLF line ends, plus a PNG renamed .txt. Node has no
// GB18030 encoder, so one is built by decoding every two-byte sequence.
// Usage: node scripts/make-import-fixtures.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const out = 'tests/fixtures/import';
mkdirSync(out, { recursive: true });

const pages = {
	gb18030: [
		'# 山村小学有了新图书角',
		'',
		'本报讯 青杉镇中心小学的青杉图书角昨日正式开放,三千册新书摆上了书架,孩子们课间排队借书。',
		'',
		'校长说,图书角由村民和返乡青年一起筹建,今后每个周末也向村里的老人开放。'
	],
	utf16: [
		'# 河畔湿地迎来越冬候鸟',
		'',
		'本报讯 入冬以来,白鹭湾湿地公园迎来成群的越冬候鸟,观鸟爱好者清晨便守在岸边。',
		'',
		'公园管理处提醒游客保持距离,不要投喂,让候鸟安心过冬。'
	],
	crlf: [
		'# 老街夜市重新开张',
		'',
		'本报讯 经过半年改造,榆钱巷夜市昨晚重新开张,六十多个摊位沿着老街一字排开。',
		'',
		'摊主们说,新铺的石板路和统一的灯箱让老街既干净又有烟火气。'
	]
};

function gb18030Encoder() {
	const table = new Map();
	const decoder = new TextDecoder('gb18030', { fatal: true });
	for (let lead = 0x81; lead <= 0xfe; lead++)
		for (let trail = 0x40; trail <= 0xfe; trail++) {
			if (trail === 0x7f) continue;
			try {
				const ch = decoder.decode(new Uint8Array([lead, trail]));
				if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
			} catch {
				// not a two-byte character
			}
		}
	return (text) => {
		const bytes = [];
		for (const ch of text) {
			const code = ch.codePointAt(0);
			if (code < 0x80) bytes.push(code);
			else if (table.has(ch)) bytes.push(...table.get(ch));
			else throw new Error(`no two-byte GB18030 code for ${ch}`);
		}
		return Buffer.from(bytes);
	};
}

const gb = gb18030Encoder()(pages.gb18030.join('\n') + '\n');
// must not be valid UTF-8, or the test would not prove GB18030 detection
if (new TextDecoder('utf-8').decode(gb).includes('青杉'))
	throw new Error('GB18030 fixture is UTF-8');
writeFileSync(`${out}/gb18030-page.txt`, gb);

const utf16 = Buffer.from('\ufeff' + pages.utf16.join('\n') + '\n', 'utf16le');
writeFileSync(`${out}/utf16-page.txt`, utf16);

const crlf = Buffer.concat([
	Buffer.from([0xef, 0xbb, 0xbf]),
	Buffer.from(pages.crlf.join('\r\n') + '\r\n', 'utf8')
]);
writeFileSync(`${out}/crlf-bom-page.md`, crlf);

function crc32(bytes) {
	let crc = 0xffffffff;
	for (const b of bytes) {
		crc ^= b;
		for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
	}
	return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

// a 16×16 RGB image, a gradient, so the compressed data is not trivial
const size = 16;
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 2, 0, 0, 0], 8);
const raw = Buffer.alloc(size * (1 + size * 3));
for (let y = 0; y < size; y++) {
	raw[y * (1 + size * 3)] = 0;
	for (let x = 0; x < size; x++) raw.set([x * 16, y * 16, 128], y * (1 + size * 3) + 1 + x * 3);
}
const png = Buffer.concat([
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	chunk('IHDR', header),
	chunk('IDAT', deflateSync(raw)),
	chunk('IEND', Buffer.alloc(0))
]);
writeFileSync(`${out}/picture.png.txt`, png);
console.log(`wrote ${out}: gb18030-page.txt, utf16-page.txt, crlf-bom-page.md, picture.png.txt`);
