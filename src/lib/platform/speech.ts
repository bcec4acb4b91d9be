/**
 * The browser's speech synthesis behind a small interface, so the read-aloud state can be driven
 * by a fake engine in tests. One utterance at a time.
 */

import type { VoiceInfo } from '../core/speech/voice';

export interface UtteranceHandlers {
	onEnd: () => void;
	/** `error` is the browser's code, e.g. `synthesis-failed`, `not-allowed`. */
	onError: (error: string) => void;
}

export interface SpeechEngine {
	/** The voices known so far; some browsers list none until `onVoicesChanged` fires. */
	voices(): readonly VoiceInfo[];
	/** Calls `listener` whenever the list of voices changes; returns the unsubscribe. */
	onVoicesChanged(listener: () => void): () => void;
	/**
	 * Speaks `text`, stopping anything still being said. `voice` is one of `voices()`. The
	 * handlers of an utterance that `cancel` (or a later `speak`) stopped are never called.
	 */
	speak(
		text: string,
		options: { voice: VoiceInfo; rate: number },
		handlers: UtteranceHandlers
	): void;
	/** Stops speaking at once. */
	cancel(): void;
}

/** The parts of `window` used here: injectable, so the wrapper can be tested without a browser. */
export interface SpeechScope {
	speechSynthesis?: SpeechSynthesis;
	SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance;
}

/** The engine over `window.speechSynthesis`, or null where the browser has none. */
export function browserSpeechEngine(
	scope: SpeechScope = typeof window === 'undefined' ? {} : window
): SpeechEngine | null {
	const synth = scope.speechSynthesis;
	const Utterance = scope.SpeechSynthesisUtterance;
	if (!synth || !Utterance) return null;
	// Held while it is spoken: Chrome may collect an unreferenced utterance and never end it.
	let current: SpeechSynthesisUtterance | null = null;
	const stop = () => {
		// Cleared first: cancelling fires `error` (`interrupted`) on the utterance it stops.
		current = null;
		synth.cancel();
	};
	return {
		voices: () => synth.getVoices(),
		onVoicesChanged(listener) {
			synth.addEventListener('voiceschanged', listener);
			return () => synth.removeEventListener('voiceschanged', listener);
		},
		speak(text, { voice, rate }, handlers) {
			stop();
			const utterance = new Utterance(text);
			const own = synth.getVoices().find((v) => v === voice || v.name === voice.name);
			if (own) utterance.voice = own;
			utterance.lang = voice.lang;
			utterance.rate = rate;
			utterance.onend = () => {
				if (current !== utterance) return;
				current = null;
				handlers.onEnd();
			};
			utterance.onerror = (event) => {
				if (current !== utterance) return;
				current = null;
				handlers.onError(event.error);
			};
			current = utterance;
			synth.speak(utterance);
			// Chrome can keep the queue paused from an earlier page; speaking alone would not start it.
			if (synth.paused) synth.resume();
		},
		cancel: stop
	};
}
