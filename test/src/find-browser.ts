// Where the browser tests find Chromium: CHROMIUM_PATH, then the usual names on PATH, then the usual
// macOS application paths. Pure, so the order is tested without any browser installed.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome'] as const;

export const MACOS_BROWSERS = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
] as const;

/** Marks the title of a browser suite that was skipped; the browser reporter names them and fails the run. */
export const NEEDS_BROWSER = '[needs a browser]';

/** How to get a browser, in one sentence for the end of a test run. */
export const INSTALL_HINT =
  'install Chromium (Debian/Ubuntu: sudo apt-get install chromium; macOS: brew install --cask chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary';

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

export interface BrowserSearch {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  executable?: (path: string) => boolean;
}

/** The first browser found, or undefined. */
export function findBrowser({ env, platform, executable = isExecutable }: BrowserSearch): string | undefined {
  const candidates = [
    ...(env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : []),
    ...(env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((dir) => BROWSER_NAMES.map((name) => join(dir, name))),
    ...(platform === 'darwin' ? MACOS_BROWSERS : []),
  ];
  return candidates.find((path) => executable(path));
}
