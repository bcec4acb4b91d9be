import type { Handle } from '@sveltejs/kit';
import { building } from '$app/environment';
import { base } from '$app/paths';

// With the hash router Kit renders index.html as a fallback page and writes root-absolute
// asset URLs into it (`/_app/…`) even with `paths.relative`; rewritten to `./`, the build works
// under any sub-path. Not needed (and not done) when a base path is configured.
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) =>
			building && !base
				? html.replace(/(href|src)="\/(?!\/)/g, '$1="./').replaceAll('import("/', 'import("./')
				: html
	});
