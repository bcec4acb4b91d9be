/**
 * Which pages hold each of a few very common tokens, one bit per page slot. A token found on a
 * large share of the pages costs FlexSearch eight bytes per page in its posting list and narrows
 * little; as a row of bits it costs one bit per slot, and rows intersect a word at a time.
 */
export class PageBits {
	/** Row of each token id held here. */
	private readonly rows = new Map<number, number>();
	/** Row r is `bits[r * words]` … `bits[(r + 1) * words - 1]`; slot s is bit s % 32 of word s >> 5. */
	private bits: Uint32Array;
	private words: number;

	/** Rows for `tokens`, all empty, with room for `slots` slots (more are made room for). */
	constructor(tokens: Iterable<number>, slots: number) {
		for (const token of tokens) this.rows.set(token, this.rows.size);
		this.words = Math.max(1, (slots + 31) >>> 5);
		this.bits = new Uint32Array(this.rows.size * this.words);
	}

	get size(): number {
		return this.rows.size;
	}

	has(token: number): boolean {
		return this.rows.has(token);
	}

	/** Marks `slot` as holding `token`, a token held here. */
	set(token: number, slot: number): void {
		const row = this.rows.get(token);
		if (row === undefined) throw new Error(`token ${token} has no row`);
		if (slot >>> 5 >= this.words) this.grow(slot);
		this.bits[row * this.words + (slot >>> 5)] |= 1 << (slot & 31);
	}

	/** Forgets every token of `slot`. */
	clear(slot: number): void {
		const word = slot >>> 5;
		if (word >= this.words) return;
		const mask = ~(1 << (slot & 31));
		for (let at = word; at < this.bits.length; at += this.words) this.bits[at] &= mask;
	}

	/** Whether `slot` holds every one of `tokens` (tokens held here). */
	hasAll(slot: number, tokens: readonly number[]): boolean {
		const word = slot >>> 5;
		if (word >= this.words) return false;
		const bit = 1 << (slot & 31);
		for (const token of tokens) {
			if (!(this.bits[(this.rows.get(token) as number) * this.words + word] & bit)) return false;
		}
		return true;
	}

	/** The slots holding every one of `tokens` (tokens held here; at least one), ascending. */
	slotsWithAll(tokens: readonly number[]): number[] {
		const starts = tokens.map((token) => (this.rows.get(token) as number) * this.words);
		const out: number[] = [];
		for (let w = 0; w < this.words; w++) {
			let word = 0xffffffff;
			for (let t = 0; t < starts.length && word; t++) word &= this.bits[starts[t] + w];
			while (word) {
				const low = word & -word;
				out.push((w << 5) + 31 - Math.clz32(low));
				word ^= low;
			}
		}
		return out;
	}

	/** Doubles the room until `slot` fits. */
	private grow(slot: number): void {
		let words = this.words;
		while (slot >>> 5 >= words) words *= 2;
		const bits = new Uint32Array(this.rows.size * words);
		for (let r = 0; r < this.rows.size; r++) {
			bits.set(this.bits.subarray(r * this.words, (r + 1) * this.words), r * words);
		}
		this.bits = bits;
		this.words = words;
	}
}
