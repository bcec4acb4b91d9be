import { describe, expect, it } from 'vitest';
import { chooseVoice } from './voice';

const voice = (
	name: string,
	lang: string,
	extra: { default?: boolean; localService?: boolean } = {}
) => ({
	name,
	lang,
	localService: true,
	...extra
});

describe('chooseVoice', () => {
	const english = voice('Samantha', 'en-US', { default: true });
	const mainland = voice('Tingting', 'zh-CN');
	const taiwan = voice('Meijia', 'zh-TW');
	const hongkong = voice('Sinji', 'zh_HK');

	it('prefers a mainland voice for simplified or source text, Taiwan then Hong Kong for 繁體', () => {
		const voices = [english, hongkong, taiwan, mainland];
		expect(chooseVoice(voices, 'simplified')).toBe(mainland);
		expect(chooseVoice(voices, 'source')).toBe(mainland);
		expect(chooseVoice(voices, 'traditional')).toBe(taiwan);
		expect(chooseVoice([english, hongkong, mainland], 'traditional')).toBe(hongkong);
	});

	it('takes any Chinese voice rather than none, and none that is not Chinese', () => {
		expect(chooseVoice([english, taiwan], 'simplified')).toBe(taiwan);
		expect(chooseVoice([english, mainland], 'traditional')).toBe(mainland);
		expect(chooseVoice([english, voice('Zhuang', 'za-CN')], 'simplified')).toBeNull();
		expect(chooseVoice([], 'simplified')).toBeNull();
	});

	it('reads the ways browsers write Chinese languages', () => {
		expect(chooseVoice([voice('a', 'cmn-Hans-CN')], 'simplified')?.name).toBe('a');
		expect(chooseVoice([voice('b', 'zh')], 'simplified')?.name).toBe('b');
		const hant = voice('c', 'zh-Hant-TW');
		expect(chooseVoice([voice('d', 'zh-CN'), hant], 'traditional')).toBe(hant);
		const cantonese = voice('e', 'yue-HK');
		expect(chooseVoice([voice('f', 'zh-CN'), cantonese], 'traditional')).toBe(cantonese);
	});

	it('among voices of one region, takes the default, then one on the device', () => {
		const online = voice('Google 普通话', 'zh-CN', { localService: false });
		const local = voice('Tingting', 'zh-CN');
		const preferred = voice('Yaoyao', 'zh-CN', { default: true, localService: false });
		expect(chooseVoice([online, local], 'simplified')).toBe(local);
		expect(chooseVoice([online, local, preferred], 'simplified')).toBe(preferred);
	});
});
