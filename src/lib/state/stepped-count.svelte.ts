/**
 * How many entries of a long list to render: up to `first` at once, then `step` more per task
 * until the target. Rendering a thousand-page library's entries in one task blocked a slow
 * phone's main thread for hundreds of milliseconds; a step at a time, each task stays short and
 * the browser can paint and answer input in between.
 */
export class SteppedCount {
	/** How many to render now. */
	value = $state(0);
	// Plain mirrors of the above: follow() runs inside effects, which must not depend on value.
	#value: number;
	#target: number;
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(
		readonly options: { first: number; step: number },
		initial = 0
	) {
		this.#value = this.#target = initial;
		this.value = initial;
	}

	/** Moves toward `target`: at once up to `first` (or down), then a step per task. */
	follow(target: number): void {
		this.#target = target;
		if (target <= Math.max(this.#value, this.options.first)) this.#set(target);
		else if (this.#value < this.options.first) this.#set(this.options.first);
		if (this.#value >= target) this.stop();
		else this.#schedule();
	}

	/** Drops the steps still to come (the list is gone). */
	stop(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
	}

	#set(value: number): void {
		this.#value = value;
		this.value = value;
	}

	#schedule(): void {
		if (this.#timer !== undefined || this.#value >= this.#target) return;
		this.#timer = setTimeout(() => {
			this.#timer = undefined;
			this.#set(Math.min(this.#target, this.#value + this.options.step));
			this.#schedule();
		}, 0);
	}
}
