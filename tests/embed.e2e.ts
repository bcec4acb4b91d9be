import { embedSuite } from './embed-suite';

// Playwright's default switches third-party storage off: the embed must run in memory.
embedSuite('no storage');
