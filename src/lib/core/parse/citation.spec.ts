import { describe, expect, it } from 'vitest';
import { applyCitations, cutCitation } from './citation';
import type { PageMeta } from './types';

function emptyPage(): PageMeta {
	return { header: null, footer: null, paper: null, date: null, pageNumber: null, pageName: null };
}

describe('e-paper citation lines', () => {
	it('reads paper, date and page from a citation on its own line', () => {
		expect(cutCitation('《青禾日报》（2025年03月01日第 01 版）')).toEqual({
			citation: {
				text: '《青禾日报》（2025年03月01日第 01 版）',
				paper: '青禾日报',
				date: '2025-03-01',
				pageNumber: 1
			},
			rest: ''
		});
	});

	it('cuts a citation glued to a byline and leaves the byline', () => {
		const cut = cutCitation('本报记者  林  溪《青禾日报》（ 2025年03月01日   第 04 版）');
		expect(cut?.rest).toBe('本报记者  林  溪');
		expect(cut?.citation).toMatchObject({ paper: '青禾日报', date: '2025-03-01', pageNumber: 4 });
	});

	it('ignores book titles and quotations', () => {
		expect(cutCitation('他把《乡土中国》（2019年版）读了三遍。')).toBeNull();
		expect(cutCitation('《青禾日报》报道了这件事。')).toBeNull();
	});

	it('fills page metadata only when no header did, and keeps the citation as furniture', () => {
		const citation = cutCitation('《青禾日报》（2025年03月01日第 04 版）')!.citation;
		const bare = emptyPage();
		const furniture: string[] = [];
		applyCitations(bare, [citation], furniture);
		expect(bare).toMatchObject({ paper: '青禾日报', date: '2025-03-01', pageNumber: 4 });
		expect(furniture).toEqual([citation.text]);

		const headed = { ...emptyPage(), header: '晋南日报 2024年1月5日 第2版', pageNumber: 2 };
		applyCitations(headed, [citation], []);
		expect(headed).toMatchObject({ paper: null, date: null, pageNumber: 2 });
	});
});
