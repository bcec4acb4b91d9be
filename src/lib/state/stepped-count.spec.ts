import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SteppedCount } from './stepped-count.svelte';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** The values the count takes, task by task, until it settles. */
function steps(count: SteppedCount): number[] {
	const seen = [count.value];
	while (vi.getTimerCount() > 0) {
		vi.advanceTimersToNextTimer();
		seen.push(count.value);
	}
	return seen;
}

describe('SteppedCount', () => {
	it('renders a first screenful at once and the rest a step per task, up to the target', () => {
		const count = new SteppedCount({ first: 16, step: 8 });
		count.follow(40);
		expect(steps(count)).toEqual([16, 24, 32, 40]);
	});

	it('takes a target within the first screenful at once', () => {
		const count = new SteppedCount({ first: 16, step: 8 });
		count.follow(3);
		expect(steps(count)).toEqual([3]);
	});

	it('goes on from where it is when the target grows (显示更多), one step per task', () => {
		const count = new SteppedCount({ first: 16, step: 8 }, 40);
		count.follow(60);
		expect(steps(count)).toEqual([40, 48, 56, 60]);
	});

	it('drops to a lower target at once, steps pending or not', () => {
		const count = new SteppedCount({ first: 16, step: 8 });
		count.follow(100);
		vi.advanceTimersToNextTimer();
		expect(count.value).toBe(24);
		count.follow(10);
		expect(steps(count)).toEqual([10]);
	});

	it('takes no further step once stopped', () => {
		const count = new SteppedCount({ first: 16, step: 8 });
		count.follow(100);
		count.stop();
		expect(steps(count)).toEqual([16]);
	});
});
