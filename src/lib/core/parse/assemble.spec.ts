import { describe, expect, it } from 'vitest';
import { assembleDrafts } from './assemble';
import { groupBlocks } from './grouping';
import { classifyLines } from './classify';
import { DiagnosticLog } from './diagnostics';
import { claimKickersAndSubtitles } from './roles';
import { splitNonBlankLines } from './text';

const assemble = (text: string) => {
	const log = new DiagnosticLog();
	const flow = classifyLines(splitNonBlankLines(text), log).flow;
	const out = assembleDrafts(groupBlocks(flow, claimKickersAndSubtitles(flow)), log);
	return { ...out, diagnostics: log.finish() };
};

const summary = (text: string) =>
	assemble(text).drafts.map((d) => [d.titleBlock?.title ?? null, d.paragraphs.map((p) => p.text)]);

describe('assembleDrafts', () => {
	it('pairs stacked titles with the bodies that speak of them, in body order', () => {
		expect(
			summary(
				'# 古镇客流创新高\n# 高铁站开通新线\n本报讯（记者 甲）高铁站开通新线。\n本报讯（记者 乙）古镇客流创新高。'
			)
		).toEqual([
			['高铁站开通新线', ['本报讯（记者 甲）高铁站开通新线。']],
			['古镇客流创新高', ['本报讯（记者 乙）古镇客流创新高。']]
		]);
	});

	it('cuts an untitled article off after a (下转…) marker', () => {
		expect(summary('# 甲\n甲的正文（下转第2版）\n（上接第1版）乙的正文。')).toEqual([
			['甲', ['甲的正文']],
			[null, ['乙的正文。']]
		]);
	});

	it('keeps a title without body as an empty article, with a warning', () => {
		const out = assemble('# 孤题');
		expect(out.drafts.map((d) => d.titleBlock?.title)).toEqual(['孤题']);
		expect(out.diagnostics.map((d) => d.level)).toEqual(['warning']);
	});

	it('hands markers with no article at all back as unattached', () => {
		expect(assemble('（下转第3版）').unattachedMarkers).toEqual(['（下转第3版）']);
	});
});
