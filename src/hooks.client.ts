// The library starts loading with the app, not when the first view mounts: the worker's script
// and the opened page's text then download while the view's own code does. On a first visit
// (no service worker yet) the reading store's code waits until the first page has arrived.
import { library } from '$lib/state/library.svelte';
import { underServiceWorker } from '$lib/platform/sw-client';
import { holdReadingStoreUntil } from '$lib/state/store-loader';

if (!underServiceWorker()) holdReadingStoreUntil(library.firstArrival());
void library.load();
