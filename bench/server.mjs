// The benchmark's static server: like scripts/serve-static.mjs (no rewrites), but the way a
// typical static host serves: gzip for text, ETag revalidation, long caching for hashed files.
// It counts the bytes it sends per request, so "bytes transferred" includes the worker's and
// the service worker's fetches, which no single page CDP session sees.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentTypes } from '../scripts/content-types.mjs';

const types = contentTypes;
const compressible = new Set([
	'.html',
	'.js',
	'.mjs',
	'.css',
	'.json',
	'.webmanifest',
	'.svg',
	'.txt',
	'.md'
]);

/**
 * Serves each `mounts` entry (URL prefix → directory) on `port`. Returns the server, a log of
 * `{ at, path, bytes, status }` (bytes = body as sent, gzip when gzipped) and `reset()`.
 * With `http2`, it speaks HTTP/2 over TLS with a throwaway self-signed certificate (made with
 * openssl; the browser must ignore certificate errors), as a CDN does: many files of one round
 * then share one connection instead of queueing for HTTP/1.1's six.
 * @param {Record<string, string>} mounts e.g. { '/': 'build', '/floor/': 'bench/out/floor' }
 * @param {number} port
 * @param {{ http2?: boolean }} [options]
 */
export function startServer(mounts, port, options = {}) {
	const roots = Object.entries(mounts)
		.map(([prefix, dir]) => [prefix, resolve(dir)])
		.sort((a, b) => b[0].length - a[0].length);
	/** @type {{ at: number, path: string, bytes: number, status: number }[]} */
	const log = [];
	/** @type {Map<string, { etag: string, raw: Buffer, gz: Buffer | null, mtime: number }>} */
	const cache = new Map();

	function load(file) {
		const stat = statSync(file);
		const hit = cache.get(file);
		if (hit && hit.mtime === stat.mtimeMs) return hit;
		const raw = readFileSync(file);
		const entry = {
			etag: `"${createHash('sha1').update(raw).digest('base64url').slice(0, 16)}"`,
			raw,
			gz: compressible.has(extname(file)) ? gzipSync(raw) : null,
			mtime: stat.mtimeMs
		};
		cache.set(file, entry);
		return entry;
	}

	/** @type {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void} */
	const handle = (req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		const mount = roots.find(([m]) => path.startsWith(m) || `${path}/` === m);
		const record = (status, bytes) => log.push({ at: Date.now(), path, bytes, status });
		if (!mount) {
			record(404, 9);
			return void res.writeHead(404).end('not found');
		}
		const [prefix, root] = mount;
		let file = normalize(join(root, path.slice(prefix.length - 1)));
		if (!file.startsWith(root)) return void res.writeHead(403).end('forbidden');
		try {
			if (statSync(file).isDirectory()) file = join(file, 'index.html');
			const entry = load(file);
			const headers = {
				'content-type': types[extname(file)] ?? 'application/octet-stream',
				etag: entry.etag,
				'cache-control': path.includes('/_app/immutable/')
					? 'public, max-age=31536000, immutable'
					: 'no-cache'
			};
			if (req.headers['if-none-match'] === entry.etag) {
				record(304, 0);
				return void res.writeHead(304, headers).end();
			}
			const gzip = entry.gz && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
			const body = gzip ? entry.gz : entry.raw;
			if (gzip) headers['content-encoding'] = 'gzip';
			headers['content-length'] = body.length;
			headers.vary = 'accept-encoding';
			record(200, body.length);
			res.writeHead(200, headers).end(body);
		} catch {
			record(404, 9);
			res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
		}
	};
	const server = options.http2
		? createSecureServer(
				{ ...selfSignedCertificate(), allowHTTP1: true },
				/** @type {any} */ (handle)
			)
		: createServer(handle);
	/** @type {Set<import('node:http2').Http2Session>} */
	const sessions = new Set();
	server.on('session', (session) => {
		sessions.add(session);
		session.on('close', () => sessions.delete(session));
	});
	return new Promise((resolvePromise, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () =>
			resolvePromise({
				server,
				log,
				reset: () => void log.splice(0),
				close: () =>
					new Promise((done) => {
						server.close(() => done(undefined));
						// Keep-alive sockets would hold close() open until they time out.
						if ('closeAllConnections' in server) server.closeAllConnections();
						else for (const session of sessions) session.destroy();
					})
			})
		);
	});
}

/** A key and certificate for 127.0.0.1, valid for a day. */
function selfSignedCertificate() {
	const dir = mkdtempSync(join(tmpdir(), 'banmian-cert-'));
	try {
		execFileSync(
			'openssl',
			[
				'req',
				'-x509',
				'-newkey',
				'rsa:2048',
				'-nodes',
				'-days',
				'1',
				'-keyout',
				join(dir, 'key.pem'),
				'-out',
				join(dir, 'cert.pem'),
				'-subj',
				'/CN=127.0.0.1',
				'-addext',
				'subjectAltName=IP:127.0.0.1'
			],
			{ stdio: 'ignore' }
		);
		return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) {
	const [dir = 'build', port = '4301'] = process.argv.slice(2);
	startServer({ '/': dir }, Number(port)).then(() =>
		console.log(`serving ${resolve(dir)} on http://localhost:${port}`)
	);
}
