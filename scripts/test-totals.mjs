// Sums vitest's and Playwright's JSON reports into the one line CI reads.
// Exit 1 when anything failed or when no test ran at all.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
const [vitestReport, playwrightReport] = process.argv.slice(2);

if (vitestReport && existsSync(vitestReport)) {
	const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
	passed += report.numPassedTests ?? 0;
	failed += report.numFailedTests ?? 0;
	// A spec file that crashed before its tests ran counts as a failure.
	for (const file of report.testResults ?? []) {
		if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed += 1;
	}
}

if (playwrightReport && existsSync(playwrightReport)) {
	const report = JSON.parse(readFileSync(playwrightReport, 'utf8'));
	const stats = report.stats ?? {};
	passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
	failed += stats.unexpected ?? 0;
	if ((report.errors ?? []).length > 0 && (stats.expected ?? 0) === 0) failed += 1;
}

console.log(`total: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
