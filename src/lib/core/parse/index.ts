/** Banmian's parser: bytes or text of one newspaper page in, structured articles out. */

import { decodeBytes } from './decode';
import type { ParseStats } from './diagnostics';
import { parsePageWithStats } from './page';
import type { ParsedDocument, SidecarMeta } from './types';

export type * from './types';
export { decodeBytes, type DecodedText } from './decode';
export { documentIdFromFileName } from './ids';
export {
	continuationsOf,
	linkContinuations,
	type ArticleRef,
	type ContinuationLink
} from './links';
export { parsePage, parsePageWithStats, PARSER_VERSION } from './page';
export type { ParseStats } from './diagnostics';
export { articleHeading } from './title';

/** Decodes and parses; decoding diagnostics come first in the document's diagnostics. */
export function parseBytes(
	bytes: Uint8Array,
	source: string,
	sidecar?: SidecarMeta | null,
	encoding?: string
): ParsedDocument {
	return parseBytesWithStats(bytes, source, sidecar, encoding).document;
}

/** `parseBytes`, with counts of what the parser decided (for the parser report). */
export function parseBytesWithStats(
	bytes: Uint8Array,
	source: string,
	sidecar?: SidecarMeta | null,
	encoding?: string
): { document: ParsedDocument; stats: ParseStats } {
	const decoded = decodeBytes(bytes, encoding);
	const parsed = parsePageWithStats(decoded.text, source, sidecar);
	parsed.document.diagnostics.unshift(...decoded.diagnostics);
	parsed.document.encoding = decoded.encoding;
	return parsed;
}
