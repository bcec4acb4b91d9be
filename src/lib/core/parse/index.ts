/** Banmian's parser: bytes or text of one newspaper page in, structured articles out. */

import { decodeBytes } from './decode';
import { parsePage } from './page';
import type { ParsedDocument, SidecarMeta } from './types';

export type * from './types';
export { decodeBytes, type DecodedText } from './decode';
export { documentIdFromFileName } from './ids';
export { linkContinuations, type ArticleRef, type ContinuationLink } from './links';
export { parsePage, PARSER_VERSION } from './page';
export { articleHeading } from './title';

/** Decodes and parses; decoding diagnostics come first in the document's diagnostics. */
export function parseBytes(
	bytes: Uint8Array,
	source: string,
	sidecar?: SidecarMeta | null,
	encoding?: string
): ParsedDocument {
	const decoded = decodeBytes(bytes, encoding);
	const doc = parsePage(decoded.text, source, sidecar);
	doc.diagnostics.unshift(...decoded.diagnostics);
	doc.encoding = decoded.encoding;
	return doc;
}
