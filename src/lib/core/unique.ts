/**
 * `list` with `arrivals` merged in: an arrival replaces the entry with its key where that entry
 * stands, a later arrival replaces an earlier one, new keys go to the end in order. The result
 * holds each key once, whatever the input held, so it can back a keyed `{#each}`.
 */
export function mergeByKey<T>(
	list: readonly T[],
	arrivals: readonly T[],
	key: (item: T) => string
): T[] {
	const merged: T[] = [];
	const at = new Map<string, number>();
	for (const item of [...list, ...arrivals]) {
		const k = key(item);
		const index = at.get(k);
		if (index === undefined) {
			at.set(k, merged.length);
			merged.push(item);
		} else merged[index] = item;
	}
	return merged;
}
