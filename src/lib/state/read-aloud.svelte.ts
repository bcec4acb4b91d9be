/**
 * 朗读: reads an article (and its continuations) aloud sentence by sentence through a speech
 * engine, exposing the sentence being read for highlighting and reporting the reading position
 * as it goes. Pausing stops the utterance and resuming says that sentence again from its start:
 * browsers' own pause is unreliable (Chrome on Android ends speech instead).
 */

import type { ArticleRef } from '../core/parse/links';
import {
	readingPlan,
	sentenceAt,
	type ReadablePart,
	type SpokenBlock,
	type SpokenSentence
} from '../core/speech/plan';
import { chooseVoice, type VoiceInfo } from '../core/speech/voice';
import type { Script } from '../core/state/types';
import type { SpeechEngine } from '../platform/speech';

export type ReadAloudStatus = 'idle' | 'playing' | 'paused' | 'unavailable' | 'no-chinese-voice';

/** The speeds offered; any rate between the first and the last is accepted. */
export const READ_ALOUD_RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;
const RATE_MIN = READ_ALOUD_RATES[0];
const RATE_MAX = READ_ALOUD_RATES[READ_ALOUD_RATES.length - 1];

/** An article to read: itself, then its continuations in the library (see `joinedReading`). */
export interface ReadAloudArticle {
	parts: (ArticleRef & { article: ReadablePart })[];
}

/** The sentence being read: in which part, heading or paragraph, and where in it. */
export interface ReadAloudCursor extends ArticleRef {
	part: number;
	block: SpokenBlock;
	/** The paragraph's index in its own article's paragraphs; null for kicker, title, subtitle. */
	paragraph: number | null;
	start: number;
	end: number;
}

/** A place in the body of one part: the article's own reading position. */
export interface ReadAloudPlace {
	part: number;
	paragraph: number;
	offset: number;
}

export interface ReadAloudOptions {
	/** Null where the browser cannot speak: the state stays `unavailable`. */
	engine: SpeechEngine | null;
	/** The display's script, read at each start (繁體 prefers a Taiwan or Hong Kong voice). */
	script: () => Script;
	/** The article after this one on its page, for reading on when `continueToNext` is set. */
	next?: (after: ArticleRef) => ReadAloudArticle | null | Promise<ReadAloudArticle | null>;
	/** Each body sentence as its reading starts (or as the reader skips to it). */
	onPosition?: (place: ArticleRef & { paragraph: number; offset: number }) => void;
	/** Reading went on into the next article (the view may open it). */
	onArticle?: (article: ReadAloudArticle) => void;
}

const PROBLEMS: Record<string, string> = {
	'not-allowed': '浏览器不允许朗读，请再点一次播放',
	'audio-busy': '音频设备正忙，稍后再试',
	network: '语音需要网络，请检查网络连接'
};

const articleKey = (article: ReadAloudArticle) =>
	article.parts[0] ? `${article.parts[0].documentId}\n${article.parts[0].articleId}` : '';

export class ReadAloud {
	status = $state<ReadAloudStatus>('idle');
	rate = $state(1);
	/** Read on into the next article of the page at the end, instead of stopping. */
	continueToNext = $state(false);
	/** The sentence being read, or where reading is paused; null when not reading. */
	current = $state.raw<ReadAloudCursor | null>(null);
	/** The article being read, which may have become the next one on the page. */
	article = $state.raw<ReadAloudArticle | null>(null);
	/** Why reading paused on its own (the browser refused or failed); null otherwise. */
	problem = $state<string | null>(null);

	#options: ReadAloudOptions;
	#plan: SpokenSentence[] = [];
	#index = 0;
	#voice: VoiceInfo | null = null;
	/** Bumped whenever speaking stops or restarts: handlers of an older run do nothing. */
	#run = 0;
	/** The articles read in this run, so reading on never comes back to one. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, not rendered state
	#read = new Set<string>();
	#unsubscribe: () => void = () => {};

	constructor(options: ReadAloudOptions) {
		this.#options = options;
		const { engine } = options;
		if (!engine) {
			this.status = 'unavailable';
			return;
		}
		this.#unsubscribe = engine.onVoicesChanged(() => this.#voicesChanged());
		this.#voicesChanged();
	}

	/** Whether a play button belongs on the page at all. */
	get available(): boolean {
		return this.status !== 'unavailable';
	}

