import { test as base, expect, type FileChooser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Every spec gets `makeAxe()` for accessibility checks on what it shows. */
export const test = base.extend<{ makeAxe: () => AxeBuilder }>({
	makeAxe: async ({ page }, use) => {
		await use(() => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']));
	}
});

export { expect };

/** Imports files on the library as a reader does: 「导入」, then 「选择文件」 in the sheet. */
export async function importFiles(page: Page, files: Parameters<FileChooser['setFiles']>[0]) {
	await page.getByRole('button', { name: '导入', exact: true }).click();
	const sheet = page.getByRole('dialog', { name: '导入自己的版面' });
	const chooser = page.waitForEvent('filechooser');
	await sheet.getByRole('button', { name: '选择文件' }).click();
	await (await chooser).setFiles(files);
	await expect(sheet).toBeHidden();
}

/** Restores a backup on the notes view as a reader does, through its 「导入备份」 button. */
export async function importBackup(page: Page, file: Parameters<FileChooser['setFiles']>[0]) {
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: '导入备份' }).click();
	await (await chooser).setFiles(file);
}
