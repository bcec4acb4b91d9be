import { existsSync, readdirSync } from 'node:fs';
import { seedFiles, seedFolders, TEST_SEEDS } from '../scripts/seeds.mjs';

// The specs read the test pages (tests/fixtures/seeds), which a plain `vite build` leaves out:
// stop at once with what to run rather than failing spec by spec.
export default function checkBuildHasTestPages(): void {
	const assets = 'build/_app/immutable/assets';
	const built = existsSync(assets) ? readdirSync(assets) : [];
	const missing = seedFiles(seedFolders(TEST_SEEDS, process.cwd()))
		.map((seed) => seed.name.replace(/\.(txt|md)$/i, ''))
		.filter((stem) => !built.some((file) => file.startsWith(`${stem}.`)));
	if (missing.length > 0) {
		throw new Error(
			`build/ lacks the test pages (${missing.join(', ')}): run \`npm run build:test\` first.`
		);
	}
}
