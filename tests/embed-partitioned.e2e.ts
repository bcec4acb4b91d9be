import { test } from './fixtures';
import { chromiumArgs, executablePath } from '../playwright.config';
import { embedSuite } from './embed-suite';

// Replacing Playwright's --disable-features list restores Chromium's real third-party storage
// partitioning: the embed gets storage of its own.
test.use({
	launchOptions: { executablePath, args: [...chromiumArgs, '--disable-features=PaintHolding'] }
});

embedSuite('partitioned');
