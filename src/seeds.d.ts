/** The pages the build bundles, in file-name order (scripts/seeds.mjs). */
declare module 'virtual:banmian-seeds' {
	const seeds: { source: string; url: string; sidecar: unknown }[];
	export default seeds;
}
