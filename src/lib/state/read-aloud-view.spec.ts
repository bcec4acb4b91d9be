import { describe, expect, it } from 'vitest';
import { FakeSpeechEngine } from '../platform/speech.spec-helpers';
import { ReadAloud, type ReadAloudArticle } from './read-aloud.svelte';
import { isReading, spokenIn } from './read-aloud-view';

const story: ReadAloudArticle = {
	parts: [
		{
			documentId: 'p1',
			articleId: 'a',
			article: {
				kicker: '春耕时节',
				title: '汾河春早',
				subtitle: null,
				paragraphs: ['春水初生。燕子回来了！'],
				subheads: []
			}
		}
	]
};

function reader() {
	const engine = new FakeSpeechEngine();
	return { engine, session: new ReadAloud({ engine, script: () => 'simplified' }) };
}

describe('the read-aloud session as an article view sees it', () => {
	it('marks the heading line being read, then the body sentence over its paragraph', () => {
		const { engine, session } = reader();
		session.play(story);
		expect(spokenIn(session, 'p1', 'a')).toEqual({ span: null, heading: 'kicker' });
		engine.finish();
		expect(spokenIn(session, 'p1', 'a').heading).toBe('title');
		engine.finish();
		expect(spokenIn(session, 'p1', 'a')).toEqual({
			span: {
				id: 'speech',
				kind: 'speech',
				color: 'speech',
				paragraph: 0,
				start: 0,
				endParagraph: 0,
				end: 5
			},
			heading: null
		});
		engine.finish();
		expect(spokenIn(session, 'p1', 'a').span).toMatchObject({ start: 5, end: 11 });
	});

	it('keeps the mark while paused, and marks nothing in another article or once stopped', () => {
		const { session } = reader();
		session.play(story);
		session.pause();
		expect(isReading(session, 'p1', 'a')).toBe(true);
		expect(spokenIn(session, 'p1', 'a').heading).toBe('kicker');
		expect(isReading(session, 'p1', 'b')).toBe(false);
		expect(spokenIn(session, 'p1', 'b')).toEqual({ span: null, heading: null });
		session.stop();
		expect(isReading(session, 'p1', 'a')).toBe(false);
		expect(spokenIn(session, 'p1', 'a')).toEqual({ span: null, heading: null });
	});
});
