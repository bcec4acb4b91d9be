import { describe, expect, it } from 'vitest';
import { DiagnosticLog, inspectCharacters } from './diagnostics';

describe('DiagnosticLog', () => {
	it('keeps the first 200 notes and says how many more were left out', () => {
		const log = new DiagnosticLog();
		for (let i = 0; i < 250; i++) log.add('info', `note ${i}`, i);
		const list = log.finish();
		expect(list).toHaveLength(201);
		expect(list[200].message).toBe('50 more diagnostics were left out.');
	});
});

describe('inspectCharacters', () => {
	const notes = (text: string) => {
		const log = new DiagnosticLog();
		inspectCharacters(text, log);
		return log.finish().map((d) => d.message);
	};

	it('says nothing about clean text', () => {
		expect(notes('汾河两岸春意正浓。')).toEqual([]);
	});

	it('flags binary bytes, replacement characters and lone surrogates', () => {
		expect(notes('\u0001\u0002\u0003ab')).toEqual(['The text looks binary: 3 control characters.']);
		expect(notes('甲\ufffd乙')).toEqual(['1 characters could not be decoded (U+FFFD).']);
		expect(notes('甲\ud800乙')).toEqual(['1 unpaired surrogate code units in the text.']);
	});
});
