/**
 * Which voice reads aloud: a Chinese one, mainland (zh-CN) first, or Taiwan and Hong Kong
 * (zh-TW, zh-HK) first when the display is set to 繁體; any Chinese voice rather than none.
 */

import type { Script } from '../state/types';

/** What choosing needs of a voice: the browser's `SpeechSynthesisVoice` fits. */
export interface VoiceInfo {
	name: string;
	lang: string;
	default?: boolean;
	localService?: boolean;
}

type Region = 'mainland' | 'taiwan' | 'hongkong' | 'other';

/** Browsers write `zh-CN`, `zh_CN`, `cmn-Hans-CN`, `yue-HK`, `zh-Hant-TW` or plain `zh`. */
function regionOf(lang: string): Region | null {
	const tags = lang.toLowerCase().replace(/_/g, '-').split('-');
	const [language, ...rest] = tags;
	if (language !== 'zh' && language !== 'cmn' && language !== 'yue') return null;
	if (language === 'yue' || rest.includes('hk') || rest.includes('mo') || rest.includes('yue'))
		return 'hongkong';
	if (rest.includes('tw') || rest.includes('hant')) return 'taiwan';
	if (rest.length === 0 || rest.includes('cn') || rest.includes('hans') || rest.includes('sg'))
		return 'mainland';
	return 'other';
}

/**
 * The voice to read with, or null when none speaks Chinese. Among voices of the preferred
 * region, the system's default first, then one on the device (it works offline), then the
 * browser's order.
 */
export function chooseVoice<V extends VoiceInfo>(voices: readonly V[], script: Script): V | null {
	const order: Region[] =
		script === 'traditional'
			? ['taiwan', 'hongkong', 'mainland', 'other']
			: ['mainland', 'taiwan', 'hongkong', 'other'];
	const rank = (v: V) => {
		const region = regionOf(v.lang);
		return region === null
			? Infinity
			: order.indexOf(region) * 4 + (v.default ? 0 : 2) + (v.localService ? 0 : 1);
	};
	let best: V | null = null;
	for (const voice of voices) if (rank(voice) < (best ? rank(best) : Infinity)) best = voice;
	return best;
}
