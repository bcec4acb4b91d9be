import { describe, expect, it } from 'vitest';
import type { ReadablePart } from '../core/speech/plan';
import type { Script } from '../core/state/types';
import { FakeSpeechEngine } from '../platform/speech.spec-helpers';
import { ReadAloud, type ReadAloudArticle, type ReadAloudOptions } from './read-aloud.svelte';

const part = (fields: Partial<ReadablePart>): ReadablePart => ({
	kicker: null,
	title: null,
	subtitle: null,
	paragraphs: [],
	subheads: [],
	...fields
});

const story: ReadAloudArticle = {
	parts: [
		{
			documentId: 'p1',
			articleId: 'a',
			article: part({
				kicker: '春耕时节',
				title: '汾河春早',
				paragraphs: ['春水初生。燕子回来了！', '（记者 张三）']
			})
		},
		{ documentId: 'p2', articleId: 'c', article: part({ paragraphs: ['田里忙起来了。'] }) }
	]
};

const second: ReadAloudArticle = {
	parts: [
		{
			documentId: 'p1',
			articleId: 'b',
			article: part({ title: '古镇', paragraphs: ['古镇新貌。'] })
		}
	]
};

function setup(options: Partial<ReadAloudOptions> = {}, engine = new FakeSpeechEngine()) {
	const positions: string[] = [];
	let script: Script = 'simplified';
	const reader = new ReadAloud({
		engine,
		script: () => script,
		onPosition: (p) => positions.push(`${p.articleId}:${p.paragraph}:${p.offset}`),
		...options
	});
	const said = () => engine.spoken.map((u) => u.text);
	/** Lets every utterance end on its own until the engine falls silent. */
	const finishAll = async () => {
		for (let i = 0; i < 50; i++) {
			if (engine.speaking) engine.finish();
			else await Promise.resolve();
		}
	};
	return { engine, reader, positions, said, finishAll, setScript: (s: Script) => (script = s) };
}

