import { normalisePunctuation } from '../core/display/punctuation';
import { toVerticalForms } from '../core/display/vertical';
import { loadScriptConverter } from '../platform/script-convert';
import { readerSettings } from './settings.svelte';

/**
 * The article's text as the reader's settings show it: punctuation, 简/繁 script (its converter
 * loaded when first chosen) and vertical forms. Every transform keeps offsets as they are.
 * Create it while a component initialises: it follows the settings for that component's life.
 */
export class ReaderText {
	#convert = $state<(text: string) => string>((text) => text);

	constructor() {
		$effect(() => {
			loadScriptConverter(readerSettings.current.script)
				.catch(() => (text: string) => text)
				.then((convert) => (this.#convert = convert));
		});
	}

	display = (text: string): string => {
		const settings = readerSettings.current;
		const punctuated = settings.punctuation === 'fullwidth' ? normalisePunctuation(text) : text;
		const converted = this.#convert(punctuated);
		return settings.writing === 'vertical' ? toVerticalForms(converted) : converted;
	};
}
