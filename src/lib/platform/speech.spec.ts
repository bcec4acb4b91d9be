import { describe, expect, it } from 'vitest';
import { browserSpeechEngine, type SpeechScope } from './speech';

class FakeUtterance {
	voice: unknown = null;
	lang = '';
	rate = 1;
	onend: ((event: object) => void) | null = null;
	onerror: ((event: { error: string }) => void) | null = null;
	constructor(readonly text: string) {}
}

/** Behaves as browsers do where it matters: cancelling fires `error` on what it stops. */
class FakeSynthesis extends EventTarget {
	queue: FakeUtterance[] = [];
	paused = false;
	resumed = 0;
	voiceList = [
		{ name: 'Samantha', lang: 'en-US' },
		{ name: 'Tingting', lang: 'zh-CN' }
	];
	getVoices() {
		return this.voiceList;
	}
	speak(utterance: FakeUtterance) {
		this.queue.push(utterance);
	}
	cancel() {
		const stopped = this.queue;
		this.queue = [];
		for (const utterance of stopped) utterance.onerror?.({ error: 'interrupted' });
	}
	resume() {
		this.paused = false;
		this.resumed++;
	}
	/** The utterance being said ends. */
	end() {
		this.queue.shift()?.onend?.({});
	}
}

function setup() {
	const synth = new FakeSynthesis();
	const scope = {
		speechSynthesis: synth,
		SpeechSynthesisUtterance: FakeUtterance
	} as unknown as SpeechScope;
	const engine = browserSpeechEngine(scope)!;
	const events: string[] = [];
	const handlers = (name: string) => ({
		onEnd: () => events.push(`${name} ended`),
		onError: (error: string) => events.push(`${name} ${error}`)
	});
	return { synth, engine, events, handlers };
}

describe('browserSpeechEngine', () => {
	it('is missing where the browser has no speech synthesis', () => {
		expect(browserSpeechEngine({})).toBeNull();
	});

	it('speaks with the voice, language and rate asked for, and tells when it ends', () => {
		const { synth, engine, events, handlers } = setup();
		const voice = engine.voices().find((v) => v.lang === 'zh-CN')!;
		engine.speak('春水初生。', { voice, rate: 1.5 }, handlers('first'));
		expect(synth.queue[0]).toMatchObject({ text: '春水初生。', voice, lang: 'zh-CN', rate: 1.5 });
		synth.end();
		expect(events).toEqual(['first ended']);
	});

	it('never reports on an utterance it was told to stop', () => {
		const { synth, engine, events, handlers } = setup();
		const voice = engine.voices()[1];
		engine.speak('一。', { voice, rate: 1 }, handlers('first'));
		engine.cancel();
		engine.speak('二。', { voice, rate: 1 }, handlers('second'));
		engine.speak('三。', { voice, rate: 1 }, handlers('third'));
		synth.end();
		expect(events).toEqual(['third ended']);
		engine.speak('四。', { voice, rate: 1 }, handlers('fourth'));
		synth.queue[0].onerror?.({ error: 'synthesis-failed' });
		expect(events).toEqual(['third ended', 'fourth synthesis-failed']);
	});

	it('starts a queue left paused, and passes on voiceschanged until unsubscribed', () => {
		const { synth, engine } = setup();
		synth.paused = true;
		engine.speak('一。', { voice: engine.voices()[1], rate: 1 }, { onEnd() {}, onError() {} });
		expect(synth.resumed).toBe(1);
		let changes = 0;
		const unsubscribe = engine.onVoicesChanged(() => changes++);
		synth.dispatchEvent(new Event('voiceschanged'));
		unsubscribe();
		synth.dispatchEvent(new Event('voiceschanged'));
		expect(changes).toBe(1);
	});
});
