// Simplified/traditional display conversion with opencc-js, loaded only when the reader picks
// it: the traditional dictionary alone is about 1 MB.
import type { Script } from '../core/state/types';

type Convert = (text: string) => string;
const loaded = new Map<Script, Promise<Convert>>();

export function loadScriptConverter(script: Script): Promise<Convert> {
	if (script === 'source') return Promise.resolve((text) => text);
	let converter = loaded.get(script);
	if (!converter) {
		converter =
			script === 'traditional'
				? import('opencc-js/cn2t').then((m) => m.Converter({ from: 'cn', to: 'tw' }))
				: import('opencc-js/t2cn').then((m) => m.Converter({ from: 'tw', to: 'cn' }));
		// A failed load (offline before it was cached) may be retried later.
		converter.catch(() => loaded.delete(script));
		loaded.set(script, converter);
	}
	return converter;
}
