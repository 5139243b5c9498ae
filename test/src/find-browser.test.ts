import { describe, expect, it } from '@jest/globals';
import { findBrowser, MACOS_BROWSERS } from './find-browser.js';

const only = (...present: string[]) => (path: string) => present.includes(path);

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH first', () => {
    expect(findBrowser({ env: { CHROMIUM_PATH: '/opt/c/chrome', PATH: '/usr/bin' }, platform: 'linux', executable: only('/opt/c/chrome', '/usr/bin/chromium') })).toBe('/opt/c/chrome');
  });

  it('looks on PATH for chromium, chromium-browser, then google-chrome, directory by directory', () => {
    const env = { PATH: '/a:/b' };
    expect(findBrowser({ env, platform: 'linux', executable: only('/b/chromium', '/a/google-chrome') })).toBe('/a/google-chrome');
    expect(findBrowser({ env, platform: 'linux', executable: only('/a/chromium-browser', '/a/google-chrome') })).toBe('/a/chromium-browser');
    expect(findBrowser({ env: { CHROMIUM_PATH: '/gone', PATH: '/a:/b' }, platform: 'linux', executable: only('/b/chromium') })).toBe('/b/chromium');
  });

  it('falls back to the macOS applications on a Mac only', () => {
    expect(findBrowser({ env: { PATH: '/usr/bin' }, platform: 'darwin', executable: only(MACOS_BROWSERS[1]) })).toBe(MACOS_BROWSERS[1]);
    expect(findBrowser({ env: { PATH: '/usr/bin' }, platform: 'linux', executable: only(MACOS_BROWSERS[1]) })).toBeUndefined();
  });

  it('finds nothing when there is nothing', () => {
    expect(findBrowser({ env: {}, platform: 'linux', executable: () => false })).toBeUndefined();
  });
});
