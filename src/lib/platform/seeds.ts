import seeds from 'virtual:banmian-seeds';
import type { SidecarMeta } from '../core/parse/types';

/** A bundled page: its text is a separate build asset, fetched only when needed. */
export interface SeedEntry {
	/** The file name, e.g. `000_8d483b34ee5996a6.txt`. */
	source: string;
	/** URL of the text asset, absolute against the page. */
	url: string;
	sidecar: SidecarMeta | null;
}

// The build lists the pages of its seed folders (BANMIAN_SEEDS, scripts/seeds.mjs), each an
// emitted asset, so adding a file needs no code change and no page text lands in the
// first-load JavaScript.
export function listSeeds(baseHref: string): SeedEntry[] {
	return seeds.map((seed) => ({
		source: seed.source,
		url: new URL(seed.url, baseHref).href,
		sidecar: seed.sidecar && typeof seed.sidecar === 'object' ? (seed.sidecar as SidecarMeta) : null
	}));
}
