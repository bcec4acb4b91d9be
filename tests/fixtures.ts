import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Every spec gets `makeAxe()` for accessibility checks on what it shows. */
export const test = base.extend<{ makeAxe: () => AxeBuilder }>({
	makeAxe: async ({ page }, use) => {
		await use(() => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']));
	}
});

export { expect };
