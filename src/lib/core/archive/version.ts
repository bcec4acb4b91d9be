// The archive format's name, alone in its module: the page imports it (to check a manifest)
// without the index format's code and the normaliser's tables that format.ts brings.

/**
 * Changes whenever tokens, buckets, the encoding or the files' layout change: stored archives
 * must be rebuilt. 3: article lists beside a frequent token's postings, and a locator file
 * beside every catalog shard, named in its manifest entry.
 */
export const ARCHIVE_FORMAT = 'banmian-archive-3';
