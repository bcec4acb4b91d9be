// Which pages a build bundles. BANMIAN_SEEDS lists the folders (separated as PATH is, `:` on
// Linux and macOS), relative to the project or absolute; unset, it is `seeds`, the real pages a
// reader gets. The test build adds tests/fixtures/seeds, whose invented pages never ship.
import { readdirSync } from 'node:fs';
import { delimiter, extname, join, resolve, sep } from 'node:path';

export const DEFAULT_SEEDS = 'seeds';
/** What the end-to-end build bundles (package.json's test:e2e sets the same). */
export const TEST_SEEDS = ['seeds', 'tests/fixtures/seeds'].join(delimiter);
export const VIRTUAL_SEEDS = 'virtual:banmian-seeds';
const RESOLVED_VIRTUAL_SEEDS = '\0' + VIRTUAL_SEEDS;

const PAGE = /\.(txt|md)$/i;

/**
 * The seed folders, absolute, from a BANMIAN_SEEDS value.
 * @param {string | undefined} setting
 * @param {string} root the project folder that relative entries are resolved against
 */
export function seedFolders(setting, root) {
	const entries = (setting ?? '')
		.split(delimiter)
		.map((entry) => entry.trim())
		.filter(Boolean);
	return (entries.length > 0 ? entries : [DEFAULT_SEEDS]).map((entry) => resolve(root, entry));
}

/**
 * @typedef {object} SeedFile
 * @property {string} name the file name, which the page's id comes from
 * @property {string} path absolute
 * @property {string | null} sidecar absolute path of `NAME.json` beside it, if there is one
 */

/**
 * Every page in the folders, by file name. Two pages of one name would get one id, so that
 * stops the build.
 * @param {string[]} folders absolute
 * @returns {SeedFile[]}
 */
export function seedFiles(folders) {
	/** @type {Map<string, SeedFile>} */
	const byName = new Map();
	for (const folder of folders) {
		const names = readdirSync(folder);
		const sidecars = new Set(names.filter((name) => extname(name).toLowerCase() === '.json'));
		for (const name of names.filter((name) => PAGE.test(name))) {
			const path = join(folder, name);
			const earlier = byName.get(name);
			if (earlier) throw new Error(`Two seed pages named ${name}: ${earlier.path} and ${path}`);
			const sidecar = name.replace(PAGE, '.json');
			byName.set(name, {
				name,
				path,
				sidecar: sidecars.has(sidecar) ? join(folder, sidecar) : null
			});
		}
	}
	return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The code of `virtual:banmian-seeds`: each page an emitted asset (`?url`), so no page text
 * lands in the JavaScript, and each sidecar inlined as data.
 * @param {SeedFile[]} files
 */
export function seedModule(files) {
	/** @type {string[]} */
	const imports = [];
	/** @type {string[]} */
	const entries = [];
	files.forEach((file, i) => {
		imports.push(`import url${i} from ${JSON.stringify(file.path + '?url')};`);
		if (file.sidecar) imports.push(`import sidecar${i} from ${JSON.stringify(file.sidecar)};`);
		entries.push(
			`{ source: ${JSON.stringify(file.name)}, url: url${i}, sidecar: ${file.sidecar ? `sidecar${i}` : 'null'} }`
		);
	});
	return `${imports.join('\n')}\nexport default [\n\t${entries.join(',\n\t')}\n];\n`;
}

/**
 * The Vite plugin that gives the app its seed list as `virtual:banmian-seeds`.
 * @param {string[]} folders absolute, from seedFolders
 * @returns {import('vite').Plugin}
 */
export function seedsPlugin(folders) {
	return {
		name: 'banmian-seeds',
		resolveId(id) {
			return id === VIRTUAL_SEEDS ? RESOLVED_VIRTUAL_SEEDS : undefined;
		},
		load(id) {
			if (id !== RESOLVED_VIRTUAL_SEEDS) return undefined;
			for (const folder of folders) this.addWatchFile(folder);
			return seedModule(seedFiles(folders));
		},
		configureServer(server) {
			// A page added to or removed from a seed folder changes the list: reload with it.
			server.watcher.add(folders);
			const changed = (/** @type {string} */ file) => {
				if (!inSeedFolder(folders, file)) return;
				const module = server.moduleGraph.getModuleById(RESOLVED_VIRTUAL_SEEDS);
				if (module) server.moduleGraph.invalidateModule(module);
				server.ws.send({ type: 'full-reload' });
			};
			server.watcher.on('add', changed);
			server.watcher.on('unlink', changed);
		}
	};
}

/**
 * Whether a file lies in one of the seed folders (pages are fetched when needed, never
 * inlined into the JavaScript, however small).
 * @param {string[]} folders absolute
 * @param {string} file absolute
 */
export function inSeedFolder(folders, file) {
	return folders.some((folder) => file.startsWith(folder + sep));
}
