// A plain static file server with no rewrite rules, like any web host: tests run the built
// app through it, at the root and under a sub-path, to prove neither needs server help.
// Usage: node scripts/serve-static.mjs DIR PORT [PREFIX...]
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { contentTypes } from './content-types.mjs';

const [dir = 'build', port = '4174', ...prefixes] = process.argv.slice(2);
const root = resolve(dir);
const mounts = ['/', ...prefixes.map((p) => `/${p.replace(/^\/|\/$/g, '')}/`)].sort(
	(a, b) => b.length - a.length
);
const types = contentTypes;

createServer((req, res) => {
	const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
	const mount = mounts.find((m) => path.startsWith(m) || `${path}/` === m);
	if (!mount) return void res.writeHead(404).end('not found');
	let file = normalize(join(root, path.slice(mount.length - 1)));
	if (!file.startsWith(root)) return void res.writeHead(403).end('forbidden');
	try {
		if (statSync(file).isDirectory()) file = join(file, 'index.html');
		const size = statSync(file).size;
		res.writeHead(200, {
			'content-type': types[extname(file)] ?? 'application/octet-stream',
			'content-length': size,
			'cache-control': 'no-cache'
		});
		createReadStream(file).pipe(res);
	} catch {
		res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
	}
}).listen(Number(port), () => console.log(`serving ${root} on http://localhost:${port}`));