	/** Reads `article` from the top, or from the sentence holding `from`. */
	play(article: ReadAloudArticle, from?: ReadAloudPlace): void {
		const engine = this.#options.engine;
		if (!engine) return;
		this.#silence();
		this.#voice = chooseVoice(engine.voices(), this.#options.script());
		if (!this.#voice) {
			this.status = 'no-chinese-voice';
			this.current = null;
			return;
		}
		this.problem = null;
		this.#read.clear();
		this.#load(article);
		this.#index = from ? sentenceAt(this.#plan, from) : 0;
		this.#sayFromIndex();
	}

	pause(): void {
		if (this.status !== 'playing') return;
		this.#silence();
		this.status = 'paused';
	}

	/** Says the paused sentence again from its start. */
	resume(): void {
		if (this.status !== 'paused') return;
		this.problem = null;
		this.#sayFromIndex();
	}

	stop(): void {
		if (this.status !== 'playing' && this.status !== 'paused') return;
		this.#silence();
		this.status = 'idle';
		this.current = null;
	}

	/** The sentence before (the first one stays the first); paused reading stays paused. */
	back(): void {
		this.#skipTo(Math.max(0, this.#index - 1));
	}

	/** The sentence after; past the last, the article ends as if read to the end. */
	forward(): void {
		this.#skipTo(this.#index + 1);
	}

	/** From 0.75× to 2×; the sentence being read starts again at the new speed. */
	setRate(rate: number): void {
		if (!Number.isFinite(rate)) return;
		this.rate = Math.round(Math.min(RATE_MAX, Math.max(RATE_MIN, rate)) * 100) / 100;
		if (this.status === 'playing') this.#sayFromIndex();
	}

	/** Stops reading and stops listening to the engine. */
	destroy(): void {
		this.stop();
		this.#unsubscribe();
	}

	#voicesChanged(): void {
		if (this.status === 'playing' || this.status === 'paused') return;
		const voices = this.#options.engine?.voices() ?? [];
		// An empty list says nothing yet: some browsers list voices only after a while.
		if (voices.length === 0) return;
		this.status = chooseVoice(voices, this.#options.script()) ? 'idle' : 'no-chinese-voice';
	}

	#load(article: ReadAloudArticle): void {
		this.article = article;
		this.#plan = readingPlan(article.parts.map((p) => p.article));
		this.#read.add(articleKey(article));
	}

	#silence(): void {
		this.#run++;
		this.#options.engine?.cancel();
	}

	#skipTo(index: number): void {
		if (this.status === 'playing') {
			if (index >= this.#plan.length) {
				this.#silence();
				void this.#articleEnded();
				return;
			}
			this.#index = index;
			this.#sayFromIndex();
		} else if (this.status === 'paused' && index < this.#plan.length) {
			this.#index = index;
			this.#show(this.#plan[index]);
		}
	}

	#show(sentence: SpokenSentence): void {
		const part = this.article!.parts[sentence.part];
		const { documentId, articleId } = part;
		const { block, paragraph, start, end } = sentence;
		this.current = { documentId, articleId, part: sentence.part, block, paragraph, start, end };
		if (paragraph !== null)
			this.#options.onPosition?.({ documentId, articleId, paragraph, offset: start });
	}

	#sayFromIndex(): void {
		const engine = this.#options.engine;
		const sentence = this.#plan[this.#index];
		if (!engine || !this.#voice) return;
		if (!sentence) {
			this.#silence();
			void this.#articleEnded();
			return;
		}
		const run = ++this.#run;
		this.#show(sentence);
		this.status = 'playing';
		engine.speak(
			sentence.text,
			{ voice: this.#voice, rate: this.rate },
			{
				onEnd: () => {
					if (run !== this.#run) return;
					this.#index++;
					this.#sayFromIndex();
				},
				onError: (error) => {
					if (run !== this.#run) return;
					this.#silence();
					this.status = 'paused';
					// Interrupted by other speech on the device: not a fault, resuming is enough.
					this.problem = error === 'interrupted' ? null : (PROBLEMS[error] ?? '朗读出错了');
				}
			}
		);
	}

	async #articleEnded(): Promise<void> {
		const run = ++this.#run;
		const next = this.continueToNext ? this.#options.next : undefined;
		const after = this.article?.parts[0];
		let article: ReadAloudArticle | null = null;
		if (next && after) {
			try {
				article = await next({ documentId: after.documentId, articleId: after.articleId });
			} catch {
				article = null;
			}
		}
		// The reader stopped, or started something else, while the next article was looked up.
		if (run !== this.#run) return;
		if (!article || this.#read.has(articleKey(article))) {
			this.status = 'idle';
			this.current = null;
			return;
		}
		this.#load(article);
		this.#index = 0;
		this.#options.onArticle?.(article);
		this.#sayFromIndex();
	}
}
