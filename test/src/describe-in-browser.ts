// `describe` for suites that drive a real browser. Without one the suite is skipped (its hooks do not
// run, so nothing half-starts) and marked, and the browser reporter ends the run with one line naming it.
import { describe } from '@jest/globals';
import { findBrowser, NEEDS_BROWSER } from './find-browser.js';

const available = findBrowser({ env: process.env, platform: process.platform }) !== undefined;

export const describeInBrowser = (name: string, body: () => void): void =>
  available ? describe(name, body) : describe.skip(`${NEEDS_BROWSER} ${name}`, body);
