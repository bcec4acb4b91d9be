import type { Reroute } from '@sveltejs/kit';
import { readableHash } from '$lib/links';

/** Links are untrusted input: a malformed one must show "not found", never a blank page. */
export const reroute: Reroute = ({ url }) => readableHash(url.hash) ?? undefined;
