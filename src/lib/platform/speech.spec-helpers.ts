/** A speech engine for tests: records what it is asked to say; the test says when it ends. */

import type { VoiceInfo } from '../core/speech/voice';
import type { SpeechEngine, UtteranceHandlers } from './speech';

export interface SpokenUtterance {
	text: string;
	rate: number;
	voice: string;
}

export class FakeSpeechEngine implements SpeechEngine {
	/** Every utterance asked for, in order, however it ended. */
	readonly spoken: SpokenUtterance[] = [];
	#voices: VoiceInfo[];
	#listeners = new Set<() => void>();
	#handlers: UtteranceHandlers | null = null;

	constructor(voices: VoiceInfo[] = [{ name: 'Tingting', lang: 'zh-CN' }]) {
		this.#voices = voices;
	}

	voices(): readonly VoiceInfo[] {
		return this.#voices;
	}

	onVoicesChanged(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	speak(text: string, options: { voice: VoiceInfo; rate: number }, handlers: UtteranceHandlers) {
		this.spoken.push({ text, rate: options.rate, voice: options.voice.name });
		this.#handlers = handlers;
	}

	cancel(): void {
		this.#handlers = null;
	}

	/** Whether an utterance is being said. */
	get speaking(): boolean {
		return this.#handlers !== null;
	}

	/** The voices arrive or change, as `voiceschanged` tells. */
	setVoices(voices: VoiceInfo[]): void {
		this.#voices = voices;
		for (const listener of this.#listeners) listener();
	}

	/** The utterance being said comes to its end. */
	finish(): void {
		const handlers = this.#handlers;
		this.#handlers = null;
		handlers?.onEnd();
	}

	/** The utterance being said fails. */
	fail(error: string): void {
		const handlers = this.#handlers;
		this.#handlers = null;
		handlers?.onError(error);
	}
}