describe('ReadAloud', () => {
	it('reads kicker, title and body across the continuation, then stops', async () => {
		const { reader, engine, said, positions, finishAll } = setup();
		reader.play(story);
		expect(reader.status).toBe('playing');
		expect(reader.current).toMatchObject({ documentId: 'p1', articleId: 'a', block: 'kicker' });
		await finishAll();
		expect(said()).toEqual([
			'春耕时节',
			'汾河春早',
			'春水初生。',
			'燕子回来了！',
			'田里忙起来了。'
		]);
		expect(engine.spoken.every((u) => u.voice === 'Tingting' && u.rate === 1)).toBe(true);
		expect(positions).toEqual(['a:0:0', 'a:0:5', 'c:0:0']);
		expect(reader.status).toBe('idle');
		expect(reader.current).toBeNull();
	});

	it('marks the sentence being read with its part, paragraph and range', () => {
		const { reader, engine } = setup();
		reader.play(story, { part: 0, paragraph: 0, offset: 6 });
		expect(reader.current).toEqual({
			documentId: 'p1',
			articleId: 'a',
			part: 0,
			block: 'body',
			paragraph: 0,
			start: 5,
			end: 11
		});
		engine.finish();
		expect(reader.current).toEqual({
			documentId: 'p2',
			articleId: 'c',
			part: 1,
			block: 'body',
			paragraph: 0,
			start: 0,
			end: 7
		});
	});

	it('pauses, and resumes by saying the paused sentence again', () => {
		const { reader, engine, said } = setup();
		reader.play(story, { part: 0, paragraph: 0, offset: 1 });
		reader.pause();
		expect(reader.status).toBe('paused');
		expect(engine.speaking).toBe(false);
		expect(reader.current?.start).toBe(0);
		reader.resume();
		engine.finish();
		expect(said()).toEqual(['春水初生。', '春水初生。', '燕子回来了！']);
		expect(reader.status).toBe('playing');
	});

	it('skips back and forward by sentence, playing or paused', () => {
		const { reader, engine, said, positions } = setup();
		reader.play(story, { part: 0, paragraph: 0, offset: 5 });
		reader.forward();
		reader.back();
		reader.back();
		reader.pause();
		reader.back();
		reader.back();
		reader.back();
		expect(reader.current?.block).toBe('kicker');
		reader.forward();
		expect(reader.current?.block).toBe('title');
		expect(engine.speaking).toBe(false);
		reader.resume();
		expect(said()).toEqual([
			'燕子回来了！',
			'田里忙起来了。',
			'燕子回来了！',
			'春水初生。',
			'汾河春早'
		]);
		expect(positions).toEqual(['a:0:5', 'c:0:0', 'a:0:5', 'a:0:0']);
	});

	it('ends the article when skipping past its last sentence', async () => {
		const { reader, said } = setup();
		reader.play(story, { part: 1, paragraph: 0, offset: 0 });
		reader.forward();
		await Promise.resolve();
		expect(reader.status).toBe('idle');
		expect(said()).toEqual(['田里忙起来了。']);
	});

	it('says the sentence again at a new speed, kept between 0.75× and 2×', () => {
		const { reader, engine } = setup();
		reader.play(story, { part: 0, paragraph: 0, offset: 1 });
		reader.setRate(1.5);
		reader.setRate(5);
		reader.pause();
		reader.setRate(0.5);
		reader.resume();
		expect(engine.spoken.map((u) => [u.text, u.rate])).toEqual([
			['春水初生。', 1],
			['春水初生。', 1.5],
			['春水初生。', 2],
			['春水初生。', 0.75]
		]);
	});

	it('reads on into the next article of the page when asked, and says so', async () => {
		const opened: string[] = [];
		const { reader, said, finishAll } = setup({
			next: async (after) =>
				after.articleId === 'a' ? second : after.articleId === 'b' ? story : null,
			onArticle: (article) => opened.push(article.parts[0].articleId)
		});
		reader.continueToNext = true;
		reader.play(story, { part: 1, paragraph: 0, offset: 0 });
		await finishAll();
		// the next article read in full, then the chain stops rather than coming back
		expect(said()).toEqual(['田里忙起来了。', '古镇', '古镇新貌。']);
		expect(opened).toEqual(['b']);
		expect(reader.article).toBe(second);
		expect(reader.status).toBe('idle');
	});

	it('stops at the end when reading on is off, whatever comes next', async () => {
		const { reader, said, finishAll } = setup({ next: () => second });
		reader.play(story, { part: 1, paragraph: 0, offset: 0 });
		await finishAll();
		expect(said()).toEqual(['田里忙起来了。']);
		expect(reader.status).toBe('idle');
	});

	it('stays stopped when the reader stops while the next article is looked up', async () => {
		let release: (a: ReadAloudArticle) => void = () => {};
		const { reader, engine, said } = setup({
			next: () => new Promise<ReadAloudArticle>((resolve) => (release = resolve))
		});
		reader.continueToNext = true;
		reader.play(story, { part: 1, paragraph: 0, offset: 0 });
		engine.finish();
		reader.stop();
		release(second);
		await Promise.resolve();
		await Promise.resolve();
		expect(said()).toEqual(['田里忙起来了。']);
		expect(reader.status).toBe('idle');
	});

	it('pauses with a reason when the engine fails, and can resume', () => {
		const { reader, engine, said } = setup();
		reader.play(story, { part: 1, paragraph: 0, offset: 0 });
		engine.fail('not-allowed');
		expect(reader.status).toBe('paused');
		expect(reader.problem).toMatch(/不允许朗读/);
		reader.resume();
		expect(reader.problem).toBeNull();
		expect(said()).toEqual(['田里忙起来了。', '田里忙起来了。']);
	});

	it('is unavailable without an engine, and says when there is no Chinese voice', () => {
		expect(new ReadAloud({ engine: null, script: () => 'source' }).status).toBe('unavailable');
		const english = new FakeSpeechEngine([{ name: 'Samantha', lang: 'en-US' }]);
		const { reader, said } = setup({}, english);
		expect(reader.status).toBe('no-chinese-voice');
		expect(reader.available).toBe(true);
		reader.play(story);
		expect(reader.status).toBe('no-chinese-voice');
		expect(said()).toEqual([]);
		english.setVoices([{ name: 'Tingting', lang: 'zh-CN' }]);
		expect(reader.status).toBe('idle');
	});

	it('waits for voices a browser lists late before saying there is none', () => {
		const late = new FakeSpeechEngine([]);
		const { reader } = setup({}, late);
		expect(reader.status).toBe('idle');
		late.setVoices([{ name: 'Samantha', lang: 'en-US' }]);
		expect(reader.status).toBe('no-chinese-voice');
	});

	it('reads with a Taiwan voice when the display shows 繁體', () => {
		const engine = new FakeSpeechEngine([
			{ name: 'Tingting', lang: 'zh-CN' },
			{ name: 'Meijia', lang: 'zh-TW' }
		]);
		const { reader, setScript } = setup({}, engine);
		setScript('traditional');
		reader.play(second);
		setScript('simplified');
		reader.play(second);
		expect(engine.spoken.map((u) => u.voice)).toEqual(['Meijia', 'Tingting']);
	});
});
