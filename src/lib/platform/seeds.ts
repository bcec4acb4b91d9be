import type { SidecarMeta } from '../core/parse/types';

/** A bundled page: its text is a separate build asset, fetched only when needed. */
export interface SeedEntry {
	/** The file name, e.g. `000_8d483b34ee5996a6.txt`. */
	source: string;
	/** URL of the text asset, absolute against the page. */
	url: string;
	sidecar: SidecarMeta | null;
}

// `?url` turns each seed into an emitted asset and gives back only its URL, so adding a file
// to seeds/ needs no code change and no page text lands in the first-load JavaScript.
const textUrls = import.meta.glob('/seeds/*.{txt,md}', {
	query: '?url',
	import: 'default',
	eager: true
}) as Record<string, string>;

const sidecars = import.meta.glob('/seeds/*.json', { import: 'default', eager: true }) as Record<
	string,
	unknown
>;

function fileName(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}

function sidecarFor(path: string): SidecarMeta | null {
	const base = path.replace(/\.(txt|md)$/i, '');
	const raw = sidecars[`${base}.json`];
	return raw && typeof raw === 'object' ? (raw as SidecarMeta) : null;
}

export function listSeeds(baseHref: string): SeedEntry[] {
	return Object.keys(textUrls)
		.sort()
		.map((path) => ({
			source: fileName(path),
			url: new URL(textUrls[path], baseHref).href,
			sidecar: sidecarFor(path)
		}));
}
