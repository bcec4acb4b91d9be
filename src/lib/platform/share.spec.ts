import { describe, expect, it } from 'vitest';
import { copyText, shareOrCopy, type ShareTarget } from './share';

const quote = {
	text: '春水初生。\n——《汾河春早》，太行日报',
	url: 'https://r.example/#/doc/d/a#p2'
};

function clipboard() {
	const copied: string[] = [];
	return { copied, clipboard: { writeText: async (text: string) => void copied.push(text) } };
}

const domError = (name: string) => Object.assign(new Error(name), { name });

describe('shareOrCopy', () => {
	it('shares text and link through the share sheet where there is one', async () => {
		const sent: unknown[] = [];
		const { copied, clipboard: board } = clipboard();
		const target: ShareTarget = { share: async (data) => void sent.push(data), clipboard: board };
		expect(await shareOrCopy(quote, target)).toBe('shared');
		expect(sent).toEqual([{ text: quote.text, url: quote.url }]);
		expect(copied).toEqual([]);
	});

	it('copies quote and link when there is no share sheet', async () => {
		const { copied, clipboard: board } = clipboard();
		expect(await shareOrCopy(quote, { clipboard: board })).toBe('copied');
		expect(copied).toEqual([`${quote.text}\n${quote.url}`]);
	});

	it('copies nothing when the reader closes the sheet', async () => {
		const { copied, clipboard: board } = clipboard();
		const share = async () => {
			throw domError('AbortError');
		};
		expect(await shareOrCopy(quote, { share, clipboard: board })).toBe('cancelled');
		expect(copied).toEqual([]);
	});

	it('falls back to copying when the sheet refuses', async () => {
		const { copied, clipboard: board } = clipboard();
		const share = async () => {
			throw domError('NotAllowedError');
		};
		expect(await shareOrCopy({ text: '春水初生。' }, { share, clipboard: board })).toBe('copied');
		expect(copied).toEqual(['春水初生。']);
	});

	it('says it failed, without throwing, when neither works', async () => {
		const share = async () => {
			throw domError('NotAllowedError');
		};
		const clipboardRefuses = {
			writeText: async () => {
				throw domError('NotAllowedError');
			}
		};
		expect(await shareOrCopy(quote, { share, clipboard: clipboardRefuses })).toBe('failed');
		expect(await shareOrCopy(quote, {})).toBe('failed');
		expect(await copyText('x', {})).toBe('failed');
		expect(await copyText('x', { clipboard: clipboardRefuses })).toBe('failed');
	});
});
