// Archive mode: BANMIAN_ARCHIVE lists page folders (separated as PATH is) that the build
// publishes as a static archive under `archive/` (scripts/publish-archive.ts) instead of bundling
// them: the app's JavaScript then lists no page at all, and the reader fetches the manifest, a
// month's catalog shard, a page's file or an index shard when it needs one.
// BANMIAN_ARCHIVE_ISSUES: how many of the newest issues the service worker keeps for offline
// reading from the start (default 3). BANMIAN_ARCHIVE_SHARD_BYTES and BANMIAN_ARCHIVE_CHUNK_BYTES:
// the index shards' and postings chunks' target sizes (the builder's defaults, about 12 KB and
// 4 KB, unless set; the small test archive sets them low so a query fetches some shards and not
// others, and frequent tokens have chunk files). BANMIAN_OUT: the build folder (default `build`).
import { seedFolders } from './seeds.mjs';

export const DEFAULT_PRECACHE_ISSUES = 3;
/** Where in the build the archive lives, relative to the app's root. */
export const ARCHIVE_DIR = 'archive';

/**
 * @param {NodeJS.ProcessEnv} env
 * @param {string} root the project folder that relative entries are resolved against
 * @returns {{ folders: string[]; precacheIssues: number; shardBytes: number | undefined; chunkBytes: number | undefined } | null}
 *   null without BANMIAN_ARCHIVE
 */
export function archiveSettings(env, root) {
	const setting = env.BANMIAN_ARCHIVE?.trim();
	if (!setting) return null;
	const issues = Number(env.BANMIAN_ARCHIVE_ISSUES ?? DEFAULT_PRECACHE_ISSUES);
	if (!Number.isInteger(issues) || issues < 0) {
		throw new Error(`BANMIAN_ARCHIVE_ISSUES must be a whole number ≥ 0, not ${issues}`);
	}
	return {
		folders: seedFolders(setting, root),
		precacheIssues: issues,
		shardBytes: byteSetting(env, 'BANMIAN_ARCHIVE_SHARD_BYTES'),
		chunkBytes: byteSetting(env, 'BANMIAN_ARCHIVE_CHUNK_BYTES')
	};
}

/**
 * @param {NodeJS.ProcessEnv} env
 * @param {string} name
 * @returns {number | undefined} undefined when unset: the builder's default
 */
function byteSetting(env, name) {
	const value = env[name] ? Number(env[name]) : undefined;
	if (value !== undefined && !(Number.isInteger(value) && value > 0)) {
		throw new Error(`${name} must be a whole number > 0`);
	}
	return value;
}

/** @param {NodeJS.ProcessEnv} env */
export function buildFolder(env) {
	return env.BANMIAN_OUT?.trim() || 'build';
}
