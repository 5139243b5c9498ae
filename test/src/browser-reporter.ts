// A Jest reporter: when browser suites were skipped because this machine has no browser, the run ends
// with one line that names them and says how to get one, and fails (a skipped suite is not a pass).
import { basename } from 'node:path';
import type { AggregatedResult, Reporter } from '@jest/reporters';
import { INSTALL_HINT, NEEDS_BROWSER } from './find-browser.js';

export default class BrowserReporter implements Pick<Reporter, 'onRunComplete' | 'getLastError'> {
  private error: Error | undefined;

  onRunComplete(_contexts: unknown, results: AggregatedResult): void {
    const skipped = results.testResults
      .filter((file) => file.testResults.some((t) => t.status === 'pending' && t.ancestorTitles[0]?.startsWith(NEEDS_BROWSER)))
      .map((file) => basename(file.testFilePath).replace(/\.test\.js$/, ''))
      .sort();
    if (skipped.length === 0) return;
    const line = `browser tests not run (${skipped.join(', ')}): no Chromium or Chrome was found; ${INSTALL_HINT}.`;
    process.stderr.write(`\n${line}\n`);
    this.error = new Error(line);
  }

  getLastError(): Error | undefined {
    return this.error;
  }
}
