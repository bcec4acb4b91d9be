import { readFileSync } from 'node:fs';
import { test as base, expect, type FileChooser, type Frame, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { seedFiles, seedFolders, TEST_SEEDS } from '../scripts/seeds.mjs';

/** Every spec gets `makeAxe()` for accessibility checks on what it shows. */
export const test = base.extend<{ makeAxe: () => AxeBuilder }>({
	makeAxe: async ({ page }, use) => {
		await use(() => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']));
	}
});

export { expect };

/** The bundled page the specs open first (its id is the parser's, from its file name). */
export const seedId = '000_8d483b34ee5996a6';

/** The pages the end-to-end build bundles: the real ones in seeds/ and the test pages. */
export const testSeeds = seedFiles(seedFolders(TEST_SEEDS, process.cwd()));

/** How many pages the library bundles in the end-to-end build. */
export const seedCount = testSeeds.length;

export interface ExpectedArticle {
	title: string;
	kicker: string | null;
	subtitle: string | null;
	paragraphs: string[];
	captions: string[];
}

/** A bundled page's hand-written expected structure (tests/fixtures/expected). */
export function expectedDocument(id = seedId): { articles: ExpectedArticle[] } {
	return JSON.parse(readFileSync(`tests/fixtures/expected/${id}.expected.json`, 'utf8'));
}

/** The keys of one store of the reader's IndexedDB, as the page (or frame) sees them. */
export function storedKeys(target: Page | Frame, store: string): Promise<string[]> {
	return target.evaluate(
		(store) =>
			new Promise<string[]>((resolve, reject) => {
				const open = indexedDB.open('banmian');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const request = open.result.transaction(store).objectStore(store).getAllKeys();
					request.onsuccess = () => {
						open.result.close();
						resolve(request.result.map(String));
					};
					request.onerror = () => reject(request.error);
				};
			}),
		store
	);
}

/** Deletes records from one store of the reader's IndexedDB, as a browser losing them would. */
export function deleteStored(target: Page | Frame, store: string, keys: string[]): Promise<void> {
	return target.evaluate(
		([store, keys]) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('banmian');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction(store, 'readwrite');
					for (const key of keys) tx.objectStore(store).delete(key);
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		[store, keys] as const
	);
}

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

/** Changes the view without reloading; set again until it holds while the app starts. */
export async function go(page: Page, hash: string) {
	await expect(async () => {
		const now = await page.evaluate(async (h) => {
			if (location.hash !== h) location.hash = h;
			await new Promise((resolve) => setTimeout(resolve, 200));
			return location.hash;
		}, hash);
		expect(now).toBe(hash);
	}).toPass({ timeout: 10_000 });
}
