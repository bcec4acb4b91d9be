// A plain static server for the PWA tests, like scripts/serve-static.mjs but served ONLY under
// a sub-path (so nothing can work by accident at the root), with a log of the requests that
// reached it and a root directory that can be swapped to "deploy" another build.
// CLI: node scripts/pwa-server.mjs DIR PORT PREFIX
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentTypes } from './content-types.mjs';

const types = contentTypes;

/**
 * @param {{ root: string, prefix: string, port?: number }} options
 * @returns {Promise<{ url: string, requests: string[], setRoot(dir: string): void, close(): Promise<void> }>}
 */
export async function startServer({ root, prefix, port = 0 }) {
	let dir = resolve(root);
	const mount = `/${prefix.replace(/^\/|\/$/g, '')}/`;
	/** @type {string[]} */
	const requests = [];
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		requests.push(path);
		if (!path.startsWith(mount)) return void res.writeHead(404).end('not found');
		let file = normalize(join(dir, path.slice(mount.length - 1)));
		if (!file.startsWith(dir)) return void res.writeHead(403).end('forbidden');
		try {
			if (statSync(file).isDirectory()) file = join(file, 'index.html');
			const size = statSync(file).size;
			res.writeHead(200, {
				'content-type':
					types[/** @type {keyof types} */ (extname(file))] ?? 'application/octet-stream',
				'content-length': size,
				'cache-control': 'no-cache'
			});
			createReadStream(file).pipe(res);
		} catch {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
		}
	});
	await new Promise((done) => server.listen(port, '127.0.0.1', () => done(undefined)));
	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	return {
		url: `http://localhost:${actualPort}${mount}`,
		requests,
		setRoot(next) {
			dir = resolve(next);
		},
		close() {
			server.closeAllConnections();
			return new Promise((done) => server.close(() => done()));
		}
	};
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const [root = 'build', port = '4175', prefix = 'banmian'] = process.argv.slice(2);
	const { url } = await startServer({ root, prefix, port: Number(port) });
	console.log(`serving ${resolve(root)} at ${url}`);
}
