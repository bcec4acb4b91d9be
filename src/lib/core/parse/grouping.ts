/**
 * Stage: group into blocks — the flow, with kickers and subtitles claimed, becomes a sequence
 * of blocks: a run of stacked titles, then the body items up to the next title.
 */

import type { FlowItem, TitleBlock } from './flow';
import type { BodyItem } from './paragraphs';
import type { Claims } from './roles';

export interface Block {
	/** Titles stacked above the body, in page order; empty for text before the first title. */
	titles: TitleBlock[];
	body: BodyItem[];
}

export function groupBlocks(flow: FlowItem[], claims: Claims): Block[] {
	const blocks: Block[] = [];
	let current: Block | null = null;
	for (let i = 0; i < flow.length; i++) {
		const item = flow[i];
		if (claims.of[i] !== 0) continue;
		if (item.kind !== 'heading') {
			if (current === null) {
				current = { titles: [], body: [] };
				blocks.push(current);
			}
			current.body.push(item);
			continue;
		}
		// a title after body text opens the next block; stacked titles share one
		if (current === null || current.body.length > 0) {
			current = { titles: [], body: [] };
			blocks.push(current);
		}
		const titleBlock: TitleBlock = {
			level: item.level,
			title: item.title,
			kicker: null,
			subtitle: null,
			lines: [item.line]
		};
		const kicker = claims.kickerOf.get(i);
		if (kicker !== undefined) {
			const k = flow[kicker];
			titleBlock.kicker = k.kind === 'heading' ? k.title : (k as { text: string }).text;
			titleBlock.lines.push(k.line);
		}
		const subtitle = claims.subtitleOf.get(i);
		if (subtitle !== undefined) {
			const s = flow[subtitle] as { text: string; line: number };
			titleBlock.subtitle = s.text;
			titleBlock.lines.push(s.line);
		}
		current.titles.push(titleBlock);
	}
	return blocks;
}
