// The library starts loading with the app, not when the first view mounts: the worker's script
// and the opened page's text then download while the view's own code does. On a first visit
// (no service worker yet) the reading store's code waits until the first page has arrived.
import { library } from '$lib/state/library.svelte';
import { underServiceWorker } from '$lib/platform/sw-client';
import { holdReadingStoreUntil } from '$lib/state/store-loader';
import { readableHash } from '$lib/links';
import type { ClientInit } from '@sveltejs/kit';

if (!underServiceWorker()) holdReadingStoreUntil(library.firstPageListed());
void library.load();

/**
 * The router decodes the opening link's hash once before it routes (and a malformed escape
 * throws there): the hash is made readable first, so a bad link shows "not found".
 */
export const init: ClientInit = () => {
	const hash = readableHash(location.hash);
	if (hash !== null) history.replaceState(history.state, '', hash);
};
