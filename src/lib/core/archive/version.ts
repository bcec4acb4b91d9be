// The archive format's name, alone in its module: the page imports it (to check a manifest)
// without the index format's code and the normaliser's tables that format.ts brings.

/** Changes whenever tokens, buckets or the encoding change: stored archives must be rebuilt. */
export const ARCHIVE_FORMAT = 'banmian-archive-3';
