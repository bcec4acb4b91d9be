// The library starts loading with the app, not when the first view mounts: the worker's script
// and the opened page's text then download while the view's own code does.
import { library } from '$lib/state/library.svelte';

void library.load();
